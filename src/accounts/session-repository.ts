// Sessions (browser sign-ins) and API tokens. Both are random secrets handed to the holder once;
// the database keeps only their SHA-256, so a leaked copy of it signs nobody in.
import { createHash, randomBytes } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../core/db/schema.ts';
import { AccountsError } from './errors.ts';

const digest = (secret: string) => createHash('sha256').update(secret).digest('hex');
const newSecret = (prefix: string) => `${prefix}${randomBytes(32).toString('base64url')}`;

/** The user behind a live session or token. */
export interface Holder {
  userId: number;
  email: string;
  nameBn: string;
  nameEn: string | null;
}

// Writing last_seen on every request would turn each page view into a write.
const TOUCH_AFTER_MS = 60_000;

/** A session still owing a second factor: a code, or enrolment first (REQUIRE_2FA). It signs nobody in. */
export type PendingStep = 'code' | 'enrol';

export async function createSession(
  db: Kysely<DB>,
  userId: number,
  lifetimeMs: number,
  meta: { ip: string | null; userAgent: string | null },
  pendingStep: PendingStep | null = null,
): Promise<string> {
  const secret = newSecret('');
  await db
    .insertInto('sessions')
    .values({
      token_hash: digest(secret),
      user_id: userId,
      expires_at: new Date(Date.now() + lifetimeMs),
      ip: meta.ip,
      user_agent: meta.userAgent?.slice(0, 300) ?? null,
      pending_step: pendingStep,
    })
    .execute();
  return secret;
}

/** The user and step of a live half-signed-in session; it never slides forward. */
export async function findPendingSession(db: Kysely<DB>, secret: string): Promise<{ userId: number; step: PendingStep } | undefined> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['users.id', 'sessions.pending_step'])
    .where('sessions.token_hash', '=', digest(secret))
    .where('sessions.pending_step', 'is not', null)
    .where('sessions.expires_at', '>', sql<Date>`now()`)
    .where('users.status', '=', 'active')
    .executeTakeFirst();
  return row?.pending_step ? { userId: row.id, step: row.pending_step } : undefined;
}

/** The session's holder, sliding its expiry forward; undefined when it is unknown, expired or the user disabled. */
export async function findSessionHolder(db: Kysely<DB>, secret: string, lifetimeMs: number): Promise<Holder | undefined> {
  const tokenHash = digest(secret);
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['users.id', 'users.email', 'users.name_bn', 'users.name_en', 'sessions.last_seen_at'])
    .where('sessions.token_hash', '=', tokenHash)
    .where('sessions.expires_at', '>', sql<Date>`now()`)
    .where('sessions.pending_step', 'is', null)
    .where('users.status', '=', 'active')
    .executeTakeFirst();
  if (!row) return undefined;
  if (Date.now() - new Date(row.last_seen_at).getTime() > TOUCH_AFTER_MS) {
    await db
      .updateTable('sessions')
      .set({ last_seen_at: new Date(), expires_at: new Date(Date.now() + lifetimeMs) })
      .where('token_hash', '=', tokenHash)
      .execute();
  }
  return { userId: row.id, email: row.email, nameBn: row.name_bn, nameEn: row.name_en };
}

export async function deleteSession(db: Kysely<DB>, secret: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', digest(secret)).execute();
}

/** Signs the user out everywhere, e.g. after a password change or when the account is disabled. */
export async function deleteSessionsOf(db: Kysely<DB> | Transaction<DB>, userId: number): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

export async function deleteExpiredSessions(db: Kysely<DB>): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', sql<Date>`now()`).execute();
}

const API_TOKEN_PREFIX = 'pt_';

export interface ApiTokenRow {
  id: number;
  name: string;
  created_at: Date;
  last_used_at: Date | null;
}

/** A new token of the user; with an office, the office's token for integrations, made by the user. */
export async function createApiToken(db: Kysely<DB> | Transaction<DB>, userId: number, name: string, officeId: number | null = null): Promise<{ id: number; token: string }> {
  const token = newSecret(API_TOKEN_PREFIX);
  const row = await db.insertInto('api_tokens').values({ user_id: userId, name, token_hash: digest(token), office_id: officeId }).returning('id').executeTakeFirstOrThrow();
  return { id: row.id, token };
}

/** The holder of a token: its creator, and for an office's token the office it is limited to. */
export interface TokenHolder extends Holder {
  tokenName: string;
  /** null for a personal token, which acts with all its holder's rights */
  officeId: number | null;
}

export async function findTokenHolder(db: Kysely<DB>, token: string): Promise<TokenHolder | undefined> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return undefined;
  const row = await db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select(['users.id', 'users.email', 'users.name_bn', 'users.name_en', 'api_tokens.id as token_id', 'api_tokens.last_used_at', 'api_tokens.name as token_name', 'api_tokens.office_id'])
    .where('api_tokens.token_hash', '=', digest(token))
    .where('api_tokens.revoked_at', 'is', null)
    .where('users.status', '=', 'active')
    .executeTakeFirst();
  if (!row) return undefined;
  if (!row.last_used_at || Date.now() - new Date(row.last_used_at).getTime() > TOUCH_AFTER_MS) {
    await db.updateTable('api_tokens').set({ last_used_at: new Date() }).where('id', '=', row.token_id).execute();
  }
  return { userId: row.id, email: row.email, nameBn: row.name_bn, nameEn: row.name_en, tokenName: row.token_name, officeId: row.office_id };
}

/** The user's personal tokens (an office's tokens are listed on the office's page). */
export function listApiTokens(db: Kysely<DB>, userId: number): Promise<ApiTokenRow[]> {
  return db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'created_at', 'last_used_at'])
    .where('user_id', '=', userId)
    .where('office_id', 'is', null)
    .where('revoked_at', 'is', null)
    .orderBy('id')
    .execute();
}

export async function revokeApiToken(db: Kysely<DB> | Transaction<DB>, userId: number, tokenId: number): Promise<void> {
  const result = await db
    .updateTable('api_tokens')
    .set({ revoked_at: new Date() })
    .where('id', '=', tokenId)
    .where('user_id', '=', userId)
    .where('office_id', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) throw new AccountsError('token_not_found', String(tokenId));
}
