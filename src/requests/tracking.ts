// The citizen's side: a request found by its tracking number and the last four digits of the
// mobile number it was made with. Only the request's progress is shown, nothing of the citizen.
import { sql, type Kysely } from 'kysely';
import { toAsciiDigits } from '../core/format.ts';
import type { DB } from '../core/db/schema.ts';
import { RequestsError } from './errors.ts';
import { findRequestByTrackingNumber, listEvents } from './repository.ts';
import { loadFollowUp, type FollowUp } from './follow-up.ts';
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
  /** the office and number it was transferred to or from, and the citizen's rating */
  followUp: FollowUp;
}

async function recentFailures(db: Kysely<DB>, column: 'ip' | 'tracking_number', value: string, now: Date): Promise<number> {
  const row = await db
    .selectFrom('tracking_failures')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(column, '=', value)
    .where('at', '>', new Date(now.getTime() - TRACKING_GUESSES.windowMs))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * The request, when the number and the digits belong together. A wrong number and wrong digits
 * get the same answer, and both count against the address.
 */
export async function trackRequest(db: Kysely<DB>, query: TrackingQuery): Promise<TrackedRequest> {
  const parsed = parseTrackingNumber(query.trackingNumber);
  if (!parsed.ok) throw new RequestsError('invalid_tracking_number', parsed.reason, 'tracking_number');
  const address = guessingAddress(query.ip);
  const digits = toAsciiDigits(query.mobileLast4.trim());
  const now = new Date();
  const found = await db.transaction().execute(async (trx) => {
    // one guess at a time per address, across instances: a burst cannot slip past the count
    await sql`select pg_advisory_xact_lock(${TRACKING_LOCK}, hashtext(${address}))`.execute(trx);
    if (
      (await recentFailures(trx, 'ip', address, now)) >= TRACKING_GUESSES.perAddress ||
      (await recentFailures(trx, 'tracking_number', parsed.text, now)) >= TRACKING_GUESSES.perNumber
    ) {
      throw new RequestsError('too_many_tracking_attempts');
    }
    const request = await findRequestByTrackingNumber(trx, parsed.text);
    if (request && /^\d{4}$/.test(digits) && request.citizen_mobile?.slice(-4) === digits) return request;
    await trx.insertInto('tracking_failures').values({ ip: address, tracking_number: parsed.text, at: now }).execute();
    return undefined;
  });
  if (!found) {
    // housekeeping in passing, so no timer is needed on any instance
    await db.deleteFrom('tracking_failures').where('at', '<', new Date(now.getTime() - 24 * 3600_000)).execute();
    throw new RequestsError('tracking_not_found', undefined, 'tracking_number');
  }
  const events = await listEvents(db, found.id, { publicOnly: true });
  return {
    trackingNumber: found.tracking_number,
    officeId: found.office_id,
    serviceCode: found.service_code,
    serviceNameBn: found.service_name_bn,
    serviceNameEn: found.service_name_en,
    status: found.status,
    receivedAt: found.received_at,
    dueAt: found.due_at,
    hasTimeLimit: found.has_time_limit,
    closedAt: found.closed_at,
    onTime: found.on_time,
    events: events.map((event) => ({ at: event.at, action: event.action, statusAfter: event.status_after, note: event.note })),
    followUp: await loadFollowUp(db, found),
  };
}
