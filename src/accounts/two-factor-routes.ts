// Two-step sign-in: enrolling from the account page, and the steps between a right password and
// a session: typing a code, or (REQUIRE_2FA) enrolling first. Those steps run on a short
// half-signed-in session that no other page accepts.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { t } from '../core/i18n/index.ts';
import { actorOf, type Principal } from '../http/access.ts';
import { csrfToken } from '../http/csrf.ts';
import { SESSION_COOKIE } from './authorisation.ts';
import { AccountsError } from './errors.ts';
import { renderCodePage, renderEnrolledPage, renderEnrolPage } from './pages/two-factor-pages.ts';
import { localPath, privatePage, sessionCookieOptions, signedIn, type AccountsRoutesOptions } from './route-support.ts';
import { createSession, deleteSession, findPendingSession, type PendingStep } from './session-repository.ts';
import { totpQrSvg } from './totp-qr.ts';
import { checkSecondFactor, confirmEnrolment, startEnrolment } from './two-factor.ts';
import { findUserById } from './user-repository.ts';

const lang = z.enum(['bn', 'en']).optional().catch(undefined);
const next = z.string().max(2000).optional();
const codeBody = z.object({ code: z.string().max(20), next, _csrf: z.string().optional() });

export async function twoFactorRoutes(fastify: FastifyInstance, options: AccountsRoutesOptions): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  async function pending(request: FastifyRequest, step: PendingStep): Promise<number | null> {
    const secret = request.cookies[SESSION_COOKIE];
    const session = secret ? await findPendingSession(app.db, secret) : undefined;
    return session?.step === step ? session.userId : null;
  }

  /** The second factor is done: the half session is replaced by a full one with a new secret. */
  async function finishSignIn(request: FastifyRequest, reply: FastifyReply, userId: number, to: string) {
    const old = request.cookies[SESSION_COOKIE];
    if (old) await deleteSession(app.db, old);
    const secret = await createSession(app.db, userId, options.sessionLifetimeMs, { ip: request.ip, userAgent: request.headers['user-agent'] ?? null });
    reply.setCookie(SESSION_COOKIE, secret, { ...sessionCookieOptions(options), maxAge: Math.floor(options.sessionLifetimeMs / 1000) });
    return reply.redirect(localPath(to), 303);
  }

  const codeErrors = (request: FastifyRequest, error: AccountsError) =>
    error.field === 'code' ? { errors: { code: t(request.lang, error.messageKey) } } : { errors: {}, general: t(request.lang, error.messageKey) };

  async function enrolPage(request: FastifyRequest, reply: FastifyReply, userId: number, view: { required: boolean; action: string; next?: string | undefined }, error?: AccountsError) {
    const enrolment = await startEnrolment(app.db, options.totpSecrets, userId);
    if (enrolment.enrolled) return privatePage(request, reply, renderEnrolledPage(request.lang));
    const errors = error ? { code: t(request.lang, error.messageKey) } : {};
    const qr = await totpQrSvg(enrolment.uri, t(request.lang, 'twofactor.qr_alt'));
    return privatePage(request, reply, renderEnrolPage(request.lang, { ...view, csrfToken: csrfToken(reply), uri: enrolment.uri, secret: enrolment.secret, qr, errors }), error?.status ?? 200);
  }

  const accountAction = { required: false, action: '/account/2fa' };

  app.get('/account/2fa', { config: { access: 'signed-in' }, schema: { hide: true, querystring: z.object({ lang }) } }, async (request, reply) =>
    enrolPage(request, reply, signedIn(request).userId, accountAction),
  );

  app.post('/account/2fa', { config: { access: 'signed-in' }, schema: { hide: true, body: codeBody } }, async (request, reply) => {
    const principal: Principal = signedIn(request);
    try {
      await confirmEnrolment(app.db, options.totpSecrets, actorOf(request), principal.userId, request.body.code, request.ip);
    } catch (error) {
      if (!(error instanceof AccountsError)) throw error;
      return enrolPage(request, reply, principal.userId, accountAction, error);
    }
    return privatePage(request, reply, renderEnrolledPage(request.lang));
  });

  app.get('/login/code', { config: { access: 'public' }, schema: { hide: true, querystring: z.object({ lang, next }) } }, async (request, reply) => {
    if ((await pending(request, 'code')) === null) return reply.redirect('/login', 303);
    return privatePage(request, reply, renderCodePage(request.lang, { csrfToken: csrfToken(reply), next: request.query.next, errors: {} }));
  });

  app.post('/login/code', { config: { access: 'public' }, schema: { hide: true, body: codeBody } }, async (request, reply) => {
    const userId = await pending(request, 'code');
    if (userId === null) throw new AccountsError('second_factor_expired');
    try {
      await checkSecondFactor(app.db, options.totpSecrets, userId, request.body.code, request.ip);
    } catch (error) {
      if (!(error instanceof AccountsError)) throw error;
      request.log.info({ ip: request.ip, reason: error.code }, 'second factor refused');
      const view = { csrfToken: csrfToken(reply), next: request.body.next, ...codeErrors(request, error) };
      return privatePage(request, reply, renderCodePage(request.lang, view), error.status);
    }
    return finishSignIn(request, reply, userId, request.body.next ?? '/account');
  });

  app.get('/login/enrol', { config: { access: 'public' }, schema: { hide: true, querystring: z.object({ lang, next }) } }, async (request, reply) => {
    const userId = await pending(request, 'enrol');
    if (userId === null) return reply.redirect('/login', 303);
    return enrolPage(request, reply, userId, { required: true, action: '/login/enrol', next: request.query.next });
  });

  app.post('/login/enrol', { config: { access: 'public' }, schema: { hide: true, body: codeBody } }, async (request, reply) => {
    const userId = await pending(request, 'enrol');
    if (userId === null) throw new AccountsError('second_factor_expired');
    const user = await findUserById(app.db, userId);
    const actor = { userId, label: user?.email ?? String(userId), ip: request.ip };
    try {
      await confirmEnrolment(app.db, options.totpSecrets, actor, userId, request.body.code, request.ip);
    } catch (error) {
      if (!(error instanceof AccountsError)) throw error;
      return enrolPage(request, reply, userId, { required: true, action: '/login/enrol', next: request.body.next }, error);
    }
    return finishSignIn(request, reply, userId, request.body.next ?? '/account');
  });
}
