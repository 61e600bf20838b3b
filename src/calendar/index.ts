// What other features (and the CLI) may use of the calendar: working days, holiday data, deadline rules.
export { computeDeadline } from './deadline.ts';
export type { DeadlineInput, DeadlineResult, DueDeadline, NoFixedLimit, PausedDeadline } from './deadline.ts';
export {
  calendarDays,
  DEADLINE_UNITS,
  deadlineRule,
  hours,
  immediateRule,
  MAX_RULE_AMOUNT,
  noFixedLimit,
  ruleText,
  workingDays,
  type DeadlineRule,
  type DeadlineUnit,
  type NoFixedLimitRule,
  type PromiseRule,
  type RuleSpec,
} from './deadline-rule.ts';
export type { RemainingTime } from './deadline-clocks.ts';
export { CALENDAR_ERROR_CODES, CalendarError, type CalendarErrorCode } from './errors.ts';
export {
  CLOSING_KINDS,
  HOLIDAY_KINDS,
  calendarInputFromHolidayFiles,
  holidayFileSchema,
  parseHolidayFile,
  workingCalendarFromHolidayFiles,
} from './holiday-file.ts';
export type { Holiday, HolidayFile, HolidayKind, OfficeCalendarSettings, SpecialWorkingDay } from './holiday-file.ts';
export { holidaysToIcs, parseIcsHolidays, type IcsOptions } from './holidays-ics.ts';
export { isIsoDate } from './local-date.ts';
export type { Pause } from './pauses.ts';
export {
  DEFAULT_CLOSING,
  DEFAULT_OPENING,
  DEFAULT_WEEKLY_HOLIDAYS,
  DHAKA_ZONE,
  WorkingCalendar,
  type Closure,
  type WorkingCalendarInput,
} from './working-calendar.ts';
export {
  addHoliday,
  addHolidays,
  addSpecialWorkingDay,
  changeHoliday,
  changeSpecialWorkingDay,
  holdCalendarSteady,
  importIcs,
  listCalendarChanges,
  moveHoliday,
  removeHoliday,
  removeSpecialWorkingDay,
  setOfficeHours,
  type ChangeMode,
  type ChangeOutcome,
  type CheckedChange,
  type OfficeHours,
} from './calendar-changes.ts';
export { deadlineResponse, movedClocksJson, officeHoursChangeResponse } from './api-responses.ts';
export { calendarYear, calendarYearIcs, deadlineJson, dueFor, parseReceivedAt, YEAR_RANGE } from './calendar-queries.ts';
export { closeClock, findClock, pauseClock, resumeClock, startClock, startClocks, type ClockSubject, type MovedClock, type NewClock } from './clock-repository.ts';
export { loadHolidayData, readHolidayFiles } from './holiday-data.ts';
export { readWorkingCalendar, readWorkingCalendars } from './calendar-cache.ts';
export { loadWorkingCalendar, type HolidayRow, type NewHoliday, type NewSpecialWorkingDay } from './holiday-repository.ts';
