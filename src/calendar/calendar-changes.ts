// Every change to the calendar goes through here: the change, the recomputation of the open
// deadlines it governs, the calendar's own record of who changed what and which items moved,
// and the audit log's row — in one transaction, so a failure leaves the calendar, the
// deadlines and both records as they were.
import { sql, type Kysely, type Transaction } from 'kysely';
import { recordAudit } from '../audit/index.ts';
import type { Actor } from '../core/actor.ts';
import type { DB } from '../core/db/schema.ts';
import { updateSpecialWorkingDay } from './admin-repository.ts';
import { holidayState, specialWorkingDayState, withDeadlines, yearsOf, type AuditState } from './audit-states.ts';
import { recomputeOpenClocks, type MovedClock } from './clock-repository.ts';
import { CalendarError } from './errors.ts';
import {
  deleteHoliday,
  deleteSpecialWorkingDay,
  findHoliday,
  findSameHoliday,
  findSameSpecialWorkingDay,
  findSpecialWorkingDay,
  insertHoliday,
  insertNewHolidays,
  insertNewSpecialWorkingDays,
  insertSpecialWorkingDay,
  updateHoliday,
  type HolidayRow,
  type NewHoliday,
  type NewSpecialWorkingDay,
} from './holiday-repository.ts';
import { parseIcsHolidaysInSlices } from './holidays-ics.ts';
import { checkCalendarDate } from './local-date.ts';
import { WorkingCalendar } from './working-calendar.ts';

export interface ChangeOutcome<T> {
  result: T;
  moved: MovedClock[];
  changeId: number;
}

/**
 * 'save' makes the change; 'check' makes it in a transaction that is then rolled back, to learn
 * which open deadlines it would move (the calendar editing pages' "Check" button). A checked
 * change writes nothing: no calendar row, no calendar_changes row, no audit row.
 */
export type ChangeMode = 'save' | 'check';

/** What a checked change would do; it has no record, so no change id. */
export interface CheckedChange<T> {
  result: T;
  moved: MovedClock[];
  changeId: null;
}

export type ChangeResult<T, M extends ChangeMode> = M extends 'check' ? CheckedChange<T> : ChangeOutcome<T>;

/** Thrown inside a checked change's transaction, so that Kysely rolls it back; never leaves this file. */
class CheckedChangeRollback extends Error {
  constructor(readonly checked: CheckedChange<unknown>) {
    super('calendar change checked, then rolled back');
  }
}

// Calendar changes are rare; taking them one at a time (across instances too) keeps
// "is it already there?" checks and deadline recomputation free of races.
const CALENDAR_LOCK = 16_122_026;

/**
 * For the clock's users (a request received, paused, resumed): holds off calendar changes until
 * the caller's transaction ends, and waits for one under way. A clock started meanwhile would
 * keep a due moment of the old calendar; and a change recomputing clocks while an action holds a
 * request would lock the two in the opposite order.
 */
export async function holdCalendarSteady(trx: Transaction<DB>): Promise<void> {
  await sql`select pg_advisory_xact_lock_shared(${CALENDAR_LOCK})`.execute(trx);
}

interface Change<T> {
  result: T;
  /** the calendar_changes row's account of the change (`calendar changes`, the API) */
  detail: unknown;
  /** for the audit log: the thing changed, and how it was before and after (null: not there) */
  subject?: { type: string; id: number } | undefined;
  before: AuditState | null;
  after: AuditState | null;
}

async function recordChange<T, M extends ChangeMode = 'save'>(
  db: Kysely<DB>,
  actor: Actor,
  action: string,
  officeId: number | null,
  change: (trx: Transaction<DB>) => Promise<Change<T>>,
  mode: M = 'save' as M,
): Promise<ChangeResult<T, M>> {
  try {
    return await db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(${CALENDAR_LOCK})`.execute(trx);
      const { result, detail, subject, before, after } = await change(trx);
      const moved = await recomputeOpenClocks(trx, officeId);
      if (mode === 'check') throw new CheckedChangeRollback({ result, moved, changeId: null });
      // its id is the calendar's revision (calendar-cache.ts), so the calendar keeps its own record
      const row = await trx
        .insertInto('calendar_changes')
        .values({ actor: actor.label, action, office_id: officeId, detail: JSON.stringify(detail), moved_clocks: JSON.stringify(moved) })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(trx, {
        actor,
        action: `calendar.${action}`,
        officeId,
        subject,
        before: withDeadlines(before, moved, 'from'),
        after: withDeadlines(after, moved, 'to'),
      });
      const outcome: ChangeOutcome<T> = { result, moved, changeId: row.id };
      return outcome as ChangeResult<T, M>;
    });
  } catch (error) {
    if (error instanceof CheckedChangeRollback) return error.checked as ChangeResult<T, M>;
    throw error;
  }
}

function describeHoliday(h: Pick<HolidayRow, 'id' | 'date' | 'name_bn' | 'name_en' | 'kind'>) {
  return { id: h.id, date: h.date, name_bn: h.name_bn, name_en: h.name_en, kind: h.kind };
}

// ids are PostgreSQL integers: anything else is refused before it reaches SQL
export const MAX_ID = 2_147_483_647;

function checkId(id: number): number {
  if (!Number.isInteger(id) || id < 1 || id > MAX_ID) throw new CalendarError('invalid_id', String(id), 'id');
  return id;
}

async function requireHoliday(db: Kysely<DB> | Transaction<DB>, id: number): Promise<HolidayRow> {
  checkId(id);
  const holiday = await findHoliday(db, id);
  if (!holiday) throw new CalendarError('holiday_not_found', String(id));
  return holiday;
}

// Checked under the calendar lock, so no other change can add the same holiday in between.
async function refuseDuplicateHoliday(trx: Transaction<DB>, holiday: Pick<NewHoliday, 'date' | 'name_bn' | 'office_id'>, exceptId?: number) {
  if (await findSameHoliday(trx, holiday, exceptId)) {
    throw new CalendarError('holiday_exists', `${holiday.date} ${holiday.name_bn}`, 'date');
  }
}

/** A holiday as asked for: without a kind, an office's own day is a closure and any other a general holiday. */
export type HolidayRequest = Omit<NewHoliday, 'kind'> & { kind?: NewHoliday['kind'] | undefined };

/** An office closes on its own days only (local_closure); a national holiday names no office. */
function checkedHoliday(holiday: HolidayRequest): NewHoliday {
  checkCalendarDate(holiday.date, 'date');
  const kind = holiday.kind ?? (holiday.office_id === null ? 'general' : 'local_closure');
  if ((kind === 'local_closure') !== (holiday.office_id !== null)) {
    throw new CalendarError('closure_needs_office', `kind ${kind}${holiday.office_id === null ? ' without an office' : ' with an office'}`, 'office');
  }
  return { ...holiday, kind };
}

export function addHoliday<M extends ChangeMode = 'save'>(db: Kysely<DB>, actor: Actor, request: HolidayRequest, mode?: M) {
  const holiday = checkedHoliday(request);
  return recordChange(db, actor, 'holiday.add', holiday.office_id, async (trx) => {
    await refuseDuplicateHoliday(trx, holiday);
    const row = await insertHoliday(trx, holiday);
    return {
      result: row,
      detail: { holiday: describeHoliday(row) },
      subject: { type: 'holiday', id: row.id },
      before: { holiday: null },
      after: holidayState(row),
    };
  }, mode);
}

/** Moves a holiday to another date (moon-dependent dates are confirmed late). */
export async function moveHoliday(db: Kysely<DB>, actor: Actor, id: number, toDate: string) {
  checkCalendarDate(toDate, 'to');
  const found = await requireHoliday(db, id);
  return recordChange(db, actor, 'holiday.move', found.office_id, async (trx) => {
    // read again under the calendar lock: the audit log's "before" is the row this move changed
    const before = await requireHoliday(trx, id);
    await refuseDuplicateHoliday(trx, { ...before, date: toDate }, id);
    const row = await updateHoliday(trx, id, { date: toDate });
    if (!row) throw new CalendarError('holiday_not_found', String(id));
    return {
      result: row,
      detail: { holiday: describeHoliday(row), from: before.date, to: toDate },
      subject: { type: 'holiday', id },
      before: holidayState(before),
      after: holidayState(row),
    };
  });
}

export async function changeHoliday<M extends ChangeMode = 'save'>(db: Kysely<DB>, actor: Actor, id: number, changes: Partial<NewHoliday>, mode?: M) {
  if (changes.date !== undefined) checkCalendarDate(changes.date, 'date');
  const found = await requireHoliday(db, id);
  return recordChange(db, actor, 'holiday.change', found.office_id, async (trx) => {
    const before = await requireHoliday(trx, id);
    await refuseDuplicateHoliday(trx, { ...before, ...changes }, id);
    const row = await updateHoliday(trx, id, changes);
    if (!row) throw new CalendarError('holiday_not_found', String(id));
    return {
      result: row,
      detail: { before: describeHoliday(before), after: describeHoliday(row), changes },
      subject: { type: 'holiday', id },
      before: holidayState(before),
      after: holidayState(row),
    };
  }, mode);
}

export async function removeHoliday<M extends ChangeMode = 'save'>(db: Kysely<DB>, actor: Actor, id: number, mode?: M) {
  const found = await requireHoliday(db, id);
  return recordChange(db, actor, 'holiday.remove', found.office_id, async (trx) => {
    const row = await deleteHoliday(trx, id);
    if (!row) throw new CalendarError('holiday_not_found', String(id));
    return {
      result: row,
      detail: { holiday: describeHoliday(row) },
      subject: { type: 'holiday', id },
      before: holidayState(row),
      after: { holiday: null },
    };
  }, mode);
}

export function addSpecialWorkingDay<M extends ChangeMode = 'save'>(db: Kysely<DB>, actor: Actor, day: NewSpecialWorkingDay, mode?: M) {
  checkCalendarDate(day.date, 'date');
  return recordChange(db, actor, 'special_working_day.add', day.office_id, async (trx) => {
    if (await findSameSpecialWorkingDay(trx, day)) throw new CalendarError('special_working_day_exists', day.date, 'date');
    const row = await insertSpecialWorkingDay(trx, day);
    return {
      result: row,
      detail: { special_working_day: { id: row.id, date: row.date, name_bn: row.name_bn } },
      subject: { type: 'special_working_day', id: row.id },
      before: { special_working_day: null },
      after: specialWorkingDayState(row),
    };
  }, mode);
}

export async function removeSpecialWorkingDay<M extends ChangeMode = 'save'>(db: Kysely<DB>, actor: Actor, id: number, mode?: M) {
  checkId(id);
  const row = await db.selectFrom('special_working_days').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new CalendarError('holiday_not_found', `special working day ${id}`);
  return recordChange(db, actor, 'special_working_day.remove', row.office_id, async (trx) => {
    await deleteSpecialWorkingDay(trx, id);
    return {
      result: row,
      detail: { special_working_day: { id: row.id, date: row.date, name_bn: row.name_bn } },
      subject: { type: 'special_working_day', id },
      before: specialWorkingDayState(row),
      after: { special_working_day: null },
    };
  }, mode);
}

/** Corrects a declared working day: its date or its names. */
export async function changeSpecialWorkingDay<M extends ChangeMode = 'save'>(
  db: Kysely<DB>,
  actor: Actor,
  id: number,
  changes: Partial<Pick<NewSpecialWorkingDay, 'date' | 'name_bn' | 'name_en'>>,
  mode?: M,
) {
  if (changes.date !== undefined) checkCalendarDate(changes.date, 'date');
  checkId(id);
  const found = await findSpecialWorkingDay(db, id);
  if (!found) throw new CalendarError('holiday_not_found', `special working day ${id}`);
  return recordChange(db, actor, 'special_working_day.change', found.office_id, async (trx) => {
    const before = await findSpecialWorkingDay(trx, id);
    if (!before) throw new CalendarError('holiday_not_found', `special working day ${id}`);
    const date = changes.date ?? before.date;
    const same = await findSameSpecialWorkingDay(trx, { date, office_id: before.office_id });
    if (same && same.id !== id) throw new CalendarError('special_working_day_exists', date, 'date');
    const row = await updateSpecialWorkingDay(trx, id, changes);
    if (!row) throw new CalendarError('holiday_not_found', `special working day ${id}`);
    const describe = (day: typeof row) => ({ id: day.id, date: day.date, name_bn: day.name_bn, name_en: day.name_en });
    return {
      result: row,
      detail: { before: describe(before), after: describe(row), changes },
      subject: { type: 'special_working_day', id },
      before: specialWorkingDayState(before),
      after: specialWorkingDayState(row),
    };
  }, mode);
}

/**
 * Adds many holidays at once (a data file, an .ics import); ones already there are skipped.
 *
 * One transaction, written in batches of rows: a file is imported whole or not at all, under
 * the calendar lock, and the open deadlines are recomputed once against the complete calendar.
 * Several transactions would each hold the embedded database's lock for less time, but readers
 * would see half a file in between, deadlines would move more than once, and undoing a failure
 * would take compensating deletes. Written in bulk, 15,000 days (about what a 1 MB upload
 * holds; MAX_ICS_DAYS caps any file) hold the lock for ~1.5 s of CPU, where a statement a day
 * took 37 s; the pool lets the event loop turn after every statement, so what needs no
 * database (assets, /healthz) is served meanwhile, and pages that read it wait that long.
 */
export function addHolidays(
  db: Kysely<DB>,
  actor: Actor,
  action: string,
  officeId: number | null,
  holidays: NewHoliday[],
  specialWorkingDays: NewSpecialWorkingDay[] = [],
  afterwards?: (trx: Transaction<DB>) => Promise<void>,
) {
  // everything is checked before anything is written: one bad entry refuses the whole file
  for (const holiday of holidays) checkedHoliday(holiday);
  for (const day of specialWorkingDays) checkCalendarDate(day.date);
  return recordChange(db, actor, action, officeId, async (trx) => {
    const added = await insertNewHolidays(trx, holidays);
    const addedDays = await insertNewSpecialWorkingDays(trx, specialWorkingDays);
    await afterwards?.(trx);
    const detail = { added, skipped: holidays.length - added, special_working_days_added: addedDays };
    return {
      result: { added, skipped: holidays.length - added, addedSpecialWorkingDays: addedDays },
      detail,
      before: null,
      after: { ...detail, years: yearsOf([...holidays, ...specialWorkingDays]) },
    };
  });
}

/** Imports an iCalendar file: nationally, or as one office's own closures when an office is given. */
export async function importIcs(db: Kysely<DB>, actor: Actor, text: string, officeId: number | null) {
  const parsed = await parseIcsHolidaysInSlices(text);
  return addHolidays(
    db,
    actor,
    'ics.import',
    officeId,
    parsed.holidays.map((h) => ({ ...h, kind: officeId === null ? h.kind : 'local_closure', office_id: officeId })),
    parsed.specialWorkingDays.map((d) => ({ ...d, office_id: officeId })),
  );
}

export async function listCalendarChanges(db: Kysely<DB>, limit = 50) {
  return db.selectFrom('calendar_changes').selectAll().orderBy('id', 'desc').limit(limit).execute();
}

export interface OfficeHours {
  weekly_holidays: number[];
  opening: string;
  closing: string;
}

/** Sets an office's weekly holidays and hours (the national defaults apply until it does). */
export async function setOfficeHours<M extends ChangeMode = 'save'>(db: Kysely<DB>, actor: Actor, officeId: number, hours: OfficeHours, mode?: M) {
  // build the calendar once so that bad hours are refused before anything is written
  new WorkingCalendar({ holidays: [], weeklyHolidays: hours.weekly_holidays, opening: hours.opening, closing: hours.closing });
  return recordChange(db, actor, 'office_hours.set', officeId, async (trx) => {
    const before = await trx.selectFrom('office_hours').selectAll().where('office_id', '=', officeId).executeTakeFirst();
    await trx
      .insertInto('office_hours')
      .values({ office_id: officeId, ...hours })
      .onConflict((oc) => oc.column('office_id').doUpdateSet(hours))
      .execute();
    return {
      result: { office_id: officeId, ...hours },
      detail: { before: before ?? null, after: hours },
      subject: { type: 'office_hours', id: officeId },
      before: { office_hours: before ?? null },
      after: { office_hours: { office_id: officeId, ...hours } },
    };
  }, mode);
}
