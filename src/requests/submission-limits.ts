// How many online applications one address, and one mobile number, may make: each sends an SMS
// at the office's cost, so a script must not file them without end, nor fill someone else's phone.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../core/db/schema.ts';
import { RequestsError } from './errors.ts';
import { guessingAddress } from './tracking.ts';

export const ONLINE_LIMITS = {
  /** many phones share one carrier address: generous per address */
  perAddress: { count: 20, windowMs: 3600_000 },
  perMobile: { count: 5, windowMs: 24 * 3600_000 },
} as const;

const HOUSEKEEPING_EVERY = 50;

// the advisory lock's first key; the second is the address's hash
const SUBMISSION_LOCK = 261_116;

/** Counts this application in the receipt's transaction (so a refused or failed one counts nothing), or refuses it. */
export async function countOnlineSubmission(trx: Kysely<DB>, ip: string, mobile: string): Promise<void> {
  const address = guessingAddress(ip);
  const now = new Date();
  // one application at a time per address, across instances: a burst cannot slip past the count
  await sql`select pg_advisory_xact_lock(${SUBMISSION_LOCK}, hashtext(${address}))`.execute(trx);
  const windowStart = (windowMs: number) => new Date(now.getTime() - windowMs);
  // counted and written in one statement, run after the lock so that it sees every application
  // the lock's last holder wrote
  const { rows } = await sql<{ id: number | string }>`
    insert into online_submissions (ip, mobile, at)
    select ${address}, ${mobile}, ${now}::timestamptz
    where (select count(*) from online_submissions where ip = ${address} and at > ${windowStart(ONLINE_LIMITS.perAddress.windowMs)}) < ${ONLINE_LIMITS.perAddress.count}
      and (select count(*) from online_submissions where mobile = ${mobile} and at > ${windowStart(ONLINE_LIMITS.perMobile.windowMs)}) < ${ONLINE_LIMITS.perMobile.count}
    returning id`.execute(trx);
  const id = rows[0]?.id;
  if (id === undefined) throw new RequestsError('too_many_applications');
  // housekeeping in passing, so no timer is needed on any instance; one application in
  // HOUSEKEEPING_EVERY does it, so the rest take no part in the delete
  if (Number(id) % HOUSEKEEPING_EVERY === 0) await trx.deleteFrom('online_submissions').where('at', '<', new Date(now.getTime() - 2 * ONLINE_LIMITS.perMobile.windowMs)).execute();
}
