// Who handles a request, and pages that offer only what the user may do: assignment among the
// office's active staff, their names on the request page and in the queue, the responsible
// officer's own tab first, a supervisor's page without forms, and the closed tab's count.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestUser, type TestUser } from '../accounts/test-support.ts';
import { systemActor } from '../core/actor.ts';
import { findOfficeAncestry, requireOfficeId } from '../offices/index.ts';
import { openSeededApp, type SeededApp } from '../test-support.ts';
import { actOnRequest, receiveRequest, type RequestIntake } from './request-service.ts';

const JESSORE = 'doict-sadar-jessore';
const JAINTIAPUR = 'doict-jaintiapur-sylhet';

let seeded: SeededApp;
let staff: TestUser;
let officer: TestUser;
let leaver: TestUser;
let elsewhere: TestUser;
let supervisor: TestUser;
let jessore: { id: number; slug: string };
let jaintiapur: { id: number; slug: string };

/** The test user, renamed: each assignee is told apart by name. */
async function named(user: TestUser, nameBn: string, nameEn: string): Promise<TestUser> {
  await seeded.database.db.updateTable('users').set({ name_bn: nameBn, name_en: nameEn }).where('id', '=', user.id).execute();
  return user;
}

before(async () => {
  seeded = await openSeededApp();
  const { db } = seeded.database;
  staff = await named(await createTestUser(db, 'office_staff', { kind: 'office', slug: JESSORE }), 'করিম হোসেন', 'Karim Hossain');
  officer = await named(await createTestUser(db, 'officer', { kind: 'office', slug: JESSORE }), 'আমিনা খাতুন', 'Amina Khatun');
  leaver = await named(await createTestUser(db, 'office_staff', { kind: 'office', slug: JESSORE }), 'জামাল উদ্দিন', 'Jamal Uddin');
  elsewhere = await named(await createTestUser(db, 'office_staff', { kind: 'office', slug: JAINTIAPUR }), 'সুমি আক্তার', 'Sumi Akter');
  jessore = { id: await requireOfficeId(db, JESSORE), slug: JESSORE };
  jaintiapur = { id: await requireOfficeId(db, JAINTIAPUR), slug: JAINTIAPUR };
  const ancestry = await findOfficeAncestry(db, jessore.id);
  const district = await db.selectFrom('places').select('slug').where('id', 'in', ancestry?.placeIds ?? []).where('kind', '=', 'district').executeTakeFirstOrThrow();
  supervisor = await createTestUser(db, 'supervisor', { kind: 'district', slug: district.slug });
});
after(() => seeded.close());

const desk = { userId: null, label: 'desk@test.gov.bd', ip: '127.0.0.1' };

function intake(office: { id: number; slug: string }): RequestIntake {
  return { office, serviceCode: 's1', channel: 'in_person', receivedAt: new Date(), citizen: { name: 'রহিম উদ্দিন', mobile: '01712345678' }, details: '' };
}

const as = (user: TestUser) => ({ authorization: user.authorization });

/** An assignment posted with an API token, which needs no CSRF token. */
function assign(number: string, assignee: string, user: TestUser = staff) {
  return seeded.app.inject({
    method: 'POST',
    url: `/offices/${JESSORE}/requests/${number}/actions?lang=en`,
    payload: new URLSearchParams({ action: 'assign', assignee }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...as(user) },
  });
}

const page = (url: string, user: TestUser) => seeded.app.inject({ url, headers: as(user) });
const assignedTo = async (number: string) =>
  (await seeded.database.db.selectFrom('service_requests').select('assigned_user_id').where('tracking_number', '=', number).executeTakeFirstOrThrow()).assigned_user_id;
const numbersIn = (body: string) => [...body.matchAll(/<td class="number"[^>]*><a href="[^"]+">([^<]+)<\/a>/g)].map((match) => match[1]);
const countOf = (body: string, label: string) => Number(new RegExp(`${label} <span class="count">\\((\\d+)\\)`).exec(body)?.[1] ?? 'NaN');
const optionsIn = (body: string) => [...(/<select id="f-assignee"[^>]*>([\s\S]*?)<\/select>/.exec(body)?.[1] ?? '').matchAll(/<option value="(\d*)"/g)].map((match) => match[1]);

test("a request assigned to one of the office's staff shows their name on its page, in the queue and in their own tab", async () => {
  await seeded.database.db.updateTable('users').set({ status: 'disabled' }).where('id', '=', leaver.id).execute();
  const request = await receiveRequest(seeded.database.db, desk, intake(jessore));
  const number = request.tracking_number;
  const before = await page(`/offices/${JESSORE}/requests/${number}?lang=en`, staff);
  assert.match(before.body, /<dt>Assigned to<\/dt><dd>Nobody yet<\/dd>/);
  assert.deepEqual(optionsIn(before.body).sort(), ['', String(officer.id), String(staff.id)].sort(), 'nobody and the active staff of the office only');
  assert.match(before.body, /Amina Khatun \(Responsible officer\)/);

  const done = await assign(number, String(officer.id));
  assert.equal(done.statusCode, 303, done.body.slice(0, 300));
  assert.equal(done.headers.location, `/offices/${JESSORE}/requests/${number}?done=assign`);
  assert.equal(await assignedTo(number), officer.id);

  const shown = await page(`/offices/${JESSORE}/requests/${number}?done=assign&lang=en`, staff);
  assert.match(shown.body, /Who handles the request is saved\./);
  assert.match(shown.body, /<dt>Assigned to<\/dt><dd>Amina Khatun<\/dd>/);
  assert.doesNotMatch(shown.body, /User no\./);
  assert.match(shown.body, new RegExp(`<option value="${officer.id}" selected>`));
  const bangla = await page(`/offices/${JESSORE}/requests/${number}`, staff);
  assert.match(bangla.body, /<dt>দায়িত্বপ্রাপ্ত<\/dt><dd>আমিনা খাতুন<\/dd>/);

  const queue = await page(`/offices/${JESSORE}/requests?lang=en`, staff);
  assert.match(queue.body, /<th scope="col">Assigned to<\/th>/);
  assert.match(queue.body, new RegExp(`${number}</a></td>[\\s\\S]*?<td data-label="Assigned to">Amina Khatun</td>`));
  assert.match(queue.body, /aria-current="page">Open/, 'office staff open on everything open');

  const own = await page(`/offices/${JESSORE}/requests?lang=en`, officer);
  assert.match(own.body, /<ul><li><a href="\/offices\/doict-sadar-jessore\/requests" aria-current="page">Assigned to me/, "the responsible officer's own tab first, and open");
  assert.deepEqual(numbersIn(own.body), [number]);
  assert.equal(countOf(own.body, 'Assigned to me'), 1);
  assert.match(own.body, /href="\/offices\/doict-sadar-jessore\/requests\?view=open">Open/, 'everything open is one tab away');
  const allOpen = await page(`/offices/${JESSORE}/requests?view=open&lang=en`, officer);
  assert.match(allOpen.body, /aria-current="page">Open/);
});

test('an assignee from another office, a disabled account or no user at all is refused with 400 naming the field; nobody is allowed', async () => {
  const request = await receiveRequest(seeded.database.db, desk, intake(jessore));
  const number = request.tracking_number;
  assert.equal((await assign(number, String(staff.id))).statusCode, 303);
  for (const assignee of [String(elsewhere.id), String(leaver.id), '999999', 'somebody']) {
    const refused = await assign(number, assignee);
    assert.equal(refused.statusCode, 400, assignee);
    assert.match(refused.body, /<a href="#f-assignee">Who handles the request: That person does not work in this office\.<\/a>/, assignee);
    assert.match(refused.body, /<select id="f-assignee" name="assignee" aria-invalid="true" aria-describedby="f-assignee-error">/);
    assert.equal(await assignedTo(number), staff.id, 'nothing changed');
  }
  assert.equal((await assign(number, '')).statusCode, 303, 'nobody');
  assert.equal(await assignedTo(number), null);
});

test('a supervisor reads the request and the queue without the forms they would be refused; staff see them; the guard is unchanged', async () => {
  const { db } = seeded.database;
  const request = await receiveRequest(db, desk, intake(jessore));
  const number = request.tracking_number;
  const { id } = await named(await createTestUser(db, 'office_staff', { kind: 'office', slug: JESSORE }), 'নাসির আহমেদ', 'Nasir Ahmed');
  assert.equal((await assign(number, String(id))).statusCode, 303);
  await db.updateTable('users').set({ status: 'disabled' }).where('id', '=', id).execute();

  const read = await page(`/offices/${JESSORE}/requests/${number}?lang=en`, supervisor);
  assert.equal(read.statusCode, 200, read.body.slice(0, 300));
  assert.doesNotMatch(read.body, /<form method="post"/, 'no action forms');
  assert.doesNotMatch(read.body, /What to do next/);
  assert.match(read.body, /<dt>Assigned to<\/dt><dd>Nasir Ahmed<\/dd>/, 'the name of an assignee since disabled is still shown');
  const handled = await page(`/offices/${JESSORE}/requests/${number}?lang=en`, staff);
  assert.match(handled.body, /name="action" value="accept"/);
  assert.match(handled.body, /name="action" value="assign"/);

  const queue = await page(`/offices/${JESSORE}/requests?lang=en`, supervisor);
  assert.equal(queue.statusCode, 200);
  assert.doesNotMatch(queue.body, /Register a request at the desk/);
  assert.match((await page(`/offices/${JESSORE}/requests?lang=en`, staff)).body, /href="\/offices\/doict-sadar-jessore\/requests\/new">Register a request at the desk/);

  assert.equal((await assign(number, String(staff.id), supervisor)).statusCode, 403, 'a supervisor may still not act');
  assert.equal((await page(`/offices/${JESSORE}/requests/new`, supervisor)).statusCode, 403);
});

test('the closed tab counts the delivered, rejected and transferred requests of the office', async () => {
  const { db } = seeded.database;
  const open = await receiveRequest(db, desk, intake(jaintiapur));
  const delivered = await receiveRequest(db, desk, intake(jaintiapur));
  await actOnRequest(db, systemActor, jaintiapur.id, delivered.tracking_number, { action: 'deliver' });
  const rejected = await receiveRequest(db, desk, intake(jaintiapur));
  await actOnRequest(db, systemActor, jaintiapur.id, rejected.tracking_number, { action: 'reject', note: 'সেবাটি এই অফিসের নয়' });
  const transferred = await receiveRequest(db, desk, intake(jaintiapur));
  await db.updateTable('service_requests').set({ status: 'transferred', closed_at: new Date() }).where('id', '=', transferred.id).execute();
  await receiveRequest(db, desk, intake(jessore));

  const queue = await page(`/offices/${JAINTIAPUR}/requests?lang=en`, elsewhere);
  assert.equal(countOf(queue.body, 'Open'), 1);
  assert.deepEqual(numbersIn(queue.body), [open.tracking_number]);
  assert.equal(countOf(queue.body, 'Closed'), 3);
  const closed = await page(`/offices/${JAINTIAPUR}/requests?view=closed&lang=en`, elsewhere);
  assert.deepEqual(numbersIn(closed.body).sort(), [delivered, rejected, transferred].map((row) => row.tracking_number).sort());
});
