// Working calendars for reading, kept per database and office and keyed by the calendar's
// revision (the newest recorded change), so an edit made by any instance is seen by the next
// read everywhere without a message between instances: one indexed read replaces loading
// every holiday. A transaction of the same database shares the cache, so a request's clock
// costs one read, not four; only while the calendar itself is being changed (and its change not
// yet recorded) must the holidays be read afresh (loadWorkingCalendar).
import type { DialectAdapter } from 'kysely';
import type { Kysely } from 'kysely';
import { LRUCache } from 'lru-cache';
import type { DB } from '../core/db/schema.ts';
import { loadWorkingCalendar } from './holiday-repository.ts';
import type { WorkingCalendar } from './working-calendar.ts';

const OFFICES_KEPT = 2_000;

/** By the database's adapter: one per database, shared by its transactions (getExecutor is Kysely's, marked internal, stable since 0.2x). */
const caches = new WeakMap<DialectAdapter, LRUCache<string, WorkingCalendar>>();

/** Every calendar edit, holiday-file load included, records a change in the same transaction. */
async function calendarRevision(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('calendar_changes')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  return Number(row?.id ?? 0);
}

export async function readWorkingCalendar(db: Kysely<DB>, officeId: number | null): Promise<WorkingCalendar> {
  const [calendar] = await readWorkingCalendars(db, [officeId]);
  if (!calendar) throw new Error('no working calendar was read');
  return calendar;
}

/** The working calendars of several offices, in the order asked, for one read of the revision. */
export async function readWorkingCalendars(db: Kysely<DB>, officeIds: readonly (number | null)[]): Promise<WorkingCalendar[]> {
  const database = db.getExecutor().adapter;
  let cache = caches.get(database);
  if (!cache) {
    cache = new LRUCache({ max: OFFICES_KEPT });
    caches.set(database, cache);
  }
  const revision = await calendarRevision(db);
  const calendars: WorkingCalendar[] = [];
  for (const officeId of officeIds) {
    const key = `${officeId ?? 'national'}@${revision}`;
    let calendar = cache.get(key);
    if (!calendar) {
      calendar = await loadWorkingCalendar(db, officeId);
      cache.set(key, calendar);
    }
    calendars.push(calendar);
  }
  return calendars;
}
