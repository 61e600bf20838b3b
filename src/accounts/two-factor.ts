// TOTP second factor (RFC 6238, 6 digits, 30 seconds, as every authenticator app reads it).
// Wrong codes count as failed sign-ins, so they are throttled like passwords; a code is accepted
// once only (the time step of the last one is kept). Secrets are stored encrypted
// (totp-secret-box.ts); one still in plain text from before is encrypted again when next used.
import { sql, type Kysely, type Transaction } from 'kysely';
import { Secret, TOTP } from 'otpauth';
import { recordAudit } from '../audit/index.ts';
import type { Actor } from '../core/actor.ts';
import type { DB } from '../core/db/schema.ts';
import { AccountsError } from './errors.ts';
import { listGrants } from './user-repository.ts';
import { recordSignInFailure, refuseWhenThrottled } from './sign-in.ts';
import type { TotpSecretBox } from './totp-secret-box.ts';

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
export async function startEnrolment(db: Kysely<DB>, box: TotpSecretBox, userId: number): Promise<Enrolment> {
  const user = await findTwoFactor(db, userId);
  if (user.totp_secret !== null) return { enrolled: true };
  let secret: string;
  if (user.totp_pending_secret === null) {
    secret = new Secret({ size: 20 }).base32;
    await db.updateTable('users').set({ totp_pending_secret: box.seal(secret, userId, 'totp_pending_secret') }).where('id', '=', userId).execute();
  } else {
    const opened = box.open(user.totp_pending_secret, userId, 'totp_pending_secret');
    secret = opened.base32;
    if (opened.legacy) await db.updateTable('users').set({ totp_pending_secret: box.seal(secret, userId, 'totp_pending_secret') }).where('id', '=', userId).execute();
  }
  return { enrolled: false, uri: totpOf(user.email, secret).toString(), secret };
}

/** Turns the second factor on once a code from the pending secret is right. */
export async function confirmEnrolment(db: Kysely<DB>, box: TotpSecretBox, actor: Actor, userId: number, code: string, ip: string): Promise<void> {
  const user = await findTwoFactor(db, userId);
  if (user.totp_secret !== null) return;
  await refuseWhenThrottled(db, user.email, ip);
  const pending = user.totp_pending_secret === null ? null : box.open(user.totp_pending_secret, userId, 'totp_pending_secret').base32;
  const step = pending === null ? null : stepOfCode(user.email, pending, code);
  if (step === null || pending === null) {
    await recordSignInFailure(db, user.email, ip);
    throw new AccountsError('invalid_code', undefined, 'code');
  }
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ totp_secret: box.seal(pending, userId, 'totp_secret'), totp_enabled_at: new Date(), totp_pending_secret: null, totp_last_step: String(step) })
      .where('id', '=', userId)
      .execute();
    // the secret itself never goes into the log
    await recordAudit(trx, { actor, action: 'accounts.totp.enable', subject: { type: 'user', id: userId }, before: { two_factor: false }, after: { two_factor: true } });
  });
}

/** Checks a sign-in code: throttled, each code once; invalid_code or too_many_sign_ins otherwise. */
export async function checkSecondFactor(db: Kysely<DB>, box: TotpSecretBox, userId: number, code: string, ip: string): Promise<void> {
  const user = await findTwoFactor(db, userId);
  await refuseWhenThrottled(db, user.email, ip);
  const opened = user.totp_secret === null ? null : box.open(user.totp_secret, userId, 'totp_secret');
  const step = opened === null ? null : stepOfCode(user.email, opened.base32, code);
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
  if (opened?.legacy) {
    // stored in plain text before encryption at rest: encrypted now, only if still the same value
    await db
      .updateTable('users')
      .set({ totp_secret: box.seal(opened.base32, userId, 'totp_secret') })
      .where('id', '=', userId)
      .where('totp_secret', '=', opened.base32)
      .execute();
  }
  await db.deleteFrom('login_failures').where('email', '=', user.email).execute();
}

/** Whether a second factor is on or being set up, for the reset. */
export async function findSecondFactorState(db: Kysely<DB> | Transaction<DB>, userId: number): Promise<{ enabled: boolean; pending: boolean }> {
  const user = await db.selectFrom('users').select(['totp_secret', 'totp_pending_secret']).where('id', '=', userId).executeTakeFirstOrThrow();
  return { enabled: user.totp_secret !== null, pending: user.totp_pending_secret !== null };
}

/** Forgets the second factor: secret, one being set up, and the step of the last code used. */
export async function clearSecondFactor(db: Kysely<DB> | Transaction<DB>, userId: number): Promise<void> {
  await db.updateTable('users').set({ totp_secret: null, totp_enabled_at: null, totp_pending_secret: null, totp_last_step: null }).where('id', '=', userId).execute();
}
