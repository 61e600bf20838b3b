// Runs an instance's first-start work (migrate, seed, load data files) while holding the
// migrations' advisory lock, so that instances starting together on an empty database do it once.
import { sql, type Kysely } from 'kysely';
import { MIGRATION_LOCK } from './migrate.ts';
import type { DB } from './schema.ts';

const RETRY_MS = 200;

/**
 * Holds the lock for the whole of `work`, on one connection that `work` gets as its database:
 * a session lock, because the work opens transactions of its own, and one connection, because
 * the lock belongs to a session (migrate()'s own transaction lock on the same key is then
 * granted at once) and PGlite has only one. The wait polls with pg_try_advisory_lock, so that
 * a first start longer than the statement timeout does not fail the instances waiting for it.
 */
export async function withStartupLock<T>(db: Kysely<DB>, work: (db: Kysely<DB>) => Promise<T>): Promise<T> {
  return db.connection().execute(async (session) => {
    while (!(await tryLock(session))) await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    try {
      return await work(session);
    } finally {
      // if the connection broke, its session and the lock ended with it
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK})`.execute(session).catch(() => undefined);
    }
  });
}

async function tryLock(session: Kysely<DB>): Promise<boolean> {
  const { rows } = await sql<{ locked: boolean }>`select pg_try_advisory_lock(${MIGRATION_LOCK}) as locked`.execute(session);
  return rows[0]?.locked === true;
}
