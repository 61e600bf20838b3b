// Transfer of a request to another office, as the service does it and as staff do it on the
// request page; and the resumed request going back to the state it was returned from.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestUser, type TestUser } from '../accounts/test-support.ts';
import { findClock } from '../calendar/index.ts';
import { systemActor } from '../core/actor.ts';
import { smsSize } from '../notifications/index.ts';
import { findOfficeAncestry, findOfficeBySlug, requireOfficeId } from '../offices/index.ts';
import { openSeededApp, type SeededApp } from '../test-support.ts';
import { SAMPLE_PDF } from './attachment-test-support.ts';
import { checkAttachment } from './attachments.ts';
import { findOfficeAttachment, listAttachments } from './attachments-repository.ts';
import { RequestsError } from './errors.ts';
import { citizenBrowser } from './follow-up-test-support.ts';
import { actOnRequest, loadOfficeRequest, receiveRequest, type RequestIntake } from './request-service.ts';
import { SMS_SEGMENT_BUDGET } from './request-messages.ts';
import { transferRequest } from './transfer.ts';

const JESSORE = 'doict-sadar-jessore';
const JAINTIAPUR = 'doict-jaintiapur-sylhet';
const desk = { userId: null, label: 'desk@test.gov.bd', ip: '127.0.0.1' };

let seeded: SeededApp;
let staff: TestUser;
let reader: TestUser;
let jessore: { id: number; slug: string };
let jaintiapur: { id: number; slug: string };

before(async () => {
  seeded = await openSeededApp();
  const { db } = seeded.database;
  staff = await createTestUser(db, 'office_staff', { kind: 'office', slug: JESSORE });
  const ancestry = await findOfficeAncestry(db, await requireOfficeId(db, JESSORE));
  const district = await db.selectFrom('places').select('slug').where('id', 'in', ancestry?.placeIds ?? []).where('kind', '=', 'district').executeTakeFirstOrThrow();
  reader = await createTestUser(db, 'supervisor', { kind: 'district', slug: district.slug });
  jessore = { id: await requireOfficeId(db, JESSORE), slug: JESSORE };
  jaintiapur = { id: await requireOfficeId(db, JAINTIAPUR), slug: JAINTIAPUR };
});
after(() => seeded.close());

function intake(overrides: Partial<RequestIntake> = {}): RequestIntake {
  return {
    office: jessore,
    serviceCode: 's1',
    channel: 'phone',
    receivedAt: new Date(Date.now() - 3 * 86_400_000),
    citizen: { name: 'রহিম উদ্দিন', mobile: '01712345678', email: 'rahim@example.com', address: 'যশোর' },
    details: 'ইন্টারনেট সংযোগ প্রয়োজন',
    ...overrides,
  };
}

const notices = () => ({ notifier: seeded.app.notifier, publicUrl: 'https://protishruti.test' });
const as = (user: TestUser) => ({ authorization: user.authorization });
function form(fields: Record<string, string>, user: TestUser = staff) {
  return { payload: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded', ...as(user) } };
}

async function refusal(promise: Promise<unknown>): Promise<RequestsError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof RequestsError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

test('a transfer closes the request here and opens one in the receiving office, with its own number and clock from the transfer', async () => {
  const { db } = seeded.database;
  const request = await receiveRequest(db, desk, intake());
  await actOnRequest(db, systemActor, jessore.id, request.tracking_number, { action: 'accept' });
  const before = Date.now();
  const { from, to } = await transferRequest(db, { userId: null, label: 'staff@test.gov.bd', ip: '127.0.0.1' }, jessore.id, request.tracking_number, { toOfficeSlug: JAINTIAPUR, serviceCode: 's1', note: 'এই সেবা জৈন্তাপুর দেয়' }, notices());

  assert.equal(from.status, 'transferred');
  assert.ok(from.closed_at && from.closed_at.getTime() >= before);
  assert.equal(from.on_time, null, 'a transfer is neither on time nor late');
  assert.equal(from.transferred_to, to.id);
  assert.equal((await findClock(db, { subjectType: 'request', subjectId: from.tracking_number }))?.status, 'closed');

  assert.equal(to.office_id, jaintiapur.id);
  assert.notEqual(to.tracking_number, from.tracking_number);
  assert.equal(to.transferred_from, from.id);
  assert.equal(to.channel, 'phone', 'the channel is kept');
  assert.deepEqual([to.citizen_name, to.citizen_mobile, to.citizen_email, to.citizen_address, to.details], [from.citizen_name, from.citizen_mobile, from.citizen_email, from.citizen_address, from.details]);
  assert.ok(to.received_at.getTime() >= before, 'the receiving office\'s clock starts at the transfer, not at the first receipt');
  const office = await findOfficeBySlug(db, JAINTIAPUR);
  assert.equal(to.charter_version_id, office?.published_charter_version_id, 'the receiving office\'s published charter');
  const clock = await findClock(db, { subjectType: 'request', subjectId: to.tracking_number });
  assert.equal(clock?.status, 'open');
  assert.equal(clock?.office_id, jaintiapur.id);
  assert.equal(clock?.received_at.getTime(), to.received_at.getTime());
  assert.equal(clock?.due_at?.getTime() ?? null, to.due_at?.getTime() ?? null);

  const sent = await loadOfficeRequest(db, jessore.id, from.tracking_number);
  const transferEvent = sent.events.at(-1);
  assert.equal(transferEvent?.action, 'transfer');
  assert.equal(transferEvent?.public, true);
  assert.ok(transferEvent?.note?.includes(to.tracking_number), 'the citizen sees the new number');
  const received = await loadOfficeRequest(db, jaintiapur.id, to.tracking_number);
  assert.equal(received.events[0]?.action, 'received');
  assert.ok(received.events[0]?.note?.includes(from.tracking_number), 'the first event says where it came from');

  const audit = await db.selectFrom('audit_log').select(['action', 'office_id', 'subject_id']).where('subject_id', 'in', [from.tracking_number, to.tracking_number]).orderBy('id').execute();
  assert.deepEqual(
    audit.filter((row) => row.action !== 'request.receive' && row.action !== 'request.accept'),
    [
      { action: 'request.transfer', office_id: jessore.id, subject_id: from.tracking_number },
      { action: 'request.receive_transfer', office_id: jaintiapur.id, subject_id: to.tracking_number },
    ],
  );

  const messages = await db.selectFrom('notifications').selectAll().where('subject_id', '=', to.tracking_number).execute();
  assert.deepEqual(messages.map((message) => `${message.template}:${message.channel}`).sort(), ['request.transferred:email', 'request.transferred:sms']);
  const sms = messages.find((message) => message.channel === 'sms');
  assert.ok(sms, 'an SMS to the mobile number');
  assert.ok(sms.body.includes(to.tracking_number) && sms.body.includes(from.tracking_number));
  assert.ok(smsSize(sms.body).segments <= SMS_SEGMENT_BUDGET);
  const mail = messages.find((message) => message.channel === 'email');
  assert.match(mail?.body ?? '', new RegExp(`new tracking number is ${to.tracking_number}`));
});

test('a transfer to the same office, to an office without a published charter, of a closed request or to a service not offered is refused', async () => {
  const { db } = seeded.database;
  const request = await receiveRequest(db, desk, intake());
  const transfer = (toOfficeSlug: string, serviceCode = 's1', number = request.tracking_number) => transferRequest(db, desk, jessore.id, number, { toOfficeSlug, serviceCode });
  const same = await refusal(transfer(JESSORE));
  assert.deepEqual([same.code, same.status], ['transfer_same_office', 400]);
  const nowhere = await refusal(transfer('no-such-office'));
  assert.deepEqual([nowhere.code, nowhere.status], ['transfer_office_unavailable', 404]);
  await db.updateTable('offices').set({ published_charter_version_id: null }).where('slug', '=', 'unused').execute();
  const service = await refusal(transfer(JAINTIAPUR, 'no-such-service'));
  assert.deepEqual([service.code, service.status], ['service_not_offered', 404]);
  assert.equal((await loadOfficeRequest(db, jessore.id, request.tracking_number)).request.status, 'submitted', 'nothing changed');
  await actOnRequest(db, systemActor, jessore.id, request.tracking_number, { action: 'deliver' });
  const closed = await refusal(transfer(JAINTIAPUR));
  assert.deepEqual([closed.code, closed.status], ['action_not_allowed', 409]);
  const viaAction = await refusal(actOnRequest(db, systemActor, jessore.id, request.tracking_number, { action: 'transfer' }));
  assert.equal(viaAction.code, 'action_not_allowed', 'only transferRequest transfers');
});

test('staff find the receiving office in Bangla or English, choose its service, and land on the request naming its new number', async () => {
  const { db } = seeded.database;
  const request = await receiveRequest(db, desk, intake());
  const base = `/offices/${JESSORE}/requests/${request.tracking_number}`;
  const page = await seeded.app.inject({ url: `${base}?lang=en`, headers: as(staff) });
  assert.match(page.body, new RegExp(`href="${base}/transfer"`), 'the request page links to the transfer');
  const readerPage = await seeded.app.inject({ url: `${base}?lang=en`, headers: as(reader) });
  assert.equal(readerPage.statusCode, 200);
  assert.doesNotMatch(readerPage.body, /\/transfer"/, 'no link for one who may only read');

  const english = await seeded.app.inject({ url: `${base}/transfer?lang=en&q=jaintiapur`, headers: as(staff) });
  assert.equal(english.statusCode, 200, english.body.slice(0, 300));
  assert.match(english.body, new RegExp(`name="to"[^>]*value="${JAINTIAPUR}"`));
  const office = await findOfficeBySlug(db, JAINTIAPUR);
  const banglaWord = office?.name_bn.split(/[\s,]+/).filter((word) => word.length > 2).at(-2) ?? '';
  const bangla = await seeded.app.inject({ url: `${base}/transfer?q=${encodeURIComponent(banglaWord)}`, headers: as(staff) });
  assert.match(bangla.body, new RegExp(`value="${JAINTIAPUR}"`), `found by "${banglaWord}"`);
  const ownOffice = await seeded.app.inject({ url: `${base}/transfer?q=jessore`, headers: as(staff) });
  assert.doesNotMatch(ownOffice.body, new RegExp(`name="to"[^>]*value="${JESSORE}"`), 'the request\'s own office is not a choice');

  const chosen = await seeded.app.inject({ url: `${base}/transfer?lang=en&to=${JAINTIAPUR}`, headers: as(staff) });
  assert.match(chosen.body, /<select id="f-service" name="service"/);
  assert.match(chosen.body, /<option value="s1"/);
  assert.match(chosen.body, /name="_csrf"/);

  const missing = await seeded.app.inject({ method: 'POST', url: `${base}/transfer?lang=en`, ...form({ to: JAINTIAPUR, service: 'zz9' }) });
  assert.equal(missing.statusCode, 404);
  assert.match(missing.body, /does not offer that service/);
  const same = await seeded.app.inject({ method: 'POST', url: `${base}/transfer?lang=en`, ...form({ to: JESSORE, service: 's1' }) });
  assert.equal(same.statusCode, 400);
  assert.match(same.body, /already in this office/);

  const done = await seeded.app.inject({ method: 'POST', url: `${base}/transfer?lang=en`, ...form({ to: JAINTIAPUR, service: 's1', note: 'জৈন্তাপুরের সেবা' }) });
  assert.equal(done.statusCode, 303, done.body.slice(0, 300));
  assert.equal(done.headers.location, base);
  const { request: closed } = await loadOfficeRequest(db, jessore.id, request.tracking_number);
  const moved = await db.selectFrom('service_requests').select('tracking_number').where('id', '=', closed.transferred_to ?? -1).executeTakeFirstOrThrow();
  const after = await seeded.app.inject({ url: `${base}?lang=en`, headers: as(staff) });
  assert.match(after.body, /<div class="notice" role="status"><p>This request is transferred:/);
  assert.match(after.body, new RegExp(`role="status"><p>[^<]*<span lang="bn">[^<]*${moved.tracking_number}`), 'the notice names the new number');
  assert.match(after.body, /Transferred to another office/);
  assert.doesNotMatch(after.body, /\/transfer"/, 'a transferred request cannot be transferred again');
  const again = await seeded.app.inject({ url: `${base}/transfer?lang=en`, headers: as(staff) });
  assert.equal(again.statusCode, 409);
});

test('the citizen following the old number is shown the new one, followed with the same mobile digits', async () => {
  const { db } = seeded.database;
  const request = await receiveRequest(db, desk, intake());
  const { to } = await transferRequest(db, desk, jessore.id, request.tracking_number, { toOfficeSlug: JAINTIAPUR, serviceCode: 's1' });
  const track = (number: string, ip: string) => citizenBrowser(seeded.app, ip).track(number, '5678');
  const old = await track(request.tracking_number, '10.9.0.1');
  assert.equal(old.statusCode, 200);
  assert.match(old.body, /Sent to another office/);
  assert.match(old.body, new RegExp(`Its new tracking number is ${to.tracking_number}\\.`));
  assert.match(old.body, new RegExp(`href="/track\\?number=${encodeURIComponent(to.tracking_number)}"`));
  const followed = await track(to.tracking_number, '10.9.0.1');
  assert.equal(followed.statusCode, 200, 'the same digits follow the new number');
  assert.match(followed.body, new RegExp(`where its number was ${request.tracking_number}`));

  const json = await seeded.app.inject({ method: 'POST', url: '/api/v1/track', remoteAddress: '10.9.0.2', payload: { tracking_number: request.tracking_number, mobile_last4: '5678' } });
  const body = json.json() as { status: string; transferred_to: { tracking_number: string; office: { slug: string } } | null };
  assert.equal(body.status, 'transferred');
  assert.deepEqual([body.transferred_to?.tracking_number, body.transferred_to?.office.slug], [to.tracking_number, JAINTIAPUR]);
});

test('a request returned while in progress resumes in progress, not accepted', async () => {
  const { db } = seeded.database;
  const request = await receiveRequest(db, desk, intake());
  for (const action of ['accept', 'start'] as const) await actOnRequest(db, systemActor, jessore.id, request.tracking_number, { action });
  await actOnRequest(db, systemActor, jessore.id, request.tracking_number, { action: 'return', note: 'ফি' });
  const resumed = await actOnRequest(db, systemActor, jessore.id, request.tracking_number, { action: 'resume' });
  assert.equal(resumed.status, 'in_progress');
  const { events } = await loadOfficeRequest(db, jessore.id, request.tracking_number);
  assert.equal(events.at(-1)?.status_after, 'in_progress');
});

test('the files of a transferred request go with it: the receiving office needs the same documents', async () => {
  const { db } = seeded.database;
  const files = [await checkAttachment({ filename: 'জন্মসনদ.pdf', truncated: false, bytes: SAMPLE_PDF })];
  const request = await receiveRequest(db, desk, { ...intake(), attachments: files });
  const { to } = await transferRequest(db, desk, jessore.id, request.tracking_number, { toOfficeSlug: JAINTIAPUR, serviceCode: 's1' });
  const moved = await listAttachments(db, to.id);
  assert.deepEqual(
    moved.map((file) => [file.file_name, file.media_type, file.sha256]),
    (await listAttachments(db, request.id)).map((file) => [file.file_name, file.media_type, file.sha256]),
  );
  assert.equal(moved.length, 1);
  const download = await findOfficeAttachment(db, jaintiapur.id, to.tracking_number, moved[0]?.id ?? 0);
  assert.deepEqual(new Uint8Array(download?.content ?? []), SAMPLE_PDF, 'the receiving office serves the same bytes');
});
