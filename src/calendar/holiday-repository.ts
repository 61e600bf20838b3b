// Holidays, special working days and office hours in the database, and the working calendar
// of an office assembled from them.
import { sql, type Kysely, type Selectable, type SqlBool, type Transaction } from 'kysely';
import type { DB, Holidays } from '../core/db/schema.ts';
import { WorkingCalendar } from './working-calendar.ts';

type Executor = Kysely<DB> | Transaction<DB>;

export type HolidayRow = Selectable<Holidays>;
export type HolidayKind = Holidays['kind'];

export interface NewHoliday {
  date: string;
  name_bn: string;
  name_en: string | null;
  kind: HolidayKind;
  moon_dependent: boolean;
  confirmed: boolean;
  source: string | null;
  office_id: number | null;
}

export interface NewSpecialWorkingDay {
  date: string;
  name_bn: string;
  name_en: string | null;
  source: string | null;
  office_id: number | null;
}

/** National entries, plus the office's own when an office is given (the column is office_id in every table asked). */
function nationalOrOffice(officeId: number | null) {
  return officeId === null ? sql<SqlBool>`office_id is null` : sql<SqlBool>`(office_id is null or office_id = ${officeId})`;
}

const yearRange = (year: number) => [`${year}-01-01`, `${year}-12-31`] as const;

export async function listHolidays(db: Executor, year: number, officeId: number | null = null): Promise<HolidayRow[]> {
  const [from, to] = yearRange(year);
  return db
    .selectFrom('holidays')
    .selectAll()
    .where('date', '>=', from)
    .where('date', '<=', to)
    .where(nationalOrOffice(officeId))
    .orderBy('date')
    .orderBy('id')
    .execute();
}

export async function listSpecialWorkingDays(db: Executor, year: number, officeId: number | null = null) {
  const [from, to] = yearRange(year);
  return db
    .selectFrom('special_working_days')
    .selectAll()
    .where('date', '>=', from)
    .where('date', '<=', to)
    .where(nationalOrOffice(officeId))
    .orderBy('date')
    .execute();
}

export async function findHoliday(db: Executor, id: number) {
  return db.selectFrom('holidays').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findSpecialWorkingDay(db: Executor, id: number) {
  return db.selectFrom('special_working_days').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The holiday a new or changed one would duplicate (the unique indexes of migrations/0002): same office, date and Bangla name. */
export async function findSameHoliday(db: Executor, holiday: Pick<NewHoliday, 'date' | 'name_bn' | 'office_id'>, exceptId?: number) {
  let query = db
    .selectFrom('holidays')
    .select('id')
    .where('date', '=', holiday.date)
    .where('name_bn', '=', holiday.name_bn)
    .where((eb) => (holiday.office_id === null ? eb('office_id', 'is', null) : eb('office_id', '=', holiday.office_id)));
  if (exceptId !== undefined) query = query.where('id', '!=', exceptId);
  return query.executeTakeFirst();
}

/** The special working day already declared for that office (or nationally) on that date. */
export async function findSameSpecialWorkingDay(db: Executor, day: Pick<NewSpecialWorkingDay, 'date' | 'office_id'>) {
  return db
    .selectFrom('special_working_days')
    .select('id')
    .where('date', '=', day.date)
    .where((eb) => (day.office_id === null ? eb('office_id', 'is', null) : eb('office_id', '=', day.office_id)))
    .executeTakeFirst();
}

export async function insertHoliday(db: Executor, holiday: NewHoliday): Promise<HolidayRow> {
  return db.insertInto('holidays').values(holiday).returningAll().executeTakeFirstOrThrow();
}

/**
 * Rows per INSERT of a bulk load. The embedded database runs each statement on the main thread,
 * holding up every request for as long as it takes: 200 rows take ~15 ms of CPU, yet turn
 * 15,000 round trips into 75.
 */
export const INSERT_BATCH_ROWS = 200;

function* batches<T>(rows: readonly T[]): Generator<readonly T[]> {
  for (let from = 0; from < rows.length; from += INSERT_BATCH_ROWS) yield rows.slice(from, from + INSERT_BATCH_ROWS);
}

// Bulk rows go in as one array a column (unnest) rather than as parameters a row: for 15,000
// holidays that halves the time the database is held (1.1 s of CPU instead of 2 s, 2-core machine).

/**
 * Inserts the holidays that are not there yet — the same office, date and Bangla name, as the
 * unique indexes of migrations/0002 say, counting ones earlier in `holidays` — and returns how
 * many it inserted. Callers hold the calendar lock, so no other change races the check.
 */
export async function insertNewHolidays(db: Executor, holidays: readonly NewHoliday[]): Promise<number> {
  let inserted = 0;
  for (const batch of batches(holidays)) {
    const column = <K extends keyof NewHoliday>(key: K) => batch.map((holiday) => holiday[key]);
    const rows = await db
      .insertInto('holidays')
      .columns(['date', 'name_bn', 'name_en', 'kind', 'moon_dependent', 'confirmed', 'source', 'office_id'])
      .expression(
        sql`select * from unnest(${column('date')}::date[], ${column('name_bn')}::text[], ${column('name_en')}::text[],
          ${column('kind')}::text[], ${column('moon_dependent')}::boolean[], ${column('confirmed')}::boolean[],
          ${column('source')}::text[], ${column('office_id')}::integer[])`,
      )
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .execute();
    inserted += rows.length;
  }
  return inserted;
}

/** The special working days not declared yet for their office (or nationally) on their date, inserted; returns how many. */
export async function insertNewSpecialWorkingDays(db: Executor, days: readonly NewSpecialWorkingDay[]): Promise<number> {
  let inserted = 0;
  for (const batch of batches(days)) {
    const column = <K extends keyof NewSpecialWorkingDay>(key: K) => batch.map((day) => day[key]);
    const rows = await db
      .insertInto('special_working_days')
      .columns(['date', 'name_bn', 'name_en', 'source', 'office_id'])
      .expression(
        sql`select * from unnest(${column('date')}::date[], ${column('name_bn')}::text[], ${column('name_en')}::text[],
          ${column('source')}::text[], ${column('office_id')}::integer[])`,
      )
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .execute();
    inserted += rows.length;
  }
  return inserted;
}

export async function updateHoliday(db: Executor, id: number, changes: Partial<NewHoliday>): Promise<HolidayRow | undefined> {
  return db
    .updateTable('holidays')
    .set({ ...changes, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

export async function deleteHoliday(db: Executor, id: number): Promise<HolidayRow | undefined> {
  return db.deleteFrom('holidays').where('id', '=', id).returningAll().executeTakeFirst();
}

export async function insertSpecialWorkingDay(db: Executor, day: NewSpecialWorkingDay) {
  return db.insertInto('special_working_days').values(day).returningAll().executeTakeFirstOrThrow();
}

export async function deleteSpecialWorkingDay(db: Executor, id: number) {
  return db.deleteFrom('special_working_days').where('id', '=', id).returningAll().executeTakeFirst();
}

export async function loadedHolidayYears(db: Executor): Promise<number[]> {
  return (await db.selectFrom('holiday_years').select('year').orderBy('year').execute()).map((r) => r.year);
}

export async function markHolidayYearLoaded(db: Executor, year: number, source: string | null): Promise<void> {
  await db.insertInto('holiday_years').values({ year, source }).onConflict((oc) => oc.column('year').doNothing()).execute();
}

/**
 * The calendar an office works by: national closures and special working days, its own
 * closures, and its own weekly holidays and hours where it has set them.
 */
export async function loadWorkingCalendar(db: Executor, officeId: number | null): Promise<WorkingCalendar> {
  const holidays = await db
    .selectFrom('holidays')
    .select(['date', 'kind', 'name_bn', 'name_en'])
    .where('kind', '!=', 'optional')
    .where(nationalOrOffice(officeId))
    .execute();
  const special = await db
    .selectFrom('special_working_days')
    .select('date')
    .where(nationalOrOffice(officeId))
    .execute();
  const hours = officeId === null ? undefined : await db.selectFrom('office_hours').selectAll().where('office_id', '=', officeId).executeTakeFirst();
  return new WorkingCalendar({
    holidays: holidays.map((h) => ({ date: h.date, kind: h.kind, name_bn: h.name_bn, name_en: h.name_en ?? undefined })),
    specialWorkingDays: special.map((s) => s.date),
    weeklyHolidays: hours?.weekly_holidays,
    opening: hours?.opening,
    closing: hours?.closing,
    coveredYears: await loadedHolidayYears(db),
  });
}
