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
