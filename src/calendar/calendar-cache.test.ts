// Calendars read for deadlines are kept until the calendar changes, by any instance.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { systemActor } from '../core/actor.ts';
import { openDatabase } from '../core/db/connection.ts';
import { openTestDatabase, type TestDatabase } from '../core/db/test-database.ts';
import { readWorkingCalendar } from './calendar-cache.ts';
import { addHoliday, loadHolidayData, setOfficeHours } from './index.ts';
import { insertTestOffice } from './test-support.ts';

let database: TestDatabase;
let officeId: number;

before(async () => {
  database = await openTestDatabase();
  await loadHolidayData(database.db);
  officeId = await insertTestOffice(database.db, 'cached-office');
});
after(() => database.drop());

const holiday = (date: string, office_id: number | null) => ({
  date,
  name_bn: `পরীক্ষা ${date}`,
  name_en: null,
  moon_dependent: false,
  confirmed: true,
  source: null,
  office_id,
});

test('an unchanged calendar is read once and then kept', async () => {
  const first = await readWorkingCalendar(database.db, officeId);
  assert.equal(await readWorkingCalendar(database.db, officeId), first);
  assert.notEqual(await readWorkingCalendar(database.db, null), first, 'the national calendar is kept apart from the office’s');
});

test('a national holiday, an office closure and new office hours are seen by the next read', async () => {
  const before = await readWorkingCalendar(database.db, officeId);
  assert.equal(before.isWorkingDay('2026-11-11'), true);
  await addHoliday(database.db, systemActor, holiday('2026-11-11', null));
  const national = await readWorkingCalendar(database.db, officeId);
  assert.equal(national.isWorkingDay('2026-11-11'), false);

  await addHoliday(database.db, systemActor, holiday('2026-11-12', officeId));
  assert.equal((await readWorkingCalendar(database.db, officeId)).isWorkingDay('2026-11-12'), false);
  assert.equal((await readWorkingCalendar(database.db, null)).isWorkingDay('2026-11-12'), true);

  await setOfficeHours(database.db, systemActor, officeId, { weekly_holidays: [5], opening: '09:00', closing: '17:00' });
  assert.equal((await readWorkingCalendar(database.db, officeId)).isWorkingDay('2026-11-14'), true, 'Saturday is now a working day there');
});

test('an edit made through another connection pool is seen too', async (t) => {
  if (!database.url) return t.skip('needs PostgreSQL: the embedded database has one connection');
  const other = await openDatabase({ databaseUrl: database.url });
  try {
    assert.equal((await readWorkingCalendar(database.db, null)).isWorkingDay('2026-11-17'), true);
    await addHoliday(other.db, systemActor, holiday('2026-11-17', null));
    assert.equal((await readWorkingCalendar(database.db, null)).isWorkingDay('2026-11-17'), false);
  } finally {
    await other.close();
  }
});

test("a transaction shares its database's kept calendar, and sees a change made since", async () => {
  const kept = await readWorkingCalendar(database.db, officeId);
  await database.db.transaction().execute(async (trx) => {
    assert.equal(await readWorkingCalendar(trx, officeId), kept, 'the same calendar object: nothing read but the revision');
  });
  await addHoliday(database.db, systemActor, holiday('2026-11-19', officeId));
  await database.db.transaction().execute(async (trx) => {
    const fresh = await readWorkingCalendar(trx, officeId);
    assert.notEqual(fresh, kept);
    assert.equal(fresh.isWorkingDay('2026-11-19'), false);
  });
});

test('two databases never share a kept calendar', async () => {
  const other = await openTestDatabase();
  try {
    await loadHolidayData(other.db);
    const otherOffice = await insertTestOffice(other.db, 'cached-office');
    await addHoliday(other.db, systemActor, holiday('2026-11-24', otherOffice));
    assert.equal((await readWorkingCalendar(other.db, otherOffice)).isWorkingDay('2026-11-24'), false);
    assert.equal((await readWorkingCalendar(database.db, officeId)).isWorkingDay('2026-11-24'), true);
  } finally {
    await other.drop();
  }
});
