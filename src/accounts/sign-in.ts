// Signing in with an e-mail address and password, throttled per address typed and per IP
// address in the database, so the limits hold however many app instances there are.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../core/db/schema.ts';
import { AccountsError } from './errors.ts';
import { spendPasswordCheck, verifyPassword } from './passwords.ts';
import { findCredentials, normaliseEmail } from './user-repository.ts';

export const SIGN_IN_LIMITS = {
  windowMinutes: 15,
  /** failures for one address within the window before it is refused */
  perEmail: 5,
  /** failures from one IP address within the window (an office behind one NAT has many users) */
  perIp: 30,
};

export interface SignInAttempt {
  email: string;
  password: string;
  ip: string;
}

/** The user's id, or an AccountsError: invalid_credentials (whatever was wrong) or too_many_sign_ins. */
export async function checkCredentials(db: Kysely<DB>, attempt: SignInAttempt): Promise<number> {
  let email: string;
  try {
    email = normaliseEmail(attempt.email);
  } catch {
    throw new AccountsError('invalid_credentials');
  }
  await refuseWhenThrottled(db, email, attempt.ip);
  const account = await findCredentials(db, email);
  const passwordOk = account?.password_hash ? await verifyPassword(account.password_hash, attempt.password) : (await spendPasswordCheck(attempt.password), false);
  if (!account || !passwordOk || account.status !== 'active') {
    await recordSignInFailure(db, email, attempt.ip);
    throw new AccountsError('invalid_credentials');
  }
  await db.deleteFrom('login_failures').where('email', '=', email).execute();
  return account.id;
}

/** too_many_sign_ins when the address or the IP address failed too often lately (passwords and second-factor codes alike). */
export async function refuseWhenThrottled(db: Kysely<DB>, email: string, ip: string): Promise<void> {
  const since = sql<Date>`now() - make_interval(mins => ${SIGN_IN_LIMITS.windowMinutes})`;
  const row = await db
    .selectFrom('login_failures')
    .select([
      sql<number>`count(*) filter (where email = ${email})`.as('by_email'),
      sql<number>`count(*) filter (where ip = ${ip})`.as('by_ip'),
    ])
    .where('at', '>', since)
    .where((eb) => eb.or([eb('email', '=', email), eb('ip', '=', ip)]))
    .executeTakeFirstOrThrow();
  if (Number(row.by_email) >= SIGN_IN_LIMITS.perEmail || Number(row.by_ip) >= SIGN_IN_LIMITS.perIp) {
    throw new AccountsError('too_many_sign_ins');
  }
}

export async function recordSignInFailure(db: Kysely<DB>, email: string, ip: string): Promise<void> {
  await db.insertInto('login_failures').values({ email, ip }).execute();
}

export async function forgetOldSignInFailures(db: Kysely<DB>): Promise<void> {
  await db.deleteFrom('login_failures').where('at', '<', sql<Date>`now() - interval '1 day'`).execute();
}
