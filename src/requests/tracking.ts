// The citizen's side: a request found by its tracking number and the last four digits of the
// mobile number it was made with. Only the request's progress is shown, nothing of the citizen.
import type { Kysely } from 'kysely';
import { toAsciiDigits } from '../core/format.ts';
import type { DB } from '../core/db/schema.ts';
import { RequestsError } from './errors.ts';
import { findRequestByTrackingNumber, listEvents } from './repository.ts';
import { parseTrackingNumber } from './tracking-number.ts';

/** Wrong guesses an address may make in the window before it must wait. */
export const TRACKING_GUESSES = { limit: 10, windowMs: 15 * 60_000 } as const;

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
}

async function recentFailures(db: Kysely<DB>, ip: string, now: Date): Promise<number> {
  const row = await db
    .selectFrom('tracking_failures')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('ip', '=', ip)
    .where('at', '>', new Date(now.getTime() - TRACKING_GUESSES.windowMs))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * The request, when the number and the digits belong together. A wrong number and wrong digits
 * get the same answer, and both count against the address.
 */
export async function trackRequest(db: Kysely<DB>, query: TrackingQuery): Promise<TrackedRequest> {
  const now = new Date();
  if ((await recentFailures(db, query.ip, now)) >= TRACKING_GUESSES.limit) throw new RequestsError('too_many_tracking_attempts');
  const parsed = parseTrackingNumber(query.trackingNumber);
  if (!parsed.ok) throw new RequestsError('invalid_tracking_number', parsed.reason, 'tracking_number');
  const digits = toAsciiDigits(query.mobileLast4.trim());
  const request = await findRequestByTrackingNumber(db, parsed.text);
  if (!request || !/^\d{4}$/.test(digits) || request.citizen_mobile?.slice(-4) !== digits) {
    await db.insertInto('tracking_failures').values({ ip: query.ip, at: now }).execute();
    // housekeeping in passing, so no timer is needed on any instance
    await db.deleteFrom('tracking_failures').where('at', '<', new Date(now.getTime() - 24 * 3600_000)).execute();
    throw new RequestsError('tracking_not_found', undefined, 'tracking_number');
  }
  const events = await listEvents(db, request.id, { publicOnly: true });
  return {
    trackingNumber: request.tracking_number,
    officeId: request.office_id,
    serviceCode: request.service_code,
    serviceNameBn: request.service_name_bn,
    serviceNameEn: request.service_name_en,
    status: request.status,
    receivedAt: request.received_at,
    dueAt: request.due_at,
    hasTimeLimit: request.has_time_limit,
    closedAt: request.closed_at,
    onTime: request.on_time,
    events: events.map((event) => ({ at: event.at, action: event.action, statusAfter: event.status_after, note: event.note })),
  };
}
