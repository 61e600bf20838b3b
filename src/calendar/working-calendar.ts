// An office's working calendar: which days it is open, its opening hours, and working time between instants.
import { DateTime, IANAZone } from 'luxon';
import { CalendarError } from './errors.ts';
import { addDays, assertIsoDate, isoWeekday, minutesOfClockTime, yearOf } from './local-date.ts';

export const DHAKA_ZONE = 'Asia/Dhaka';
/** Friday and Saturday, as ISO weekdays. */
export const DEFAULT_WEEKLY_HOLIDAYS: readonly number[] = [5, 6];
export const DEFAULT_OPENING = '09:00';
export const DEFAULT_CLOSING = '17:00';

/** A day the office is closed: a national holiday (general or executive order) or a local closure. */
export interface Closure {
  date: string;
  kind?: string;
  name_bn?: string;
  name_en?: string;
}

export interface WorkingCalendarInput {
  /** Office closures. Entries whose kind is 'optional' are ignored: optional holidays do not close an office. */
  holidays: readonly Closure[];
  /** Days declared working days although they fall on a weekly holiday. A closure on the same day still wins. */
  specialWorkingDays?: readonly string[];
  /** ISO weekdays (1 = Monday … 7 = Sunday); default Friday and Saturday. */
  weeklyHolidays?: readonly number[];
  opening?: string;
  closing?: string;
  zone?: string;
  /** Years whose national holidays are known; default: the years that appear in `holidays`. */
  coveredYears?: readonly number[];
}

const MS_PER_MINUTE = 60_000;
// Ten years without a single working day means the calendar is broken, not that the office is on a long break.
const MAX_DAYS_SEARCHED = 3660;

export class WorkingCalendar {
  readonly zone: string;
  readonly opening: string;
  readonly closing: string;
  readonly weeklyHolidays: readonly number[];
  readonly coveredYears: readonly number[];
  private readonly closures = new Map<string, Closure[]>();
  private readonly workingDayCache = new Map<string, boolean>();
  private readonly specialWorkingDays: ReadonlySet<string>;
  private readonly openingMinute: number;
  private readonly closingMinute: number;

  constructor(input: WorkingCalendarInput) {
    this.zone = input.zone ?? DHAKA_ZONE;
    if (!IANAZone.isValidZone(this.zone)) throw new CalendarError('invalid_calendar', `unknown time zone ${JSON.stringify(this.zone)}`);
    this.opening = input.opening ?? DEFAULT_OPENING;
    this.closing = input.closing ?? DEFAULT_CLOSING;
    this.openingMinute = minutesOfClockTime(this.opening, 'opening time');
    this.closingMinute = minutesOfClockTime(this.closing, 'closing time');
    if (this.openingMinute >= this.closingMinute) {
      throw new CalendarError('invalid_calendar', `opening time ${this.opening} must be before closing time ${this.closing}`);
    }
    this.weeklyHolidays = [...new Set(input.weeklyHolidays ?? DEFAULT_WEEKLY_HOLIDAYS)].sort();
    const badWeekday = this.weeklyHolidays.find((day) => !Number.isInteger(day) || day < 1 || day > 7);
    if (badWeekday !== undefined) {
      throw new CalendarError('invalid_calendar', `weekly holiday ${badWeekday} is not an ISO weekday (1 = Monday … 7 = Sunday)`);
    }
    for (const closure of input.holidays) {
      if (closure.kind === 'optional') continue;
      assertIsoDate(closure.date, 'holiday date');
      this.closures.set(closure.date, [...(this.closures.get(closure.date) ?? []), closure]);
    }
    this.specialWorkingDays = new Set((input.specialWorkingDays ?? []).map((date) => assertIsoDate(date, 'special working day')));
    const years = input.coveredYears ?? input.holidays.map((holiday) => yearOf(holiday.date));
    this.coveredYears = [...new Set(years)].sort((a, b) => a - b);
  }

  isWorkingDay(date: string): boolean {
    const known = this.workingDayCache.get(date);
    if (known !== undefined) return known;
    assertIsoDate(date);
    const working = !this.closures.has(date) && (this.specialWorkingDays.has(date) || !this.weeklyHolidays.includes(isoWeekday(date)));
    this.workingDayCache.set(date, working);
    return working;
  }

  /** The closures (national or local) that fall on `date`; empty on weekly holidays and working days. */
  closuresOn(date: string): readonly Closure[] {
    return this.closures.get(date) ?? [];
  }

  /** True when the national holidays of the date's year are known to this calendar. */
  isCovered(date: string): boolean {
    return this.coveredYears.includes(yearOf(date));
  }

  /** The first working day strictly after `date`. */
  nextWorkingDay(date: string): string {
    assertIsoDate(date);
    let day = date;
    for (let searched = 0; searched < MAX_DAYS_SEARCHED; searched++) {
      day = addDays(day, 1);
      if (this.isWorkingDay(day)) return day;
    }
    throw new CalendarError('no_working_day', `no working day in the ${MAX_DAYS_SEARCHED} days after ${date}`);
  }

  /** The `count`-th working day after `date`; a count of 0 gives `date` itself. */
  addWorkingDays(date: string, count: number): string {
    if (!Number.isInteger(count) || count < 0) throw new CalendarError('invalid_limit', `cannot add ${count} working days`);
    let day = assertIsoDate(date);
    for (let added = 0; added < count; added++) day = this.nextWorkingDay(day);
    return day;
  }

  /** Working days in (from, to]: how many times nextWorkingDay leads from `from` to `to` or before it. */
  workingDaysBetween(from: string, to: string): number {
    let count = 0;
    for (let day = this.nextWorkingDay(from); day <= to; day = this.nextWorkingDay(day)) count++;
    return count;
  }

  /** The office-local calendar date of an instant. */
  localDate(instant: Date): string {
    const date = DateTime.fromJSDate(instant, { zone: this.zone }).toISODate();
    if (date === null) throw new CalendarError('invalid_date', 'not a valid instant');
    return date;
  }

  openingOf(date: string): Date {
    return this.atMinute(date, this.openingMinute);
  }

  closingOf(date: string): Date {
    return this.atMinute(date, this.closingMinute);
  }

  /** Day 0: the day of receipt if it is a working day and the office has not yet closed, else the next working day. */
  dayZero(received: Date): string {
    const date = this.localDate(received);
    if (this.isWorkingDay(date) && received.getTime() < this.closingOf(date).getTime()) return date;
    return this.nextWorkingDay(date);
  }

  /** Office-hours minutes on working days between two instants; negative when `to` is before `from`. */
  workingMinutesBetween(from: Date, to: Date): number {
    if (to.getTime() < from.getTime()) return -this.workingMinutesBetween(to, from);
    const last = this.localDate(to);
    let total = 0;
    for (let date = this.localDate(from); date <= last; date = addDays(date, 1)) {
      if (!this.isWorkingDay(date)) continue;
      const start = Math.max(from.getTime(), this.openingOf(date).getTime());
      const end = Math.min(to.getTime(), this.closingOf(date).getTime());
      if (end > start) total += end - start;
    }
    return total / MS_PER_MINUTE;
  }

  /** The earliest instant with `minutes` of working time between `from` and it; lands on closing time when a day is used up exactly. */
  addWorkingMinutes(from: Date, minutes: number): Date {
    if (!Number.isFinite(minutes) || minutes < 0) throw new CalendarError('invalid_limit', `cannot add ${minutes} working minutes`);
    let remaining = Math.round(minutes * MS_PER_MINUTE);
    if (remaining === 0) return from;
    let date = this.localDate(from);
    if (!this.isWorkingDay(date)) date = this.nextWorkingDay(date);
    for (;;) {
      const start = Math.max(from.getTime(), this.openingOf(date).getTime());
      const end = this.closingOf(date).getTime();
      if (end > start) {
        if (remaining <= end - start) return new Date(start + remaining);
        remaining -= end - start;
      }
      date = this.nextWorkingDay(date);
    }
  }

  private atMinute(date: string, minuteOfDay: number): Date {
    assertIsoDate(date);
    const local = DateTime.fromISO(date, { zone: this.zone }).set({ hour: Math.floor(minuteOfDay / 60), minute: minuteOfDay % 60 });
    return local.toJSDate();
  }
}
