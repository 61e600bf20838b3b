// The queries behind user administration: users with the grants they hold, by office or all,
// and the changes an administrator makes to them.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../core/db/schema.ts';
import type { Role } from './roles.ts';

type Executor = Kysely<DB> | Transaction<DB>;
export type UserStatus = 'invited' | 'active' | 'disabled';

export interface GrantRow {
  id: number;
  user_id: number;
  role: Role;
  office_id: number | null;
  place_id: number | null;
  organisation_id: number | null;
}

export interface AdminUserRow {
  id: number;
  email: string;
  name_bn: string;
  name_en: string | null;
  status: UserStatus;
  two_factor: boolean;
}

// a list page, not an export: beyond this many an administrator narrows by office
export const USER_LIST_LIMIT = 500;

/** Users holding any role in the office (officeId), or every user (null). */
export function listUsers(db: Executor, officeId: number | null): Promise<AdminUserRow[]> {
  let query = db
    .selectFrom('users')
    .select(['users.id', 'users.email', 'users.name_bn', 'users.name_en', 'users.status', sql<boolean>`users.totp_enabled_at is not null`.as('two_factor')])
    .orderBy('users.email')
    .limit(USER_LIST_LIMIT);
  if (officeId !== null) {
    query = query.where((eb) => eb.exists(eb.selectFrom('role_grants').select('role_grants.id').whereRef('role_grants.user_id', '=', 'users.id').where('role_grants.office_id', '=', officeId)));
  }
  return query.execute();
}

export function listGrantRows(db: Executor, userIds: readonly number[]): Promise<GrantRow[]> {
  if (userIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('role_grants').select(['id', 'user_id', 'role', 'office_id', 'place_id', 'organisation_id']).where('user_id', 'in', userIds).orderBy('id').execute();
}

export function findAdminUser(db: Executor, userId: number): Promise<(AdminUserRow & { has_password: boolean }) | undefined> {
  return db
    .selectFrom('users')
    .select(['id', 'email', 'name_bn', 'name_en', 'status', sql<boolean>`totp_enabled_at is not null`.as('two_factor'), sql<boolean>`password_hash is not null`.as('has_password')])
    .where('id', '=', userId)
    .executeTakeFirst();
}

export async function setUserStatus(db: Executor, userId: number, status: UserStatus): Promise<void> {
  await db.updateTable('users').set({ status }).where('id', '=', userId).execute();
}

export async function setPassword(db: Executor, userId: number, passwordHash: string): Promise<void> {
  await db.updateTable('users').set({ password_hash: passwordHash, password_changed_at: new Date(), status: 'active' }).where('id', '=', userId).execute();
}

export function deleteGrant(db: Executor, userId: number, grantId: number): Promise<GrantRow | undefined> {
  return db
    .deleteFrom('role_grants')
    .where('id', '=', grantId)
    .where('user_id', '=', userId)
    .returning(['id', 'user_id', 'role', 'office_id', 'place_id', 'organisation_id'])
    .executeTakeFirst();
}

export async function countSystemAdmins(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('role_grants')
    .innerJoin('users', 'users.id', 'role_grants.user_id')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('role_grants.role', '=', 'system_admin')
    .where('users.status', '=', 'active')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
