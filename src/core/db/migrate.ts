// Applies the plain SQL files in migrations/ in name order, each once, all in one transaction under a lock.
import fs from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_ROOT } from '../paths.ts';
import { sql, type Kysely } from 'kysely';
import type { DB } from './schema.ts';

export const MIGRATIONS_DIR = path.join(PROJECT_ROOT, 'migrations');

// Any fixed number: every instance takes the same lock, so two starting at once migrate once.
export const MIGRATION_LOCK = 7_447_955;

export interface MigrateOptions {
  /**
   * The caller already holds MIGRATION_LOCK in another session (withStartupLock on the app's
   * connection while the owner's connection migrates): waiting for it here would wait forever.
   */
  lockHeldByCaller?: boolean;
}

export async function migrate(db: Kysely<DB>, dir = MIGRATIONS_DIR, options: MigrateOptions = {}): Promise<string[]> {
  const files = (await fs.readdir(dir)).filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f)).sort();
  return db.transaction().execute(async (trx) => {
    if (!options.lockHeldByCaller) await sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`.execute(trx);
    await sql`create table if not exists schema_migrations (
      name text primary key,
      applied_at timestamptz not null default now()
    )`.execute(trx);
    const done = new Set(
      (await trx.selectFrom('schema_migrations').select('name').execute()).map((r) => r.name),
    );
    const applied: string[] = [];
    for (const file of files) {
      if (done.has(file)) continue;
      const script = await fs.readFile(path.join(dir, file), 'utf8');
      await sql.raw(script).execute(trx);
      await trx.insertInto('schema_migrations').values({ name: file }).execute();
      applied.push(file);
    }
    return applied;
  });
}
