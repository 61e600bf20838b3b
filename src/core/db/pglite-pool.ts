// A pg-compatible pool over one embedded PGlite instance, for Kysely's PostgresDialect.
// PGlite is a single connection: connect() waits its turn so transactions never interleave.
import type { PGlite } from '@electric-sql/pglite';
import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';

type Command = PostgresQueryResult<unknown>['command'];

async function runQuery(pglite: PGlite, sql: string, parameters: readonly unknown[]) {
  // A parameterless script may hold several statements (migrations, the job queue's upkeep);
  // PGlite's extended-protocol query() takes only one, exec() takes many. The rows of all of
  // them are kept: a RETURNING between BEGIN and COMMIT is what the job queue reads.
  if (parameters.length === 0) {
    const results = await pglite.exec(sql).catch(async (error: unknown) => {
      // a script that opened its own transaction and failed part way leaves the one connection
      // in an aborted transaction, which every later query would fail on
      if (/^\s*begin\b/i.test(sql)) await pglite.exec('rollback').catch(() => undefined);
      throw error;
    });
    const last = results.at(-1);
    return {
      // a script ending in COMMIT is not Kysely's own commit, which it answers with no rows
      command: (results.length > 1 ? 'SELECT' : (last?.command ?? 'SELECT')) as Command,
      rowCount: last?.rowCount ?? last?.affectedRows ?? 0,
      rows: results.flatMap((result) => result.rows),
    };
  }
  const result = await pglite.query(sql, [...parameters]);
  return {
    command: (result.command ?? 'SELECT') as Command,
    rowCount: result.rowCount ?? result.affectedRows ?? 0,
    rows: result.rows,
  };
}

/**
 * PGlite runs its WASM on the main thread and settles its promises as microtasks, so a
 * transaction of many statements would run to its end without the event loop ever polling for
 * I/O: no connection accepted, no stylesheet read, no timer fired, for as long as it takes
 * (37 s for a 15,000-event .ics import written a statement an event). So after each statement
 * the holder lets the loop turn once. A holder that has kept the database for a while (a bulk
 * import, not a page's query) does more after a long statement: it pauses briefly, again while
 * other work keeps the loop busy, for no longer than the statement took. A pause, unlike a bare
 * turn, lets the loop wait for I/O already under way (a file being read for /assets/), so such
 * a request is done within one pause rather than across several statements. The database
 * itself stays held: other queries wait for the transaction to end.
 */
const LONG_STATEMENT_MS = 2;
const LONG_HOLD_MS = 100;
const PAUSE_MS = 1;

async function letOthersRun(statementMs: number, heldMs: number): Promise<void> {
  if (statementMs < LONG_STATEMENT_MS || heldMs < LONG_HOLD_MS) return new Promise((resolve) => setImmediate(resolve));
  const until = performance.now() + statementMs;
  for (;;) {
    const pausedAt = performance.now();
    await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
    const now = performance.now();
    // a pause that ended on time found nothing else to run
    if (now - pausedAt < PAUSE_MS + 0.5 || now >= until) return;
  }
}

export interface PgLitePool extends PostgresPool {
  /**
   * Whether the one connection is checked out and its holder has shown progress (taken it, or
   * finished a statement) within the last `withinMs`: the database is working for someone, and
   * anyone else's query would wait for the holder to finish rather than fail.
   */
  isBusyAndProgressing(withinMs: number): boolean;
}

export function createPgLitePool(pglite: PGlite): PgLitePool {
  let queue: Promise<void> = Promise.resolve();
  let held = false;
  let lastProgressAt = 0;

  return {
    options: {},
    async connect() {
      let free!: () => void;
      const previous = queue;
      queue = new Promise<void>((resolve) => (free = resolve));
      await previous;
      held = true;
      const heldSince = performance.now();
      lastProgressAt = heldSince;
      let released = false;
      const client = {
        async query(sql: string, parameters: readonly unknown[]) {
          const startedAt = performance.now();
          try {
            return await runQuery(pglite, sql, parameters);
          } finally {
            lastProgressAt = performance.now();
            await letOthersRun(lastProgressAt - startedAt, lastProgressAt - heldSince);
          }
        },
        release() {
          if (!released) {
            released = true;
            held = false;
            free();
          }
        },
      };
      return client as unknown as PostgresPoolClient;
    },
    async end() {
      await queue;
      await pglite.close();
    },
    isBusyAndProgressing(withinMs: number) {
      return held && performance.now() - lastProgressAt < withinMs;
    },
  };
}
