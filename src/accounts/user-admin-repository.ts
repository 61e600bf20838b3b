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

export const USER_PAGE_SIZE = 50;

/** Which users a list page shows: those of one office (or all), matching a search, one page of them. */
export interface UserListQuery {
  /** users holding any role in this office; null: every user */
  officeId: number | null;
  /** part of the name (Bangla or English) or e-mail address, any case; empty: no search */
  search: string;
  offset: number;
  limit: number;
}

/** `50%_off` is looked for as it is typed, not as a LIKE pattern. */
function likeContaining(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

function usersMatching(db: Executor, query: Pick<UserListQuery, 'officeId' | 'search'>) {
  let users = db.selectFrom('users');
  if (query.officeId !== null) {
    const officeId = query.officeId;
    users = users.where((eb) => eb.exists(eb.selectFrom('role_grants').select('role_grants.id').whereRef('role_grants.user_id', '=', 'users.id').where('role_grants.office_id', '=', officeId)));
  }
  const search = query.search.trim();
  if (search !== '') {
    const pattern = likeContaining(search);
    users = users.where((eb) => eb.or([eb('users.email', 'ilike', pattern), eb('users.name_bn', 'ilike', pattern), eb('users.name_en', 'ilike', pattern)]));
  }
  return users;
}

export async function countUsersMatching(db: Executor, query: Pick<UserListQuery, 'officeId' | 'search'>): Promise<number> {
  const count = await usersMatching(db, query).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return Number(count.n);
}

/** One page of the users asked for, in e-mail order. */
export function listUsers(db: Executor, query: UserListQuery): Promise<AdminUserRow[]> {
  return (
    usersMatching(db, query)
      .select(['users.id', 'users.email', 'users.name_bn', 'users.name_en', 'users.status', sql<boolean>`users.totp_enabled_at is not null`.as('two_factor')])
      // the address is unique, so pages neither overlap nor skip anyone
      .orderBy('users.email')
      .offset(query.offset)
      .limit(query.limit)
      .execute()
  );
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
