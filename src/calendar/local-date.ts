// Calendar dates ('YYYY-MM-DD', no time zone) and office times ('HH:mm'): validation and arithmetic.
import { DateTime } from 'luxon';
import { CalendarError } from './errors.ts';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const CLOCK_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

function plainDate(date: string): DateTime {
  // A calendar date has no zone; UTC is only the neutral frame luxon needs for day arithmetic.
  return DateTime.fromISO(date, { zone: 'utc' });
}

export function isIsoDate(value: string): boolean {
  return ISO_DATE.test(value) && plainDate(value).isValid;
}

export function assertIsoDate(value: string, what = 'date'): string {
  if (!isIsoDate(value)) {
    throw new CalendarError('invalid_date', `${what} ${JSON.stringify(value)} is not a real calendar date written YYYY-MM-DD`);
  }
  return value;
}

/** Minutes after midnight of an 'HH:mm' time. */
export function minutesOfClockTime(value: string, what = 'time'): number {
  const match = CLOCK_TIME.exec(value);
  if (!match) throw new CalendarError('invalid_time', `${what} ${JSON.stringify(value)} is not a time written HH:mm (00:00–23:59)`);
  return Number(match[1]) * 60 + Number(match[2]);
}

export function addDays(date: string, days: number): string {
  return plainDate(date).plus({ days }).toISODate() ?? date;
}

/** The same day `months` later, clamped to the end of a shorter month (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  return plainDate(date).plus({ months }).toISODate() ?? date;
}

/** ISO weekday, 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  return plainDate(date).weekday;
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round(plainDate(to).diff(plainDate(from), 'days').days);
}
