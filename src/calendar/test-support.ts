// Shared by the calendar tests: local Dhaka times and the real national holiday files.
import { readFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import { DateTime } from 'luxon';
import type { DB } from '../core/db/schema.ts';
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

export function nationalHolidayFile(year: number): HolidayFile {
  const text = readFileSync(new URL(`../../data/holidays/${year}.json`, import.meta.url), 'utf8');
  return parseHolidayFile(JSON.parse(text));
}

/** The national calendar of 2025 and 2026 from the data files. */
export function nationalCalendar(office: OfficeCalendarSettings = {}): WorkingCalendar {
  return workingCalendarFromHolidayFiles([nationalHolidayFile(2025), nationalHolidayFile(2026)], office);
}

/**
 * An office row for calendar tests. The calendar knows offices only by id, so its tests make
 * the bare row rather than import the offices or charters feature.
 */
export async function insertTestOffice(db: Kysely<DB>, slug: string): Promise<number> {
  const row = await db.insertInto('offices').values({ slug, name_bn: slug }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}
