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
const MS_PER_DAY = 86_400_000;
// No zone is more than 14 hours from UTC: a day's office hours lie within this margin of its UTC day.
const MAX_ZONE_OFFSET_MS = 14 * 3_600_000;
// One deadline looks at the same few instants (receipt, due, expected) several times.
const LOCAL_DATE_TIMES_KEPT = 16;
// Ten years without a single working day means the calendar is broken, not that the office is on a long break.
const MAX_DAYS_SEARCHED = 3660;

// luxon's zone offsets cost ~0.1 ms each; a cached Intl formatter's text, read back, ~3 µs.
const wallClockFormats = new Map<string, Intl.DateTimeFormat>();
const WALL_CLOCK = /^(\d+)\/(\d+)\/(\d+),? (\d+):(\d+):(\d+)$/;

// Offsets are read on a weekly grid of instants and kept, per zone, for every calendar to share.
const OFFSET_GRID_MS = 7 * 86_400_000;
const GRID_POINTS_KEPT = 20_000;
const gridOffsets = new Map<string, Map<number, number>>();

function offsetAtGridPoint(zone: IANAZone, point: number): number {
  let offsets = gridOffsets.get(zone.name);
  if (offsets === undefined || offsets.size >= GRID_POINTS_KEPT) {
    offsets = new Map();
    gridOffsets.set(zone.name, offsets);
  }
  let offset = offsets.get(point);
  if (offset === undefined) {
    offset = offsetMinutes(zone, point * OFFSET_GRID_MS);
    offsets.set(point, offset);
  }
  return offset;
}

/** The zone's offset from UTC at an instant, in minutes. */
function offsetMinutes(zone: IANAZone, instant: number): number {
  let format = wallClockFormats.get(zone.name);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone.name,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    wallClockFormats.set(zone.name, format);
  }
  const parts = WALL_CLOCK.exec(format.format(instant));
  if (!parts) return zone.offset(instant);
  const [month, day, year, hour, minute, second] = parts.slice(1).map(Number) as [number, number, number, number, number, number];
  const wall = new Date(0);
  wall.setUTCFullYear(year, month - 1, day);
  wall.setUTCHours(hour, minute, second);
  return Math.round((wall.getTime() - (instant - (((instant % 1000) + 1000) % 1000))) / MS_PER_MINUTE);
}

/** The index of the first element of an ascending list greater than `value` (the list's length when none is). */
function firstIndexAbove<T extends number | string>(sorted: readonly T[], value: T): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] as T) <= value) low = middle + 1;
    else high = middle;
  }
  return low;
}

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
  // The same days in ascending order, so that a span's closures are found by binary search
  // and long spans cost work per week and per holiday, not per day.
  private readonly closureDates: string[];
  private readonly closedDayList: number[];
  private readonly specialWorkingDayList: number[];
  /** by ISO weekday (index 1–7): a weekly holiday? */
  private readonly weeklyHoliday: boolean[];
  private readonly workingWeekdays: number;
  private readonly officeDayMs: number;
  private readonly ianaZone: IANAZone;
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
    this.closureDates = [...this.closures.keys()].sort();
    this.closedDayList = [...this.closedDays].sort((a, b) => a - b);
    this.specialWorkingDayList = [...this.specialWorkingDays].sort((a, b) => a - b);
    this.weeklyHoliday = Array.from({ length: 8 }, (_, weekday) => this.weeklyHolidays.includes(weekday));
    this.workingWeekdays = 7 - this.weeklyHolidays.length;
    this.officeDayMs = (this.closingMinute - this.openingMinute) * MS_PER_MINUTE;
    this.ianaZone = IANAZone.create(this.zone);
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
    const found: Closure[] = [];
    for (let index = firstIndexAbove(this.closureDates, after); index < this.closureDates.length; index++) {
      const date = this.closureDates[index] as string;
      if (date > until) break;
      found.push(...this.closuresOn(date));
    }
    return found;
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
    let remaining = count;
    while (remaining > 0) {
      // a week that holds fewer working days than are left is passed whole; the last week is stepped through
      const inWeek = this.countWorkingDays(day + 1, day + 7);
      if (inWeek > 0 && inWeek < remaining) {
        day += 7;
        remaining -= inWeek;
      } else {
        day = this.nextWorkingDayNumber(day);
        remaining--;
      }
    }
    return dateOfDayNumber(day);
  }

  /** Working days in (from, to]: how many times nextWorkingDay leads from `from` to `to` or before it. */
  workingDaysBetween(from: string, to: string): number {
    return this.countWorkingDays(dayNumberOf(assertIsoDate(from)) + 1, dayNumberOf(assertIsoDate(to)));
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
    const first = dayNumberOf(this.localDate(from));
    const last = dayNumberOf(this.localDate(to));
    // only the first and the last day can be partly outside [from, to]; the days between count whole
    let total = this.officeTimeOn(first, from, to);
    if (last > first) total += this.officeTimeOn(last, from, to) + this.officeTimeOfDays(first + 1, last - 1);
    return total / MS_PER_MINUTE;
  }

  /** The earliest instant with `minutes` of working time between `from` and it; lands on closing time when a day is used up exactly. */
  addWorkingMinutes(from: Date, minutes: number): Date {
    if (!Number.isFinite(minutes) || minutes < 0) throw new CalendarError('invalid_limit', `cannot add ${minutes} working minutes`);
    let remaining = Math.round(minutes * MS_PER_MINUTE);
    if (remaining === 0) return from;
    let day = dayNumberOf(this.localDate(from));
    if (!this.isWorkingDayNumber(day)) day = this.nextWorkingDayNumber(day);
    const hours = this.officeHoursOn(day);
    const start = Math.max(from.getTime(), hours.opening);
    if (hours.closing > start) {
      if (remaining <= hours.closing - start) return new Date(start + remaining);
      remaining -= hours.closing - start;
    }
    for (;;) {
      // a week whose office time does not use up the rest is passed whole
      if (this.sameOffsetThrough(day + 1, day + 7)) {
        const inWeek = this.countWorkingDays(day + 1, day + 7) * this.officeDayMs;
        if (inWeek > 0 && inWeek < remaining) {
          day += 7;
          remaining -= inWeek;
          continue;
        }
      }
      day = this.nextWorkingDayNumber(day);
      // a day whose hours fall into a clock change can have none: closing at or before opening
      const { opening, closing } = this.officeHoursOn(day);
      if (closing <= opening) continue;
      if (remaining <= closing - opening) return new Date(opening + remaining);
      remaining -= closing - opening;
    }
  }

  /**
   * Working days in [first, last]: whole weeks by the weekly-holiday pattern, the odd days one by
   * one, then corrected for the closures and special working days in the span.
   */
  private countWorkingDays(first: number, last: number): number {
    if (last < first) return 0;
    const weeks = Math.floor((last - first + 1) / 7);
    let count = weeks * this.workingWeekdays;
    for (let day = first + weeks * 7; day <= last; day++) if (!this.isWeeklyHolidayNumber(day)) count++;
    for (let index = firstIndexAbove(this.closedDayList, first - 1); index < this.closedDayList.length; index++) {
      const day = this.closedDayList[index] as number;
      if (day > last) break;
      // a closure takes away a weekday counted above (a closed special working day was never counted)
      if (!this.isWeeklyHolidayNumber(day)) count--;
    }
    for (let index = firstIndexAbove(this.specialWorkingDayList, first - 1); index < this.specialWorkingDayList.length; index++) {
      const day = this.specialWorkingDayList[index] as number;
      if (day > last) break;
      if (this.isWeeklyHolidayNumber(day) && !this.closedDays.has(day)) count++;
    }
    return count;
  }

  /** Milliseconds of office time on working day `day` that fall within [from, to]. */
  private officeTimeOn(day: number, from: Date, to: Date): number {
    if (!this.isWorkingDayNumber(day)) return 0;
    const hours = this.officeHoursOn(day);
    return Math.max(0, Math.min(to.getTime(), hours.closing) - Math.max(from.getTime(), hours.opening));
  }

  /** Milliseconds of office time on the working days in [first, last], a week at a time. */
  private officeTimeOfDays(first: number, last: number): number {
    let total = 0;
    for (let start = first; start <= last; start += 7) {
      const end = Math.min(start + 6, last);
      if (this.sameOffsetThrough(start, end)) {
        total += this.countWorkingDays(start, end) * this.officeDayMs;
        continue;
      }
      for (let day = start; day <= end; day++) {
        if (!this.isWorkingDayNumber(day)) continue;
        const hours = this.officeHoursOn(day);
        total += Math.max(0, hours.closing - hours.opening);
      }
    }
    return total;
  }

  /**
   * True when the zone keeps one UTC offset from before day `first` until after day `last`, so
   * that every working day between has office hours of the same length. It compares the offsets
   * at the weekly grid points around the span: a zone that changed its offset and back within a
   * week would be misread, and none does (Asia/Dhaka changed twice in 2009, half a year apart).
   */
  private sameOffsetThrough(first: number, last: number): boolean {
    const firstPoint = Math.floor((first * MS_PER_DAY - MAX_ZONE_OFFSET_MS) / OFFSET_GRID_MS);
    const lastPoint = Math.ceil(((last + 1) * MS_PER_DAY + MAX_ZONE_OFFSET_MS) / OFFSET_GRID_MS);
    const offset = offsetAtGridPoint(this.ianaZone, firstPoint);
    for (let point = firstPoint + 1; point <= lastPoint; point++) if (offsetAtGridPoint(this.ianaZone, point) !== offset) return false;
    return true;
  }

  private isWeeklyHolidayNumber(day: number): boolean {
    return this.weeklyHoliday[weekdayOfDayNumber(day)] === true;
  }

  private isWorkingDayNumber(day: number): boolean {
    return !this.closedDays.has(day) && (this.specialWorkingDays.has(day) || !this.isWeeklyHolidayNumber(day));
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
