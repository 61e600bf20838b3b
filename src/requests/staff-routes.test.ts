// The office's side of requests as its staff use it: the queue with its tabs and pages, a request
// registered at the desk through the signed-in form, the request page and the actions on it.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { createTestUser, type TestUser } from '../accounts/test-support.ts';
import { systemActor } from '../core/actor.ts';
import { toBanglaDigits } from '../core/format.ts';
import { requireOfficeId } from '../offices/index.ts';
import { openSeededApp, type SeededApp } from '../test-support.ts';
import { endOfDhakaDay } from './dhaka-clock.ts';
import { actOnRequest, receiveRequest, type RequestIntake } from './request-service.ts';

const JESSORE = 'doict-sadar-jessore';
const JAINTIAPUR = 'doict-jaintiapur-sylhet';

let seeded: SeededApp;
let staff: TestUser;
let jessoreAdmin: TestUser;
let jessore: { id: number; slug: string };
let jaintiapur: { id: number; slug: string };

before(async () => {
  seeded = await openSeededApp();
  const { db } = seeded.database;
  staff = await createTestUser(db, 'office_staff', { kind: 'office', slug: JESSORE });
  jessoreAdmin = await createTestUser(db, 'office_admin', { kind: 'office', slug: JESSORE });
  jessore = { id: await requireOfficeId(db, JESSORE), slug: JESSORE };
  jaintiapur = { id: await requireOfficeId(db, JAINTIAPUR), slug: JAINTIAPUR };
});
after(() => seeded.close());

const desk = { userId: null, label: 'desk@test.gov.bd', ip: '127.0.0.1' };

function intake(office: { id: number; slug: string }, overrides: Partial<RequestIntake> = {}): RequestIntake {
  return {
    office,
    serviceCode: 's1',
    channel: 'in_person',
    receivedAt: new Date(),
    citizen: { name: 'রহিম উদ্দিন', mobile: '01712345678' },
    details: 'ইন্টারনেট সংযোগ প্রয়োজন',
    ...overrides,
  };
}

const as = (user: TestUser | string) => ({ authorization: typeof user === 'string' ? user : user.authorization });

function form(fields: Record<string, string>) {
  return { payload: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } };
}

/** An action posted with an API token, which needs no CSRF token. */
function act(number: string, fields: Record<string, string>, user: TestUser = staff, office = JESSORE) {
  const request = form(fields);
  return seeded.app.inject({ method: 'POST', url: `/offices/${office}/requests/${number}/actions?lang=en`, ...request, headers: { ...request.headers, ...as(user) } });
}

const numbersIn = (body: string) => [...body.matchAll(/<td class="number"[^>]*><a href="[^"]+">([^<]+)<\/a>/g)].map((match) => match[1]);
const countOf = (body: string, label: string) => Number(new RegExp(`${label} <span class="count">\\((\\d+)\\)`).exec(body)?.[1] ?? 'NaN');

async function setDue(trackingNumber: string, dueAt: Date | null, hasTimeLimit = true) {
  await seeded.database.db.updateTable('service_requests').set({ due_at: dueAt, has_time_limit: hasTimeLimit }).where('tracking_number', '=', trackingNumber).execute();
}

test('the queue lists open requests by due moment, with counts of the overdue, the due today and the returned', async () => {
  const { db } = seeded.database;
  const now = Date.now();
  const later = await receiveRequest(db, desk, intake(jaintiapur));
  const overdue = await receiveRequest(db, desk, intake(jaintiapur, { receivedAt: new Date(now - 20 * 86_400_000) }));
  await setDue(overdue.tracking_number, new Date(now - 86_400_000));
  const today = await receiveRequest(db, desk, intake(jaintiapur));
  await setDue(today.tracking_number, endOfDhakaDay(new Date(now + 120_000)));
  const returned = await receiveRequest(db, desk, intake(jaintiapur));
  await actOnRequest(db, systemActor, jaintiapur.id, returned.tracking_number, { action: 'return', note: 'জাতীয় পরিচয়পত্রের কপি' });
  const unlimited = await receiveRequest(db, desk, intake(jaintiapur));
  await setDue(unlimited.tracking_number, null, false);
  const delivered = await receiveRequest(db, desk, intake(jaintiapur));
  await actOnRequest(db, systemActor, jaintiapur.id, delivered.tracking_number, { action: 'deliver' });

  const page = await seeded.app.inject({ url: `/offices/${JAINTIAPUR}/requests?lang=en`, headers: as(seeded.adminAuthorization) });
  assert.equal(page.statusCode, 200, page.body.slice(0, 300));
  assert.match(page.headers['cache-control'] ?? '', /no-store/);
  assert.deepEqual(numbersIn(page.body), [overdue, today, later, returned, unlimited].map((r) => r.tracking_number), 'by due moment; paused and unlimited last');
  assert.equal(countOf(page.body, 'Open'), 5);
  assert.equal(countOf(page.body, 'Overdue'), 1);
  assert.equal(countOf(page.body, 'Due today'), 1);
  assert.equal(countOf(page.body, 'Returned for documents'), 1);
  assert.equal(countOf(page.body, 'No fixed time limit'), 1);
  assert.match(page.body, /<tr class="queue-overdue">/);
  assert.match(page.body, /Paused: waiting for the applicant/);

  const overdueView = await seeded.app.inject({ url: `/offices/${JAINTIAPUR}/requests?view=overdue&lang=en`, headers: as(seeded.adminAuthorization) });
  assert.deepEqual(numbersIn(overdueView.body), [overdue.tracking_number]);
  assert.match(overdueView.body, /aria-current="page">Overdue/);
  const closed = await seeded.app.inject({ url: `/offices/${JAINTIAPUR}/requests?view=closed&lang=en`, headers: as(seeded.adminAuthorization) });
  assert.deepEqual(numbersIn(closed.body), [delivered.tracking_number]);
  assert.match(closed.body, /Delivered on time/);

  const bangla = await seeded.app.inject({ url: `/offices/${JAINTIAPUR}/requests?lang=bn`, headers: as(seeded.adminAuthorization) });
  assert.match(bangla.body, /নির্ধারিত সময় পার হয়েছে/);
  assert.match(bangla.body, /চলমান <span class="count">\(৫\)<\/span>/, 'counts in Bangla digits');
});

test('the queue shows 50 requests a page, with next and previous pages', async () => {
  const { db } = seeded.database;
  for (let i = 0; i < 52; i++) await receiveRequest(db, desk, intake(jessore));
  const first = await seeded.app.inject({ url: `/offices/${JESSORE}/requests?lang=en`, headers: as(staff) });
  assert.equal(numbersIn(first.body).length, 50);
  assert.match(first.body, /href="\/offices\/doict-sadar-jessore\/requests\?page=2" rel="next"/);
  assert.doesNotMatch(first.body, /rel="prev"/);
  const second = await seeded.app.inject({ url: `/offices/${JESSORE}/requests?page=2&lang=en`, headers: as(staff) });
  const onSecond = numbersIn(second.body);
  assert.ok(onSecond.length >= 2, `the rest on page 2 (${onSecond.length})`);
  assert.ok(!onSecond.some((number) => numbersIn(first.body).includes(number)), 'no request on both pages');
  assert.match(second.body, /href="\/offices\/doict-sadar-jessore\/requests" rel="prev"/);
  assert.match(second.body, /Requests 51–/);
});

function cookiesOf(response: LightMyRequestResponse): Record<string, string> {
  return Object.fromEntries(response.cookies.map((cookie) => [cookie.name, cookie.value]));
}
const csrfOf = (body: string) => /name="_csrf" value="([^"]+)"/.exec(body)?.[1] ?? '';

async function signIn(user: TestUser): Promise<Record<string, string>> {
  const page = await seeded.app.inject({ url: '/login' });
  const response = await seeded.app.inject({ method: 'POST', url: '/login', cookies: cookiesOf(page), ...form({ email: user.email, password: user.password, _csrf: csrfOf(page.body) }) });
  assert.equal(response.statusCode, 303, response.body);
  return { ...cookiesOf(page), ...cookiesOf(response) };
}

test('a request registered at the desk through the signed-in form, its time typed in Bangla digits, gets a tracking number to give the citizen', async () => {
  const session = await signIn(staff);
  const url = `/offices/${JESSORE}/requests/new`;
  const page = await seeded.app.inject({ url, cookies: session });
  assert.equal(page.statusCode, 200, page.body.slice(0, 300));
  assert.match(page.body, /<option value="in_person" selected>সরাসরি অফিসে<\/option>/);
  assert.doesNotMatch(page.body, /value="online"/, 'online requests come by themselves');
  assert.match(page.body, /name="received_date" type="text" value="[০-৯]{4}-[০-৯]{2}-[০-৯]{2}"/, 'today, in Bangla digits');
  const cookies = { ...session, ...cookiesOf(page) };
  const fields = {
    service: 's3',
    channel: 'letter',
    received_date: toBanglaDigits('2026-11-17'),
    received_time: '১১:৩০',
    name: 'করিম মিয়া',
    mobile: '',
    email: '',
    address: 'মণিরামপুর, যশোর',
    details: 'ওয়েবসাইট হালনাগাদ',
    _csrf: csrfOf(page.body),
  };

  const missing = await seeded.app.inject({ method: 'POST', url: `${url}?lang=en`, cookies, ...form({ ...fields, name: ' ', received_date: '2026-13-40', received_time: '25:00' }) });
  assert.equal(missing.statusCode, 400);
  assert.match(missing.body, /Applicant&#39;s name: Type the applicant&#39;s name\./);
  assert.match(missing.body, /Date received: Type the date as year-month-day/);
  assert.match(missing.body, /Time received: Type the time as hours:minutes/);
  assert.match(missing.body, /value="মণিরামপুর, যশোর"|>\nমণিরামপুর, যশোর<\/textarea>/, 'what was typed is kept');
  const future = await seeded.app.inject({ method: 'POST', url: `${url}?lang=en`, cookies, ...form({ ...fields, received_date: '2099-01-01' }) });
  assert.equal(future.statusCode, 400);
  assert.match(future.body, /Date received: The time of receipt cannot be in the future\./);
  const noContact = await seeded.app.inject({ method: 'POST', url: `${url}?lang=en`, cookies, ...form({ ...fields, channel: 'phone' }) });
  assert.equal(noContact.statusCode, 400, 'the domain asks for a contact unless it came by letter');
  assert.match(noContact.body, /Mobile number: Give a mobile number or an e-mail address/);
  const withoutToken = await seeded.app.inject({ method: 'POST', url, cookies, ...form({ ...fields, _csrf: '' }) });
  assert.equal(withoutToken.statusCode, 403, 'a form without the CSRF token is refused');

  const registered = await seeded.app.inject({ method: 'POST', url, cookies, ...form(fields) });
  assert.equal(registered.statusCode, 303, registered.body.slice(0, 500));
  const location = registered.headers.location ?? '';
  const number = /\/requests\/([^?]+)\?done=registered$/.exec(location)?.[1] ?? '';
  assert.ok(number, location);
  const row = await seeded.database.db.selectFrom('service_requests').selectAll().where('tracking_number', '=', number).executeTakeFirstOrThrow();
  assert.equal(row.received_at.toISOString(), '2026-11-17T05:30:00.000Z', '11:30 in Dhaka');
  assert.equal(row.channel, 'letter');
  assert.equal(row.created_by_user_id, staff.id);
  const shown = await seeded.app.inject({ url: location, cookies });
  assert.match(shown.body, new RegExp(`ট্র্যাকিং নম্বর ${number} — এটি আবেদনকারীকে দিন`));
  assert.match(shown.body, /মণিরামপুর, যশোর/);
});

test('the request page shows the applicant, the contacts and the whole history, internal notes marked', async () => {
  const request = await receiveRequest(seeded.database.db, desk, intake(jessore, { citizen: { name: 'সালমা বেগম', mobile: '01812345678', email: 'salma@example.com' } }));
  const noted = await act(request.tracking_number, { action: 'note', note: 'ফোনে কথা হয়েছে' });
  assert.equal(noted.statusCode, 303, noted.body.slice(0, 300));
  assert.equal(noted.headers.location, `/offices/${JESSORE}/requests/${request.tracking_number}?done=note`);
  const page = await seeded.app.inject({ url: `${noted.headers.location}&lang=en`, headers: as(staff) });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /The note is added\./);
  assert.match(page.body, /সালমা বেগম/);
  assert.match(page.body, /href="tel:01812345678"/);
  assert.match(page.body, /salma@example.com/);
  assert.match(page.body, /<li class="internal">[\s\S]*Internal note[\s\S]*Internal: not shown to the applicant[\s\S]*ফোনে কথা হয়েছে/);
  assert.match(page.body, new RegExp(`href="/offices/${JESSORE}/services/s1"`), 'the service links to its public page');
  for (const action of ['accept', 'return', 'deliver', 'reject', 'note']) assert.match(page.body, new RegExp(`name="action" value="${action}"`));
  assert.doesNotMatch(page.body, /name="action" value="start"/, 'only what the state allows');
});

test('actions move the request on; returning it pauses the due moment and resuming restarts it', async () => {
  const { db } = seeded.database;
  const request = await receiveRequest(db, desk, intake(jessore));
  const number = request.tracking_number;
  const status = async () => db.selectFrom('service_requests').select(['status', 'due_at', 'on_time']).where('tracking_number', '=', number).executeTakeFirstOrThrow();

  assert.equal((await act(number, { action: 'accept' })).statusCode, 303);
  assert.equal((await status()).status, 'accepted');
  const noNote = await act(number, { action: 'return', note: '  ' });
  assert.equal(noNote.statusCode, 400);
  assert.match(noNote.body, /Return for missing documents: Write what the citizen must know/);
  assert.equal((await status()).status, 'accepted', 'nothing changed');

  assert.equal((await act(number, { action: 'return', note: 'ট্রেড লাইসেন্সের কপি' })).statusCode, 303);
  assert.deepEqual({ ...(await status()) }, { status: 'returned', due_at: null, on_time: null });
  const paused = await seeded.app.inject({ url: `/offices/${JESSORE}/requests/${number}?lang=en`, headers: as(staff) });
  assert.match(paused.body, /Paused: waiting for the applicant/);
  assert.match(paused.body, /ট্রেড লাইসেন্সের কপি/);

  assert.equal((await act(number, { action: 'resume' })).statusCode, 303);
  const resumed = await status();
  assert.equal(resumed.status, 'accepted');
  assert.ok(resumed.due_at, 'the clock runs again');
  assert.equal((await act(number, { action: 'start' })).statusCode, 303);
  assert.equal((await act(number, { action: 'deliver' })).statusCode, 303);
  assert.deepEqual({ ...(await status()), due_at: null }, { status: 'delivered', due_at: null, on_time: true });
  const closed = await seeded.app.inject({ url: `/offices/${JESSORE}/requests/${number}?done=deliver&lang=en`, headers: as(staff) });
  assert.match(closed.body, /The service is recorded as delivered\./);
  assert.match(closed.body, /Delivered on time/);
  assert.match(closed.body, /only internal notes can be added/);
});

test('an action the state does not allow is refused with 409 on the page', async () => {
  const request = await receiveRequest(seeded.database.db, desk, intake(jessore));
  const refused = await act(request.tracking_number, { action: 'start' });
  assert.equal(refused.statusCode, 409);
  assert.match(refused.body, /That cannot be done to the request in its present state/);
  assert.match(String(refused.headers['content-type']), /text\/html/);
});

test("another office's request is not found; another office's queue is refused", async () => {
  const request = await receiveRequest(seeded.database.db, desk, intake(jessore));
  const elsewhere = await seeded.app.inject({ url: `/offices/${JAINTIAPUR}/requests/${request.tracking_number}`, headers: as(seeded.adminAuthorization) });
  assert.equal(elsewhere.statusCode, 404);
  const actedElsewhere = await act(request.tracking_number, { action: 'accept' }, undefined, JAINTIAPUR);
  assert.equal(actedElsewhere.statusCode, 403, 'Jessore staff may not act for Jaintiapur at all');
  const bySystemAdmin = await seeded.app.inject({
    method: 'POST',
    url: `/offices/${JAINTIAPUR}/requests/${request.tracking_number}/actions`,
    ...form({ action: 'accept' }),
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...as(seeded.adminAuthorization) },
  });
  assert.equal(bySystemAdmin.statusCode, 404);
  const queue = await seeded.app.inject({ url: `/offices/${JAINTIAPUR}/requests`, headers: as(jessoreAdmin) });
  assert.equal(queue.statusCode, 403);
  const notANumber = await seeded.app.inject({ url: `/offices/${JESSORE}/requests/nonsense`, headers: as(staff) });
  assert.equal(notANumber.statusCode, 404);
});
