// The calendar in the database: data files loaded once, run-time edits, and the open
// deadlines that every edit recomputes and records.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { systemActor, type Actor } from '../core/actor.ts';
import { openTestDatabase, type TestDatabase } from '../core/db/test-database.ts';
import {
  addHoliday,
  addSpecialWorkingDay,
  calendarYear,
  findClock,
  loadHolidayData,
  moveHoliday,
  pauseClock,
  removeHoliday,
  resumeClock,
  setOfficeHours,
  startClock,
  workingDays,
} from './index.ts';
import { insertTestOffice } from './test-support.ts';

let database: TestDatabase;
let jaintiapur: number;
let jessore: number;
const threeWorkingDays = { rule: workingDays(3, '৩ কার্যদিবস'), source: 'test: a charter service promising ৩ কার্যদিবস' };
const dhaka = (local: string) => new Date(`${local}+06:00`);
const rahim: Actor = { userId: 7, label: 'rahim@example.gov.bd', ip: '203.0.113.7' };

before(async () => {
  database = await openTestDatabase();
  jaintiapur = await insertTestOffice(database.db, 'doict-jaintiapur-sylhet');
  jessore = await insertTestOffice(database.db, 'doict-sadar-jessore');
  await loadHolidayData(database.db);
});
after(() => database.drop());

test('the holiday data files are loaded once; a removed holiday stays removed after a restart', async () => {
  const { holidays } = await calendarYear(database.db, 2026);
  const victory = holidays.find((h) => h.date === '2026-12-16');
  assert.ok(victory, 'Victory Day is in the 2026 data');
  assert.ok(holidays.length > 20);
  const christmas = holidays.find((h) => h.date === '2026-12-25');
  assert.ok(christmas);
  await removeHoliday(database.db, systemActor, christmas.id);
  assert.deepEqual(await loadHolidayData(database.db), []);
  const again = await calendarYear(database.db, 2026);
  assert.equal(again.holidays.length, holidays.length - 1);
  const { date, name_bn, name_en, kind, moon_dependent, confirmed, source } = christmas;
  await addHoliday(database.db, systemActor, { date, name_bn, name_en, kind, moon_dependent, confirmed, source, office_id: null });
  assert.equal((await calendarYear(database.db, 2026)).holidays.length, holidays.length);
});

test('a new holiday inside an open deadline moves it one working day later, and the change is recorded', async () => {
  const subject = { subjectType: 'test', subjectId: 'new-holiday' };
  const started = await startClock(database.db, { ...subject, officeId: jaintiapur, receivedAt: dhaka('2026-11-02T10:00'), ...threeWorkingDays });
  assert.equal(started.kind === 'due' && started.dueAt.toISOString(), dhaka('2026-11-05T17:00').toISOString());

  const outcome = await addHoliday(database.db, rahim, {
    date: '2026-11-04', name_bn: 'পরীক্ষার ছুটি', name_en: 'Test holiday', kind: 'executive_order',
    moon_dependent: false, confirmed: true, source: 'test', office_id: null,
  });
  assert.deepEqual(
    outcome.moved.filter((m) => m.subject === 'test:new-holiday'),
    [{ clock_id: outcome.moved.find((m) => m.subject === 'test:new-holiday')?.clock_id, subject: 'test:new-holiday', from: dhaka('2026-11-05T17:00').toISOString(), to: dhaka('2026-11-08T17:00').toISOString() }],
  );
  const clock = await findClock(database.db, subject);
  assert.equal(clock?.due_at?.toISOString(), dhaka('2026-11-08T17:00').toISOString());

  const change = await database.db.selectFrom('calendar_changes').selectAll().where('id', '=', outcome.changeId).executeTakeFirstOrThrow();
  assert.equal(change.actor, 'rahim@example.gov.bd');
  assert.equal(change.action, 'holiday.add');
  assert.equal((change.detail as { holiday: { date: string } }).holiday.date, '2026-11-04');
  assert.equal((change.moved_clocks as unknown[]).length, outcome.moved.length);

  const moved = await moveHoliday(database.db, rahim, outcome.result.id, '2026-11-10');
  assert.equal((await findClock(database.db, subject))?.due_at?.toISOString(), dhaka('2026-11-05T17:00').toISOString());
  assert.ok(moved.moved.some((m) => m.subject === 'test:new-holiday'));
  await removeHoliday(database.db, rahim, outcome.result.id);
});

test('an office closure moves only that office’s deadlines', async () => {
  const here = { subjectType: 'test', subjectId: 'closure-here' };
  const there = { subjectType: 'test', subjectId: 'closure-there' };
  await startClock(database.db, { ...here, officeId: jaintiapur, receivedAt: dhaka('2026-11-16T10:00'), ...threeWorkingDays });
  await startClock(database.db, { ...there, officeId: jessore, receivedAt: dhaka('2026-11-16T10:00'), ...threeWorkingDays });
  const outcome = await addHoliday(database.db, systemActor, {
    date: '2026-11-17', name_bn: 'বন্যায় অফিস বন্ধ', name_en: 'Closed by flood', kind: 'local_closure',
    moon_dependent: false, confirmed: true, source: null, office_id: jaintiapur,
  });
  assert.deepEqual(outcome.moved.map((m) => m.subject), ['test:closure-here']);
  assert.equal((await findClock(database.db, here))?.due_at?.toISOString(), dhaka('2026-11-22T17:00').toISOString());
  assert.equal((await findClock(database.db, there))?.due_at?.toISOString(), dhaka('2026-11-19T17:00').toISOString());
});

test('a Saturday declared a working day brings a deadline earlier', async () => {
  const subject = { subjectType: 'test', subjectId: 'special-saturday' };
  await startClock(database.db, { ...subject, officeId: jessore, receivedAt: dhaka('2026-10-07T10:00'), ...threeWorkingDays });
  assert.equal((await findClock(database.db, subject))?.due_at?.toISOString(), dhaka('2026-10-12T17:00').toISOString());
  const outcome = await addSpecialWorkingDay(database.db, systemActor, { date: '2026-10-10', name_bn: 'বিশেষ কর্মদিবস', name_en: 'Working Saturday', source: null, office_id: null });
  assert.ok(outcome.moved.some((m) => m.subject === 'test:special-saturday'));
  assert.equal((await findClock(database.db, subject))?.due_at?.toISOString(), dhaka('2026-10-11T17:00').toISOString());
});

test('waiting for the citizen stops the clock and resuming adds the remaining time', async () => {
  const subject = { subjectType: 'test', subjectId: 'paused' };
  await startClock(database.db, { ...subject, officeId: jaintiapur, receivedAt: dhaka('2026-09-01T10:00'), ...threeWorkingDays });
  const paused = await database.db.transaction().execute((trx) => pauseClock(trx, subject, dhaka('2026-09-02T09:00')));
  assert.equal(paused?.kind, 'paused');
  assert.equal((await findClock(database.db, subject))?.due_at, null);
  const resumed = await database.db.transaction().execute((trx) => resumeClock(trx, subject, dhaka('2026-09-07T09:00')));
  // paused for three working days (2, 3 and 6 September), so due three working days later
  assert.equal(resumed?.kind === 'due' && resumed.dueAt.toISOString(), dhaka('2026-09-09T17:00').toISOString());
});

test('an office that works on Saturdays and closes at 16:00 gets its own deadlines, and bad hours are refused', async () => {
  const subject = { subjectType: 'test', subjectId: 'own-hours' };
  await startClock(database.db, { ...subject, officeId: jessore, receivedAt: dhaka('2026-08-12T10:00'), ...threeWorkingDays });
  assert.equal((await findClock(database.db, subject))?.due_at?.toISOString(), dhaka('2026-08-17T17:00').toISOString());
  const outcome = await setOfficeHours(database.db, systemActor, jessore, { weekly_holidays: [5], opening: '08:00', closing: '16:00' });
  assert.ok(outcome.moved.some((m) => m.subject === 'test:own-hours'));
  assert.equal((await findClock(database.db, subject))?.due_at?.toISOString(), dhaka('2026-08-16T16:00').toISOString());
  await assert.rejects(setOfficeHours(database.db, systemActor, jessore, { weekly_holidays: [5], opening: '17:00', closing: '09:00' }), /opening time/);
  await setOfficeHours(database.db, systemActor, jessore, { weekly_holidays: [5, 6], opening: '09:00', closing: '17:00' });
});
