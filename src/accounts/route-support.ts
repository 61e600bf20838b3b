// What the accounts routes share: private pages, the session cookie, starting a session (with
// its second factor), answering a form post, and mail that goes out after the commit.
import type { FastifyBaseLogger, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../core/db/schema.ts';
import type { Principal } from '../http/access.ts';
import { privatePage } from '../http/layout.ts';
import { describeForLog, describeSendError, type Mailer, type MailMessage } from '../mail/index.ts';
import { SESSION_COOKIE } from './authorisation.ts';
import { AccountsError } from './errors.ts';
import { createSession, type PendingStep } from './session-repository.ts';
import type { TotpSecretBox } from './totp-secret-box.ts';
import { secondFactorStep } from './two-factor.ts';

export interface AccountsRoutesOptions {
  sessionLifetimeMs: number;
  secureCookies: boolean;
  mailer: Mailer;
  /** the address links in mails point to; unset: the request's own host (outbox only: see config.ts) */
  publicUrl?: string | undefined;
  /** system administrators and supervisors must enrol a second factor before anything else */
  requireTwoFactor: boolean;
  /** encrypts and decrypts TOTP secrets under SECRET_KEY */
  totpSecrets: TotpSecretBox;
  /** DATA_DIR, where the first-run /setup token is written; unset: no /setup */
  setupDir?: string | undefined;
}

// long enough to open an authenticator app (or to enrol one), short enough to be no session
const PENDING_LIFETIME_MS: Record<PendingStep, number> = { code: 10 * 60_000, enrol: 30 * 60_000 };

/** Only a path on this site: never `//host` or `/\host`, which browsers read as another host. */
export function localPath(next: string | undefined): string {
  return next && /^\/(?![/\\])/.test(next) ? next : '/account';
}

export { privatePage };

export function signedIn(request: FastifyRequest): Principal {
  if (!request.principal) throw new AccountsError('sign_in_required');
  return request.principal;
}

export function sessionCookieOptions(options: AccountsRoutesOptions) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: options.secureCookies };
}

/**
 * Signs the user in after their password (or a new one) was accepted: a full session, or a
 * short half-signed-in one that owes a second factor. Answers with the redirect to take.
 */
export async function startSession(db: Kysely<DB>, request: FastifyRequest, reply: FastifyReply, options: AccountsRoutesOptions, userId: number, next: string) {
  const step = await secondFactorStep(db, userId, options.requireTwoFactor);
  const lifetimeMs = step ? PENDING_LIFETIME_MS[step] : options.sessionLifetimeMs;
  const secret = await createSession(db, userId, lifetimeMs, { ip: request.ip, userAgent: request.headers['user-agent'] ?? null }, step);
  reply.setCookie(SESSION_COOKIE, secret, { ...sessionCookieOptions(options), maxAge: Math.floor(lifetimeMs / 1000) });
  const to = step === 'code' ? '/login/code' : step === 'enrol' ? '/login/enrol' : next;
  return reply.redirect(step && next !== '/account' ? `${to}?next=${encodeURIComponent(next)}` : to, 303);
}

export function wantsJson(request: FastifyRequest): boolean {
  return (request.headers.accept ?? '').startsWith('application/json');
}

/** The answer to a form post that worked: back to the page for a browser, a small JSON body for a program. */
export function done(request: FastifyRequest, reply: FastifyReply, location: string, body: Record<string, unknown> = {}) {
  if (wantsJson(request)) return reply.status(200).header('cache-control', 'no-store').send({ ok: true, ...body });
  return reply.redirect(location, 303);
}

export function linkBase(request: FastifyRequest, options: AccountsRoutesOptions): string {
  return options.publicUrl ?? `${request.protocol}://${request.host}`;
}

/** Sends after the change is committed; a failure is logged (without the message) and reported, never thrown. */
export async function sendAfterCommit(mailer: Mailer, log: FastifyBaseLogger, message: MailMessage): Promise<boolean> {
  try {
    await mailer.send(message);
    return true;
  } catch (error) {
    log.warn({ mail: describeForLog(message), error: describeSendError(error) }, 'mail not sent');
    return false;
  }
}
