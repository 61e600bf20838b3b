// The calendar editing forms read and checked, before any service is called: a day (holiday,
// office closure or declared working day) and an office's weekly holidays and hours. Pure: what
// was typed in, the value to save or the errors by field.
import { toAsciiDigits } from '../core/format.ts';
import type { MessageKey } from '../core/i18n/index.ts';
import { checkCalendarDate } from './local-date.ts';
import { DEFAULT_CLOSING, DEFAULT_OPENING, DEFAULT_WEEKLY_HOLIDAYS } from './working-calendar.ts';

/** What the calendar pages edit: holidays (national, or an office's closures) and declared working days. */
export const ENTRY_KINDS = ['holidays', 'working-days'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

/** The kinds a national holiday may be; an office's own days are always local_closure. */
export const NATIONAL_HOLIDAY_KINDS = ['general', 'executive_order', 'optional'] as const;
export type NationalHolidayKind = (typeof NATIONAL_HOLIDAY_KINDS)[number];

export const DAY_FIELDS = ['date', 'name_bn', 'name_en', 'kind'] as const;
export type DayField = (typeof DAY_FIELDS)[number];
export type DayFormValues = Record<DayField, string>;
export type FormErrors<F extends string> = Partial<Record<F, MessageKey>>;

export interface DayReading {
  day?: { date: string; name_bn: string; name_en: string | null; kind?: NationalHolidayKind };
  errors: FormErrors<DayField>;
}

const NAME_MAX = 200;

/** A date as typed ('২০২৬-১২-১৬' or '2026-12-16'), or the error to show beside the field. */
export function readDate(text: string): { date?: string; error?: MessageKey } {
  const date = toAsciiDigits(text.trim());
  if (!date) return { error: 'calendar_admin.error.date_required' };
  try {
    return { date: checkCalendarDate(date, 'date') };
  } catch {
    return { error: 'calendar_admin.error.date_format' };
  }
}

/** `withKind`: a national holiday, whose kind is chosen; otherwise an office closure or a working day. */
export function readDayForm(values: DayFormValues, withKind: boolean): DayReading {
  const errors: FormErrors<DayField> = {};
  const { date, error } = readDate(values.date);
  if (error) errors.date = error;
  const nameBn = values.name_bn.trim();
  const nameEn = values.name_en.trim();
  if (!nameBn) errors.name_bn = 'calendar_admin.error.name_bn_required';
  else if (nameBn.length > NAME_MAX) errors.name_bn = 'calendar_admin.error.too_long';
  if (nameEn.length > NAME_MAX) errors.name_en = 'calendar_admin.error.too_long';
  const kind = NATIONAL_HOLIDAY_KINDS.find((k) => k === values.kind);
  if (withKind && !kind) errors.kind = 'calendar_admin.error.kind';
  if (Object.keys(errors).length > 0 || !date) return { errors };
  return { day: { date, name_bn: nameBn, name_en: nameEn || null, ...(withKind && kind ? { kind } : {}) }, errors };
}

export const HOURS_FIELDS = ['weekly_holidays', 'opening', 'closing'] as const;
export type HoursField = (typeof HOURS_FIELDS)[number];
export interface HoursFormValues {
  weekly_holidays: number[];
  opening: string;
  closing: string;
}
export interface HoursReading {
  hours?: HoursFormValues;
  errors: FormErrors<HoursField>;
}

const CLOCK_TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;

function readTime(text: string): string | null {
  const match = CLOCK_TIME.exec(toAsciiDigits(text.trim()));
  return match ? `${(match[1] ?? '').padStart(2, '0')}:${match[2] ?? ''}` : null;
}

/** The ISO weekdays ticked (1 Monday … 7 Sunday); anything else is ignored, as a browser never sends it. */
export function tickedWeekdays(ticked: string | string[] | undefined): number[] {
  const list = ticked === undefined ? [] : Array.isArray(ticked) ? ticked : [ticked];
  return [...new Set(list.map(Number).filter((day) => Number.isInteger(day) && day >= 1 && day <= 7))].sort((a, b) => a - b);
}

export function readHoursForm(values: { weekly_holidays: number[]; opening: string; closing: string }): HoursReading {
  const errors: FormErrors<HoursField> = {};
  const opening = readTime(values.opening);
  const closing = readTime(values.closing);
  if (!opening) errors.opening = 'calendar_admin.error.time_format';
  if (!closing) errors.closing = 'calendar_admin.error.time_format';
  if (opening && closing && closing <= opening) errors.closing = 'calendar_admin.error.closing_before_opening';
  if (values.weekly_holidays.length >= 7) errors.weekly_holidays = 'calendar_admin.error.no_working_day';
  if (Object.keys(errors).length > 0 || !opening || !closing) return { errors };
  return { hours: { weekly_holidays: values.weekly_holidays, opening, closing }, errors };
}

/** An office's hours as stored, or the national defaults while it has set none. */
export function hoursOrDefaults(stored: { weekly_holidays: number[]; opening: string; closing: string } | undefined): HoursFormValues {
  return stored
    ? { weekly_holidays: [...stored.weekly_holidays], opening: stored.opening, closing: stored.closing }
    : { weekly_holidays: [...DEFAULT_WEEKLY_HOLIDAYS], opening: DEFAULT_OPENING, closing: DEFAULT_CLOSING };
}
