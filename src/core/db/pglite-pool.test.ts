// The embedded database's one connection: who holds it, whether the holder is still working,
// and that the rest of the process keeps running while a long transaction holds it.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import { CompiledQuery, Kysely, PostgresDialect, sql } from 'kysely';
import { openDatabase } from './connection.ts';
import { createPgLitePool, type PgLitePool } from './pglite-pool.ts';

let pool: PgLitePool;
let db: Kysely<Record<string, never>>;
before(async () => {
  pool = createPgLitePool(await PGlite.create());
  db = new Kysely({ dialect: new PostgresDialect({ pool }) });
});
after(() => db.destroy());

const LONG = 60_000;

test('a free connection is not busy; a held one is busy while its holder works, stalled once the holder goes quiet', async () => {
  assert.equal(pool.isBusyAndProgressing(LONG), false);
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let seen: { working: boolean; stalled: boolean } | undefined;
  const holder = db.connection().execute(async (connection) => {
    await sql`select 1`.execute(connection);
    // a window of 0 ms has always passed since the last statement: the holder counts as stalled
    seen = { working: pool.isBusyAndProgressing(LONG), stalled: !pool.isBusyAndProgressing(0) };
    await released;
  });
  while (seen === undefined) await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(seen, { working: true, stalled: true });
  assert.equal(pool.isBusyAndProgressing(LONG), true);
  release();
  await holder;
  assert.equal(pool.isBusyAndProgressing(LONG), false);
});

test('timers and callbacks run between the statements of a transaction, not only after it', async () => {
  const events: string[] = [];
  let statements = 0;
  const startedAt = performance.now();
  const transaction = db.transaction().execute(async (trx) => {
    // ends when the timer below has run; the time bound only keeps a broken pool from hanging the test
    while (!events.includes('timer') && performance.now() - startedAt < 20_000) {
      await sql`select ${statements++}`.execute(trx);
    }
    events.push('transaction ended');
  });
  setTimeout(() => events.push('timer'), 0);
  await transaction;
  assert.deepEqual(events, ['timer', 'transaction ended']);
});

test('a script of several statements returns the rows of all of them, a COMMIT at its end included', async () => {
  const database = await openDatabase({});
  try {
    const result = await database.db.executeQuery(CompiledQuery.raw('begin; select pg_advisory_xact_lock(1); select 1 as x; commit;', []));
    assert.deepEqual(result.rows, [{ pg_advisory_xact_lock: '' }, { x: 1 }]);
  } finally {
    await database.close();
  }
});

test('a script that opened a transaction and failed leaves the connection usable', async () => {
  const database = await openDatabase({});
  try {
    await assert.rejects(database.db.executeQuery(CompiledQuery.raw('begin; select 1/0; commit;', [])));
    const { rows } = await sql<{ one: number }>`select 1 as one`.execute(database.db);
    assert.deepEqual(rows, [{ one: 1 }]);
  } finally {
    await database.close();
  }
});
