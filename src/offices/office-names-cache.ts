// Offices' names as the tracking page shows them beside a request, kept a minute per database: a
// crowd of citizens following their requests costs no read of offices, and a renamed office shows
// its new name everywhere within that minute, with no message between instances.
import type { DialectAdapter, Kysely } from 'kysely';
import { LRUCache } from 'lru-cache';
import type { DB } from '../core/db/schema.ts';
import { findOfficeNames, type OfficeNames } from './repository.ts';

const KEPT_MS = 60_000;
const OFFICES_KEPT = 20_000;

/** By the database's adapter (Kysely's, shared by its transactions): two databases never share names. */
const caches = new WeakMap<DialectAdapter, LRUCache<number, OfficeNames>>();

export async function keptOfficeNames(db: Kysely<DB>, ids: readonly number[]): Promise<Map<number, OfficeNames>> {
  const database = db.getExecutor().adapter;
  let cache = caches.get(database);
  if (!cache) {
    cache = new LRUCache({ max: OFFICES_KEPT, ttl: KEPT_MS });
    caches.set(database, cache);
  }
  const names = new Map<number, OfficeNames>();
  const missing: number[] = [];
  for (const id of ids) {
    const kept = cache.get(id);
    if (kept) names.set(id, kept);
    else missing.push(id);
  }
  for (const [id, found] of await findOfficeNames(db, missing)) {
    cache.set(id, found);
    names.set(id, found);
  }
  return names;
}
