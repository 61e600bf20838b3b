// Domain errors of the calendar feature: bad holiday data, bad calendar settings, bad input.
export type CalendarErrorCode =
  | 'invalid_date'
  | 'invalid_time'
  | 'invalid_calendar'
  | 'invalid_holiday_file'
  | 'invalid_ics'
  | 'invalid_limit'
  | 'invalid_pause'
  | 'no_working_day';

export class CalendarError extends Error {
  constructor(
    readonly code: CalendarErrorCode,
    readonly detail?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'CalendarError';
  }
}
