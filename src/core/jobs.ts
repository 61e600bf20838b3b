// Work done after the change that asks for it (a message to send, a reminder due later), queued in
// PostgreSQL with pg-boss: a job is written in the change's own transaction, so it exists exactly
// when the change commits; it outlives a restart; and however many instances run, each job is
// taken by one of them (SKIP LOCKED), retried with back-off when it fails, and kept as failed
// when it keeps failing.
import { CompiledQuery, type Kysely } from 'kysely';
import { PgBoss } from 'pg-boss';
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

export interface JobQueue {
  /** Connects (and on first use creates the queue's tables); before anything else. */
  start(): Promise<void>;
  /** Declares a queue (idempotent); before send() or work() on it. */
  define(name: string, settings: QueueSettings): Promise<void>;
  /** Queues a job in `db`, the caller's transaction: it commits or rolls back with the change. */
  send<T extends object>(db: Kysely<DB>, name: string, data: T, options?: SendOptions): Promise<void>;
  /** Runs `handler` for each job of the queue, one at a time; a throw is a failed attempt. */
  work<T>(name: string, handler: (job: Job<T>) => Promise<void>): Promise<void>;
  stop(): Promise<void>;
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
    async send(db, name, data, sendOptions = {}) {
      await boss.send(name, data, {
        db: overKysely(db),
        ...(sendOptions.startAfter ? { startAfter: sendOptions.startAfter } : {}),
        ...(sendOptions.singletonKey ? { singletonKey: sendOptions.singletonKey } : {}),
      });
    },
    async work<T>(name: string, handler: (job: Job<T>) => Promise<void>) {
      const workOptions = { batchSize: 1, pollingIntervalSeconds: polling, includeMetadata: true } as const;
      await boss.work<T, undefined, typeof workOptions>(name, workOptions, async ([job]) => {
        if (!job) return;
        // the job's own limit: it was sent under the queue's settings of that moment
        await handler({ id: job.id, data: job.data, retryCount: job.retryCount, lastAttempt: job.retryCount >= job.retryLimit });
      });
    },
    async stop() {
      await boss.stop({ graceful: true, timeout: 10_000, close: true });
    },
  };
}
