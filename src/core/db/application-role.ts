// On PostgreSQL the tables can belong to one role, which runs the migrations, while the app
// connects as another that may only read and write rows: that role cannot alter a table,
// disable a trigger, or change or delete what an append-only table holds.
import { sql, type Kysely } from 'kysely';
import { JOB_SCHEMA } from '../jobs.ts';
import { openDatabase } from './connection.ts';
import { migrate, MIGRATIONS_DIR } from './migrate.ts';
import type { DB } from './schema.ts';

export interface MigrationOptions {
  /** the owner's connection (MIGRATION_DATABASE_URL); unset, the app's own role migrates */
  migrationDatabaseUrl?: string | undefined;
  /** tables the app's role may read and add to, never change: the audit log */
  appendOnlyTables: readonly string[];
  /** inside withStartupLock, whose session already holds the migrations' lock */
  underStartupLock?: boolean;
}

/** Migrates, through the owner's connection when one is given, and then grants the app's role what it needs. */
export async function migrateDatabase(db: Kysely<DB>, options: MigrationOptions): Promise<string[]> {
  if (!options.migrationDatabaseUrl) return migrate(db);
  const owner = await openDatabase({ databaseUrl: options.migrationDatabaseUrl });
  try {
    const applied = await migrate(owner.db, MIGRATIONS_DIR, { lockHeldByCaller: options.underStartupLock === true });
    const appRole = await currentRole(db);
    if (appRole !== (await currentRole(owner.db))) await grantApplicationRole(owner.db, appRole, options.appendOnlyTables);
    return applied;
  } finally {
    await owner.close();
  }
}

/** Rows only: read and write every table, add to the append-only ones, leave the migrations' record alone. Safe to repeat. */
export async function grantApplicationRole(owner: Kysely<DB>, role: string, appendOnlyTables: readonly string[]): Promise<void> {
  const grantee = sql.id(role);
  await owner.transaction().execute(async (trx) => {
    await sql`grant usage on schema public to ${grantee}`.execute(trx);
    await sql`grant select, insert, update, delete on all tables in schema public to ${grantee}`.execute(trx);
    await sql`grant usage, select on all sequences in schema public to ${grantee}`.execute(trx);
    await sql`revoke insert, update, delete, truncate on schema_migrations from ${grantee}`.execute(trx);
    // the job queue (pg-boss) keeps and changes its own tables: a schema of the app's own, apart
    // from the portal's; pg-boss says `create schema if not exists` at each start, which asks for
    // the right to create schemas even when its own is there
    await sql`create schema if not exists ${sql.id(JOB_SCHEMA)} authorization ${grantee}`.execute(trx);
    const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(trx);
    await sql`grant create on database ${sql.id(rows[0]?.name ?? '')} to ${grantee}`.execute(trx);
    for (const table of appendOnlyTables) {
      await sql`revoke update, delete, truncate on ${sql.table(table)} from ${grantee}`.execute(trx);
    }
  });
}

export async function currentRole(db: Kysely<DB>): Promise<string> {
  const { rows } = await sql<{ role: string }>`select current_user as role`.execute(db);
  const role = rows[0]?.role;
  if (!role) throw new Error('the database did not say which role this connection is');
  return role;
}
