// The letters that open an office's tracking numbers: made once from the office's address on the
// portal (doict-sadar-jessore → DSJ), never changed afterwards.
import { sql, type DialectAdapter, type Kysely } from 'kysely';
import { LRUCache } from 'lru-cache';
import type { DB } from '../core/db/schema.ts';

const MIN = 2;
const MAX = 6;

/** Codes to try, best first: the initials, then the initials with more of the last word, then longer runs. */
export function officeCodeCandidates(slug: string): string[] {
  const words = slug
    .toUpperCase()
    .split(/[^A-Z]+/)
    .filter((word) => word.length > 0);
  if (words.length === 0) return [];
  const initials = words.map((word) => word[0]).join('').slice(0, MAX);
  const last = words[words.length - 1] ?? '';
  const candidates = new Set<string>();
  if (initials.length >= MIN) candidates.add(initials);
  const stem = initials.slice(0, -1);
  for (let take = 2; take <= last.length && stem.length + take <= MAX; take++) candidates.add(stem + last.slice(0, take));
  for (const word of words) for (let take = MIN; take <= Math.min(MAX, word.length); take++) candidates.add(word.slice(0, take));
  return [...candidates].filter((code) => code.length >= MIN && code.length <= MAX);
}

/** Codes made from the office's id, so the search ends however crowded the names are. */
function fallbackCodes(officeId: number): string[] {
  let rest = officeId;
  let letters = '';
  do {
    letters = String.fromCharCode(65 + (rest % 26)) + letters;
    rest = Math.floor(rest / 26);
  } while (rest > 0);
  return ['Q', 'X', 'Z'].map((prefix) => `${prefix}${letters}`.slice(0, MAX));
}

/**
 * Codes already committed, per database (Kysely's adapter, shared by its transactions): a code
 * never changes once made, so it is kept with no expiry and no message between instances. A code
 * made inside a transaction is not kept, since that transaction may still roll back.
 */
const committedCodes = new WeakMap<DialectAdapter, LRUCache<number, string>>();

function codesOf(db: Kysely<DB>): LRUCache<number, string> {
  const database = db.getExecutor().adapter;
  let codes = committedCodes.get(database);
  if (!codes) {
    codes = new LRUCache({ max: 50_000 });
    committedCodes.set(database, codes);
  }
  return codes;
}

/**
 * The office's code, made on its first request. Two first requests at once both try; the
 * primary key lets one win and the other reads the winner's code.
 */
export async function officeCodeOf(db: Kysely<DB>, officeId: number, slug: string): Promise<string> {
  const codes = codesOf(db);
  const kept = codes.get(officeId);
  if (kept) return kept;
  const existing = await db.selectFrom('request_office_codes').select('code').where('office_id', '=', officeId).executeTakeFirst();
  if (existing) {
    codes.set(officeId, existing.code);
    return existing.code;
  }
  for (const code of [...officeCodeCandidates(slug), ...fallbackCodes(officeId)]) {
    await sql`insert into request_office_codes (office_id, code) values (${officeId}, ${code}) on conflict do nothing`.execute(db);
    const row = await db.selectFrom('request_office_codes').select('code').where('office_id', '=', officeId).executeTakeFirst();
    if (row) return row.code;
  }
  throw new Error(`no tracking code could be made for office ${officeId}`);
}
