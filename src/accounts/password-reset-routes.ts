// Forgotten passwords: /password-reset asks for a link (the same answer whether or not the
// address has an account), /password-reset/<token> chooses the new password and signs the
// user out everywhere.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { t } from '../core/i18n/index.ts';
import { csrfToken } from '../http/csrf.ts';
import { passwordResetMail } from './account-mail.ts';
import { inspectAccountToken } from './account-tokens.ts';
import { SESSION_COOKIE } from './authorisation.ts';
import { AccountsError } from './errors.ts';
import { sendLinkProblem, setPasswordPage, tokenParams } from './invitation-routes.ts';
import { renderPasswordResetRequestPage } from './pages/password-reset-page.ts';
import { renderMessagePage } from './pages/set-password-page.ts';
import { requestPasswordReset, resetPassword } from './password-reset.ts';
import { linkBase, privatePage, sendAfterCommit, sessionCookieOptions, type AccountsRoutesOptions } from './route-support.ts';

const lang = z.enum(['bn', 'en']).optional().catch(undefined);

export async function passwordResetRoutes(fastify: FastifyInstance, options: AccountsRoutesOptions): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get('/password-reset', { config: { access: 'public' }, schema: { hide: true, querystring: z.object({ lang }) } }, async (request, reply) =>
    privatePage(request, reply, renderPasswordResetRequestPage(request.lang, { csrfToken: csrfToken(reply), email: '', errors: {} })),
  );

  app.post(
    '/password-reset',
    { config: { access: 'public' }, schema: { hide: true, body: z.object({ email: z.string().max(254), _csrf: z.string().optional() }) } },
    async (request, reply) => {
      const { email } = request.body;
      let found: { email: string; token: string } | null;
      try {
        found = await requestPasswordReset(app.db, email, request.ip);
      } catch (error) {
        if (!(error instanceof AccountsError)) throw error;
        const problem = t(request.lang, error.messageKey);
        const view = { csrfToken: csrfToken(reply), email, ...(error.field === 'email' ? { errors: { email: problem } } : { errors: {}, general: problem }) };
        return privatePage(request, reply, renderPasswordResetRequestPage(request.lang, view), error.status);
      }
      if (found) {
        const mail = passwordResetMail(found.email, `${linkBase(request, options)}/password-reset/${found.token}`);
        // not awaited: an answer that waited for the mail server would tell, by its time, that the address has an account
        void sendAfterCommit(options.mailer, request.log, mail);
      }
      const page = renderMessagePage(request.lang, 'account.reset_sent_title', t(request.lang, 'account.reset_sent', { email }), { href: '/login', label: t(request.lang, 'account.sign_in_link') });
      return privatePage(request, reply, page);
    },
  );

  app.get('/password-reset/:token', { config: { access: 'public' }, schema: { hide: true, params: tokenParams } }, async (request, reply) =>
    setPasswordPage(app, request, reply, 'reset', request.params.token, request.url.split('?')[0] ?? ''),
  );

  app.post(
    '/password-reset/:token',
    { config: { access: 'public' }, schema: { hide: true, params: tokenParams, body: z.object({ password: z.string().max(1000), username: z.string().max(254).optional(), _csrf: z.string().optional() }) } },
    async (request, reply) => {
      const { token } = request.params;
      try {
        await resetPassword(app.db, token, request.body.password, request.ip);
      } catch (error) {
        if (!(error instanceof AccountsError)) throw error;
        if (error.code === 'invalid_link') {
          const state = await inspectAccountToken(app.db, token, 'reset');
          return sendLinkProblem(request, reply, state.state === 'usable' ? 'unknown' : state.state);
        }
        return setPasswordPage(app, request, reply, 'reset', token, request.url, error);
      }
      reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(options));
      const page = renderMessagePage(request.lang, 'account.reset_done_title', t(request.lang, 'account.reset_done'), { href: '/login', label: t(request.lang, 'account.sign_in_link') });
      return privatePage(request, reply, page);
    },
  );
}
