// An office's requests as outside systems read them (Open311): listed by service, open or
// closed, and time of receipt, or found by tracking number; each with the note of its latest
// public event, the one thing staff wrote that the citizen was meant to see.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../core/db/schema.ts';
import type { RequestRow } from './repository.ts';
import { CLOSED_STATUSES, isOpen } from './request-states.ts';

export interface OpenListingQuery {
  officeId: number;
  /** any of these services; empty or absent: every service */
  serviceCodes?: readonly string[] | undefined;
  /** only open (submitted, accepted, returned, in progress) or only closed requests; absent: both */
  state?: 'open' | 'closed' | undefined;
  /** received at or after */
  receivedFrom: Date;
  /** received at or before */
  receivedTo: Date;
  limit: number;
}

export type ListedRequest = RequestRow & {
  isOpen: boolean;
  /** the note of the latest public event (what was missing, the reason for refusal); null when it had none */
  publicNote: string | null;
};

const closedList = sql.join(CLOSED_STATUSES.map((status) => sql.lit(status)));

async function withPublicNotes(db: Kysely<DB>, requests: RequestRow[]): Promise<ListedRequest[]> {
  if (requests.length === 0) return [];
  const latest = await db
    .selectFrom('request_events')
    .distinctOn('request_id')
    .select(['request_id', 'note'])
    .where(
      'request_id',
      'in',
      requests.map((request) => request.id),
    )
    .where('public', '=', true)
    .orderBy('request_id')
    .orderBy('id', 'desc')
    .execute();
  const notes = new Map(latest.map((event) => [event.request_id, event.note]));
  return requests.map((request) => ({ ...request, isOpen: isOpen(request.status), publicNote: notes.get(request.id) ?? null }));
}

/** The office's requests received in the window, newest first, at most `limit` of them. */
export async function listOfficeRequests(db: Kysely<DB>, query: OpenListingQuery): Promise<ListedRequest[]> {
  let select = db
    .selectFrom('service_requests')
    .selectAll()
    .where('office_id', '=', query.officeId)
    .where('received_at', '>=', query.receivedFrom)
    .where('received_at', '<=', query.receivedTo);
  if (query.serviceCodes && query.serviceCodes.length > 0) select = select.where('service_code', 'in', [...query.serviceCodes]);
  if (query.state === 'open') select = select.where(sql<boolean>`status not in (${closedList})`);
  if (query.state === 'closed') select = select.where(sql<boolean>`status in (${closedList})`);
  const rows = await select.orderBy('received_at', 'desc').orderBy('id', 'desc').limit(query.limit).execute();
  return withPublicNotes(db, rows);
}

/** The office's request with this tracking number (as formatted); undefined for another office's. */
export async function findOfficeRequestByNumber(db: Kysely<DB>, officeId: number, trackingNumber: string): Promise<ListedRequest | undefined> {
  const row = await db.selectFrom('service_requests').selectAll().where('office_id', '=', officeId).where('tracking_number', '=', trackingNumber).executeTakeFirst();
  return row ? (await withPublicNotes(db, [row]))[0] : undefined;
}
