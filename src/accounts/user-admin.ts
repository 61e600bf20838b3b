// The rules of user administration. A system administrator acts everywhere; anyone acting for
// one office (an office administrator, or a system administrator on that office's page) sees
// only users holding a role there, grants only office roles there, and cannot reach any other
// user: a user of another office is "not found", exactly like one that does not exist.
import type { Kysely, Transaction } from 'kysely';
import { recordAudit } from '../audit/index.ts';
import type { Actor } from '../core/actor.ts';
import type { DB } from '../core/db/schema.ts';
import { AccountsError } from './errors.ts';
import type { Grant, Role } from './roles.ts';
import { deleteSessionsOf } from './session-repository.ts';
import {
  countSystemAdmins,
  countUsersMatching,
  deleteGrant,
  findAdminUser,
  listGrantRows,
  listUsers,
  setUserStatus,
  USER_PAGE_SIZE,
  type AdminUserRow,
  type GrantRow,
} from './user-admin-repository.ts';
import { insertGrant } from './user-repository.ts';
import { grantAt, type ScopeRequest } from './users.ts';

type Executor = Kysely<DB> | Transaction<DB>;

/** Where the person acting may act: everywhere (system administrator), or in one office. */
export type Within = { kind: 'everywhere' } | { kind: 'office'; officeId: number };

export const OFFICE_ROLES: readonly Role[] = ['office_staff', 'officer', 'office_admin'];

export function officeOfGrant(grant: Grant): number | null {
  return 'officeId' in grant ? grant.officeId : null;
}

const officeOf = (within: Within) => (within.kind === 'office' ? within.officeId : null);

/** The grant asked for, if the one acting may give it. */
export async function grantWithin(db: Executor, within: Within, role: Role, scope: ScopeRequest): Promise<Grant> {
  if (within.kind === 'everywhere') return grantAt(db, role, scope);
  if (!OFFICE_ROLES.includes(role)) throw new AccountsError('forbidden', `${role} is not an office role`, 'role');
  return { role: role as Exclude<Role, 'system_admin' | 'supervisor'>, officeId: within.officeId };
}

export type AdminUser = AdminUserRow & { has_password: boolean; grants: GrantRow[] };

/** The user, if the one acting may see them; user_not_found otherwise. */
export async function requireUserWithin(db: Executor, within: Within, userId: number): Promise<AdminUser> {
  const user = await findAdminUser(db, userId);
  const grants = user ? await listGrantRows(db, [user.id]) : [];
  if (!user || (within.kind === 'office' && !grants.some((grant) => grant.office_id === within.officeId))) throw new AccountsError('user_not_found', String(userId));
  return { ...user, grants };
}

export interface UserPage {
  users: (AdminUserRow & { grants: GrantRow[] })[];
  total: number;
  /** 1-based, within 1 and the last page */
  page: number;
  pageSize: number;
}

/** One page (50 users) of those the one acting may see, matching the search. A page past the end shows the last one. */
export async function listUsersWithin(db: Kysely<DB>, within: Within, options: { search?: string; page?: number } = {}): Promise<UserPage> {
  const search = options.search ?? '';
  const total = await countUsersMatching(db, { officeId: officeOf(within), search });
  const lastPage = Math.max(1, Math.ceil(total / USER_PAGE_SIZE));
  const page = Math.min(Math.max(1, options.page ?? 1), lastPage);
  const users = await listUsers(db, { officeId: officeOf(within), search, offset: (page - 1) * USER_PAGE_SIZE, limit: USER_PAGE_SIZE });
  const grants = await listGrantRows(db, users.map((user) => user.id));
  // acting for an office, only the roles held there are shown
  const visible = (grant: GrantRow) => within.kind === 'everywhere' || grant.office_id === within.officeId;
  return { users: users.map((user) => ({ ...user, grants: grants.filter((grant) => grant.user_id === user.id && visible(grant)) })), total, page, pageSize: USER_PAGE_SIZE };
}

export async function grantRoleWithin(db: Kysely<DB>, actor: Actor, within: Within, userId: number, role: Role, scope: ScopeRequest): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const user = await requireUserWithin(trx, within, userId);
    const grant = await grantWithin(trx, within, role, scope);
    if (await insertGrant(trx, user.id, grant)) {
      await recordAudit(trx, { actor, action: 'accounts.role.grant', officeId: officeOfGrant(grant), subject: { type: 'user', id: user.id }, before: null, after: { email: user.email, ...grant } });
    }
  });
}

export async function revokeRoleWithin(db: Kysely<DB>, actor: Actor, within: Within, userId: number, grantId: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const user = await requireUserWithin(trx, within, userId);
    const held = user.grants.find((grant) => grant.id === grantId && (within.kind === 'everywhere' || grant.office_id === within.officeId));
    if (!held) throw new AccountsError('grant_not_found', String(grantId));
    await deleteGrant(trx, user.id, held.id);
    if (held.role === 'system_admin' && (await countSystemAdmins(trx)) === 0) throw new AccountsError('last_system_admin');
    const before = { email: user.email, grant_id: held.id, role: held.role, office_id: held.office_id, place_id: held.place_id, organisation_id: held.organisation_id };
    await recordAudit(trx, { actor, action: 'accounts.role.revoke', officeId: held.office_id, subject: { type: 'user', id: user.id }, before, after: null });
  });
}

/** Disables (sessions end at once) or enables a user. Acting for an office, only users who hold roles nowhere else. */
export async function setUserEnabled(db: Kysely<DB>, actor: Actor, within: Within, userId: number, enabled: boolean): Promise<void> {
  if (!enabled && actor.userId === userId) throw new AccountsError('cannot_disable_self');
  await db.transaction().execute(async (trx) => {
    const user = await requireUserWithin(trx, within, userId);
    if (within.kind === 'office' && user.grants.some((grant) => grant.office_id !== within.officeId)) throw new AccountsError('forbidden', 'the user holds roles elsewhere');
    const status = enabled ? (user.has_password ? 'active' : 'invited') : 'disabled';
    if ((user.status === 'disabled') === !enabled) return;
    await setUserStatus(trx, user.id, status);
    if (!enabled) {
      await deleteSessionsOf(trx, user.id);
      if (user.grants.some((grant) => grant.role === 'system_admin') && (await countSystemAdmins(trx)) === 0) throw new AccountsError('last_system_admin');
    }
    await recordAudit(trx, {
      actor,
      action: enabled ? 'accounts.user.enable' : 'accounts.user.disable',
      officeId: officeOf(within),
      subject: { type: 'user', id: user.id },
      before: { email: user.email, status: user.status },
      after: { email: user.email, status },
    });
  });
}
