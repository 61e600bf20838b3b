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
  const [allowed] = await countOnlineSubmissions(trx, [{ ip, mobile }]);
  if (!allowed) throw new RequestsError('too_many_applications');
}

export interface OnlineApplication {
  ip: string;
  mobile: string;
}

/**
 * Counts a batch of applications in the receipts' transaction, in order: whether each is within
 * the limits, counting those before it in the batch. The refused ones count nothing.
 */
export async function countOnlineSubmissions(trx: Kysely<DB>, applications: readonly OnlineApplication[]): Promise<boolean[]> {
  if (applications.length === 0) return [];
  const now = new Date();
  const addresses = applications.map((application) => guessingAddress(application.ip));
  // one application at a time per address, across instances, so a burst cannot slip past the
  // count; a batch takes its addresses' locks in one order (that of the keys), so that two
  // batches never wait on each other in a circle
  await sql`
    select pg_advisory_xact_lock(${SUBMISSION_LOCK}, key)
    from (select distinct hashtext(address) as key from unnest(${[...new Set(addresses)]}::text[]) as address order by key offset 0) as keys`.execute(trx);
  const windowStart = (windowMs: number) => new Date(now.getTime() - windowMs);
  // counted after the locks, so that the count sees every application the locks' last holders wrote
  const { rows } = await sql<{ kind: 'address' | 'mobile'; key: string; n: number | string }>`
    select 'address' as kind, ip as key, count(*) as n from online_submissions
      where ip = any(${addresses}::text[]) and at > ${windowStart(ONLINE_LIMITS.perAddress.windowMs)} group by ip
    union all
    select 'mobile', mobile, count(*) from online_submissions
      where mobile = any(${applications.map((application) => application.mobile)}::text[]) and at > ${windowStart(ONLINE_LIMITS.perMobile.windowMs)} group by mobile`.execute(trx);
  const counts = new Map(rows.map((row) => [`${row.kind}:${row.key}`, Number(row.n)]));
  const countOf = (key: string) => counts.get(key) ?? 0;
  const allowed = applications.map((application, index) => {
    const address = `address:${addresses[index] ?? ''}`;
    const mobile = `mobile:${application.mobile}`;
    if (countOf(address) >= ONLINE_LIMITS.perAddress.count || countOf(mobile) >= ONLINE_LIMITS.perMobile.count) return false;
    counts.set(address, countOf(address) + 1);
    counts.set(mobile, countOf(mobile) + 1);
    return true;
  });
  const counted = applications.flatMap((application, index) => (allowed[index] ? [{ ip: addresses[index] ?? '', mobile: application.mobile }] : []));
  if (counted.length === 0) return allowed;
  const inserted = await sql<{ id: number | string }>`
    insert into online_submissions (ip, mobile, at)
    select ip, mobile, ${now}::timestamptz from unnest(${counted.map((row) => row.ip)}::text[], ${counted.map((row) => row.mobile)}::text[]) as application(ip, mobile)
    returning id`.execute(trx);
  // housekeeping in passing, so no timer is needed on any instance; one application in
  // HOUSEKEEPING_EVERY does it, so the rest take no part in the delete
  if (inserted.rows.some((row) => Number(row.id) % HOUSEKEEPING_EVERY === 0)) {
    await trx.deleteFrom('online_submissions').where('at', '<', new Date(now.getTime() - 2 * ONLINE_LIMITS.perMobile.windowMs)).execute();
  }
  return allowed;
}
