// The three ways a deadline clock runs, and how each one stops while the item waits for the citizen.
import { addDays, daysBetween } from './local-date.ts';
import type { WorkingCalendar } from './working-calendar.ts';

/** What is left of a stopped clock, in the clock's own measure. */
export interface RemainingTime {
  unit: 'working_minutes' | 'minutes' | 'calendar_days';
  amount: number;
}

export interface DeadlineClock {
  readonly at: Date;
  remainingFrom(pausedAt: Date): RemainingTime;
  /** The clock after a pause; a pause that starts at or after the deadline changes nothing. */
  paused(from: Date, to: Date): DeadlineClock;
}

/** Office-hours time: what was left at the pause is laid again over working time from the resume. */
export function workingTimeClock(calendar: WorkingCalendar, at: Date): DeadlineClock {
  return {
    at,
    remainingFrom: (pausedAt) => ({ unit: 'working_minutes', amount: calendar.workingMinutesBetween(pausedAt, at) }),
    paused(from, to) {
      if (from.getTime() >= at.getTime()) return this;
      return workingTimeClock(calendar, calendar.addWorkingMinutes(to, calendar.workingMinutesBetween(from, at)));
    },
  };
}

/** Wall-clock time: the remaining hours and minutes restart at the resume. */
export function wallClock(at: Date): DeadlineClock {
  return {
    at,
    remainingFrom: (pausedAt) => ({ unit: 'minutes', amount: (at.getTime() - pausedAt.getTime()) / 60_000 }),
    paused(from, to) {
      if (from.getTime() >= at.getTime()) return this;
      return wallClock(new Date(to.getTime() + (at.getTime() - from.getTime())));
    },
  };
}

/** The closing time of the first working day on or after `date` that closes after `notBefore`. */
function closingOnOrAfter(calendar: WorkingCalendar, date: string, notBefore: Date | null): Date {
  let day = calendar.isWorkingDay(date) ? date : calendar.nextWorkingDay(date);
  while (notBefore !== null && calendar.closingOf(day).getTime() <= notBefore.getTime()) day = calendar.nextWorkingDay(day);
  return calendar.closingOf(day);
}

/**
 * Calendar days (and months, once turned into a date): a nominal due date that moves to the next
 * working day when the office is closed on it. A pause moves the nominal date by the calendar days
 * from the pause date to the resume date.
 */
export function calendarDateClock(calendar: WorkingCalendar, nominalDate: string, notBefore: Date | null = null): DeadlineClock {
  const at = closingOnOrAfter(calendar, nominalDate, notBefore);
  const remainingDays = (pausedAt: Date) => Math.max(0, daysBetween(calendar.localDate(pausedAt), nominalDate));
  return {
    at,
    remainingFrom: (pausedAt) => ({ unit: 'calendar_days', amount: remainingDays(pausedAt) }),
    paused(from, to) {
      if (from.getTime() >= at.getTime()) return this;
      return calendarDateClock(calendar, addDays(calendar.localDate(to), remainingDays(from)), to);
    },
  };
}
