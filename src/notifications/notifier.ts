// Telling people: a message is written in the transaction of the change it tells of, with a job
// to send it; the job's worker hands it to the SMS gateway or the mailer and marks it sent. A
// message whose gateway keeps failing is tried with back-off and then kept as failed, visible on
// the messages page, never dropped.
import type { Kysely } from 'kysely';
import type { DB } from '../core/db/schema.ts';
import type { Job, JobQueue, QueueSettings } from '../core/jobs.ts';
import type { Mailer } from '../mail/index.ts';
import { claimNotification, insertNotification, markAttemptFailed, markSent } from './repository.ts';
import type { SmsGateway } from './sms-gateway.ts';
import { smsSize } from './sms-segments.ts';

export const SEND_QUEUE = 'notification.send';
/** tries after the first: with back-off from 30 s, the last about half an hour after the first */
const SEND_RETRIES = 6;
const FIRST_RETRY_SECONDS = 30;

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
  return {
    async queue(db, message) {
      const size = message.channel === 'sms' ? smsSize(message.text) : null;
      const id = await insertNotification(db, {
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
      });
      await options.jobs?.send(db, SEND_QUEUE, { id });
      return id;
    },
    async startSending() {
      const { jobs } = options;
      if (!jobs) return;
      await jobs.define(SEND_QUEUE, options.retry ?? { retryLimit: SEND_RETRIES, retryDelaySeconds: FIRST_RETRY_SECONDS });
      await jobs.work<{ id: number }>(SEND_QUEUE, (job) => sendOne(options, job));
    },
  };
}

async function sendOne(options: NotifierOptions, job: Job<{ id: number }>): Promise<void> {
  const message = await claimNotification(options.db, job.data.id);
  // sent already (a job run twice after a crash), or not there: nothing to do
  if (!message) return;
  try {
    if (message.channel === 'sms') await options.sms.send(message.recipient, message.body);
    else await options.mailer.send({ to: message.recipient, subject: message.subject ?? '', text: message.body });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    await markAttemptFailed(options.db, message.id, reason, job.lastAttempt);
    // the recipient is personal data: the log names the message, not whom it was for
    options.log?.warn({ notification: message.id, attempt: message.attempts, final: job.lastAttempt, reason }, 'a message could not be sent');
    throw error;
  }
  await markSent(options.db, message.id, message.channel === 'sms' ? options.sms.name : options.mailer.kind);
}
