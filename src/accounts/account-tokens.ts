// Single-use tokens sent by mail (invitations, password resets). The secret goes into the link;
// the database keeps its SHA-256 only, and a token is spent by one atomic update.
import { createHash, randomBytes } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../core/db/schema.ts';

type Executor = Kysely<DB> | Transaction<DB>;
export type TokenPurpose = 'invite' | 'reset';

export const TOKEN_LIFETIME_MS: Record<TokenPurpose, number> = {
  invite: 7 * 24 * 3600_000,
  reset: 3600_000,
};

const digest = (secret: string) => createHash('sha256').update(secret).digest('hex');
// what a link may carry: refused before the database is asked
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** A new token for the user; earlier unused ones of the same purpose stop working. */
export async function createAccountToken(db: Executor, userId: number, purpose: TokenPurpose): Promise<string> {
  const secret = randomBytes(32).toString('base64url');
  await db.deleteFrom('account_tokens').where('user_id', '=', userId).where('purpose', '=', purpose).where('used_at', 'is', null).execute();
  await db
    .insertInto('account_tokens')
    .values({ user_id: userId, purpose, token_hash: digest(secret), expires_at: new Date(Date.now() + TOKEN_LIFETIME_MS[purpose]) })
    .execute();
  return secret;
}

export type TokenState = { state: 'usable'; userId: number } | { state: 'used' } | { state: 'expired' } | { state: 'unknown' };

/** What a link's token is, without spending it (for the form it opens). */
export async function inspectAccountToken(db: Executor, secret: string, purpose: TokenPurpose): Promise<TokenState> {
  if (!TOKEN_SHAPE.test(secret)) return { state: 'unknown' };
  const row = await db
    .selectFrom('account_tokens')
    .select(['user_id', 'used_at', sql<boolean>`expires_at <= now()`.as('expired')])
    .where('token_hash', '=', digest(secret))
    .where('purpose', '=', purpose)
    .executeTakeFirst();
  if (!row) return { state: 'unknown' };
  if (row.used_at !== null) return { state: 'used' };
  if (row.expired) return { state: 'expired' };
  return { state: 'usable', userId: row.user_id };
}

/** Spends the token: the user's id once, undefined for a used, expired or unknown token (even when two requests race). */
export async function spendAccountToken(db: Executor, secret: string, purpose: TokenPurpose): Promise<number | undefined> {
  if (!TOKEN_SHAPE.test(secret)) return undefined;
  const row = await db
    .updateTable('account_tokens')
    .set({ used_at: sql<Date>`now()` })
    .where('token_hash', '=', digest(secret))
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .returning('user_id')
    .executeTakeFirst();
  return row?.user_id;
}
