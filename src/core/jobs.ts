// Work done after the change that asks for it (a message to send, a reminder due later), queued in
// PostgreSQL with pg-boss: a job is written in the change's own transaction, so it exists exactly
// when the change commits; it outlives a restart; and however many instances run, each job is
// taken by one of them (SKIP LOCKED), retried with back-off when it fails, and kept as failed
// when it keeps failing.
import { CompiledQuery, type Kysely } from 'kysely';
import { PgBoss, type JobWithMetadata } from 'pg-boss';
import type { DatabaseKind } from './db/connection.ts';
import type { DB } from './db/schema.ts';

export const JOB_SCHEMA = 'pgboss';

export interface Job<T> {
  id: string;
  data: T;
  /** how many times it was tried before this attempt */
  retryCount: number;
  /** this is the last attempt the queue will make */
  lastAttempt: boolean;
}

export interface QueueSettings {
  /** tries after the first failure */
  retryLimit: number;
  /** seconds before the first retry; each later one waits twice as long (with jitter) */
  retryDelaySeconds: number;
  /**
   * 'unique': at most one job waiting per singletonKey (a second send with the key is dropped);
   * fixed when the queue is first made. Default: any number.
   */
  waiting?: 'unique';
}

export interface SendOptions {
  /** not before this moment */
  startAfter?: Date | undefined;
  /** with a queue defined `waiting: 'unique'`, at most one waiting job per key */
  singletonKey?: string | undefined;
}

export interface JobToSend<T> {
  data: T;
  options?: SendOptions | undefined;
}

/** A job of a batch that failed this attempt: it is retried with back-off, or kept as failed after its last. */
export interface JobFailure {
  id: string;
  error: Error;
}

export interface BatchWorkOptions {
  /** most jobs handed over at once; a full batch is followed at once by the next fetch */
  batchSize: number;
}

export interface JobQueue {
  /** Connects (and on first use creates the queue's tables); before anything else. */
  start(): Promise<void>;
  /** Declares a queue (idempotent); before sending to it or working it. */
  define(name: string, settings: QueueSettings): Promise<void>;
  /** Queues a job in `db`, the caller's transaction: it commits or rolls back with the change. */
  send<T extends object>(db: Kysely<DB>, name: string, data: T, options?: SendOptions): Promise<void>;
  /** Queues several jobs in `db`, the caller's transaction, in one statement; none when empty. */
  sendMany<T extends object>(db: Kysely<DB>, name: string, jobs: readonly JobToSend<T>[]): Promise<void>;
  /** Runs `handler` for each job of the queue, one at a time; a throw is a failed attempt. */
  work<T>(name: string, handler: (job: Job<T>) => Promise<void>): Promise<void>;
  /**
   * Runs `handler` for up to `batchSize` waiting jobs at a time. It returns the jobs that failed this
   * attempt: only those are retried with back-off (or kept as failed after their last attempt); the
   * rest of the batch is completed. One statement settles the completed jobs and one the failed. A
   * throw fails every job of the batch.
   */
  workBatch<T>(name: string, options: BatchWorkOptions, handler: (jobs: Job<T>[]) => Promise<readonly JobFailure[]>): Promise<void>;
  stop(): Promise<void>;
}

/** A job as handlers see it; `lastAttempt` by the job's own limit: it was sent under the queue's settings of that moment. */
function ourJob<T>(job: JobWithMetadata<T>): Job<T> {
  return { id: job.id, data: job.data, retryCount: job.retryCount, lastAttempt: job.retryCount >= job.retryLimit };
}

/**
 * pg-boss's database over a Kysely connection (a transaction, or the embedded database's pool).
 * A parameterless text may hold several statements; the embedded pool runs those with exec and
 * returns the rows of all of them, which is what pg-boss reads.
 */
function overKysely(db: Kysely<DB>) {
  return {
    async executeSql(text: string, values?: unknown[]) {
      const result = await db.executeQuery(CompiledQuery.raw(text, values ?? []));
      return { rows: [...result.rows] };
    },
  };
}

export interface JobQueueOptions {
  db: Kysely<DB>;
  kind: DatabaseKind;
  /** PostgreSQL: pg-boss keeps a small pool of its own for polling and upkeep */
  databaseUrl?: string | undefined;
  /** how often an idle worker looks for work */
  pollingIntervalSeconds?: number;
  onError?: (error: Error) => void;
}

/** The queue, started: what tests and the CLI want. */
export async function startJobQueue(options: JobQueueOptions): Promise<JobQueue> {
  const queue = createJobQueue(options);
  await queue.start();
  return queue;
}

/** The queue, not yet connected: the server makes it before the database is migrated and starts it after. */
export function createJobQueue(options: JobQueueOptions): JobQueue {
  const common = { schema: JOB_SCHEMA, application_name: 'protishruti-jobs' };
  const boss =
    options.kind === 'postgres' && options.databaseUrl
      ? new PgBoss({ ...common, connectionString: options.databaseUrl, max: 4 })
      : // the embedded database has one connection: pg-boss takes its turn on it like any query
        new PgBoss({ ...common, db: overKysely(options.db), backend: 'pglite' });
  boss.on('error', (error: Error) => options.onError?.(error));
  const polling = options.pollingIntervalSeconds ?? 2;
  const sendMany: JobQueue['sendMany'] = async (db, name, jobs) => {
    if (jobs.length === 0) return;
    // insert() writes the rows send() writes (queue defaults; ON CONFLICT DO NOTHING, so a 'unique'
    // queue drops a second waiting job with a key, from before or in this batch), in one statement
    const rows = jobs.map(({ data, options = {} }) => ({
      data,
      ...(options.startAfter ? { startAfter: options.startAfter.toISOString() } : {}),
      ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
    }));
    await boss.insert(name, rows, { db: overKysely(db) });
  };
  return {
    async start() {
      await boss.start();
    },
    async define(name, settings) {
      const options = { retryLimit: settings.retryLimit, retryDelay: settings.retryDelaySeconds, retryBackoff: true };
      // made once; a queue made by an earlier version takes this version's settings (but not its policy)
      await boss.createQueue(name, { ...options, policy: settings.waiting === 'unique' ? 'short' : 'standard' });
      await boss.updateQueue(name, options);
    },
    async send(db, name, data, sendOptions) {
      await sendMany(db, name, [{ data, options: sendOptions }]);
    },
    sendMany,
    async work<T>(name: string, handler: (job: Job<T>) => Promise<void>) {
      const workOptions = { batchSize: 1, pollingIntervalSeconds: polling, includeMetadata: true } as const;
      await boss.work<T, undefined, typeof workOptions>(name, workOptions, async ([job]) => {
        if (!job) return;
        await handler(ourJob(job));
      });
    },
    async workBatch<T>(name: string, batch: BatchWorkOptions, handler: (jobs: Job<T>[]) => Promise<readonly JobFailure[]>) {
      // perJobResults: pg-boss settles each job as the handler says (completed ones in one statement,
      // failed ones in another) instead of failing the whole batch for one job
      const workOptions = { batchSize: batch.batchSize, burstWhenBatchFull: true, pollingIntervalSeconds: polling, includeMetadata: true, perJobResults: true } as const;
      await boss.work<T, undefined, typeof workOptions>(name, workOptions, async (jobs) => {
        if (jobs.length === 0) return [];
        const failures = new Map((await handler(jobs.map(ourJob))).map((failure) => [failure.id, failure.error]));
        return jobs.map((job) => {
          const error = failures.get(job.id);
          return error ? { id: job.id, status: 'failed' as const, output: { message: error.message } } : { id: job.id, status: 'completed' as const };
        });
      });
    },
    async stop() {
      await boss.stop({ graceful: true, timeout: 10_000, close: true });
    },
  };
}
