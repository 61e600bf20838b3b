// The yearly national holiday file (data/holidays/YYYY.json): its schema, parser, and what it means for a working calendar.
import { z } from 'zod';
import { CalendarError } from './errors.ts';
import { isIsoDate, yearOf } from './local-date.ts';
import { WorkingCalendar, type Closure, type WorkingCalendarInput } from './working-calendar.ts';

export const HOLIDAY_KINDS = ['general', 'executive_order', 'optional'] as const;
export type HolidayKind = (typeof HOLIDAY_KINDS)[number];
/** Kinds that close every government office; optional holidays are leave an employee may take. */
export const CLOSING_KINDS: readonly HolidayKind[] = ['general', 'executive_order'];

const isoDate = z.string().refine(isIsoDate, 'must be a real calendar date written YYYY-MM-DD');
const text = z.string().trim().min(1, 'must not be empty');

export const holidaySchema = z
  .object({
    date: isoDate,
    name_bn: text,
    name_en: text,
    kind: z.enum(HOLIDAY_KINDS),
    moon_dependent: z.boolean(),
    confirmed: z.boolean(),
    source: text,
  })
  .strict();

export const specialWorkingDaySchema = z.object({ date: isoDate, name_bn: text, name_en: text, source: text }).strict();

export const holidayFileSchema = z
  .object({
    year: z.number().int().min(1971).max(2200),
    source: text,
    holidays: z.array(holidaySchema),
    special_working_days: z.array(specialWorkingDaySchema),
  })
  .strict();

export type Holiday = z.infer<typeof holidaySchema>;
export type SpecialWorkingDay = z.infer<typeof specialWorkingDaySchema>;
export type HolidayFile = z.infer<typeof holidayFileSchema>;

function entryLabel(value: unknown, path: readonly PropertyKey[]): string {
  const [list, index] = path;
  if (typeof list !== 'string' || typeof index !== 'number') return path.length > 0 ? path.join('.') : 'the file';
  const entries = (value as Record<string, unknown> | null)?.[list];
  const entry = Array.isArray(entries) ? (entries[index] as unknown) : undefined;
  const fields = entry !== null && typeof entry === 'object' ? (entry as Record<string, unknown>) : {};
  const date = typeof fields.date === 'string' ? ` ${fields.date}` : '';
  const name = typeof fields.name_en === 'string' ? ` ${JSON.stringify(fields.name_en)}` : '';
  return `${list}[${index}]${date}${name}`;
}

function fail(message: string): never {
  throw new CalendarError('invalid_holiday_file', message);
}

/** Checks a parsed JSON value against the holiday file format; throws CalendarError naming the bad entry. */
export function parseHolidayFile(value: unknown): HolidayFile {
  const parsed = holidayFileSchema.safeParse(value);
  if (!parsed.success) {
    const messages = parsed.error.issues.slice(0, 5).map((issue) => {
      const field = issue.path.slice(2).join('.');
      return `${entryLabel(value, issue.path)}${field ? ` ${field}` : ''}: ${issue.message}`;
    });
    fail(messages.join('; '));
  }
  const file = parsed.data;
  const seen = new Set<string>();
  file.holidays.forEach((holiday, index) => {
    const label = `holidays[${index}] ${holiday.date} ${JSON.stringify(holiday.name_en)}`;
    if (yearOf(holiday.date) !== file.year) fail(`${label}: date is not in ${file.year}`);
    const key = `${holiday.date} ${holiday.name_en}`;
    if (seen.has(key)) fail(`${label}: listed twice`);
    seen.add(key);
  });
  file.special_working_days.forEach((day, index) => {
    const label = `special_working_days[${index}] ${day.date} ${JSON.stringify(day.name_en)}`;
    if (yearOf(day.date) !== file.year) fail(`${label}: date is not in ${file.year}`);
    if (file.holidays.some((holiday) => holiday.date === day.date && CLOSING_KINDS.includes(holiday.kind))) {
      fail(`${label}: the same day is also a holiday that closes offices`);
    }
  });
  return file;
}

/** An office's own settings on top of the national calendar. */
export interface OfficeCalendarSettings {
  weeklyHolidays?: readonly number[];
  opening?: string;
  closing?: string;
  zone?: string;
  /** Local holidays and closures (a disaster, a district holiday). */
  localClosures?: readonly Closure[];
}

/** The working-calendar input for an office from the national holiday files it should follow. */
export function calendarInputFromHolidayFiles(files: readonly HolidayFile[], office: OfficeCalendarSettings = {}): WorkingCalendarInput {
  const national = files.flatMap((file) => file.holidays.filter((holiday) => CLOSING_KINDS.includes(holiday.kind)));
  const local = (office.localClosures ?? []).map((closure) => ({ ...closure, kind: closure.kind ?? 'local' }));
  return {
    holidays: [...national, ...local],
    specialWorkingDays: files.flatMap((file) => file.special_working_days.map((day) => day.date)),
    weeklyHolidays: office.weeklyHolidays,
    opening: office.opening,
    closing: office.closing,
    zone: office.zone,
    coveredYears: files.map((file) => file.year),
  };
}

export function workingCalendarFromHolidayFiles(files: readonly HolidayFile[], office: OfficeCalendarSettings = {}): WorkingCalendar {
  return new WorkingCalendar(calendarInputFromHolidayFiles(files, office));
}
