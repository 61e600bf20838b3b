// Service requests and their events in the database. The rules live in request-service.ts.
import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB, ServiceRequests } from '../core/db/schema.ts';
import type { RequestAction, RequestStatus } from './request-states.ts';

export type RequestRow = Selectable<ServiceRequests>;
export type Channel = RequestRow['channel'];
export const CHANNELS: readonly Channel[] = ['online', 'in_person', 'phone', 'email', 'letter', 'rti_form', 'api'];

export interface SequenceWanted {
  officeId: number;
  year: number;
  /** how many numbers */
  count: number;
}

/**
 * The next `count` numbers of each office's year, in one statement, by `${officeId}:${year}`. The
 * upsert's row lock orders concurrent requests; a rollback gives the numbers back.
 * The rows are locked in one order (office, year), so two batches never wait on each other in a circle.
 */
export async function nextSequences(db: Kysely<DB>, wanted: readonly SequenceWanted[]): Promise<Map<string, number[]>> {
  const sorted = [...wanted].sort((a, b) => a.officeId - b.officeId || a.year - b.year);
  if (sorted.length === 0) return new Map();
  const { rows } = await sql<{ office_id: number; year: number; last_value: number }>`
    insert into request_sequences (office_id, year, last_value)
    select office_id, year, count from unnest(${sorted.map((w) => w.officeId)}::int[], ${sorted.map((w) => w.year)}::int[], ${sorted.map((w) => w.count)}::int[]) as wanted(office_id, year, count)
    order by office_id, year
    on conflict (office_id, year) do update set last_value = request_sequences.last_value + excluded.last_value
    returning office_id, year, last_value`.execute(db);
  const numbers = new Map<string, number[]>();
  for (const row of rows) {
    const key = `${row.office_id}:${row.year}`;
    const count = wanted.find((w) => `${w.officeId}:${w.year}` === key)?.count ?? 0;
    numbers.set(key, Array.from({ length: count }, (_, index) => Number(row.last_value) - count + 1 + index));
  }
  return numbers;
}

export type NewRequestRow = Omit<RequestRow, 'id' | 'status' | 'due_at' | 'closed_at' | 'on_time' | 'rejection_reason' | 'transferred_to' | 'updated_at' | 'assigned_user_id' | 'details'> & {
  details: string;
};

/** Several requests in one insert, returned in the order given. */
export async function insertRequests(db: Kysely<DB>, rows: readonly NewRequestRow[]): Promise<RequestRow[]> {
  if (rows.length === 0) return [];
  const inserted = await db.insertInto('service_requests').values([...rows]).returningAll().execute();
  const byNumber = new Map(inserted.map((row) => [row.tracking_number, row]));
  return rows.map((row) => {
    const stored = byNumber.get(row.tracking_number);
    if (!stored) throw new Error(`request ${row.tracking_number} was not stored`);
    return stored;
  });
}

export interface NewEvent {
  requestId: number;
  at: Date;
  /** reminded: the officer was sent the due-date reminder (reminders.ts); rated: the citizen rated the service (rating.ts) */
  action: RequestAction | 'received' | 'reminded' | 'rated' | 'attach';
  public: boolean;
  statusAfter: RequestStatus;
  actorUserId: number | null;
  actorLabel: string;
  note: string | null;
}

export async function insertEvent(db: Kysely<DB>, event: NewEvent): Promise<void> {
  await insertEvents(db, [event]);
}

export async function insertEvents(db: Kysely<DB>, events: readonly NewEvent[]): Promise<void> {
  if (events.length === 0) return;
  await db
    .insertInto('request_events')
    .values(
      events.map((event) => ({
        request_id: event.requestId,
        at: event.at,
        action: event.action,
        public: event.public,
        status_after: event.statusAfter,
        actor_user_id: event.actorUserId,
        actor_label: event.actorLabel,
        note: event.note,
      })),
    )
    .execute();
}

/** The request with this tracking number in this office, locked for a change when `forUpdate`. */
export async function findOfficeRequest(db: Kysely<DB>, officeId: number, trackingNumber: string, options: { forUpdate?: boolean } = {}) {
  let query = db.selectFrom('service_requests').selectAll().where('office_id', '=', officeId).where('tracking_number', '=', trackingNumber);
  if (options.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** The request an online form with this one-time key already made, in this office. */
export async function findSubmitted(db: Kysely<DB>, officeId: number, submissionKey: string) {
  return db.selectFrom('service_requests').selectAll().where('submission_key', '=', submissionKey).where('office_id', '=', officeId).executeTakeFirst();
}

/** The requests online forms with these one-time keys already made, by `${officeId}:${key}`. */
export async function findSubmittedMany(db: Kysely<DB>, forms: readonly { officeId: number; submissionKey: string }[]): Promise<Map<string, RequestRow>> {
  if (forms.length === 0) return new Map();
  const rows = await db
    .selectFrom('service_requests')
    .selectAll()
    // each pair on its own, so that each is one look in the (office_id, submission_key) index
    .where((eb) => eb.or(forms.map((form) => eb.and([eb('office_id', '=', form.officeId), eb('submission_key', '=', form.submissionKey)]))))
    .execute();
  const wanted = new Set(forms.map((form) => `${form.officeId}:${form.submissionKey}`));
  return new Map(rows.flatMap((row) => (wanted.has(`${row.office_id}:${row.submission_key}`) ? [[`${row.office_id}:${row.submission_key}`, row] as const] : [])));
}

export type RequestChanges = Partial<Pick<RequestRow, 'status' | 'closed_at' | 'on_time' | 'rejection_reason' | 'assigned_user_id' | 'transferred_to'>>;

export async function updateRequest(db: Kysely<DB>, id: number, changes: RequestChanges): Promise<RequestRow> {
  return db
    .updateTable('service_requests')
    .set({ ...changes, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function listEvents(db: Kysely<DB>, requestId: number, options: { publicOnly: boolean }) {
  let query = db.selectFrom('request_events').selectAll().where('request_id', '=', requestId).orderBy('id');
  if (options.publicOnly) query = query.where('public', '=', true);
  return query.execute();
}

export const QUEUE_VIEWS = ['open', 'mine', 'overdue', 'due_today', 'returned', 'no_limit', 'closed'] as const;
export type QueueView = (typeof QUEUE_VIEWS)[number];

export interface QueueQuery {
  officeId: number;
  view: QueueView;
  /** the signed-in user, for "mine" */
  userId: number | null;
  now: Date;
  /** the end of today in Dhaka (dhaka-clock.ts endOfDhakaDay), for "due today" */
  endOfToday: Date;
  limit: number;
  offset: number;
}

export type QueueRow = Pick<
  RequestRow,
  'id' | 'tracking_number' | 'service_code' | 'service_name_bn' | 'service_name_en' | 'channel' | 'received_at' | 'citizen_name' | 'status' | 'assigned_user_id' | 'due_at' | 'closed_at' | 'on_time'
>;

const QUEUE_COLUMNS = [
  'id',
  'tracking_number',
  'service_code',
  'service_name_bn',
  'service_name_en',
  'channel',
  'received_at',
  'citizen_name',
  'status',
  'assigned_user_id',
  'due_at',
  'closed_at',
  'on_time',
] as const;

const CLOSED: RequestStatus[] = ['delivered', 'rejected', 'transferred'];
// the statuses written out, not bound, so the planner matches the partial indexes' predicates
const closedList = sql.join(CLOSED.map((status) => sql.lit(status)));
const isClosed = sql<boolean>`status in (${closedList})`;
const isOpen = sql<boolean>`status not in (${closedList})`;

type QueueFilter = Pick<QueueQuery, 'officeId' | 'view' | 'userId' | 'now' | 'endOfToday'>;

/** The office's requests in one tab of the queue, each tab on a partial index of its own. */
function inView(db: Kysely<DB>, filter: QueueFilter) {
  const select = db.selectFrom('service_requests').where('office_id', '=', filter.officeId);
  if (filter.view === 'closed') return select.where(isClosed);
  const open = select.where(isOpen);
  switch (filter.view) {
    case 'mine':
      return open.where('assigned_user_id', '=', filter.userId ?? -1);
    case 'overdue':
      return open.where('due_at', '<', filter.now).where('status', '!=', 'returned');
    case 'due_today':
      return open.where('due_at', '>=', filter.now).where('due_at', '<=', filter.endOfToday);
    case 'returned':
      return open.where('status', '=', 'returned');
    case 'no_limit':
      return open.where('has_time_limit', '=', false);
    default:
      return open;
  }
}

/**
 * One page of the office's queue. Open views sort by due moment (no fixed limit last) on the
 * partial index of open requests; closed requests newest first on theirs. One row more than the
 * page is asked for, so the caller knows whether there is a next page without counting.
 */
export async function listQueue(db: Kysely<DB>, query: QueueQuery): Promise<QueueRow[]> {
  const select = inView(db, query).select(QUEUE_COLUMNS);
  const sorted =
    query.view === 'closed'
      ? select.orderBy('closed_at', 'desc').orderBy('id', 'desc')
      : // neither returned nor no-limit requests have a due moment (a returned request's clock is stopped): oldest first
        query.view === 'returned' || query.view === 'no_limit'
        ? select.orderBy('id')
        : select.orderBy(sql`due_at nulls last`).orderBy('id');
  return sorted
    .limit(query.limit + 1)
    .offset(query.offset)
    .execute();
}

/** Tab counts stop here: an office with 50,000 open requests shows "1000+", read from an index in bounded time. */
export const QUEUE_COUNT_CAP = 1000;

/**
 * How many of the office's requests each tab of the queue holds, up to QUEUE_COUNT_CAP + 1 (which
 * means "more than the cap"): each tab counts at most that many rows of its own index, in one
 * statement, so the count costs the same in a small office and in the busiest.
 */
export async function countQueue(db: Kysely<DB>, officeId: number, now: Date, endOfToday: Date, userId: number | null): Promise<Record<QueueView, number>> {
  const capped = (view: QueueView) => {
    const rows = inView(db, { officeId, view, userId, now, endOfToday }).select(sql`1`.as('one')).limit(QUEUE_COUNT_CAP + 1);
    return sql<string>`(select count(*) from (${rows}) as tab)`.as(view);
  };
  const row = await db
    .selectNoFrom(QUEUE_VIEWS.map(capped))
    .executeTakeFirstOrThrow();
  return Object.fromEntries(QUEUE_VIEWS.map((view) => [view, Number(row[view])])) as Record<QueueView, number>;
}
