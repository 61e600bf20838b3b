// Shared by the calendar tests: local Dhaka times, time limits, and the real national holiday files.
import { readFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import type { TimeLimit } from '../charters/index.ts';
import { parseHolidayFile, workingCalendarFromHolidayFiles, type HolidayFile, type OfficeCalendarSettings } from './holiday-file.ts';
import type { WorkingCalendar } from './working-calendar.ts';

/** The instant of a Dhaka wall-clock time written 'YYYY-MM-DD HH:mm'. */
export function dhaka(local: string): Date {
  const instant = DateTime.fromFormat(local, 'yyyy-MM-dd HH:mm', { zone: 'Asia/Dhaka' });
  if (!instant.isValid) throw new Error(`bad test time ${local}`);
  return instant.toJSDate();
}

/** The Dhaka wall-clock time of an instant, written 'YYYY-MM-DD HH:mm'. */
export function inDhaka(instant: Date): string {
  return DateTime.fromJSDate(instant, { zone: 'Asia/Dhaka' }).toFormat('yyyy-MM-dd HH:mm');
}

export function timeLimit(fields: Partial<TimeLimit>): TimeLimit {
  const max = fields.max ?? null;
  return { text: null, immediate: false, min: max, max, unit: null, conditional: false, on_demand: false, ...fields };
}

export function workingDays(min: number, max = min): TimeLimit {
  return timeLimit({ min, max, unit: 'working_day' });
}

export function nationalHolidayFile(year: number): HolidayFile {
  const text = readFileSync(new URL(`../../data/holidays/${year}.json`, import.meta.url), 'utf8');
  return parseHolidayFile(JSON.parse(text));
}

/** The national calendar of 2025 and 2026 from the data files. */
export function nationalCalendar(office: OfficeCalendarSettings = {}): WorkingCalendar {
  return workingCalendarFromHolidayFiles([nationalHolidayFile(2025), nationalHolidayFile(2026)], office);
}
