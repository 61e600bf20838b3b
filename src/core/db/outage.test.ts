// The PostgreSQL pool against a server that restarts, kills connections, freezes or goes
// away: the process carries on, each failure is one the web layer recognises as "database
// unavailable", and no broken connection is handed out again.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import pg from 'pg';
import { openDatabase, type Database } from './connection.ts';
import { startDatabaseProxy, terminateBackends, type DatabaseProxy } from './outage-test-support.ts';
import { openTestDatabase, type TestDatabase } from './test-database.ts';
import { isDatabaseUnavailable } from './unavailable.ts';

const serverUrl = process.env.DATABASE_URL;
const postgresOnly = { skip: serverUrl ? false : 'needs PostgreSQL (DATABASE_URL): the embedded database has no connection to lose', timeout: 60_000 };

// small, so that the tests wait little; the client's own limit is 1000 ms above the statement's
const TIMEOUTS = { connectMs: 1000, statementMs: 500, idleInTransactionMs: 500 };

let testDatabase: TestDatabase | undefined;
let proxy: DatabaseProxy | undefined;
const opened: Database[] = [];
const lost: { code?: string; reason: string }[] = [];

before(async () => {
  if (!serverUrl) return;
  testDatabase = await openTestDatabase();
  proxy = await startDatabaseProxy(testDatabase.url ?? '');
});
after(async () => {
  for (const database of opened) await database.close();
  await proxy?.close();
  await testDatabase?.drop();
});

async function open(url: string): Promise<Database> {
  const database = await openDatabase({ databaseUrl: url, timeouts: TIMEOUTS, onConnectionLost: (report) => lost.push(report) });
  opened.push(database);
  return database;
}

async function backendPid(database: Database): Promise<number> {
  const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(database.db);
  return rows[0]?.pid ?? -1;
}

async function waitFor(condition: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 20));
}

test('an idle connection the server terminates is reported and replaced, and the process carries on', postgresOnly, async () => {
  const database = await open(testDatabase?.url ?? '');
  const before = await backendPid(database);
  const reported = lost.length;
  assert.ok((await terminateBackends(testDatabase?.url ?? '')) >= 1);
  await waitFor(() => lost.length > reported);
  assert.equal(lost.at(-1)?.code, '57P01');
  assert.doesNotMatch(JSON.stringify(lost.at(-1)), /postgres:\/\//);
  assert.notEqual(await backendPid(database), before);
});

test('a query whose connection is terminated under it fails as "database unavailable", and the next query works', postgresOnly, async () => {
  const database = await open(testDatabase?.url ?? '');
  const own = await backendPid(database);
  const admin = new pg.Client({ connectionString: testDatabase?.url });
  await admin.connect();
  try {
    // the query waits on a lock the test holds, so that it is surely running when terminated
    await admin.query('begin; lock table places in access exclusive mode');
    const running = sql`select count(*) from places`.execute(database.db).then(
      () => assert.fail('the query should have failed'),
      (failure: unknown) => failure,
    );
    await waitFor(async () => (await admin.query('select 1 from pg_stat_activity where pid = $1 and wait_event_type = $2', [own, 'Lock'])).rowCount === 1);
    await terminateBackends(testDatabase?.url ?? '', [(await admin.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]?.pid ?? 0]);
    const error = await running;
    assert.ok(isDatabaseUnavailable(error), String(error));
  } finally {
    await admin.end();
  }
  const { rows } = await sql<{ n: number }>`select count(*) as n from places`.execute(database.db);
  assert.equal(typeof rows[0]?.n, 'number');
});

async function isRunning(pid: number): Promise<boolean> {
  const admin = new pg.Client({ connectionString: testDatabase?.url });
  await admin.connect();
  try {
    return (await admin.query('select 1 from pg_stat_activity where pid = $1', [pid])).rowCount === 1;
  } finally {
    await admin.end();
  }
}

/**
 * Ends the idle pooled connection of `database` (opened through the proxy) with the server's
 * farewell held back, then runs `statement` on it and lets the farewell through only once the
 * statement has gone out: the order in which a pool meets a connection that a restart ended.
 */
async function runOnUnnoticedEndedConnection<T>(database: Database, statement: () => Promise<T>): Promise<{ ended: number; outcome: Promise<T> }> {
  if (!proxy) throw new Error('no proxy');
  const ended = await backendPid(database);
  proxy.holdReplies();
  try {
    await terminateBackends(testDatabase?.url ?? '');
    await waitFor(async () => !(await isRunning(ended)));
    const sent = proxy.bytesToServer();
    const outcome = statement();
    outcome.catch(() => undefined);
    await waitFor(() => (proxy?.bytesToServer() ?? 0) > sent);
    return { ended, outcome };
  } finally {
    proxy.thaw();
  }
}

test('a read handed a connection whose end the pool has not yet heard of runs on a fresh connection instead of failing', postgresOnly, async () => {
  if (!proxy) throw new Error('no proxy');
  const database = await open(proxy.url);
  const reported = lost.length;
  const { ended, outcome } = await runOnUnnoticedEndedConnection(database, () => backendPid(database));
  const pid = await outcome;
  assert.notEqual(pid, ended);
  assert.ok(await isRunning(pid));
  assert.ok(lost.length > reported, 'the lost connection is still reported');
});

test('a write on such a connection fails as "database unavailable" and is never repeated on another', postgresOnly, async () => {
  if (!proxy) throw new Error('no proxy');
  const database = await open(proxy.url);
  await sql`create table if not exists written_once (n int)`.execute(database.db);
  const { outcome } = await runOnUnnoticedEndedConnection(database, () => sql`insert into written_once values (1)`.execute(database.db));
  const error = await outcome.then(
    () => assert.fail('the insert should have failed'),
    (failure: unknown) => failure,
  );
  assert.ok(isDatabaseUnavailable(error), String(error));
  const { rows } = await sql<{ n: number }>`select count(*) as n from written_once`.execute(database.db);
  assert.equal(rows[0]?.n, 0);
});

test('a connection that ends between its checkout and its first statement is swapped for a fresh one', postgresOnly, async () => {
  const database = await open(testDatabase?.url ?? '');
  const pid = await backendPid(database);
  const answer = await database.db.connection().execute(async (connection) => {
    const reported = lost.length;
    await terminateBackends(testDatabase?.url ?? '');
    await waitFor(() => lost.length > reported);
    return (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(connection)).rows[0]?.pid;
  });
  assert.ok(answer !== undefined && answer !== pid && (await isRunning(answer)));
});

test('a statement over the statement timeout ends with the server\'s error and keeps its connection', postgresOnly, async () => {
  const database = await open(testDatabase?.url ?? '');
  const own = await backendPid(database);
  const error = await sql`select pg_sleep(30)`.execute(database.db).then(
    () => assert.fail('the statement should have been cancelled'),
    (failure: unknown) => failure,
  );
  assert.equal((error as { code?: string }).code, '57014');
  assert.ok(isDatabaseUnavailable(error));
  assert.equal(await backendPid(database), own);
});

test('a transaction left idle past the limit is ended by the server without ending the process', postgresOnly, async () => {
  const database = await open(testDatabase?.url ?? '');
  const reported = lost.length;
  const error = await database.db
    .transaction()
    .execute(async (trx) => {
      await sql`select 1`.execute(trx);
      await waitFor(() => lost.length > reported); // the server ends the session while we hold it
      await sql`select 1`.execute(trx);
    })
    .then(
      () => assert.fail('the transaction should have failed'),
      (failure: unknown) => failure,
    );
  assert.ok(isDatabaseUnavailable(error), String(error));
  assert.equal(lost.at(-1)?.code, '25P03');
  assert.equal((await sql<{ one: number }>`select 1 as one`.execute(database.db)).rows[0]?.one, 1);
});

test('a server that stops answering releases the query after the client-side limit, and its connection is never handed out again', postgresOnly, async () => {
  if (!proxy) throw new Error('no proxy');
  const database = await open(proxy.url);
  const own = await backendPid(database);
  proxy.freeze();
  try {
    const error = await sql`select 1`.execute(database.db).then(
      () => assert.fail('the query should have timed out'),
      (failure: unknown) => failure,
    );
    assert.ok(isDatabaseUnavailable(error), String(error));
  } finally {
    proxy.thaw();
  }
  // the timed-out client still has its query pending on the wire: reused, it would answer as `own`
  assert.notEqual(await backendPid(database), own);
});

test('a connection that cannot be opened gives up after the connect timeout', postgresOnly, async () => {
  if (!proxy) throw new Error('no proxy');
  const database = await open(proxy.url);
  proxy.freeze();
  try {
    const error = await sql`select 1`.execute(database.db).then(
      () => assert.fail('the connection should have timed out'),
      (failure: unknown) => failure,
    );
    assert.ok(isDatabaseUnavailable(error), String(error));
  } finally {
    proxy.thaw();
  }
  assert.equal((await sql<{ one: number }>`select 1 as one`.execute(database.db)).rows[0]?.one, 1);
});

test('a server that is gone refuses every query as unavailable, and is used again once back', postgresOnly, async () => {
  if (!proxy) throw new Error('no proxy');
  const database = await open(proxy.url);
  await backendPid(database);
  proxy.cutOff();
  try {
    const error = await sql`select 1`.execute(database.db).then(
      () => assert.fail('the query should have failed'),
      (failure: unknown) => failure,
    );
    assert.ok(isDatabaseUnavailable(error), String(error));
  } finally {
    proxy.restore();
  }
  assert.equal((await sql<{ one: number }>`select 1 as one`.execute(database.db)).rows[0]?.one, 1);
});
