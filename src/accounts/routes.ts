// Signing in and out, and a user's own account page with their API tokens.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { t, type Lang } from '../core/i18n/index.ts';
import { actorOf } from '../http/access.ts';
import { csrfToken } from '../http/csrf.ts';
import { SESSION_COOKIE } from './authorisation.ts';
import { describeGrants } from './describe-grants.ts';
import { AccountsError } from './errors.ts';
import { invitationRoutes } from './invitation-routes.ts';
import { renderAccountPage } from './pages/account-page.ts';
import { renderSignInPage } from './pages/sign-in-page.ts';
import { passwordResetRoutes } from './password-reset-routes.ts';
import { forgetOldResetRequests } from './password-reset.ts';
import { localPath, privatePage, sessionCookieOptions, signedIn, startSession, type AccountsRoutesOptions } from './route-support.ts';
import { deleteExpiredSessions, deleteSession, listApiTokens } from './session-repository.ts';
import { checkCredentials, forgetOldSignInFailures } from './sign-in.ts';
import { setupRoutes } from './setup-routes.ts';
import { twoFactorRoutes } from './two-factor-routes.ts';
import { hasSecondFactor } from './two-factor.ts';
import { userAdminLinks } from './user-admin-routes.ts';
import { userAdminRoutes } from './user-admin-routes.ts';
import { listGrants } from './user-repository.ts';
import { issueApiToken, withdrawApiToken } from './users.ts';

export { localPath, type AccountsRoutesOptions };

const lang = z.enum(['bn', 'en']).optional().catch(undefined);

export async function accountsRoutes(fastify: FastifyInstance, options: AccountsRoutesOptions): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const cookieOptions = sessionCookieOptions(options);

  app.get(
    '/login',
    { config: { access: 'public' }, schema: { hide: true, querystring: z.object({ lang, next: z.string().max(2000).optional() }) } },
    async (request, reply) =>
      privatePage(request, reply, renderSignInPage(request.lang, { csrfToken: csrfToken(reply), email: '', next: localPath(request.query.next) })),
  );

  app.post(
    '/login',
    {
      config: { access: 'public' },
      schema: {
        hide: true,
        body: z.object({
          email: z.string().max(254),
          password: z.string().max(1000),
          next: z.string().max(2000).optional(),
          _csrf: z.string().optional(),
        }),
      },
    },
    async (request, reply) => {
      const { email, password } = request.body;
      const next = localPath(request.body.next);
      try {
        const userId = await checkCredentials(app.db, { email, password, ip: request.ip });
        // housekeeping rides on sign-ins (indexed deletes), so no timer is needed on any instance
        await deleteExpiredSessions(app.db);
        await forgetOldSignInFailures(app.db);
        await forgetOldResetRequests(app.db);
        return await startSession(app.db, request, reply, options, userId, next);
      } catch (error) {
        if (!(error instanceof AccountsError)) throw error;
        request.log.info({ ip: request.ip, reason: error.code }, 'sign-in refused');
        const form = { csrfToken: csrfToken(reply), email, next, error: t(request.lang, error.messageKey) };
        return privatePage(request, reply, renderSignInPage(request.lang, form), error.status);
      }
    },
  );

  app.post('/logout', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const secret = request.cookies[SESSION_COOKIE];
    if (secret) await deleteSession(app.db, secret);
    reply.clearCookie(SESSION_COOKIE, cookieOptions);
    return reply.redirect('/', 303);
  });

  async function accountPage(request: FastifyRequest, reply: FastifyReply, pageLang: Lang, newToken?: string) {
    const principal = signedIn(request);
    const [grants, tokens] = await Promise.all([listGrants(app.db, principal.userId), listApiTokens(app.db, principal.userId)]);
    const view = {
      name: pageLang === 'en' && principal.nameEn ? principal.nameEn : principal.nameBn,
      email: principal.label,
      roles: await describeGrants(app.db, pageLang, grants),
      twoFactor: await hasSecondFactor(app.db, principal.userId),
      manageUsers: await userAdminLinks(app.db, pageLang, grants),
      tokens: tokens.map((token) => ({ id: token.id, name: token.name, createdAt: token.created_at, lastUsedAt: token.last_used_at })),
      csrfToken: csrfToken(reply),
      ...(newToken ? { newToken } : {}),
    };
    return privatePage(request, reply, renderAccountPage(pageLang, view), newToken ? 201 : 200);
  }

  app.get('/account', { config: { access: 'signed-in' }, schema: { hide: true, querystring: z.object({ lang }) } }, async (request, reply) =>
    accountPage(request, reply, request.lang),
  );

  await app.register(twoFactorRoutes, options);
  await app.register(invitationRoutes, options);
  await app.register(passwordResetRoutes, options);
  await app.register(userAdminRoutes, options);
  if (options.setupDir) await app.register(setupRoutes, { dataDir: options.setupDir });

  app.post(
    '/account/tokens',
    { config: { access: 'signed-in' }, schema: { hide: true, body: z.object({ name: z.string().trim().min(1).max(100), _csrf: z.string().optional() }) } },
    async (request, reply) => {
      const token = await issueApiToken(app.db, actorOf(request), signedIn(request).userId, request.body.name);
      return accountPage(request, reply, request.lang, token);
    },
  );

  app.post(
    '/account/tokens/:id/revoke',
    { config: { access: 'signed-in' }, schema: { hide: true, params: z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) }) } },
    async (request, reply) => {
      await withdrawApiToken(app.db, actorOf(request), signedIn(request).userId, request.params.id);
      return reply.redirect('/account', 303);
    },
  );
}
