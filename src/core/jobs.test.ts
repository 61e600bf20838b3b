import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { openTestDatabase, type TestDatabase } from './db/test-database.ts';
import { startJobQueue, type Job, type JobQueue } from './jobs.ts';

let database: TestDatabase;
let queue: JobQueue;

before(async () => {
  database = await openTestDatabase();
  queue = await startJobQueue({ db: database.db, kind: database.kind, databaseUrl: database.url, pollingIntervalSeconds: 0.5 });
});
after(async () => {
  await queue.stop();
  await database.drop();
});

async function waitFor(condition: () => boolean, what: string, ms = 20_000): Promise<void> {
  for (const started = Date.now(); !condition(); ) {
    if (Date.now() - started > ms) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

test('a job sent in a transaction exists only if the transaction commits', async () => {
  await queue.define('probe-commit', { retryLimit: 0, retryDelaySeconds: 1 });
  const seen: string[] = [];
  await queue.work<{ label: string }>('probe-commit', async (job) => {
    seen.push(job.data.label);
  });
  await database.db
    .transaction()
    .execute(async (trx) => {
      await queue.send(trx, 'probe-commit', { label: 'rolled back' });
      throw new Error('the change fails');
    })
    .catch(() => undefined);
  await database.db.transaction().execute(async (trx) => {
    await sql`select 1`.execute(trx);
    await queue.send(trx, 'probe-commit', { label: 'committed' });
  });
  await waitFor(() => seen.includes('committed'), 'the committed job');
  // a poll or two more: the rolled-back one never comes
  await new Promise((resolve) => setTimeout(resolve, 1500));
  assert.deepEqual(seen, ['committed']);
});

test('a failing job is tried again with back-off, and its last attempt is marked as the last', async () => {
  await queue.define('probe-retry', { retryLimit: 2, retryDelaySeconds: 1 });
  const attempts: Job<{ n: number }>[] = [];
  await queue.work<{ n: number }>('probe-retry', async (job) => {
    attempts.push(job);
    throw new Error('the gateway is down');
  });
  await database.db.transaction().execute((trx) => queue.send(trx, 'probe-retry', { n: 1 }));
  await waitFor(() => attempts.length === 3, 'three attempts', 30_000);
  assert.deepEqual(attempts.map((a) => [a.retryCount, a.lastAttempt]), [
    [0, false],
    [1, false],
    [2, true],
  ]);
});
