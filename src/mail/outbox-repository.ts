// Mail kept in the database instead of sent, newest first.
import type { Kysely } from 'kysely';
import type { DB } from '../core/db/schema.ts';
import type { MailMessage } from './mailer.ts';

export interface OutboxRow {
  id: number;
  to_address: string;
  subject: string;
  body_text: string;
  created_at: Date;
}

export async function insertOutboxMessage(db: Kysely<DB>, message: MailMessage): Promise<number> {
  const row = await db
    .insertInto('mail_outbox')
    .values({ to_address: message.to, subject: message.subject, body_text: message.text })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function listOutbox(db: Kysely<DB>, limit: number): Promise<OutboxRow[]> {
  return db.selectFrom('mail_outbox').select(['id', 'to_address', 'subject', 'body_text', 'created_at']).orderBy('id', 'desc').limit(limit).execute();
}
