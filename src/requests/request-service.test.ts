import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { verifyAuditLog } from '../audit/index.ts';
import { addHoliday, computeDeadline, loadHolidayData, loadWorkingCalendar } from '../calendar/index.ts';
import { exportCharter, importCharter, loadPublishedCharter, ruleOfTimeLimit, seedCharters } from '../charters/index.ts';
import { systemActor, type Actor } from '../core/actor.ts';
import { openTestDatabase, type TestDatabase } from '../core/db/test-database.ts';
import { requireOfficeId } from '../offices/index.ts';
import { RequestsError } from './errors.ts';
import { endOfDhakaDay } from './dhaka-clock.ts';
import { actOnRequest, loadOfficeRequest, receiveRequest, type RequestIntake } from './request-service.ts';
import { formatTrackingNumber, parseTrackingNumber } from './tracking-number.ts';
import { ONLINE_LIMITS } from './submission-limits.ts';
import { guessingAddress, trackRequest, TRACKING_GUESSES } from './tracking.ts';

const JESSORE = 'doict-sadar-jessore';
const JAINTIAPUR = 'doict-jaintiapur-sylhet';
const staff: Actor = { userId: null, label: 'desk@test.gov.bd', ip: '127.0.0.1' };
let citizens = 0;
/** A citizen applying online, each from an address of their own (one address may apply only so often). */
const citizen = (): Actor => ({ userId: null, label: 'citizen', ip: `10.77.${Math.floor(citizens / 250)}.${citizens++ % 250}` });
let mobiles = 0;
/** A mobile number of its own (one number may apply only so often), ending 5678 for the tracking tests. */
const mobile = () => `017${String(mobiles++).padStart(4, '0')}5678`;

let database: TestDatabase;
let jessore: { id: number; slug: string };
let jaintiapur: { id: number; slug: string };
/** a Jessore service promised in a number of working days */
let workingDayService: { code: string; days: number };

before(async () => {
  database = await openTestDatabase();
  await seedCharters(database.db);
  await loadHolidayData(database.db);
  jessore = { id: await requireOfficeId(database.db, JESSORE), slug: JESSORE };
  jaintiapur = { id: await requireOfficeId(database.db, JAINTIAPUR), slug: JAINTIAPUR };
  const charter = await loadPublishedCharter(database.db, JESSORE);
  const counted = charter.services.find((s) => s.time_limit.unit === 'working_day' && (s.time_limit.max ?? 0) >= 3);
  assert.ok(counted, 'the Jessore seed has a service promised in working days');
  workingDayService = { code: counted.code, days: counted.time_limit.max ?? 0 };
});
after(() => database.drop());

function intake(overrides: Partial<RequestIntake> = {}): RequestIntake {
  return {
    office: jessore,
    serviceCode: workingDayService.code,
    channel: 'online',
    receivedAt: new Date(),
    citizen: { name: 'রহিম উদ্দিন', mobile: mobile() },
    details: 'ইন্টারনেট সংযোগ প্রয়োজন',
    ...overrides,
  };
}

test('a request gets a tracking number of its office and year, and the next one the next number', async () => {
  const first = await receiveRequest(database.db, citizen(), intake({ citizen: { name: 'রহিম উদ্দিন', mobile: '০১৭১২-৩৪৫৬৭৮' } }));
  const second = await receiveRequest(database.db, citizen(), intake());
  const parsed = parseTrackingNumber(first.tracking_number);
  assert.ok(parsed.ok);
  assert.equal(parsed.number.year, first.year);
  assert.equal(second.sequence_no, first.sequence_no + 1);
  assert.equal(parseTrackingNumber(second.tracking_number).ok, true);
  assert.equal(first.citizen_mobile, '01712345678', 'the number typed in Bangla digits is kept in one form');
  const other = await receiveRequest(database.db, citizen(), intake({ office: jaintiapur, serviceCode: 's1' }));
  assert.notEqual(other.tracking_number.split('-')[0], first.tracking_number.split('-')[0], 'each office has its own code');
});

test('requests received at once never share a number', async () => {
  const received = await Promise.all(Array.from({ length: 25 }, () => receiveRequest(database.db, citizen(), intake())));
  const numbers = received.map((r) => r.sequence_no).sort((a, b) => a - b);
  assert.equal(new Set(numbers).size, 25);
  assert.equal((numbers.at(-1) ?? 0) - (numbers[0] ?? 0), 24, 'and leave no gap');
});

test("the due moment is the deadline engine's for the service's time limit in the charter published at receipt", async () => {
  const receivedAt = new Date('2026-11-17T05:00:00Z'); // a Tuesday, 11:00 in Dhaka
  const request = await receiveRequest(database.db, staff, intake({ channel: 'in_person', receivedAt }));
  const charter = await loadPublishedCharter(database.db, JESSORE);
  const service = charter.services.find((s) => s.code === workingDayService.code);
  assert.ok(service);
  const expected = computeDeadline(await loadWorkingCalendar(database.db, jessore.id), { receivedAt, rule: ruleOfTimeLimit(service.time_limit) });
  assert.equal(expected.kind, 'due');
  assert.equal(request.due_at?.toISOString(), expected.kind === 'due' ? expected.dueAt.toISOString() : null);
  assert.equal(request.has_time_limit, true);
  assert.equal(request.charter_version_id, charter.version.id);
});

test('a new charter version moves no promise already made; requests after it get its time limits', async () => {
  const old = await receiveRequest(database.db, citizen(), intake());
  const doc = await exportCharter(database.db, JESSORE);
  const services = doc.services.map((s) =>
    s.code === workingDayService.code ? { ...s, time_limit: { ...s.time_limit, text: 'প্রয়োজন অনুযায়ী', min: null, max: null, unit: null, immediate: false, on_demand: true } } : s,
  );
  await importCharter(database.db, { ...doc, services }, { officeSlug: JESSORE, publish: true });

  const { request: kept } = await loadOfficeRequest(database.db, jessore.id, old.tracking_number);
  assert.equal(kept.due_at?.toISOString(), old.due_at?.toISOString());
  assert.equal(kept.has_time_limit, true);
  const after = await receiveRequest(database.db, citizen(), intake());
  assert.notEqual(after.charter_version_id, old.charter_version_id);
  assert.equal(after.due_at, null, 'no fixed time limit now: no due moment');
  assert.equal(after.has_time_limit, false);
  // registered at the desk now, received before the new version was published: the old promise
  const late = await receiveRequest(database.db, staff, intake({ channel: 'letter', receivedAt: old.received_at }));
  assert.equal(late.charter_version_id, old.charter_version_id);
  assert.equal(late.has_time_limit, true);
  // back as it was, for the tests that follow
  await importCharter(database.db, doc, { officeSlug: JESSORE, publish: true });
});

test('a holiday declared later moves the due moment of an open request', async () => {
  const request = await receiveRequest(database.db, citizen(), intake());
  const before = request.due_at;
  assert.ok(before);
  // the office closes on the due day itself: the promise moves to a later working day
  const dueDay = new Date(before.getTime() + 6 * 3600_000).toISOString().slice(0, 10);
  await addHoliday(database.db, systemActor, { date: dueDay, name_bn: 'স্থানীয় ছুটি', name_en: null, moon_dependent: false, confirmed: true, source: null, office_id: jessore.id });
  const { request: moved } = await loadOfficeRequest(database.db, jessore.id, request.tracking_number);
  assert.ok(moved.due_at && moved.due_at.getTime() > before.getTime(), `${moved.due_at?.toISOString()} after ${before.toISOString()}`);
});

test('returned for documents, the clock stops; when the citizen brings them it runs on with the time that was left', async () => {
  const request = await receiveRequest(database.db, citizen(), intake());
  const returned = await actOnRequest(database.db, staff, jessore.id, request.tracking_number, { action: 'return', note: 'জাতীয় পরিচয়পত্রের কপি' });
  assert.equal(returned.status, 'returned');
  assert.equal(returned.due_at, null, 'no due moment while the clock is stopped');
  const resumed = await actOnRequest(database.db, staff, jessore.id, request.tracking_number, { action: 'resume' });
  assert.equal(resumed.status, 'submitted', 'back to the state it was returned from');
  assert.ok(resumed.due_at && request.due_at && resumed.due_at.getTime() >= request.due_at.getTime());
});

test('delivered by the due moment keeps the promise; a request delivered after it is late', async () => {
  const onTime = await receiveRequest(database.db, citizen(), intake());
  await actOnRequest(database.db, staff, jessore.id, onTime.tracking_number, { action: 'accept' });
  await actOnRequest(database.db, staff, jessore.id, onTime.tracking_number, { action: 'start' });
  const delivered = await actOnRequest(database.db, staff, jessore.id, onTime.tracking_number, { action: 'deliver' });
  assert.equal(delivered.status, 'delivered');
  assert.equal(delivered.on_time, true);
  assert.ok(delivered.closed_at);

  const old = await receiveRequest(database.db, staff, intake({ channel: 'letter', receivedAt: new Date('2025-01-05T04:00:00Z') }));
  const late = await actOnRequest(database.db, staff, jessore.id, old.tracking_number, { action: 'deliver' });
  assert.equal(late.on_time, false);
});

test('rejecting needs a reason, a closed request takes no more actions, and another office cannot reach it', async () => {
  const request = await receiveRequest(database.db, citizen(), intake());
  await assert.rejects(actOnRequest(database.db, staff, jessore.id, request.tracking_number, { action: 'reject', note: '  ' }), (e: RequestsError) => e.code === 'note_required' && e.field === 'note');
  const rejected = await actOnRequest(database.db, staff, jessore.id, request.tracking_number, { action: 'reject', note: 'এই সেবা এই দপ্তরের নয়' });
  assert.equal(rejected.rejection_reason, 'এই সেবা এই দপ্তরের নয়');
  await assert.rejects(actOnRequest(database.db, staff, jessore.id, request.tracking_number, { action: 'deliver' }), (e: RequestsError) => e.code === 'action_not_allowed' && e.status === 409);
  await assert.rejects(actOnRequest(database.db, staff, jaintiapur.id, request.tracking_number, { action: 'note', note: 'x' }), (e: RequestsError) => e.code === 'request_not_found' && e.status === 404);
  await assert.rejects(loadOfficeRequest(database.db, jaintiapur.id, request.tracking_number), (e: RequestsError) => e.code === 'request_not_found');
});

test('bad input is refused naming the field: no name, a wrong mobile, no contact, a service the office does not offer', async () => {
  const refused = async (overrides: Partial<RequestIntake>, code: string, field?: string) =>
    assert.rejects(receiveRequest(database.db, citizen(), intake(overrides)), (e: RequestsError) => e.code === code && (field === undefined || e.field === field));
  await refused({ citizen: { name: ' ', mobile: '01712345678' } }, 'applicant_name_required', 'name');
  await refused({ citizen: { name: 'ক', mobile: '12345' } }, 'invalid_mobile', 'mobile');
  await refused({ citizen: { name: 'ক' } }, 'invalid_mobile', 'mobile');
  await refused({ channel: 'phone', citizen: { name: 'ক' } }, 'contact_required', 'mobile');
  await refused({ serviceCode: 's9999' }, 'service_not_offered', 'service');
  await refused({ receivedAt: new Date(Date.now() + 3600_000) }, 'received_in_future', 'received_at');
});

test("the citizen's page shows progress and public events only, for the right last four digits", async () => {
  const request = await receiveRequest(database.db, citizen(), intake());
  await actOnRequest(database.db, staff, jessore.id, request.tracking_number, { action: 'note', note: 'internal: call the UNO' });
  await actOnRequest(database.db, staff, jessore.id, request.tracking_number, { action: 'return', note: 'ছবি দরকার' });
  const typed = request.tracking_number.toLowerCase().replace(/-/g, ' ');
  const tracked = await trackRequest(database.db, { trackingNumber: typed, mobileLast4: '৫৬৭৮', ip: '10.0.0.1' });
  assert.equal(tracked.status, 'returned');
  assert.deepEqual(tracked.events.map((e) => e.action), ['received', 'return']);
  assert.equal(tracked.events[1]?.note, 'ছবি দরকার');
  assert.ok(!JSON.stringify(tracked).includes(request.citizen_mobile ?? '?') && !JSON.stringify(tracked).includes('রহিম'), 'nothing of the citizen');
  await assert.rejects(trackRequest(database.db, { trackingNumber: request.tracking_number, mobileLast4: '1111', ip: '10.0.0.1' }), (e: RequestsError) => e.code === 'tracking_not_found');
});

test('wrong guesses on the tracking page are limited per address and per number, right answers included once a limit is reached', async () => {
  const request = await receiveRequest(database.db, citizen(), intake());
  const ip = '10.9.9.9';
  for (let i = 0; i < TRACKING_GUESSES.perAddress; i++) {
    const guess = formatTrackingNumber({ officeCode: 'ZZQ', year: 2026, sequence: 900 + i });
    await assert.rejects(trackRequest(database.db, { trackingNumber: guess, mobileLast4: '1234', ip }), (e: RequestsError) => e.code === 'tracking_not_found');
  }
  await assert.rejects(trackRequest(database.db, { trackingNumber: request.tracking_number, mobileLast4: '5678', ip }), (e: RequestsError) => e.code === 'too_many_tracking_attempts' && e.status === 429);
  const elsewhere = await trackRequest(database.db, { trackingNumber: request.tracking_number, mobileLast4: '5678', ip: '10.9.9.10' });
  assert.equal(elsewhere.trackingNumber, request.tracking_number);

  for (let i = 0; i < TRACKING_GUESSES.perNumber; i++) {
    await assert.rejects(trackRequest(database.db, { trackingNumber: request.tracking_number, mobileLast4: String(2000 + i), ip: `10.8.0.${i}` }), (e: RequestsError) => e.code === 'tracking_not_found');
  }
  await assert.rejects(trackRequest(database.db, { trackingNumber: request.tracking_number, mobileLast4: '5678', ip: '10.8.1.1' }), (e: RequestsError) => e.code === 'too_many_tracking_attempts');
});

test('guesses from an IPv6 subscriber count against their /64, however the address is written', () => {
  assert.equal(guessingAddress('2001:db8:aa:bb:1:2:3:4'), '2001:db8:aa:bb::/64');
  assert.equal(guessingAddress('2001:0DB8:00aa:bb::9'), '2001:db8:aa:bb::/64');
  assert.equal(guessingAddress('2001:db8::1'), '2001:db8:0:0::/64');
  assert.equal(guessingAddress('203.0.113.7'), '203.0.113.7');
  assert.equal(guessingAddress('::ffff:203.0.113.7'), '203.0.113.7');
});

test('staff receipts and actions are in the audit log, which stays intact', async () => {
  const online = await receiveRequest(database.db, citizen(), intake());
  const request = await receiveRequest(database.db, staff, intake({ channel: 'phone' }));
  await actOnRequest(database.db, staff, jessore.id, request.tracking_number, { action: 'accept' });
  const actions = async (trackingNumber: string) =>
    (await database.db.selectFrom('audit_log').select('action').where('subject_id', '=', trackingNumber).orderBy('id').execute()).map((r) => r.action);
  assert.deepEqual(await actions(request.tracking_number), ['request.receive', 'request.accept']);
  // an online request is the citizen's own act: its record is the request's first event
  assert.deepEqual(await actions(online.tracking_number), []);
  assert.equal((await verifyAuditLog(database.db)).ok, true);
});

test('the Dhaka day ends at 23:59:59.999 local time, 17:59:59.999 UTC', () => {
  assert.equal(endOfDhakaDay(new Date('2026-12-01T20:00:00Z')).toISOString(), '2026-12-02T17:59:59.999Z');
  assert.equal(endOfDhakaDay(new Date('2026-12-01T17:00:00Z')).toISOString(), '2026-12-01T17:59:59.999Z');
});

test('the same online form sent twice, one after the other or at once, makes one request', async () => {
  const key = 'a'.repeat(32);
  const first = await receiveRequest(database.db, citizen(), intake({ submissionKey: key, citizen: { name: 'ক', mobile: '01799995678' } }));
  const again = await receiveRequest(database.db, citizen(), intake({ submissionKey: key, citizen: { name: 'ক', mobile: '01799995678' } }));
  assert.equal(again.tracking_number, first.tracking_number);
  const together = await Promise.all([1, 2, 3].map(() => receiveRequest(database.db, citizen(), intake({ submissionKey: 'b'.repeat(32), citizen: { name: 'ক', mobile: '01799985678' } }))));
  assert.equal(new Set(together.map((r) => r.tracking_number)).size, 1);
  const count = await database.db.selectFrom('service_requests').select((eb) => eb.fn.countAll<number>().as('n')).where('submission_key', 'in', [key, 'b'.repeat(32)]).executeTakeFirstOrThrow();
  assert.equal(Number(count.n), 2);
  // another form is another request
  const other = await receiveRequest(database.db, citizen(), intake({ submissionKey: 'c'.repeat(32) }));
  assert.notEqual(other.tracking_number, first.tracking_number);
});

test('online, one address and one mobile number may apply only so often; the desk is not limited', async () => {
  const from: Actor = { userId: null, label: 'citizen', ip: '10.66.0.1' };
  for (let i = 0; i < ONLINE_LIMITS.perMobile.count; i++) await receiveRequest(database.db, citizen(), intake({ citizen: { name: 'ক', mobile: '01311115678' } }));
  await assert.rejects(receiveRequest(database.db, citizen(), intake({ citizen: { name: 'ক', mobile: '01311115678' } })), (e: RequestsError) => e.code === 'too_many_applications' && e.status === 429);
  for (let i = 0; i < ONLINE_LIMITS.perAddress.count; i++) await receiveRequest(database.db, from, intake());
  await assert.rejects(receiveRequest(database.db, from, intake()), (e: RequestsError) => e.code === 'too_many_applications');
  // an IPv6 subscriber's other addresses are the same subscriber
  const six = (host: number): Actor => ({ userId: null, label: 'citizen', ip: `2001:db8:1:2::${host}` });
  for (let i = 0; i < ONLINE_LIMITS.perAddress.count; i++) await receiveRequest(database.db, six(i + 1), intake());
  await assert.rejects(receiveRequest(database.db, six(999), intake()), (e: RequestsError) => e.code === 'too_many_applications');
  const desk = await receiveRequest(database.db, staff, intake({ channel: 'in_person', citizen: { name: 'ক', mobile: '01311115678' } }));
  assert.ok(desk.tracking_number);
});
