// What the calendar pages, API and CLI read: a year's holidays and special working days, as
// stored rows or in the holiday-file shape that the iCalendar writer takes.
import type { Kysely } from 'kysely';
import { DateTime } from 'luxon';
import type { DB } from '../core/db/schema.ts';
import { computeDeadline, type DeadlineResult } from './deadline.ts';
import type { PromiseRule } from './deadline-rule.ts';
import { CalendarError } from './errors.ts';
import type { Holiday, SpecialWorkingDay } from './holiday-file.ts';
import { checkCalendarDate } from './local-date.ts';
import { readWorkingCalendar } from './calendar-cache.ts';
import { listHolidays, listSpecialWorkingDays, type HolidayRow } from './holiday-repository.ts';
import { holidaysToIcs } from './holidays-ics.ts';
import { DHAKA_ZONE } from './working-calendar.ts';

/** The years whose calendar can be listed (the holiday files start in 2000). */
export const YEAR_RANGE = { min: 2000, max: 2100 } as const;

/** A year asked for (?year, --year), refused before any SQL when it is outside YEAR_RANGE. */
export function checkListedYear(year: number): number {
  if (!Number.isInteger(year) || year < YEAR_RANGE.min || year > YEAR_RANGE.max) throw new CalendarError('invalid_date', `year ${year}`, 'year');
  return year;
}

export async function calendarYear(db: Kysely<DB>, year: number, officeId: number | null = null) {
  checkListedYear(year);
  const [holidays, specialWorkingDays] = await Promise.all([
    listHolidays(db, year, officeId),
    listSpecialWorkingDays(db, year, officeId),
  ]);
  return { year, holidays, specialWorkingDays };
}

function asFileHoliday(row: HolidayRow): Holiday {
  return {
    date: row.date,
    name_bn: row.name_bn,
    name_en: row.name_en ?? row.name_bn,
    // an office's own closure travels as an executive-order day: it closes the office like one
    kind: row.kind === 'local_closure' ? 'executive_order' : row.kind,
    moon_dependent: row.moon_dependent,
    confirmed: row.confirmed,
    source: row.source ?? (row.kind === 'local_closure' ? 'Office closure' : 'Protishruti calendar'),
  };
}

export async function calendarYearIcs(db: Kysely<DB>, year: number, officeId: number | null = null): Promise<string> {
  const { holidays, specialWorkingDays } = await calendarYear(db, year, officeId);
  const days: SpecialWorkingDay[] = specialWorkingDays.map((d) => ({
    date: d.date,
    name_bn: d.name_bn,
    name_en: d.name_en ?? d.name_bn,
    source: d.source ?? 'Protishruti calendar',
  }));
  return holidaysToIcs(year, holidays.map(asFileHoliday), days);
}

/**
 * "2026-12-03T10:00" is Dhaka time; a moment with an offset or Z is taken as written. Its Dhaka
 * date must be a calendar date (checkCalendarDate: a real date from 1971 to 2100).
 */
export function parseReceivedAt(text: string): Date {
  const moment = DateTime.fromISO(text.trim(), { zone: DHAKA_ZONE, setZone: false });
  if (!moment.isValid) throw new CalendarError('invalid_date', text, 'from');
  checkCalendarDate(moment.setZone(DHAKA_ZONE).toISODate() ?? text, 'from');
  return moment.toJSDate();
}

export async function dueFor(db: Kysely<DB>, officeId: number | null, receivedAt: Date, rule: PromiseRule): Promise<DeadlineResult> {
  return computeDeadline(await readWorkingCalendar(db, officeId), { receivedAt, rule });
}

/** The JSON shape of a computed deadline for the CLI and the API. */
export function deadlineJson(result: DeadlineResult) {
  const local = (date: Date) => DateTime.fromJSDate(date, { zone: DHAKA_ZONE }).toISO({ suppressMilliseconds: true }) ?? date.toISOString();
  if (result.kind !== 'due') {
    return { due_at: null, expected_at: null, rule: result.rule, kind: result.kind, explanation_en: result.explanation_en, explanation_bn: result.explanation_bn };
  }
  return {
    due_at: result.dueAt.toISOString(),
    expected_at: result.expectedAt.toISOString(),
    rule: result.rule,
    kind: result.kind,
    due_at_dhaka: local(result.dueAt),
    expected_at_dhaka: local(result.expectedAt),
    day_zero: result.dayZero,
    uncovered_years: result.uncoveredYears,
    explanation_en: result.explanation_en,
    explanation_bn: result.explanation_bn,
  };
}
