// An office's working calendar: which days it is open, its opening hours, and working time between instants.
import { DateTime, IANAZone } from 'luxon';
import { CalendarError } from './errors.ts';
import { assertIsoDate, dateOfDayNumber, dayNumberOf, minutesOfClockTime, weekdayOfDayNumber, yearOf } from './local-date.ts';

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

/** An instant's office-local date ('YYYY-MM-DD') and time ('HH:mm'). */
export interface LocalDateTime {
  readonly date: string;
  readonly time: string;
}

/** A working day's opening and closing instants, in milliseconds since the epoch. */
interface OfficeHours {
  opening: number;
  closing: number;
}

const MS_PER_MINUTE = 60_000;
// One deadline looks at the same few instants (receipt, due, expected) several times.
const LOCAL_DATE_TIMES_KEPT = 16;
// Ten years without a single working day means the calendar is broken, not that the office is on a long break.
const MAX_DAYS_SEARCHED = 3660;

export class WorkingCalendar {
  readonly zone: string;
  readonly opening: string;
  readonly closing: string;
  readonly weeklyHolidays: readonly number[];
  readonly coveredYears: readonly number[];
  private readonly closures = new Map<string, Closure[]>();
  // Day numbers (see dayNumberOf): the deadline loops step through days without touching date strings.
  private readonly closedDays = new Set<number>();
  private readonly specialWorkingDays: ReadonlySet<number>;
  // Time-zone arithmetic is the slow part of a deadline, so each date's hours are worked out once.
  private readonly officeHoursCache = new Map<number, OfficeHours>();
  private readonly localDateTimeCache = new Map<number, LocalDateTime>();
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
      this.closedDays.add(dayNumberOf(closure.date));
    }
    this.specialWorkingDays = new Set((input.specialWorkingDays ?? []).map((date) => dayNumberOf(assertIsoDate(date, 'special working day'))));
    const years = input.coveredYears ?? input.holidays.map((holiday) => yearOf(holiday.date));
    this.coveredYears = [...new Set(years)].sort((a, b) => a - b);
  }

  isWorkingDay(date: string): boolean {
    return this.isWorkingDayNumber(dayNumberOf(assertIsoDate(date)));
  }

  /** The closures (national or local) that fall on `date`; empty on weekly holidays and working days. */
  closuresOn(date: string): readonly Closure[] {
    return this.closures.get(date) ?? [];
  }

  /** The closures in (after, until], in date order. */
  closuresBetween(after: string, until: string): Closure[] {
    return [...this.closures.keys()]
      .filter((date) => date > after && date <= until)
      .sort()
      .flatMap((date) => this.closuresOn(date));
  }

  /** True when the national holidays of the date's year are known to this calendar. */
  isCovered(date: string): boolean {
    return this.coveredYears.includes(yearOf(date));
  }

  /** The first working day strictly after `date`. */
  nextWorkingDay(date: string): string {
    return dateOfDayNumber(this.nextWorkingDayNumber(dayNumberOf(assertIsoDate(date))));
  }

  /** The `count`-th working day after `date`; a count of 0 gives `date` itself. */
  addWorkingDays(date: string, count: number): string {
    if (!Number.isInteger(count) || count < 0) throw new CalendarError('invalid_limit', `cannot add ${count} working days`);
    let day = dayNumberOf(assertIsoDate(date));
    for (let added = 0; added < count; added++) day = this.nextWorkingDayNumber(day);
    return dateOfDayNumber(day);
  }

  /** Working days in (from, to]: how many times nextWorkingDay leads from `from` to `to` or before it. */
  workingDaysBetween(from: string, to: string): number {
    let count = 0;
    for (let day = this.nextWorkingDay(from); day <= to; day = this.nextWorkingDay(day)) count++;
    return count;
  }

  /** The office-local calendar date of an instant. */
  localDate(instant: Date): string {
    return this.localDateTime(instant).date;
  }

  /** The office-local date and time of an instant. */
  localDateTime(instant: Date): LocalDateTime {
    const known = this.localDateTimeCache.get(instant.getTime());
    if (known !== undefined) return known;
    const local = DateTime.fromJSDate(instant, { zone: this.zone });
    const date = local.toISODate();
    if (date === null) throw new CalendarError('invalid_date', 'not a valid instant');
    const found = { date, time: local.toFormat('HH:mm') };
    if (this.localDateTimeCache.size >= LOCAL_DATE_TIMES_KEPT) this.localDateTimeCache.clear();
    this.localDateTimeCache.set(instant.getTime(), found);
    return found;
  }

  openingOf(date: string): Date {
    return new Date(this.officeHoursOn(dayNumberOf(assertIsoDate(date))).opening);
  }

  closingOf(date: string): Date {
    return new Date(this.officeHoursOn(dayNumberOf(assertIsoDate(date))).closing);
  }

  /** Day 0: the day of receipt if it is a working day and the office has not yet closed, else the next working day. */
  dayZero(received: Date): string {
    const date = dayNumberOf(this.localDate(received));
    if (this.isWorkingDayNumber(date) && received.getTime() < this.officeHoursOn(date).closing) return dateOfDayNumber(date);
    return dateOfDayNumber(this.nextWorkingDayNumber(date));
  }

  /** Office-hours minutes on working days between two instants; negative when `to` is before `from`. */
  workingMinutesBetween(from: Date, to: Date): number {
    if (to.getTime() < from.getTime()) return -this.workingMinutesBetween(to, from);
    const last = dayNumberOf(this.localDate(to));
    let total = 0;
    for (let day = dayNumberOf(this.localDate(from)); day <= last; day++) {
      if (!this.isWorkingDayNumber(day)) continue;
      const hours = this.officeHoursOn(day);
      const start = Math.max(from.getTime(), hours.opening);
      const end = Math.min(to.getTime(), hours.closing);
      if (end > start) total += end - start;
    }
    return total / MS_PER_MINUTE;
  }

  /** The earliest instant with `minutes` of working time between `from` and it; lands on closing time when a day is used up exactly. */
  addWorkingMinutes(from: Date, minutes: number): Date {
    if (!Number.isFinite(minutes) || minutes < 0) throw new CalendarError('invalid_limit', `cannot add ${minutes} working minutes`);
    let remaining = Math.round(minutes * MS_PER_MINUTE);
    if (remaining === 0) return from;
    let day = dayNumberOf(this.localDate(from));
    if (!this.isWorkingDayNumber(day)) day = this.nextWorkingDayNumber(day);
    for (;;) {
      const hours = this.officeHoursOn(day);
      const start = Math.max(from.getTime(), hours.opening);
      if (hours.closing > start) {
        if (remaining <= hours.closing - start) return new Date(start + remaining);
        remaining -= hours.closing - start;
      }
      day = this.nextWorkingDayNumber(day);
    }
  }

  private isWorkingDayNumber(day: number): boolean {
    return !this.closedDays.has(day) && (this.specialWorkingDays.has(day) || !this.weeklyHolidays.includes(weekdayOfDayNumber(day)));
  }

  private nextWorkingDayNumber(day: number): number {
    for (let next = day + 1; next <= day + MAX_DAYS_SEARCHED; next++) {
      if (this.isWorkingDayNumber(next)) return next;
    }
    throw new CalendarError('no_working_day', `no working day in the ${MAX_DAYS_SEARCHED} days after ${dateOfDayNumber(day)}`);
  }

  private officeHoursOn(day: number): OfficeHours {
    let hours = this.officeHoursCache.get(day);
    if (hours === undefined) {
      const date = dateOfDayNumber(day);
      hours = { opening: this.atMinute(date, this.openingMinute), closing: this.atMinute(date, this.closingMinute) };
      this.officeHoursCache.set(day, hours);
    }
    return hours;
  }

  private atMinute(date: string, minuteOfDay: number): number {
    const local = DateTime.fromISO(date, { zone: this.zone }).set({ hour: Math.floor(minuteOfDay / 60), minute: minuteOfDay % 60 });
    return local.toMillis();
  }
}
