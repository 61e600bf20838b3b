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

/** The jobs of a queue as pg-boss keeps them, oldest first. */
async function storedJobs(name: string) {
  const { rows } = await sql<{ data: { n: number }; state: string; singleton_key: string | null; start_after: Date }>`
    select data, state, singleton_key, start_after from pgboss.job where name = ${name} order by created_on, data->>'n'`.execute(database.db);
  return rows;
}

test('several jobs are sent in one go, each with its own start and key; none when there are none', async () => {
  await queue.define('probe-many', { retryLimit: 0, retryDelaySeconds: 1 });
  const later = new Date(Date.now() + 3_600_000);
  await database.db.transaction().execute(async (trx) => {
    await queue.sendMany(trx, 'probe-many', []);
    await queue.sendMany(trx, 'probe-many', [
      { data: { n: 1 } },
      { data: { n: 2 }, options: { startAfter: later, singletonKey: 'two' } },
      { data: { n: 3 }, options: { singletonKey: 'three' } },
    ]);
  });
  const jobs = await storedJobs('probe-many');
  assert.deepEqual(jobs.map((job) => [job.data.n, job.singleton_key]), [
    [1, null],
    [2, 'two'],
    [3, 'three'],
  ]);
  assert.equal(new Date(jobs[1]?.start_after ?? 0).getTime(), later.getTime());
  assert.ok(new Date(jobs[0]?.start_after ?? 0).getTime() < later.getTime() - 3_000_000, 'a job without a start can start now');
});

test("a 'unique' queue keeps one waiting job per key, whether the second comes in the same batch or later", async () => {
  await queue.define('probe-unique', { retryLimit: 0, retryDelaySeconds: 1, waiting: 'unique' });
  const later = new Date(Date.now() + 3_600_000);
  await database.db.transaction().execute((trx) =>
    queue.sendMany(trx, 'probe-unique', [
      { data: { n: 1 }, options: { startAfter: later, singletonKey: 'a' } },
      { data: { n: 2 }, options: { startAfter: later, singletonKey: 'a' } },
      { data: { n: 3 }, options: { startAfter: later, singletonKey: 'b' } },
    ]),
  );
  await database.db.transaction().execute((trx) => queue.send(trx, 'probe-unique', { n: 4 }, { startAfter: later, singletonKey: 'b' }));
  await database.db.transaction().execute((trx) => queue.sendMany(trx, 'probe-unique', [{ data: { n: 5 }, options: { singletonKey: 'a' } }]));
  const jobs = await storedJobs('probe-unique');
  assert.deepEqual(jobs.map((job) => [job.data.n, job.singleton_key, job.state]), [
    [1, 'a', 'created'],
    [3, 'b', 'created'],
  ]);
});

test('a batch worker is handed many jobs at once; a job it fails is retried alone and kept as failed after its last attempt', async () => {
  await queue.define('probe-batch', { retryLimit: 1, retryDelaySeconds: 1 });
  const batches: Job<{ n: number }>[][] = [];
  await queue.workBatch<{ n: number }>('probe-batch', { batchSize: 10 }, async (jobs) => {
    batches.push(jobs);
    return jobs.filter((job) => job.data.n === 3).map((job) => ({ id: job.id, error: new Error('the gateway refused it') }));
  });
  await database.db.transaction().execute((trx) => queue.sendMany(trx, 'probe-batch', [1, 2, 3, 4, 5].map((n) => ({ data: { n } }))));
  const settled = async () => (await storedJobs('probe-batch')).every((job) => job.state === 'completed' || job.state === 'failed');
  for (const started = Date.now(); !(await settled()); ) {
    if (Date.now() - started > 30_000) throw new Error('gave up waiting for the batch to settle');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.deepEqual(batches[0]?.map((job) => job.data.n).sort(), [1, 2, 3, 4, 5], 'the five come in one batch');
  const handled = batches.flat().map((job) => [job.data.n, job.retryCount, job.lastAttempt]);
  assert.deepEqual(handled.sort(), [
    [1, 0, false],
    [2, 0, false],
    [3, 0, false],
    [3, 1, true],
    [4, 0, false],
    [5, 0, false],
  ]);
  assert.deepEqual((await storedJobs('probe-batch')).map((job) => [job.data.n, job.state]).sort(), [
    [1, 'completed'],
    [2, 'completed'],
    [3, 'failed'],
    [4, 'completed'],
    [5, 'completed'],
  ]);
});
