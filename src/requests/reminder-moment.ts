// When the officer is reminded of a request: at the opening of the last working day before the
// one it falls due on, so that a whole working day is left to finish it. Pure: the office's
// working calendar is handed in.
import type { WorkingCalendar } from '../calendar/index.ts';

const DAY_MS = 86_400_000;
/** a year without one working day is a broken calendar, not a reason to loop for ever */
const LONGEST_CLOSURE_DAYS = 366;

const dayBefore = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10);

/** The working day before `date` in the office's calendar (weekly holidays, holidays and special working days counted). */
export function previousWorkingDay(calendar: WorkingCalendar, date: string): string {
  let day = dayBefore(date);
  for (let step = 0; step < LONGEST_CLOSURE_DAYS && !calendar.isWorkingDay(day); step++) day = dayBefore(day);
  return day;
}

/** The moment to remind the officer of a request due at `dueAt`. */
export function reminderMoment(calendar: WorkingCalendar, dueAt: Date): Date {
  return calendar.openingOf(previousWorkingDay(calendar, calendar.localDate(dueAt)));
}

/** When the reminder job should run: at the reminder moment, or now when that is already past (less than a working day is left). */
export function reminderStart(calendar: WorkingCalendar, dueAt: Date, now: Date): Date | undefined {
  const moment = reminderMoment(calendar, dueAt);
  return moment.getTime() > now.getTime() ? moment : undefined;
}
