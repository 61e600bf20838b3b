// Forgotten passwords: a single-use link valid for an hour, mailed to the address if it has an
// active account. The answer is the same whether it has or not; requests are throttled per
// address typed and per IP address, in the database, like sign-ins.
import { sql, type Kysely } from 'kysely';
import { recordAudit } from '../audit/index.ts';
import type { Actor } from '../core/actor.ts';
import type { DB } from '../core/db/schema.ts';
import { createAccountToken, spendAccountToken } from './account-tokens.ts';
import { AccountsError } from './errors.ts';
import { checkNewPassword, hashPassword } from './passwords.ts';
import { deleteSessionsOf } from './session-repository.ts';
import { findAdminUser, setPassword } from './user-admin-repository.ts';
import { findCredentials, normaliseEmail } from './user-repository.ts';

export const RESET_LIMITS = {
  windowMinutes: 60,
  perEmail: 3,
  perIp: 20,
};

async function refuseWhenThrottled(db: Kysely<DB>, email: string, ip: string): Promise<void> {
  const since = sql<Date>`now() - make_interval(mins => ${RESET_LIMITS.windowMinutes})`;
  const row = await db
    .selectFrom('password_reset_requests')
    .select([sql<number>`count(*) filter (where email = ${email})`.as('by_email'), sql<number>`count(*) filter (where ip = ${ip})`.as('by_ip')])
    .where('at', '>', since)
    .where((eb) => eb.or([eb('email', '=', email), eb('ip', '=', ip)]))
    .executeTakeFirstOrThrow();
  if (Number(row.by_email) >= RESET_LIMITS.perEmail || Number(row.by_ip) >= RESET_LIMITS.perIp) throw new AccountsError('too_many_reset_requests');
}

/** The link's secret when the address has an active account, else null; the caller answers the same either way. */
export async function requestPasswordReset(db: Kysely<DB>, typedEmail: string, ip: string): Promise<{ email: string; token: string } | null> {
  const email = normaliseEmail(typedEmail);
  await refuseWhenThrottled(db, email, ip);
  await db.insertInto('password_reset_requests').values({ email, ip }).execute();
  const account = await findCredentials(db, email);
  if (!account || account.status !== 'active') return null;
  const actor: Actor = { userId: null, label: 'anonymous', ip };
  const token = await db.transaction().execute(async (trx) => {
    const secret = await createAccountToken(trx, account.id, 'reset');
    await recordAudit(trx, { actor, action: 'accounts.password.reset_request', subject: { type: 'user', id: account.id }, before: null, after: { email } });
    return secret;
  });
  return { email, token };
}

/** Sets the new password and signs the user out everywhere; invalid_link for a used, expired or unknown link. */
export async function resetPassword(db: Kysely<DB>, token: string, password: string, ip: string | null): Promise<void> {
  checkNewPassword(password);
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    const userId = await spendAccountToken(trx, token, 'reset');
    const user = userId === undefined ? undefined : await findAdminUser(trx, userId);
    if (!user || user.status !== 'active') throw new AccountsError('invalid_link');
    await setPassword(trx, user.id, passwordHash);
    await deleteSessionsOf(trx, user.id);
    // a lock-out from the forgotten password ends with it
    await trx.deleteFrom('login_failures').where('email', '=', user.email).execute();
    const actor: Actor = { userId: user.id, label: user.email, ip };
    await recordAudit(trx, { actor, action: 'accounts.password.reset', subject: { type: 'user', id: user.id }, before: null, after: { email: user.email, sessions_ended: true } });
  });
}

export async function forgetOldResetRequests(db: Kysely<DB>): Promise<void> {
  await db.deleteFrom('password_reset_requests').where('at', '<', sql<Date>`now() - interval '1 day'`).execute();
}
