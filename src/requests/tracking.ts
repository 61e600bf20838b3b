// The citizen's side: a request found by its tracking number and the last four digits of the
// mobile number it was made with. Only the request's progress is shown, nothing of the citizen.
import { sql, type Kysely } from 'kysely';
import { toAsciiDigits } from '../core/format.ts';
import { PREPARED } from '../core/db/prepared-statements.ts';
import type { DB } from '../core/db/schema.ts';
import { RequestsError } from './errors.ts';
import { keptOfficeNames, type OfficeNames } from '../offices/index.ts';
import type { FollowUp } from './follow-up.ts';
import { parseTrackingNumber } from './tracking-number.ts';

/**
 * Wrong guesses allowed in the window: from one address (generous, since many phones share one
 * address behind their carrier), and at one tracking number from anywhere (numbers run in order,
 * so it is the number that must not be paired with its digits by trying them all).
 */
/** The advisory lock's first key: tracking guesses (the second is the address's hash). */
const TRACKING_LOCK = 261_115;

export const TRACKING_GUESSES = { perAddress: 30, perNumber: 10, windowMs: 15 * 60_000 } as const;

/** The address a guess is counted against: an IPv6 address by its /64, the block one subscriber holds. */
export function guessingAddress(ip: string): string {
  if (!ip.includes(':') || ip.startsWith('::ffff:')) return ip.replace(/^::ffff:/, '');
  const [head = '', tail = ''] = ip.split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const groups = ip.includes('::') ? [...headGroups, ...Array<string>(8 - headGroups.length - tailGroups.length).fill('0'), ...tailGroups] : headGroups;
  return `${groups.slice(0, 4).map((group) => group.toLowerCase().replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

export interface TrackingQuery {
  trackingNumber: string;
  mobileLast4: string;
  ip: string;
}

export interface TrackedRequest {
  trackingNumber: string;
  officeId: number;
  serviceCode: string;
  serviceNameBn: string;
  serviceNameEn: string | null;
  status: string;
  receivedAt: Date;
  dueAt: Date | null;
  hasTimeLimit: boolean;
  closedAt: Date | null;
  onTime: boolean | null;
  events: { at: Date; action: string; statusAfter: string; note: string | null }[];
  /** the office's address and names */
  office: OfficeNames;
  /** the office and number it was transferred to or from, and the citizen's rating */
  followUp: FollowUp;
}

/** Everything a tracking answer needs, read in one statement; the request's columns are null when no request has the number. */
interface Lookup {
  by_address: number;
  by_number: number;
  id: number | null;
  tracking_number: string | null;
  office_id: number | null;
  service_code: string | null;
  service_name_bn: string | null;
  service_name_en: string | null;
  status: string | null;
  received_at: Date | null;
  due_at: Date | null;
  has_time_limit: boolean | null;
  closed_at: Date | null;
  on_time: boolean | null;
  citizen_mobile: string | null;
  events: { at: string; action: string; status_after: string; note: string | null }[];
  rating: { rating: number; comment: string | null; at: string } | null;
  to_number: string | null;
  to_office: number | null;
  from_number: string | null;
  from_office: number | null;
}

/**
 * The guesses counted against the address and the number, and the request with its public
 * history, rating and transfers, in one round trip: a right guess costs one statement (the
 * offices' names are kept a minute), which is what lets tracking keep up with a crowd of citizens.
 */
async function lookUp(db: Kysely<DB>, trackingNumber: string, address: string, since: Date): Promise<Lookup> {
  const { rows } = await sql<Lookup>`${PREPARED}
    select
      (select count(*) from tracking_failures where ip = ${address} and at > ${since}) as by_address,
      (select count(*) from tracking_failures where tracking_number = ${trackingNumber} and at > ${since}) as by_number,
      r.id, r.tracking_number, r.office_id, r.service_code, r.service_name_bn, r.service_name_en, r.status, r.received_at,
      r.due_at, r.has_time_limit, r.closed_at, r.on_time, r.citizen_mobile,
      coalesce((select json_agg(json_build_object('at', e.at, 'action', e.action, 'status_after', e.status_after, 'note', e.note) order by e.id)
                from request_events e where e.request_id = r.id and e.public), '[]'::json) as events,
      (select json_build_object('rating', g.rating, 'comment', g.comment, 'at', g.at) from request_ratings g where g.request_id = r.id) as rating,
      transferred_to.tracking_number as to_number, transferred_to.office_id as to_office,
      transferred_from.tracking_number as from_number, transferred_from.office_id as from_office
    from (select 1) as one
    left join service_requests r on r.tracking_number = ${trackingNumber}
    left join service_requests transferred_to on transferred_to.id = r.transferred_to
    left join service_requests transferred_from on transferred_from.id = r.transferred_from`.execute(db);
  const row = rows[0];
  if (!row) throw new Error('the tracking lookup gave no row');
  return row;
}

/**
 * A wrong guess, counted under the address's lock (one guess at a time per address, across
 * instances, so a burst cannot slip past the count), or refused when the limit is reached.
 */
async function countWrongGuess(db: Kysely<DB>, trackingNumber: string, address: string, now: Date): Promise<void> {
  const since = new Date(now.getTime() - TRACKING_GUESSES.windowMs);
  await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${TRACKING_LOCK}, hashtext(${address}))`.execute(trx);
    const { rows } = await sql<{ by_address: number; by_number: number }>`
      select (select count(*) from tracking_failures where ip = ${address} and at > ${since}) as by_address,
             (select count(*) from tracking_failures where tracking_number = ${trackingNumber} and at > ${since}) as by_number`.execute(trx);
    if (overLimit(rows[0])) throw new RequestsError('too_many_tracking_attempts');
    await trx.insertInto('tracking_failures').values({ ip: address, tracking_number: trackingNumber, at: now }).execute();
  });
  // housekeeping in passing, so no timer is needed on any instance
  await db.deleteFrom('tracking_failures').where('at', '<', new Date(now.getTime() - 24 * 3600_000)).execute();
}

const overLimit = (counts: { by_address: number; by_number: number } | undefined) =>
  counts !== undefined && (Number(counts.by_address) >= TRACKING_GUESSES.perAddress || Number(counts.by_number) >= TRACKING_GUESSES.perNumber);

const linked = (number: string | null, officeId: number | null, offices: Map<number, OfficeNames>) => {
  const office = officeId === null ? undefined : offices.get(officeId);
  return number !== null && office ? { trackingNumber: number, office } : null;
};

/**
 * The request, when the number and the digits belong together. A wrong number and wrong digits
 * get the same answer, and both count against the address and the number; once either has had
 * its wrong guesses, every guess waits, right or wrong, so the answer tells nothing.
 */
export async function trackRequest(db: Kysely<DB>, query: TrackingQuery): Promise<TrackedRequest> {
  const parsed = parseTrackingNumber(query.trackingNumber);
  if (!parsed.ok) throw new RequestsError('invalid_tracking_number', parsed.reason, 'tracking_number');
  const address = guessingAddress(query.ip);
  const digits = toAsciiDigits(query.mobileLast4.trim());
  const now = new Date();
  const found = await lookUp(db, parsed.text, address, new Date(now.getTime() - TRACKING_GUESSES.windowMs));
  if (overLimit(found)) throw new RequestsError('too_many_tracking_attempts');
  const right = found.id !== null && /^\d{4}$/.test(digits) && found.citizen_mobile?.slice(-4) === digits;
  if (!right || found.office_id === null || found.tracking_number === null || found.status === null || found.received_at === null) {
    await countWrongGuess(db, parsed.text, address, now);
    throw new RequestsError('tracking_not_found', undefined, 'tracking_number');
  }
  const offices = await keptOfficeNames(db, [found.office_id, ...(found.to_office === null ? [] : [found.to_office]), ...(found.from_office === null ? [] : [found.from_office])]);
  const office = offices.get(found.office_id);
  if (!office) throw new Error(`request of a missing office ${found.office_id}`);
  return {
    trackingNumber: found.tracking_number,
    officeId: found.office_id,
    office,
    serviceCode: found.service_code ?? '',
    serviceNameBn: found.service_name_bn ?? '',
    serviceNameEn: found.service_name_en,
    status: found.status,
    receivedAt: found.received_at,
    dueAt: found.due_at,
    hasTimeLimit: found.has_time_limit ?? false,
    closedAt: found.closed_at,
    onTime: found.on_time,
    events: found.events.map((event) => ({ at: new Date(event.at), action: event.action, statusAfter: event.status_after, note: event.note })),
    followUp: {
      transferredTo: linked(found.to_number, found.to_office, offices),
      transferredFrom: linked(found.from_number, found.from_office, offices),
      rating: found.rating ? { rating: found.rating.rating, comment: found.rating.comment, at: new Date(found.rating.at) } : null,
    },
  };
}
