// Users for tests: an account with a role and an API token, in one call.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { systemActor } from '../core/actor.ts';
import type { DB } from '../core/db/schema.ts';
import type { Role } from './roles.ts';
import { createUser, grantRole, issueApiToken, type ScopeRequest } from './users.ts';

export interface TestUser {
  email: string;
  password: string;
  /** `Bearer …`, ready for an Authorization header */
  authorization: string;
  id: number;
}

export async function createTestUser(db: Kysely<DB>, role: Role | null, scope: ScopeRequest = { kind: 'national' }): Promise<TestUser> {
  const email = `${role ?? 'nobody'}-${randomBytes(4).toString('hex')}@test.gov.bd`;
  const password = `correct horse ${randomBytes(6).toString('hex')}`;
  const user = await createUser(db, systemActor, { email, nameBn: 'পরীক্ষা ব্যবহারকারী', nameEn: 'Test user', password });
  if (role) await grantRole(db, systemActor, email, role, scope);
  return { email, password, id: user.id, authorization: `Bearer ${await issueApiToken(db, systemActor, user.id, 'test')}` };
}
