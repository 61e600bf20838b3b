// Notifications in the database: written with the change they tell of, claimed and marked by the sender.
import type { Kysely, Selectable } from 'kysely';
import type { DB, Notifications } from '../core/db/schema.ts';

export type NotificationRow = Selectable<Notifications>;
export type NewNotificationRow = Pick<NotificationRow, 'office_id' | 'subject_type' | 'subject_id' | 'channel' | 'recipient' | 'template' | 'subject' | 'body' | 'encoding' | 'segments'>;

export async function insertNotification(db: Kysely<DB>, row: NewNotificationRow): Promise<number> {
  const inserted = await db.insertInto('notifications').values(row).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

/** Counts an attempt and returns the message, unless it has been sent (or given up on) already. */
export async function claimNotification(db: Kysely<DB>, id: number): Promise<NotificationRow | undefined> {
  return db
    .updateTable('notifications')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .where('status', '=', 'queued')
    .returningAll()
    .executeTakeFirst();
}

export async function markSent(db: Kysely<DB>, id: number, gateway: string): Promise<void> {
  await db.updateTable('notifications').set({ status: 'sent', sent_at: new Date(), gateway, last_error: null }).where('id', '=', id).execute();
}

export async function markAttemptFailed(db: Kysely<DB>, id: number, error: string, final: boolean): Promise<void> {
  await db
    .updateTable('notifications')
    .set({ last_error: error.slice(0, 500), ...(final ? { status: 'failed' as const } : {}) })
    .where('id', '=', id)
    .execute();
}

export interface NotificationListQuery {
  /** one office's messages; undefined: everyone's */
  officeId?: number | undefined;
  status?: NotificationRow['status'] | undefined;
  limit: number;
  offset: number;
}

export async function listNotifications(db: Kysely<DB>, query: NotificationListQuery): Promise<NotificationRow[]> {
  let select = db.selectFrom('notifications').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(query.limit + 1).offset(query.offset);
  if (query.officeId !== undefined) select = select.where('office_id', '=', query.officeId);
  if (query.status !== undefined) select = select.where('status', '=', query.status);
  return select.execute();
}

export async function listSubjectNotifications(db: Kysely<DB>, subjectType: string, subjectId: string): Promise<NotificationRow[]> {
  return db.selectFrom('notifications').selectAll().where('subject_type', '=', subjectType).where('subject_id', '=', subjectId).orderBy('id').execute();
}
