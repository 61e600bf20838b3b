// Big .ics imports: written in bulk, in batches of rows, yet whole or not at all.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { systemActor } from '../core/actor.ts';
import { openTestDatabase, type TestDatabase } from '../core/db/test-database.ts';
import { importIcs } from './calendar-changes.ts';
import { CalendarError } from './errors.ts';
import { INSERT_BATCH_ROWS, insertNewHolidays, insertNewSpecialWorkingDays, type NewHoliday, type NewSpecialWorkingDay } from './holiday-repository.ts';
import { MAX_ICS_DAYS } from './holidays-ics.ts';
import { addDays } from './local-date.ts';
import { insertTestOffice } from './test-support.ts';

let database: TestDatabase;
before(async () => {
  database = await openTestDatabase();
});
after(() => database.drop());

interface TestEvent {
  summary: string;
  date: string;
  /** DTEND, for an event of several days */
  until?: string;
  category?: string;
}

const compact = (date: string) => date.replaceAll('-', '');

function calendarOf(events: readonly TestEvent[]): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Test//EN'];
  for (const event of events) {
    lines.push('BEGIN:VEVENT', `SUMMARY:${event.summary}`, `DTSTART;VALUE=DATE:${compact(event.date)}`);
    if (event.until) lines.push(`DTEND;VALUE=DATE:${compact(event.until)}`);
    if (event.category) lines.push(`CATEGORIES:${event.category}`);
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR', '');
  return lines.join('\r\n');
}

/** `count` one-day events named "<prefix> 0", "<prefix> 1", …, on the days from 2040-01-01. */
function numbered(prefix: string, count: number): TestEvent[] {
  return Array.from({ length: count }, (_unused, n) => ({ summary: `${prefix} ${n}`, date: addDays('2040-01-01', n % 3000) }));
}

async function holidaysNamed(prefix: string) {
  return database.db.selectFrom('holidays').select(['name_bn', 'date']).where('name_bn', 'like', `${prefix} %`).execute();
}

async function changesRecorded(): Promise<number> {
  return (await database.db.selectFrom('calendar_changes').select('id').execute()).length;
}

test('a file of several insert batches imports every day exactly once, skipping those already there and repeats within it', async () => {
  const count = INSERT_BATCH_ROWS * 2 + 37;
  const events = numbered('Big', count);
  const [fifth, tenth, last] = [events[5], events[10], events.at(-1)];
  assert.ok(fifth && tenth && last);
  await importIcs(database.db, systemActor, calendarOf([tenth]), null);

  const workingDays = numbered('Working', 3).map((event) => ({ ...event, category: 'special_working_day' }));
  // the repeats sit in other batches than the first of each
  const file = calendarOf([...events, last, fifth, ...workingDays, workingDays[0] as TestEvent]);
  const first = await importIcs(database.db, systemActor, file, null);
  assert.deepEqual(first.result, { added: count - 1, skipped: 3, addedSpecialWorkingDays: 3 });

  const again = await importIcs(database.db, systemActor, file, null);
  assert.deepEqual(again.result, { added: 0, skipped: count + 2, addedSpecialWorkingDays: 0 });

  const rows = await holidaysNamed('Big');
  assert.equal(rows.length, count);
  assert.equal(new Set(rows.map((row) => row.name_bn)).size, count);
  const days = await database.db.selectFrom('special_working_days').select('date').where('name_bn', 'like', 'Working %').execute();
  assert.deepEqual(days.map((day) => day.date).sort(), workingDays.map((day) => day.date));
});

test('a file with a bad event in the middle is refused before anything is written', async () => {
  const changes = await changesRecorded();
  for (const [bad, message] of [
    [{ summary: 'Bad date 500', date: '2040-02-30' }, /"Bad date 500"\) has DTSTART "20400230", which is not a real date/],
    [{ summary: 'Bad year 500', date: '1950-01-01' }, /from 1971 to 2100/],
  ] as const) {
    const prefix = bad.summary.replace(/ 500$/, '');
    const events = numbered(prefix, INSERT_BATCH_ROWS * 3);
    events[500] = bad;
    await assert.rejects(importIcs(database.db, systemActor, calendarOf(events), null), (error) => {
      assert.ok(error instanceof CalendarError);
      assert.match(error.message, message);
      return true;
    });
    assert.deepEqual(await holidaysNamed(prefix), []);
  }
  assert.equal(await changesRecorded(), changes);
});

test('a file the database refuses in the middle of writing leaves nothing behind', async () => {
  const changes = await changesRecorded();
  const events = numbered('Refused', INSERT_BATCH_ROWS * 3);
  // parsed and checked fine, but PostgreSQL cannot store a NUL character: the third batch fails
  // after the first two were written in the same transaction
  const middle = INSERT_BATCH_ROWS * 2 + 5;
  events[middle] = { summary: `Refused ${middle}\u0000`, date: '2040-06-01' };
  await assert.rejects(importIcs(database.db, systemActor, calendarOf(events), null));
  assert.deepEqual(await holidaysNamed('Refused'), []);
  assert.equal(await changesRecorded(), changes);
});

test('a file of more days than MAX_ICS_DAYS is refused before anything is written, however few its events', async () => {
  const yearLong = Array.from({ length: Math.ceil(MAX_ICS_DAYS / 366) + 1 }, (_unused, n) => ({
    summary: `Long ${n}`,
    date: addDays('2041-01-01', n),
    until: addDays('2041-01-01', n + 366),
  }));
  await assert.rejects(importIcs(database.db, systemActor, calendarOf(yearLong), null), (error) => {
    assert.ok(error instanceof CalendarError);
    assert.equal(error.code, 'invalid_ics');
    assert.match(error.message, new RegExp(`more than ${MAX_ICS_DAYS} days`));
    return true;
  });
  assert.deepEqual(await holidaysNamed('Long'), []);
});

test('bulk-inserted rows are stored as given: awkward text, nulls, both flags, national and an office\'s own', async () => {
  const officeId = await insertTestOffice(database.db, 'bulk-insert-office');
  const awkward = ['NULL', 'a,b', 'q"uote', 'back\\slash', '{brace}', ' lead', "it's", 'বিজয় দিবস'];
  const holidays: NewHoliday[] = awkward.map((text, n) => ({
    date: addDays('2045-01-01', n),
    name_bn: `Awkward ${text}`,
    name_en: n % 2 === 0 ? text : null,
    kind: n % 2 === 0 ? 'optional' : 'local_closure',
    moon_dependent: n % 3 === 0,
    confirmed: n % 3 !== 1,
    source: n % 4 === 0 ? null : `source ${text}`,
    office_id: n % 2 === 0 ? null : officeId,
  }));
  assert.equal(await insertNewHolidays(database.db, holidays), holidays.length);
  const stored = await database.db
    .selectFrom('holidays')
    .select(['date', 'name_bn', 'name_en', 'kind', 'moon_dependent', 'confirmed', 'source', 'office_id'])
    .where('name_bn', 'like', 'Awkward %')
    .orderBy('date')
    .execute();
  assert.deepEqual(stored, holidays);

  const days: NewSpecialWorkingDay[] = awkward.map((text, n) => ({
    date: addDays('2045-02-01', n),
    name_bn: `Awkward ${text}`,
    name_en: n % 2 === 0 ? null : text,
    source: n % 2 === 0 ? `source ${text}` : null,
    office_id: n % 2 === 0 ? officeId : null,
  }));
  assert.equal(await insertNewSpecialWorkingDays(database.db, [...days, ...days]), days.length);
  const storedDays = await database.db
    .selectFrom('special_working_days')
    .select(['date', 'name_bn', 'name_en', 'source', 'office_id'])
    .where('name_bn', 'like', 'Awkward %')
    .orderBy('date')
    .execute();
  assert.deepEqual(storedDays, days);
});
