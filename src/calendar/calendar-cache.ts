// Working calendars for reading, kept per database and office and keyed by the calendar's
// revision (the newest recorded change), so an edit made by any instance is seen by the next
// read everywhere without a message between instances: one indexed read replaces loading
// every holiday.
import type { Kysely } from 'kysely';
import { LRUCache } from 'lru-cache';
import type { DB } from '../core/db/schema.ts';
import { loadWorkingCalendar } from './holiday-repository.ts';
import type { WorkingCalendar } from './working-calendar.ts';

const OFFICES_KEPT = 2_000;

const caches = new WeakMap<Kysely<DB>, LRUCache<string, WorkingCalendar>>();

/** Every calendar edit, holiday-file load included, records a change in the same transaction. */
async function calendarRevision(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('calendar_changes')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  return Number(row?.id ?? 0);
}

export async function readWorkingCalendar(db: Kysely<DB>, officeId: number | null): Promise<WorkingCalendar> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new LRUCache({ max: OFFICES_KEPT });
    caches.set(db, cache);
  }
  const key = `${officeId ?? 'national'}@${await calendarRevision(db)}`;
  const known = cache.get(key);
  if (known) return known;
  const calendar = await loadWorkingCalendar(db, officeId);
  cache.set(key, calendar);
  return calendar;
}
