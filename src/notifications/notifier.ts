// Telling people: a message is written in the transaction of the change it tells of, with a job
// to send it; the job's worker hands it to the SMS gateway or the mailer and marks it sent. A
// message whose gateway keeps failing is tried with back-off and then kept as failed, visible on
// the messages page, never dropped. Under load both ends work in batches: many messages are
// written in two statements, and a worker takes up to SEND_BATCH waiting jobs at once.
import type { Kysely } from 'kysely';
import type { DB } from '../core/db/schema.ts';
import type { Job, JobFailure, JobQueue, QueueSettings } from '../core/jobs.ts';
import type { Mailer } from '../mail/index.ts';
import { claimNotifications, insertNotifications, markAttemptsFailed, markSent, type FailedAttempt, type NewNotificationRow, type NotificationRow } from './repository.ts';
import type { SmsGateway } from './sms-gateway.ts';
import { smsSize } from './sms-segments.ts';

export const SEND_QUEUE = 'notification.send';
/** tries after the first: with back-off from 30 s, the last about half an hour after the first */
const SEND_RETRIES = 6;
const FIRST_RETRY_SECONDS = 30;
/** jobs one fetch takes when many wait */
const SEND_BATCH = 20;
/** messages of a batch with the gateway at the same time */
const SENDS_AT_ONCE = 4;

export type OutgoingMessage = {
  officeId: number | null;
  /** what it tells of, for the history: ('request', 'JSR-2026-000123-6') */
  about: { type: string; id: string };
  /** which message it is ('request.received'), for the messages page */
  template: string;
} & ({ channel: 'sms'; to: string; text: string } | { channel: 'email'; to: string; subject: string; text: string });

export interface Notifier {
  /** Writes the message and its job in `db`, the caller's transaction. */
  queue(db: Kysely<DB>, message: OutgoingMessage): Promise<number>;
  /** Writes the messages and their jobs in `db`, in two statements (none when empty); their ids in the messages' order. */
  queueMany(db: Kysely<DB>, messages: readonly OutgoingMessage[]): Promise<number[]>;
  /** Starts sending (one worker per instance; each message goes out once, whichever takes it). */
  startSending(): Promise<void>;
}

export interface NotifierOptions {
  db: Kysely<DB>;
  /** undefined: messages are written and wait (queued) until an instance with a queue sends them */
  jobs: JobQueue | undefined;
  sms: SmsGateway;
  mailer: Mailer;
  log?: { warn(object: object, message: string): void };
  /** default: 6 retries from 30 s, doubling (tests use seconds) */
  retry?: QueueSettings | undefined;
}

export function createNotifier(options: NotifierOptions): Notifier {
  const queueMany = async (db: Kysely<DB>, messages: readonly OutgoingMessage[]): Promise<number[]> => {
    const ids = await insertNotifications(db, messages.map(notificationRow));
    await options.jobs?.sendMany(db, SEND_QUEUE, ids.map((id) => ({ data: { id } })));
    return ids;
  };
  return {
    async queue(db, message) {
      const [id] = await queueMany(db, [message]);
      if (id === undefined) throw new Error('the message was not written');
      return id;
    },
    queueMany,
    async startSending() {
      const { jobs } = options;
      if (!jobs) return;
      await jobs.define(SEND_QUEUE, options.retry ?? { retryLimit: SEND_RETRIES, retryDelaySeconds: FIRST_RETRY_SECONDS });
      await jobs.workBatch<{ id: number }>(SEND_QUEUE, { batchSize: SEND_BATCH }, (batch) => sendBatch(options, batch));
    },
  };
}

function notificationRow(message: OutgoingMessage): NewNotificationRow {
  const size = message.channel === 'sms' ? smsSize(message.text) : null;
  return {
    office_id: message.officeId,
    subject_type: message.about.type,
    subject_id: message.about.id,
    channel: message.channel,
    recipient: message.to,
    template: message.template,
    subject: message.channel === 'email' ? message.subject : null,
    body: message.text,
    encoding: size?.encoding ?? null,
    segments: size?.segments ?? null,
  };
}

/**
 * Claims the batch's messages, hands each to its gateway and marks those sent, a statement each for
 * the batch. A message whose gateway fails fails only its own job, which is retried with back-off;
 * the rest of the batch is sent once and completed.
 */
async function sendBatch(options: NotifierOptions, jobs: Job<{ id: number }>[]): Promise<JobFailure[]> {
  const jobOf = new Map(jobs.map((job) => [Number(job.data.id), job]));
  // a message sent already (a job run twice after a crash), or not there, is left out: its job completes
  const messages = await claimNotifications(options.db, [...jobOf.keys()]);
  const sent: number[] = [];
  const failed: FailedAttempt[] = [];
  const failures: JobFailure[] = [];
  await inTurns(messages, SENDS_AT_ONCE, async (message) => {
    const job = jobOf.get(Number(message.id));
    if (!job) return;
    try {
      await deliver(options, message);
      sent.push(message.id);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      failed.push({ id: message.id, error: reason, final: job.lastAttempt });
      failures.push({ id: job.id, error: error instanceof Error ? error : new Error(reason) });
      // the recipient is personal data: the log names the message, not whom it was for
      options.log?.warn({ notification: message.id, attempt: message.attempts, final: job.lastAttempt, reason }, 'a message could not be sent');
    }
  });
  await markSent(options.db, sent, { sms: options.sms.name, email: options.mailer.kind });
  await markAttemptsFailed(options.db, failed);
  return failures;
}

async function deliver(options: NotifierOptions, message: NotificationRow): Promise<void> {
  if (message.channel === 'sms') await options.sms.send(message.recipient, message.body);
  else await options.mailer.send({ to: message.recipient, subject: message.subject ?? '', text: message.body });
}

/** Runs `work` for each item, at most `atOnce` at a time. */
async function inTurns<T>(items: readonly T[], atOnce: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(atOnce, items.length) }, worker));
}
