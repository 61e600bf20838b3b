// An office's API tokens for integrations: made, listed and revoked by those who manage the
// office's users. Such a token acts only for its office and only on its requests (the limit is
// enforced in authorisation.ts); its creator is named with it, and it dies with their account.
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/index.ts';
import type { Actor } from '../core/actor.ts';
import type { DB } from '../core/db/schema.ts';
import { AccountsError } from './errors.ts';
import { createApiToken } from './session-repository.ts';

export interface OfficeApiToken {
  id: number;
  name: string;
  createdByEmail: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** A new token of the office, made by this user; the secret is returned this once and only its digest is kept. */
export async function issueOfficeApiToken(db: Kysely<DB>, actor: Actor, officeId: number, creatorId: number, name: string): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const { id, token } = await createApiToken(trx, creatorId, name, officeId);
    await recordAudit(trx, { actor, action: 'api_token.issue', officeId, subject: { type: 'api_token', id }, before: null, after: { office_id: officeId, name, created_by: creatorId } });
    return token;
  });
}

/** Every token the office has had, revoked ones too, newest first. */
export async function listOfficeApiTokens(db: Kysely<DB>, officeId: number): Promise<OfficeApiToken[]> {
  const rows = await db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select(['api_tokens.id', 'api_tokens.name', 'users.email', 'api_tokens.created_at', 'api_tokens.last_used_at', 'api_tokens.revoked_at'])
    .where('api_tokens.office_id', '=', officeId)
    .orderBy('api_tokens.id', 'desc')
    .execute();
  return rows.map((row) => ({ id: row.id, name: row.name, createdByEmail: row.email, createdAt: row.created_at, lastUsedAt: row.last_used_at, revokedAt: row.revoked_at }));
}

/** One live token of the office; another office's token, or a revoked one, is not found. */
export async function findOfficeApiToken(db: Kysely<DB>, officeId: number, tokenId: number): Promise<OfficeApiToken> {
  const token = (await listOfficeApiTokens(db, officeId)).find((row) => row.id === tokenId && row.revokedAt === null);
  if (!token) throw new AccountsError('token_not_found', String(tokenId));
  return token;
}

export async function revokeOfficeApiToken(db: Kysely<DB>, actor: Actor, officeId: number, tokenId: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const revoked = await trx
      .updateTable('api_tokens')
      .set({ revoked_at: new Date() })
      .where('id', '=', tokenId)
      .where('office_id', '=', officeId)
      .where('revoked_at', 'is', null)
      .returning(['name'])
      .executeTakeFirst();
    if (!revoked) throw new AccountsError('token_not_found', String(tokenId));
    await recordAudit(trx, { actor, action: 'api_token.revoke', officeId, subject: { type: 'api_token', id: tokenId }, before: { office_id: officeId, name: revoked.name }, after: null });
  });
}
