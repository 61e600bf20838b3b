// The audit_log table: append a row, read the chain's last hash, read the log in id order a
// batch at a time, and list rows for people to read. Nothing here updates or deletes a row.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../core/db/schema.ts';
import type { AuditChainRow, AuditContent } from './audit-chain.ts';

export type AuditRow = AuditChainRow;

const COLUMNS = [
  'id',
  'at',
  'actor_user_id',
  'actor_label',
  'ip',
  'action',
  'office_id',
  'subject_type',
  'subject_id',
  'before',
  'after',
  'prev_hash',
  'hash',
] as const;

/** The last row's id and hash: what the next row is chained to. */
export async function findLastAuditLink(trx: Transaction<DB>): Promise<{ id: number; hash: string } | undefined> {
  return trx.selectFrom('audit_log').select(['id', 'hash']).orderBy('id', 'desc').limit(1).executeTakeFirst();
}

const jsonText = (value: unknown) => (value === null ? null : JSON.stringify(value));

export async function insertAuditRow(trx: Transaction<DB>, row: AuditContent & { prev_hash: string; hash: string }): Promise<number> {
  const inserted = await trx
    .insertInto('audit_log')
    .values({ ...row, before: jsonText(row.before), after: jsonText(row.after) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

/** Up to `limit` rows with an id above `afterId`, in id order: one step through the whole log. */
export async function readAuditBatch(db: Kysely<DB>, afterId: number, limit: number): Promise<AuditRow[]> {
  return db.selectFrom('audit_log').select(COLUMNS).where('id', '>', afterId).orderBy('id').limit(limit).execute();
}

export interface AuditListQuery {
  officeId?: number | null | undefined;
  action?: string | undefined;
  /** only rows older than this id (the last id of the page before), for paging back */
  before?: number | undefined;
  limit: number;
}

/** Newest first. */
export async function selectAuditRows(db: Kysely<DB>, query: AuditListQuery): Promise<AuditRow[]> {
  let select = db.selectFrom('audit_log').select(COLUMNS);
  if (query.officeId !== undefined && query.officeId !== null) select = select.where('office_id', '=', query.officeId);
  if (query.action !== undefined) select = select.where('action', '=', query.action);
  if (query.before !== undefined) select = select.where('id', '<', query.before);
  return select.orderBy('id', 'desc').limit(query.limit).execute();
}
