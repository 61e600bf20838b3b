// Every calendar change is in the audit log: who, from where, what, before and after, and the
// deadlines it moved, committed or rolled back with the change itself.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { listAudit, verifyAuditLog } from '../audit/index.ts';
import type { Actor } from '../core/actor.ts';
import { openTestDatabase, type TestDatabase } from '../core/db/test-database.ts';
import { addHoliday, loadHolidayData, moveHoliday, removeHoliday, setOfficeHours, startClock, workingDays } from './index.ts';
import { insertTestOffice } from './test-support.ts';

let database: TestDatabase;
let officeId: number;
const officer: Actor = { userId: 7, label: 'rahim@example.gov.bd', ip: '203.0.113.7' };
const dhaka = (local: string) => new Date(`${local}+06:00`);
const testHoliday = (date: string) => ({
  date,
  name_bn: `পরীক্ষা ${date}`,
  name_en: null,
  kind: 'executive_order' as const,
  moon_dependent: false,
  confirmed: true,
  source: 'test',
  office_id: null,
});

before(async () => {
  database = await openTestDatabase();
  officeId = await insertTestOffice(database.db, 'audited-office');
  await loadHolidayData(database.db);
});
after(() => database.drop());

const latestAudit = async () => (await listAudit(database.db, { limit: 1 }))[0];

test('loading the holiday files is recorded as the system’s work, year by year', async () => {
  const loads = await listAudit(database.db, { action: 'calendar.holiday_file.load', limit: 100 });
  assert.ok(loads.length > 0);
  for (const row of loads) {
    assert.equal(row.actor_label, 'system');
    assert.equal(row.actor_user_id, null);
    assert.equal((row.after as { years: number[] }).years.length, 1);
  }
  assert.ok(loads.some((row) => (row.after as { years: number[]; added: number }).years[0] === 2026));
});

test('a holiday added, moved and removed: who, from where, and the holiday before and after', async () => {
  const subject = { subjectType: 'test', subjectId: 'audited' };
  await startClock(database.db, { ...subject, officeId, receivedAt: dhaka('2026-11-02T10:00'), rule: workingDays(3, '৩ কার্যদিবস'), source: 'test' });

  const added = await addHoliday(database.db, officer, testHoliday('2026-11-04'));
  const change = await database.db.selectFrom('calendar_changes').selectAll().where('id', '=', added.changeId).executeTakeFirstOrThrow();
  assert.equal(change.actor, 'rahim@example.gov.bd');
  const row = await latestAudit();
  assert.ok(row);
  assert.deepEqual(
    { ...row, id: 0, at: 0, prev_hash: '', hash: '' },
    {
      id: 0,
      at: 0,
      actor_user_id: 7,
      actor_label: 'rahim@example.gov.bd',
      ip: '203.0.113.7',
      action: 'calendar.holiday.add',
      office_id: null,
      subject_type: 'holiday',
      subject_id: String(added.result.id),
      before: {
        holiday: null,
        deadlines: [{ clock_id: added.moved[0]?.clock_id, subject: 'test:audited', due_at: dhaka('2026-11-05T17:00').toISOString() }],
      },
      after: {
        holiday: { id: added.result.id, ...testHoliday('2026-11-04') },
        deadlines: [{ clock_id: added.moved[0]?.clock_id, subject: 'test:audited', due_at: dhaka('2026-11-08T17:00').toISOString() }],
      },
      prev_hash: '',
      hash: '',
    },
  );

  await moveHoliday(database.db, officer, added.result.id, '2026-11-10');
  const moved = await latestAudit();
  assert.equal(moved?.action, 'calendar.holiday.move');
  assert.equal((moved?.before as { holiday: { date: string } }).holiday.date, '2026-11-04');
  assert.equal((moved?.after as { holiday: { date: string } }).holiday.date, '2026-11-10');

  await removeHoliday(database.db, officer, added.result.id);
  const removed = await latestAudit();
  assert.equal(removed?.action, 'calendar.holiday.remove');
  assert.equal((removed?.before as { holiday: { date: string } }).holiday.date, '2026-11-10');
  assert.deepEqual((removed?.after as { holiday: unknown }).holiday, null);
  assert.equal((await verifyAuditLog(database.db)).ok, true);
});

test('an office’s new hours name the office and the hours before and after', async () => {
  await setOfficeHours(database.db, officer, officeId, { weekly_holidays: [5], opening: '08:00', closing: '16:00' });
  const row = await latestAudit();
  assert.equal(row?.action, 'calendar.office_hours.set');
  assert.equal(row?.office_id, officeId);
  assert.deepEqual([row?.subject_type, row?.subject_id], ['office_hours', String(officeId)]);
  assert.deepEqual((row?.before as { office_hours: unknown }).office_hours, null);
  assert.deepEqual((row?.after as { office_hours: unknown }).office_hours, { office_id: officeId, weekly_holidays: [5], opening: '08:00', closing: '16:00' });
});

test('a change whose transaction fails after the audit row was written leaves neither record, nor the change', async () => {
  const counts = async () => ({
    changes: (await database.db.selectFrom('calendar_changes').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
    audit: (await listAudit(database.db, { limit: 1000 })).length,
  });
  const before = await counts();
  // fails at commit, when the calendar change, its record and the audit row are all written
  await sql`create function fail_at_commit() returns trigger language plpgsql as $$
    begin raise exception 'forced failure at commit'; end; $$`.execute(database.db);
  await sql`create constraint trigger fail_at_commit after insert on audit_log
    deferrable initially deferred for each row execute function fail_at_commit()`.execute(database.db);
  try {
    await assert.rejects(addHoliday(database.db, officer, testHoliday('2026-12-01')), /forced failure at commit/);
  } finally {
    await sql`drop trigger fail_at_commit on audit_log`.execute(database.db);
    await sql`drop function fail_at_commit()`.execute(database.db);
  }
  assert.deepEqual(await counts(), before);
  const left = await database.db.selectFrom('holidays').select('id').where('date', '=', '2026-12-01').execute();
  assert.deepEqual(left, []);
  // and the chain goes on from the last committed row
  await addHoliday(database.db, officer, testHoliday('2026-12-01'));
  assert.equal((await verifyAuditLog(database.db)).ok, true);
});
