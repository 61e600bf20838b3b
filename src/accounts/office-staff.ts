// Who works in an office, for other features to choose from (a request's assignee), and the names
// of users by id (who a request is assigned to, even after they left).
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../core/db/schema.ts';
import type { Role } from './roles.ts';

type Executor = Kysely<DB> | Transaction<DB>;

/** The roles held in one office: the people who do its work. */
export const OFFICE_ROLES = ['office_staff', 'officer', 'office_admin'] as const satisfies readonly Role[];
export type OfficeRole = (typeof OFFICE_ROLES)[number];

export interface OfficeStaffMember {
  id: number;
  name_bn: string;
  name_en: string | null;
  email: string;
  /** the office roles the user holds in this office, in the order of OFFICE_ROLES */
  roles: OfficeRole[];
}

export interface UserName {
  id: number;
  name_bn: string;
  name_en: string | null;
}

const isOfficeRole = (role: Role): role is OfficeRole => OFFICE_ROLES.some((officeRole) => officeRole === role);

/** The active users holding an office role in the office, by Bangla name; disabled and invited users are left out. */
export async function listOfficeStaff(db: Executor, officeId: number): Promise<OfficeStaffMember[]> {
  const rows = await db
    .selectFrom('users')
    .innerJoin('role_grants', 'role_grants.user_id', 'users.id')
    .select(['users.id', 'users.name_bn', 'users.name_en', 'users.email', 'role_grants.role'])
    .where('role_grants.office_id', '=', officeId)
    .where('role_grants.role', 'in', OFFICE_ROLES)
    .where('users.status', '=', 'active')
    .orderBy('users.name_bn')
    .orderBy('users.id')
    .execute();
  const members = new Map<number, OfficeStaffMember>();
  for (const row of rows) {
    const member = members.get(row.id) ?? { id: row.id, name_bn: row.name_bn, name_en: row.name_en, email: row.email, roles: [] };
    if (isOfficeRole(row.role)) member.roles.push(row.role);
    members.set(row.id, member);
  }
  for (const member of members.values()) member.roles.sort((a, b) => OFFICE_ROLES.indexOf(a) - OFFICE_ROLES.indexOf(b));
  return [...members.values()];
}

/** The names of these users, whatever their status; an id that names nobody is left out. */
export async function findUserNames(db: Executor, userIds: readonly number[]): Promise<UserName[]> {
  if (userIds.length === 0) return [];
  return db
    .selectFrom('users')
    .select(['id', 'name_bn', 'name_en'])
    .where('id', 'in', [...new Set(userIds)])
    .execute();
}
