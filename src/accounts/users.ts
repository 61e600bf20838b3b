// Creating users, granting roles and issuing API tokens: the services behind the CLI and, later,
// the user administration pages.
import type { Kysely, Transaction } from 'kysely';
import { recordAudit } from '../audit/index.ts';
import type { Actor } from '../core/actor.ts';
import type { DB } from '../core/db/schema.ts';
import { findOrganisationId, findPlaceId, requireOfficeId } from '../offices/index.ts';
import { AccountsError } from './errors.ts';
import { checkNewPassword, hashPassword } from './passwords.ts';
import type { Grant, Role } from './roles.ts';
import { createApiToken, revokeApiToken } from './session-repository.ts';
import { insertGrant, insertUser, normaliseEmail, requireUserByEmail, type UserRow } from './user-repository.ts';

export interface NewAccount {
  email: string;
  nameBn: string;
  nameEn?: string | null;
  password: string;
}

export async function createUser(db: Kysely<DB>, actor: Actor, account: NewAccount): Promise<UserRow> {
  const email = normaliseEmail(account.email);
  checkNewPassword(account.password);
  // hashed before the transaction: it takes a noticeable moment, and the embedded database has one connection
  const passwordHash = await hashPassword(account.password);
  return db.transaction().execute(async (trx) => {
    const user = await insertUser(trx, { email, name_bn: account.nameBn.trim(), name_en: account.nameEn?.trim() || null, password_hash: passwordHash, status: 'active' });
    const { id, ...after } = user;
    await recordAudit(trx, { actor, action: 'accounts.user.create', subject: { type: 'user', id }, before: null, after });
    return user;
  });
}

/** Where a role is granted: an office by slug, a place by level and slug, an organisation by slug, or nowhere (system admin). */
export type ScopeRequest =
  | { kind: 'national' }
  | { kind: 'office'; slug: string }
  | { kind: 'division' | 'district' | 'upazila'; slug: string }
  | { kind: 'organisation'; slug: string };

export async function grantAt(db: Kysely<DB> | Transaction<DB>, role: Role, scope: ScopeRequest): Promise<Grant> {
  if (role === 'system_admin') {
    if (scope.kind !== 'national') throw new AccountsError('invalid_role_scope', 'a system administrator holds the role everywhere', 'scope');
    return { role };
  }
  if (role === 'supervisor') {
    if (scope.kind === 'organisation') {
      const organisationId = await findOrganisationId(db, scope.slug);
      if (organisationId === null) throw new AccountsError('invalid_role_scope', scope.slug, 'organisation');
      return { role, organisationId };
    }
    if (scope.kind === 'division' || scope.kind === 'district' || scope.kind === 'upazila') {
      const placeId = await findPlaceId(db, scope.kind, scope.slug);
      if (placeId === null) throw new AccountsError('invalid_role_scope', scope.slug, scope.kind);
      return { role, placeId };
    }
    throw new AccountsError('invalid_role_scope', 'a supervisor holds the role over a division, district, upazila or organisation', 'scope');
  }
  if (scope.kind !== 'office') throw new AccountsError('invalid_role_scope', `${role} is held in one office`, 'scope');
  return { role, officeId: await requireOfficeId(db, scope.slug, 'office') };
}

export async function grantRole(db: Kysely<DB>, actor: Actor, email: string, role: Role, scope: ScopeRequest): Promise<Grant> {
  return db.transaction().execute(async (trx) => {
    const user = await requireUserByEmail(trx, email);
    const grant = await grantAt(trx, role, scope);
    if (await insertGrant(trx, user.id, grant)) {
      const officeId = 'officeId' in grant ? grant.officeId : null;
      await recordAudit(trx, { actor, action: 'accounts.role.grant', officeId, subject: { type: 'user', id: user.id }, before: null, after: { email: user.email, ...grant } });
    }
    return grant;
  });
}

/** A new API token for the user; the secret is returned this once and only its digest is kept. */
export async function issueApiToken(db: Kysely<DB>, actor: Actor, userId: number, name: string): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const { id, token } = await createApiToken(trx, userId, name);
    await recordAudit(trx, { actor, action: 'accounts.token.create', subject: { type: 'api_token', id }, before: null, after: { user_id: userId, name } });
    return token;
  });
}

export async function withdrawApiToken(db: Kysely<DB>, actor: Actor, userId: number, tokenId: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await revokeApiToken(trx, userId, tokenId);
    await recordAudit(trx, { actor, action: 'accounts.token.revoke', subject: { type: 'api_token', id: tokenId }, before: { user_id: userId }, after: null });
  });
}

export async function findUserIdByEmail(db: Kysely<DB>, email: string): Promise<number> {
  return (await requireUserByEmail(db, email)).id;
}
