// Inviting a user by e-mail: the account (status 'invited', no password), its first role and a
// single-use link, in one audited transaction; the mail goes out after the commit, so a failed
// send leaves an invitation that can be sent again.
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/index.ts';
import type { Actor } from '../core/actor.ts';
import type { DB } from '../core/db/schema.ts';
import { createAccountToken, spendAccountToken } from './account-tokens.ts';
import { AccountsError } from './errors.ts';
import { checkNewPassword, hashPassword } from './passwords.ts';
import type { Role } from './roles.ts';
import { findAdminUser, setPassword } from './user-admin-repository.ts';
import { insertGrant, insertUser, normaliseEmail, type UserRow } from './user-repository.ts';
import { grantWithin, officeOfGrant, requireUserWithin, type Within } from './user-admin.ts';
import type { ScopeRequest } from './users.ts';

export interface Invitation {
  email: string;
  nameBn: string;
  nameEn?: string | null;
  role: Role;
  scope: ScopeRequest;
}

export interface Invited {
  user: UserRow;
  /** the secret for the link, handed out this once */
  token: string;
}

export async function inviteUser(db: Kysely<DB>, actor: Actor, within: Within, invitation: Invitation): Promise<Invited> {
  const email = normaliseEmail(invitation.email);
  const nameBn = invitation.nameBn.trim();
  if (!nameBn) throw new AccountsError('name_required', undefined, 'name_bn');
  return db.transaction().execute(async (trx) => {
    const grant = await grantWithin(trx, within, invitation.role, invitation.scope);
    const user = await insertUser(trx, { email, name_bn: nameBn, name_en: invitation.nameEn?.trim() || null, password_hash: null, status: 'invited' });
    await insertGrant(trx, user.id, grant);
    const token = await createAccountToken(trx, user.id, 'invite');
    const { id, ...after } = user;
    await recordAudit(trx, { actor, action: 'accounts.user.invite', officeId: officeOfGrant(grant), subject: { type: 'user', id }, before: null, after: { ...after, grant } });
    return { user, token };
  });
}

/** A fresh link for an invitation not yet accepted; the earlier link stops working. */
export async function renewInvitation(db: Kysely<DB>, actor: Actor, within: Within, userId: number): Promise<Invited> {
  return db.transaction().execute(async (trx) => {
    const user = await requireUserWithin(trx, within, userId);
    if (user.status !== 'invited') throw new AccountsError('not_invited');
    const token = await createAccountToken(trx, user.id, 'invite');
    await recordAudit(trx, { actor, action: 'accounts.user.invite_renew', officeId: within.kind === 'office' ? within.officeId : null, subject: { type: 'user', id: user.id }, before: null, after: { email: user.email } });
    return { user: { id: user.id, email: user.email, name_bn: user.name_bn, name_en: user.name_en, status: user.status }, token };
  });
}

/** The invitee chose a password: the account is active and the link spent. The user's id, or invalid_link. */
export async function acceptInvitation(db: Kysely<DB>, token: string, password: string, ip: string | null): Promise<number> {
  checkNewPassword(password);
  const passwordHash = await hashPassword(password);
  return db.transaction().execute(async (trx) => {
    const userId = await spendAccountToken(trx, token, 'invite');
    const user = userId === undefined ? undefined : await findAdminUser(trx, userId);
    if (!user || user.status !== 'invited') throw new AccountsError('invalid_link');
    await setPassword(trx, user.id, passwordHash);
    const actor: Actor = { userId: user.id, label: user.email, ip };
    await recordAudit(trx, { actor, action: 'accounts.invitation.accept', subject: { type: 'user', id: user.id }, before: { status: 'invited' }, after: { status: 'active' } });
    return user.id;
  });
}
