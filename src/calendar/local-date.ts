// Calendar dates ('YYYY-MM-DD', no time zone) and office times ('HH:mm'): validation and arithmetic.
import { DateTime } from 'luxon';
import { CalendarError } from './errors.ts';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const CLOCK_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const MS_PER_DAY = 86_400_000;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
}

function monthOf(date: string): number {
  return Number(date.slice(5, 7));
}

function dayOfMonth(date: string): number {
  return Number(date.slice(8, 10));
}

export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const month = monthOf(value);
  const day = dayOfMonth(value);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(yearOf(value), month);
}

export function assertIsoDate(value: string, what = 'date'): string {
  if (!isIsoDate(value)) {
    throw new CalendarError('invalid_date', `${what} ${JSON.stringify(value)} is not a real calendar date written YYYY-MM-DD`);
  }
  return value;
}

/**
 * The years a date given to the calendar may fall in: from the independence of Bangladesh to the
 * end of the century. Year 0, 1900 or 99999 are typing mistakes, and PostgreSQL refuses some of them.
 */
export const CALENDAR_YEARS = { min: 1971, max: 2100 } as const;

export function isCalendarYear(year: number): boolean {
  return Number.isInteger(year) && year >= CALENDAR_YEARS.min && year <= CALENDAR_YEARS.max;
}

/**
 * The one check of a date given to the calendar (the API and the CLI both come through the
 * services that call it): a real 'YYYY-MM-DD' date in CALENDAR_YEARS, or an invalid_date error
 * naming the field.
 */
export function checkCalendarDate(value: string, field?: string): string {
  if (!isIsoDate(value) || !isCalendarYear(yearOf(value))) {
    throw new CalendarError(
      'invalid_date',
      `${JSON.stringify(value)} is not a real date written YYYY-MM-DD from ${CALENDAR_YEARS.min} to ${CALENDAR_YEARS.max}`,
      field,
    );
  }
  return value;
}

/** Minutes after midnight of an 'HH:mm' time. */
export function minutesOfClockTime(value: string, what = 'time'): number {
  const match = CLOCK_TIME.exec(value);
  if (!match) throw new CalendarError('invalid_time', `${what} ${JSON.stringify(value)} is not a time written HH:mm (00:00–23:59)`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/**
 * Days since 1970-01-01 of a valid 'YYYY-MM-DD' date. Stepping through days as plain numbers keeps
 * the deadline loops free of date parsing; UTC is only the neutral frame for the count.
 */
export function dayNumberOf(date: string): number {
  const midnight = new Date(0);
  // Unlike Date.UTC, setUTCFullYear does not read the years 0–99 as 1900–1999.
  midnight.setUTCFullYear(yearOf(date), monthOf(date) - 1, dayOfMonth(date));
  return midnight.getTime() / MS_PER_DAY;
}

function twoDigits(value: number): string {
  return String(value).padStart(2, '0');
}

/** Years beyond 0000–9999 are written as luxon writes them (+010000), so that they fail validation as before. */
function yearText(year: number): string {
  if (year >= 0 && year <= 9999) return String(year).padStart(4, '0');
  return `${year < 0 ? '-' : '+'}${String(Math.abs(year)).padStart(6, '0')}`;
}

/** The 'YYYY-MM-DD' date of a day number (see dayNumberOf). */
export function dateOfDayNumber(dayNumber: number): string {
  const midnight = new Date(dayNumber * MS_PER_DAY);
  return `${yearText(midnight.getUTCFullYear())}-${twoDigits(midnight.getUTCMonth() + 1)}-${twoDigits(midnight.getUTCDate())}`;
}

/** ISO weekday of a day number, 1 = Monday … 7 = Sunday (day 0, 1 January 1970, was a Thursday). */
export function weekdayOfDayNumber(dayNumber: number): number {
  const daysAfterMonday = (((dayNumber + 3) % 7) + 7) % 7; // day numbers before 1970 are negative
  return daysAfterMonday + 1;
}

export function addDays(date: string, days: number): string {
  return dateOfDayNumber(dayNumberOf(date) + days);
}

/** The same day `months` later, clamped to the end of a shorter month (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  // A calendar date has no zone; UTC is only the neutral frame luxon needs for month arithmetic.
  return DateTime.fromISO(date, { zone: 'utc' }).plus({ months }).toISODate() ?? date;
}

/** ISO weekday, 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  return weekdayOfDayNumber(dayNumberOf(date));
}

/** Year, month (1–12), day of month and ISO weekday of a date, for writing it out. */
export function datePartsOf(date: string): { year: number; month: number; day: number; weekday: number } {
  return { year: yearOf(date), month: monthOf(date), day: dayOfMonth(date), weekday: isoWeekday(date) };
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumberOf(to) - dayNumberOf(from);
}
