// /invitation/<token>: the link in an invitation mail. The invitee chooses a password and is
// signed in (or sent on to the second factor their role needs).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { t } from '../core/i18n/index.ts';
import { csrfToken } from '../http/csrf.ts';
import { inspectAccountToken, type TokenPurpose } from './account-tokens.ts';
import { AccountsError } from './errors.ts';
import { acceptInvitation } from './invitations.ts';
import { renderLinkProblemPage, renderSetPasswordPage, type LinkProblem } from './pages/set-password-page.ts';
import { privatePage, startSession, type AccountsRoutesOptions } from './route-support.ts';
import { findUserById } from './user-repository.ts';

export const tokenParams = z.object({ token: z.string().max(100) });

/** The link's problem page: 410 for a link that worked once, 404 for one that never did. */
export function sendLinkProblem(request: FastifyRequest, reply: FastifyReply, problem: LinkProblem) {
  return privatePage(request, reply, renderLinkProblemPage(request.lang, problem), problem === 'unknown' ? 404 : 410);
}

/** The set-password form for a link, or its problem page. */
export async function setPasswordPage(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply, purpose: TokenPurpose, token: string, action: string, error?: AccountsError) {
  const state = await inspectAccountToken(app.db, token, purpose);
  const user = state.state === 'usable' ? await findUserById(app.db, state.userId) : undefined;
  if (!user) return sendLinkProblem(request, reply, state.state === 'usable' ? 'unknown' : state.state);
  const name = request.lang === 'en' && user.name_en ? user.name_en : user.name_bn;
  const errors = error ? { password: t(request.lang, error.messageKey) } : {};
  return privatePage(request, reply, renderSetPasswordPage(request.lang, { purpose, action, csrfToken: csrfToken(reply), email: user.email, name, errors }), error?.status ?? 200);
}

export async function invitationRoutes(fastify: FastifyInstance, options: AccountsRoutesOptions): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get('/invitation/:token', { config: { access: 'public' }, schema: { hide: true, params: tokenParams } }, async (request, reply) =>
    setPasswordPage(app, request, reply, 'invite', request.params.token, request.url.split('?')[0] ?? ''),
  );

  app.post(
    '/invitation/:token',
    { config: { access: 'public' }, schema: { hide: true, params: tokenParams, body: z.object({ password: z.string().max(1000), username: z.string().max(254).optional(), _csrf: z.string().optional() }) } },
    async (request, reply) => {
      const { token } = request.params;
      let userId: number;
      try {
        userId = await acceptInvitation(app.db, token, request.body.password, request.ip);
      } catch (error) {
        if (!(error instanceof AccountsError)) throw error;
        if (error.code === 'invalid_link') {
          const state = await inspectAccountToken(app.db, token, 'invite');
          return sendLinkProblem(request, reply, state.state === 'usable' ? 'unknown' : state.state);
        }
        return setPasswordPage(app, request, reply, 'invite', token, request.url, error);
      }
      return startSession(app.db, request, reply, options, userId, '/account');
    },
  );
}
