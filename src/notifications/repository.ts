// Notifications in the database: written with the change they tell of, claimed and marked by the sender.
import type { Kysely, Selectable } from 'kysely';
import type { DB, Notifications } from '../core/db/schema.ts';

export type NotificationRow = Selectable<Notifications>;
export type NewNotificationRow = Pick<NotificationRow, 'office_id' | 'subject_type' | 'subject_id' | 'channel' | 'recipient' | 'template' | 'subject' | 'body' | 'encoding' | 'segments'>;

/** Writes the messages in one statement; their ids in the rows' order. */
export async function insertNotifications(db: Kysely<DB>, rows: readonly NewNotificationRow[]): Promise<number[]> {
  if (rows.length === 0) return [];
  // a single-VALUES insert returns its rows in the order given
  const inserted = await db.insertInto('notifications').values([...rows]).returning('id').execute();
  return inserted.map((row) => row.id);
}

/** Counts an attempt at each message and returns those not yet sent (nor given up on), in one statement. */
export async function claimNotifications(db: Kysely<DB>, ids: readonly number[]): Promise<NotificationRow[]> {
  if (ids.length === 0) return [];
  return db
    .updateTable('notifications')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('id', 'in', [...ids])
    .where('status', '=', 'queued')
    .returningAll()
    .execute();
}

/** Marks the messages sent in one statement, each with the gateway of its channel. */
export async function markSent(db: Kysely<DB>, ids: readonly number[], gateways: Record<NotificationRow['channel'], string>): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('notifications')
    .set((eb) => ({
      status: 'sent',
      sent_at: new Date(),
      last_error: null,
      gateway: eb.case().when('channel', '=', 'sms').then(gateways.sms).else(gateways.email).end(),
    }))
    .where('id', 'in', [...ids])
    .execute();
}

export interface FailedAttempt {
  id: number;
  error: string;
  /** the last attempt: the message is kept as failed */
  final: boolean;
}

/** Records failed attempts: one statement for each distinct reason (a gateway that is down gives them all one). */
export async function markAttemptsFailed(db: Kysely<DB>, attempts: readonly FailedAttempt[]): Promise<void> {
  const alike = new Map<string, { error: string; final: boolean; ids: number[] }>();
  for (const attempt of attempts) {
    const error = attempt.error.slice(0, 500);
    const key = JSON.stringify([error, attempt.final]);
    const group = alike.get(key) ?? { error, final: attempt.final, ids: [] };
    group.ids.push(attempt.id);
    alike.set(key, group);
  }
  for (const { error, final, ids } of alike.values()) {
    await db
      .updateTable('notifications')
      .set({ last_error: error, ...(final ? { status: 'failed' as const } : {}) })
      .where('id', 'in', ids)
      .execute();
  }
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
