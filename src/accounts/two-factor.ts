// TOTP second factor (RFC 6238, 6 digits, 30 seconds, as every authenticator app reads it).
// Wrong codes count as failed sign-ins, so they are throttled like passwords; a code is accepted
// once only (the time step of the last one is kept).
import { sql, type Kysely } from 'kysely';
import { Secret, TOTP } from 'otpauth';
import { recordAudit } from '../audit/index.ts';
import type { Actor } from '../core/actor.ts';
import type { DB } from '../core/db/schema.ts';
import { AccountsError } from './errors.ts';
import { listGrants } from './user-repository.ts';
import { recordSignInFailure, refuseWhenThrottled } from './sign-in.ts';

const ISSUER = 'Protishruti';
const PERIOD_SECONDS = 30;
// one step either side: a phone clock a little off still works
const WINDOW = 1;

export function totpOf(email: string, base32: string): TOTP {
  return new TOTP({ issuer: ISSUER, label: email, algorithm: 'SHA1', digits: 6, period: PERIOD_SECONDS, secret: Secret.fromBase32(base32) });
}

/** The time step a code belongs to, or null when it is wrong. */
function stepOfCode(email: string, base32: string, code: string): number | null {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totpOf(email, base32).validate({ token, window: WINDOW });
  return delta === null ? null : Math.floor(Date.now() / 1000 / PERIOD_SECONDS) + delta;
}

function findTwoFactor(db: Kysely<DB>, userId: number) {
  return db.selectFrom('users').select(['email', 'totp_secret', 'totp_pending_secret', 'totp_last_step']).where('id', '=', userId).executeTakeFirstOrThrow();
}

export type SecondFactorStep = 'code' | 'enrol' | null;

/** What a user whose password was right still owes before being signed in. */
export async function secondFactorStep(db: Kysely<DB>, userId: number, requireTwoFactor: boolean): Promise<SecondFactorStep> {
  const user = await findTwoFactor(db, userId);
  if (user.totp_secret !== null) return 'code';
  if (!requireTwoFactor) return null;
  const grants = await listGrants(db, userId);
  return grants.some((grant) => grant.role === 'system_admin' || grant.role === 'supervisor') ? 'enrol' : null;
}

export async function hasSecondFactor(db: Kysely<DB>, userId: number): Promise<boolean> {
  return (await findTwoFactor(db, userId)).totp_secret !== null;
}

export type Enrolment = { enrolled: true } | { enrolled: false; uri: string; secret: string };

/** The secret being enrolled (made on first asking, kept until confirmed, so a reload shows the same one). */
export async function startEnrolment(db: Kysely<DB>, userId: number): Promise<Enrolment> {
  const user = await findTwoFactor(db, userId);
  if (user.totp_secret !== null) return { enrolled: true };
  let secret = user.totp_pending_secret;
  if (secret === null) {
    secret = new Secret({ size: 20 }).base32;
    await db.updateTable('users').set({ totp_pending_secret: secret }).where('id', '=', userId).execute();
  }
  return { enrolled: false, uri: totpOf(user.email, secret).toString(), secret };
}

/** Turns the second factor on once a code from the pending secret is right. */
export async function confirmEnrolment(db: Kysely<DB>, actor: Actor, userId: number, code: string, ip: string): Promise<void> {
  const user = await findTwoFactor(db, userId);
  if (user.totp_secret !== null) return;
  await refuseWhenThrottled(db, user.email, ip);
  const step = user.totp_pending_secret === null ? null : stepOfCode(user.email, user.totp_pending_secret, code);
  if (step === null || user.totp_pending_secret === null) {
    await recordSignInFailure(db, user.email, ip);
    throw new AccountsError('invalid_code', undefined, 'code');
  }
  const secret = user.totp_pending_secret;
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ totp_secret: secret, totp_enabled_at: new Date(), totp_pending_secret: null, totp_last_step: String(step) })
      .where('id', '=', userId)
      .execute();
    // the secret itself never goes into the log
    await recordAudit(trx, { actor, action: 'accounts.totp.enable', subject: { type: 'user', id: userId }, before: { two_factor: false }, after: { two_factor: true } });
  });
}

/** Checks a sign-in code: throttled, each code once; invalid_code or too_many_sign_ins otherwise. */
export async function checkSecondFactor(db: Kysely<DB>, userId: number, code: string, ip: string): Promise<void> {
  const user = await findTwoFactor(db, userId);
  await refuseWhenThrottled(db, user.email, ip);
  const step = user.totp_secret === null ? null : stepOfCode(user.email, user.totp_secret, code);
  const fresh =
    step !== null &&
    (await db
      .updateTable('users')
      .set({ totp_last_step: String(step) })
      .where('id', '=', userId)
      .where(sql<boolean>`totp_last_step is null or totp_last_step < ${step}`)
      .executeTakeFirst()).numUpdatedRows > 0n;
  if (!fresh) {
    await recordSignInFailure(db, user.email, ip);
    throw new AccountsError('invalid_code', undefined, 'code');
  }
  await db.deleteFrom('login_failures').where('email', '=', user.email).execute();
}
