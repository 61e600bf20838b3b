// What other features and the app may use of mail: a Mailer (SMTP or the outbox) and the outbox page.
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../core/db/schema.ts';
import type { Mailer } from './mailer.ts';
import { createOutboxMailer } from './outbox-mailer.ts';
import { createSmtpMailer } from './smtp-mailer.ts';

export { describeForLog, type Mailer, type MailMessage } from './mailer.ts';
export { createOutboxMailer } from './outbox-mailer.ts';
export { mailRoutes } from './routes.ts';
export { createSmtpMailer, describeSendError, type SmtpOptions } from './smtp-mailer.ts';

export interface MailSettings {
  /** unset: keep mail in the outbox */
  smtpUrl?: string | undefined;
  from: string;
}

export function createMailer(settings: MailSettings, db: Kysely<DB>, log: FastifyBaseLogger): Mailer {
  return settings.smtpUrl ? createSmtpMailer({ url: settings.smtpUrl, from: settings.from }) : createOutboxMailer(db, log);
}
