// Opens the database: PostgreSQL when a URL is given, otherwise embedded PGlite under dataDir.
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.ts';
import { createPgLitePool } from './pglite-pool.ts';
import type { DB } from './schema.ts';

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  kind: DatabaseKind;
  close(): Promise<void>;
}

const NUMERIC_OID = 1700;
const INT8_OID = 20;
const DATE_OID = 1082;
// Counts and money arrive as numbers from both engines, so the same code reads both.
const parseNumeric = (value: string) => Number.parseFloat(value);
// A calendar date stays 'YYYY-MM-DD': a Date would pin it to some time zone's midnight.
const keepDate = (value: string) => value;

export interface OpenOptions {
  databaseUrl?: string | undefined;
  /** PGlite data directory; undefined keeps the embedded database in memory (tests) */
  pgliteDir?: string | undefined;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: 10,
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
          oid === NUMERIC_OID || oid === INT8_OID
            ? parseNumeric
            : oid === DATE_OID
              ? keepDate
              : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
      },
    });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  const unlock = options.pgliteDir ? lockDataDir(options.pgliteDir) : () => undefined;
  try {
    const pglite = await PGlite.create(options.pgliteDir, {
      parsers: { [NUMERIC_OID]: parseNumeric, [INT8_OID]: parseNumeric, [DATE_OID]: keepDate },
    });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: createPgLitePool(pglite) }) });
    return {
      db,
      kind: 'pglite',
      close: async () => {
        await db.destroy();
        unlock();
      },
    };
  } catch (error) {
    unlock();
    throw error;
  }
}
