// Opens the database: PostgreSQL when a URL is given, otherwise embedded PGlite under dataDir.
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { DEFAULT_DATABASE_TIMEOUTS, type DatabaseTimeouts } from '../config.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { createPgLitePool, type PgLitePool } from './pglite-pool.ts';
import type { DB } from './schema.ts';
import { survivingPool, type ConnectionLostListener } from './surviving-pool.ts';

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
  /** PostgreSQL only; DEFAULT_DATABASE_TIMEOUTS when not given */
  timeouts?: DatabaseTimeouts | undefined;
  /**
   * Told when the server or the network drops a connection (restart, failover, an
   * administrator's pg_terminate_backend). The connection is already discarded and the pool
   * opens a new one when next needed. Default: one line on stderr.
   */
  onConnectionLost?: ConnectionLostListener | undefined;
}

// The client waits this much longer than statement_timeout: a slow query ends with the
// server's own error and keeps its connection; only a server that says nothing at all (frozen,
// or cut off by the network) trips the client's limit.
const QUERY_TIMEOUT_MARGIN_MS = 1000;

const reportToStderr = (lost: { code?: string; reason: string }) =>
  process.stderr.write(`database connection lost${lost.code ? ` (${lost.code})` : ''}: ${lost.reason}\n`);

// The embedded pool behind each Kysely instance openDatabase made, for isBusyAndProgressing below.
const embeddedPools = new WeakMap<Kysely<DB>, PgLitePool>();

/**
 * Whether `db` is an embedded database whose one connection is held by a transaction that
 * finished a statement within the last `withinMs` (see PgLitePool.isBusyAndProgressing).
 * Always false on PostgreSQL, whose pool has other connections to answer with.
 */
export function isBusyAndProgressing(db: Kysely<DB>, withinMs: number): boolean {
  return embeddedPools.get(db)?.isBusyAndProgressing(withinMs) ?? false;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) {
    const timeouts = options.timeouts ?? DEFAULT_DATABASE_TIMEOUTS;
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: 10,
      // 0 leaves each limit to pg and the server (none, unless the server sets one)
      connectionTimeoutMillis: timeouts.connectMs,
      statement_timeout: timeouts.statementMs || false,
      query_timeout: timeouts.statementMs ? timeouts.statementMs + QUERY_TIMEOUT_MARGIN_MS : undefined,
      idle_in_transaction_session_timeout: timeouts.idleInTransactionMs || undefined,
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
          oid === NUMERIC_OID || oid === INT8_OID
            ? parseNumeric
            : oid === DATE_OID
              ? keepDate
              : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
      },
    });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: survivingPool(pool, options.onConnectionLost ?? reportToStderr) }) });
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  const unlock = options.pgliteDir ? lockDataDir(options.pgliteDir) : () => undefined;
  try {
    const pglite = await PGlite.create(options.pgliteDir, {
      parsers: { [NUMERIC_OID]: parseNumeric, [INT8_OID]: parseNumeric, [DATE_OID]: keepDate },
      // the search's trigram indexes (migration 0019); PostgreSQL ships the extension itself
      extensions: { pg_trgm },
    });
    const pool = createPgLitePool(pglite);
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    embeddedPools.set(db, pool);
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
