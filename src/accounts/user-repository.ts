// Users and the roles they hold, in the database.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../core/db/schema.ts';
import { AccountsError } from './errors.ts';
import type { Grant, Role } from './roles.ts';

type Executor = Kysely<DB> | Transaction<DB>;

export interface NewUser {
  email: string;
  name_bn: string;
  name_en?: string | null;
  mobile?: string | null;
  password_hash: string | null;
  status: 'invited' | 'active';
}

export interface UserRow {
  id: number;
  email: string;
  name_bn: string;
  name_en: string | null;
  status: 'invited' | 'active' | 'disabled';
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function normaliseEmail(email: string): string {
  const normal = email.trim().toLowerCase();
  if (!EMAIL.test(normal) || normal.length > 254) throw new AccountsError('invalid_email', undefined, 'email');
  return normal;
}

export async function insertUser(db: Executor, user: NewUser): Promise<UserRow> {
  const taken = await db.selectFrom('users').select('id').where('email', '=', user.email).executeTakeFirst();
  if (taken) throw new AccountsError('email_taken', undefined, 'email');
  return db
    .insertInto('users')
    .values({ ...user, password_changed_at: user.password_hash ? new Date() : null })
    .returning(['id', 'email', 'name_bn', 'name_en', 'status'])
    .executeTakeFirstOrThrow();
}

export function findUserById(db: Executor, id: number): Promise<UserRow | undefined> {
  return db.selectFrom('users').select(['id', 'email', 'name_bn', 'name_en', 'status']).where('id', '=', id).executeTakeFirst();
}

export async function requireUserByEmail(db: Executor, email: string): Promise<UserRow> {
  const user = await db.selectFrom('users').select(['id', 'email', 'name_bn', 'name_en', 'status']).where('email', '=', normaliseEmail(email)).executeTakeFirst();
  if (!user) throw new AccountsError('user_not_found', email, 'email');
  return user;
}

/** What signing in needs to know of an account. */
export function findCredentials(db: Executor, email: string) {
  return db
    .selectFrom('users')
    .select(['id', 'password_hash', 'status'])
    .where('email', '=', email)
    .executeTakeFirst();
}

export async function countUsers(db: Executor): Promise<number> {
  const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function listGrants(db: Executor, userId: number): Promise<Grant[]> {
  const rows = await db
    .selectFrom('role_grants')
    .select(['role', 'office_id', 'place_id', 'organisation_id'])
    .where('user_id', '=', userId)
    .orderBy('id')
    .execute();
  return rows.map(grantOfRow);
}

export function grantOfRow(row: { role: Role; office_id: number | null; place_id: number | null; organisation_id: number | null }): Grant {
  if (row.role === 'system_admin') return { role: 'system_admin' };
  if (row.role === 'supervisor') return row.place_id !== null ? { role: 'supervisor', placeId: row.place_id } : { role: 'supervisor', organisationId: Number(row.organisation_id) };
  return { role: row.role, officeId: Number(row.office_id) };
}

/** Adds a grant; a grant the user already holds is kept as it is (and false returned). */
export async function insertGrant(db: Executor, userId: number, grant: Grant): Promise<boolean> {
  const result = await db
    .insertInto('role_grants')
    .values({
      user_id: userId,
      role: grant.role,
      office_id: 'officeId' in grant ? grant.officeId : null,
      place_id: 'placeId' in grant ? grant.placeId : null,
      organisation_id: 'organisationId' in grant ? grant.organisationId : null,
    })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return result.numInsertedOrUpdatedRows !== 0n;
}
