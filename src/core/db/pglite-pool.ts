// A pg-compatible pool over one embedded PGlite instance, for Kysely's PostgresDialect.
// PGlite is a single connection: connect() waits its turn so transactions never interleave.
import type { PGlite } from '@electric-sql/pglite';
import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';

type Command = PostgresQueryResult<unknown>['command'];

async function runQuery(pglite: PGlite, sql: string, parameters: readonly unknown[]) {
  // A parameterless script may hold several statements (migrations); PGlite's
  // extended-protocol query() takes only one, exec() takes many.
  const result =
    parameters.length === 0
      ? (await pglite.exec(sql)).at(-1)
      : await pglite.query(sql, [...parameters]);
  return {
    command: (result?.command ?? 'SELECT') as Command,
    rowCount: result?.rowCount ?? result?.affectedRows ?? 0,
    rows: result?.rows ?? [],
  };
}

export function createPgLitePool(pglite: PGlite): PostgresPool {
  let queue: Promise<void> = Promise.resolve();

  return {
    options: {},
    async connect() {
      let free!: () => void;
      const previous = queue;
      queue = new Promise<void>((resolve) => (free = resolve));
      await previous;
      let released = false;
      const client = {
        query: (sql: string, parameters: readonly unknown[]) => runQuery(pglite, sql, parameters),
        release() {
          if (!released) {
            released = true;
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
  };
}
