import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { buildApp } from '../app.ts';
import { openDatabase } from '../core/db/connection.ts';
import { startDatabaseProxy, terminateBackends } from '../core/db/outage-test-support.ts';
import type { DB } from '../core/db/schema.ts';
import { openTestDatabase } from '../core/db/test-database.ts';
import { bn } from '../core/i18n/bn.ts';
import { en } from '../core/i18n/en.ts';
import { errorResponse } from './api-schemas.ts';
import { PROGRESS_WINDOW_MS } from './health.ts';

test('/healthz answers 200 while the database answers and 503 once it is gone', async () => {
  const database = await openTestDatabase();
  const app = await buildApp({ db: database.db });
  try {
    const up = await app.inject('/healthz');
    assert.equal(up.statusCode, 200);
    assert.deepEqual(up.json(), { status: 'ok', database: 'ok' });
    await database.drop();
    const down = await app.inject('/healthz');
    assert.equal(down.statusCode, 503);
    assert.equal(down.json().database, 'unreachable');
  } finally {
    await app.close();
  }
});

test('every response carries the security headers', async () => {
  const database = await openTestDatabase();
  const app = await buildApp({ db: database.db });
  try {
    const response = await app.inject('/healthz');
    assert.match(String(response.headers['content-security-policy']), /default-src 'self'/);
    assert.equal(response.headers['x-content-type-options'], 'nosniff');
    assert.equal(response.headers['x-frame-options'], 'DENY');
  } finally {
    await app.close();
    await database.drop();
  }
});

test('the OpenAPI description is generated', async () => {
  const database = await openTestDatabase();
  const app = await buildApp({ db: database.db });
  try {
    const spec = (await app.inject('/openapi.json')).json() as { openapi: string; paths: Record<string, unknown> };
    assert.match(spec.openapi, /^3\./);
    assert.ok(Object.keys(spec.paths).some((p) => p.includes('charter.json')), Object.keys(spec.paths).join(', '));
  } finally {
    await app.close();
    await database.drop();
  }
});

/**
 * A long write: a transaction that keeps running statements until released, holding the
 * embedded database's one connection all along. The time bound only keeps a broken build from
 * hanging the test; the tests judge by what happened first, never by how long it took.
 */
function longTransaction(db: Kysely<DB>, events: string[]) {
  let released = false;
  let working!: () => void;
  const started = new Promise<void>((resolve) => (working = resolve));
  const startedAt = performance.now();
  const done = db.transaction().execute(async (trx) => {
    while (!released && performance.now() - startedAt < 20_000) {
      await sql`select 1`.execute(trx);
      working();
    }
    events.push(released ? 'transaction released' : 'transaction gave up');
  });
  return {
    started,
    done,
    release() {
      released = true;
    },
  };
}

test('/healthz answers 200 while a long transaction holds the database, without waiting for it to end', async () => {
  const database = await openTestDatabase();
  const app = await buildApp({ db: database.db });
  const events: string[] = [];
  const write = longTransaction(database.db, events);
  try {
    await write.started;
    const health = await app.inject('/healthz');
    events.push(`healthz ${health.statusCode}`);
  } finally {
    write.release();
    await write.done;
    await app.close();
    await database.drop();
  }
  assert.deepEqual(events, ['healthz 200', 'transaction released']);
});

test('the stylesheet is served while a long transaction holds the database', async () => {
  const database = await openTestDatabase();
  const app = await buildApp({ db: database.db });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const events: string[] = [];
  const write = longTransaction(database.db, events);
  try {
    await write.started;
    // over a socket: accepting the connection and reading the file both need the event loop to turn
    const { port } = app.server.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}/assets/site.css`);
    events.push(`stylesheet ${response.status} ${(await response.text()).length > 0 ? 'with' : 'without'} a body`);
  } finally {
    write.release();
    await write.done;
    await app.close();
    await database.drop();
  }
  assert.deepEqual(events, ['stylesheet 200 with a body', 'transaction released']);
});

test(
  '/healthz still probes the embedded database when its holder has gone quiet, and answers 503 until it lets go',
  { skip: process.env.DATABASE_URL ? 'the embedded database only: PostgreSQL answers on another connection' : false },
  async () => {
    const database = await openTestDatabase();
    const app = await buildApp({ db: database.db });
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const holder = database.db.connection().execute(() => released);
    // the probe's timeout does not keep a process alive (a server's socket does): this test does
    const keepAlive = setInterval(() => undefined, 1000);
    try {
      // past the window in which a holder counts as working, without a statement since it took the connection
      await new Promise((resolve) => setTimeout(resolve, PROGRESS_WINDOW_MS + 100));
      assert.equal((await app.inject('/healthz')).statusCode, 503);
    } finally {
      clearInterval(keepAlive);
      release();
      await holder;
    }
    try {
      assert.equal((await app.inject('/healthz')).statusCode, 200);
    } finally {
      await app.close();
      await database.drop();
    }
  },
);

// Outages of a real PostgreSQL server, through a proxy the test can freeze or cut off.
const postgresOnly = { skip: process.env.DATABASE_URL ? false : 'needs PostgreSQL (DATABASE_URL): the embedded database cannot be cut off', timeout: 60_000 };
const OUTAGE_TIMEOUTS = { connectMs: 1000, statementMs: 500, idleInTransactionMs: 5000 };

async function outageSetup() {
  const testDatabase = await openTestDatabase();
  const proxy = await startDatabaseProxy(testDatabase.url ?? '');
  const database = await openDatabase({ databaseUrl: proxy.url, timeouts: OUTAGE_TIMEOUTS, onConnectionLost: () => undefined });
  const app = await buildApp({ db: database.db });
  return {
    testDatabase,
    proxy,
    app,
    async teardown() {
      await app.close();
      await database.close();
      await proxy.close();
      await testDatabase.drop();
    },
  };
}

function assertUnavailablePage(response: { statusCode: number; headers: Record<string, unknown>; body: string }, text: RegExp) {
  assert.equal(response.statusCode, 503);
  assert.equal(response.headers['retry-after'], '30');
  assert.match(String(response.headers['content-type']), /^text\/html/);
  assert.match(response.body, text);
}

test('while the database is gone /healthz and pages answer 503, and both recover once it is back, without a restart', postgresOnly, async () => {
  const { proxy, app, teardown } = await outageSetup();
  try {
    assert.equal((await app.inject('/healthz')).statusCode, 200);
    assert.equal((await app.inject('/')).statusCode, 200);

    proxy.cutOff();
    const health = await app.inject('/healthz');
    assert.equal(health.statusCode, 503);
    assert.deepEqual(health.json(), { status: 'unavailable', database: 'unreachable' });
    assertUnavailablePage(await app.inject('/'), /ডেটাবেসের সাথে যোগাযোগ করতে পারছে না/);
    assertUnavailablePage(await app.inject('/?lang=en'), /cannot reach its database/);
    const api = await app.inject('/api/calendar/2026');
    assert.equal(api.statusCode, 503);
    assert.equal(api.headers['retry-after'], '30');
    assert.deepEqual(errorResponse.strict().parse(api.json()), {
      error: 'database_unavailable',
      field: null,
      message_en: en['error.database_unavailable'],
      message_bn: bn['error.database_unavailable'],
    });

    proxy.restore();
    assert.equal((await app.inject('/healthz')).statusCode, 200);
    assert.equal((await app.inject('/')).statusCode, 200);
  } finally {
    await teardown();
  }
});

test('a database that stops answering gets a 503 page rather than a hung request, and the portal recovers once it answers', postgresOnly, async () => {
  const { proxy, app, teardown } = await outageSetup();
  try {
    assert.equal((await app.inject('/')).statusCode, 200);
    proxy.freeze();
    try {
      assertUnavailablePage(await app.inject('/'), /ডেটাবেসের/);
      assert.equal((await app.inject('/healthz')).statusCode, 503);
    } finally {
      proxy.thaw();
    }
    assert.equal((await app.inject('/')).statusCode, 200);
    assert.equal((await app.inject('/healthz')).statusCode, 200);
  } finally {
    await teardown();
  }
});

test('a request whose connection is terminated mid-query gets a 503 page, and the next request is served', postgresOnly, async () => {
  const { testDatabase, app, teardown } = await outageSetup();
  const admin = new pg.Client({ connectionString: testDatabase.url });
  await admin.connect();
  try {
    assert.equal((await app.inject('/')).statusCode, 200);
    const own = (await admin.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]?.pid;
    // the page's query waits on a lock the test holds, so that it is surely running when terminated
    // (the directory page, once cached, reads only the directory revision: both tables are locked)
    await admin.query('begin; lock table offices, directory_revision in access exclusive mode');
    const page = app.inject('/');
    const waiting = () => admin.query<{ pid: number }>("select pid from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'");
    while ((await waiting()).rows.every((row) => row.pid === own)) await new Promise((resolve) => setTimeout(resolve, 20));
    await terminateBackends(testDatabase.url ?? '', own === undefined ? [] : [own]);
    await admin.query('rollback');
    assertUnavailablePage(await page, /ডেটাবেসের/);
    assert.equal((await app.inject('/')).statusCode, 200);
    assert.equal((await app.inject('/healthz')).statusCode, 200);
  } finally {
    await admin.end();
    await teardown();
  }
});
