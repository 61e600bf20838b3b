// Domain errors of the calendar feature: bad holiday data, bad calendar settings, bad input.
import { DomainError, type ErrorStatus } from '../core/errors.ts';

export const CALENDAR_ERROR_CODES = [
  'invalid_date',
  'invalid_time',
  'invalid_calendar',
  'closure_needs_office',
  'invalid_holiday_file',
  'invalid_ics',
  'invalid_limit',
  'invalid_pause',
  'no_working_day',
  'holiday_not_found',
  'holiday_exists',
  'special_working_day_exists',
  'invalid_id',
  'office_not_found',
] as const;
export type CalendarErrorCode = (typeof CALENDAR_ERROR_CODES)[number];

const STATUS: Partial<Record<CalendarErrorCode, ErrorStatus>> = {
  holiday_not_found: 404,
  office_not_found: 404,
  holiday_exists: 409,
  special_working_day_exists: 409,
};

export class CalendarError extends DomainError {
  override readonly name = 'CalendarError';
  readonly status: ErrorStatus;

  constructor(
    override readonly code: CalendarErrorCode,
    detail?: string,
    field?: string,
  ) {
    super(code, detail, field);
    this.status = STATUS[code] ?? 400;
  }
}
