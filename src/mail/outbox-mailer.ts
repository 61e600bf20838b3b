// The mailer used when no SMTP server is configured (development): each message is stored in
// mail_outbox, shown to system administrators at /admin/outbox, and logged without its body.
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../core/db/schema.ts';
import { describeForLog, type Mailer, type MailMessage } from './mailer.ts';
import { insertOutboxMessage } from './outbox-repository.ts';

export function createOutboxMailer(db: Kysely<DB>, log: Pick<FastifyBaseLogger, 'info'>): Mailer {
  return {
    kind: 'outbox',
    async send(message: MailMessage) {
      const id = await insertOutboxMessage(db, message);
      log.info({ mail: describeForLog(message), outboxId: id }, 'mail kept in the outbox (no SMTP_URL): see /admin/outbox');
    },
    async close() {},
  };
}
