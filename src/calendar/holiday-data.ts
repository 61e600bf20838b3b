// Loads the holiday data files (data/holidays/YYYY.json) into the database, each year once:
// after that the database is the calendar, edited at run time, and a restart re-adds nothing.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { systemActor } from '../core/actor.ts';
import type { DB } from '../core/db/schema.ts';
import { DATA_ROOT } from '../core/paths.ts';
import { addHolidays } from './calendar-changes.ts';
import { parseHolidayFile, type HolidayFile } from './holiday-file.ts';
import { loadedHolidayYears, markHolidayYearLoaded } from './holiday-repository.ts';

export const HOLIDAYS_DIR = path.join(DATA_ROOT, 'holidays');

export async function readHolidayFiles(dir = HOLIDAYS_DIR): Promise<HolidayFile[]> {
  const names = (await fs.readdir(dir)).filter((name) => /^\d{4}\.json$/.test(name)).sort();
  return Promise.all(names.map(async (name) => parseHolidayFile(JSON.parse(await fs.readFile(path.join(dir, name), 'utf8')))));
}

export function holidayRows(file: HolidayFile, officeId: number | null = null) {
  return {
    holidays: file.holidays.map((h) => ({ ...h, office_id: officeId })),
    specialWorkingDays: file.special_working_days.map((d) => ({ ...d, office_id: officeId })),
  };
}

/** Returns the years it loaded now. */
export async function loadHolidayData(db: Kysely<DB>, dir = HOLIDAYS_DIR): Promise<number[]> {
  const loaded = new Set(await loadedHolidayYears(db));
  const fresh = (await readHolidayFiles(dir)).filter((file) => !loaded.has(file.year));
  for (const file of fresh) {
    const rows = holidayRows(file);
    await addHolidays(db, systemActor, 'holiday_file.load', null, rows.holidays, rows.specialWorkingDays, (trx) =>
      markHolidayYearLoaded(trx, file.year, `data/holidays/${file.year}.json`),
    );
  }
  return fresh.map((file) => file.year);
}
