// The page where an office's user managers make, list and revoke the office's API tokens.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { t } from '../core/i18n/index.ts';
import { actorOf, officeBySlug, type Access } from '../http/access.ts';
import { csrfToken } from '../http/csrf.ts';
import { findOfficeBySlug, officeName, OfficesError } from '../offices/index.ts';
import { findOfficeApiToken, issueOfficeApiToken, listOfficeApiTokens, revokeOfficeApiToken } from './office-tokens.ts';
import { renderOfficeTokensPage, renderRevokeTokenPage } from './pages/office-tokens-page.ts';
import { privatePage, signedIn } from './route-support.ts';

const MANAGE = {
  access: { permission: 'users.manage', target: (request: FastifyRequest) => officeBySlug((request.params as { slug: string }).slug) },
} as const satisfies { access: Access };

const lang = z.enum(['bn', 'en']).optional().catch(undefined);
const officeParams = z.object({ slug: z.string().min(1).max(100) });
const tokenParams = officeParams.extend({ id: z.coerce.number().int().min(1).max(2_147_483_647) });

export async function officeTokenRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const hide = true;

  async function officeOf(request: FastifyRequest, slug: string) {
    const office = await findOfficeBySlug(app.db, slug);
    if (!office) throw new OfficesError('office_not_found', slug);
    return { id: office.id, label: { slug: office.slug, name: officeName(request.lang, office) } };
  }

  async function listPage(request: FastifyRequest, reply: FastifyReply, slug: string, extra: { newToken?: string; notice?: string }, status = 200) {
    const office = await officeOf(request, slug);
    const tokens = await listOfficeApiTokens(app.db, office.id);
    return privatePage(request, reply, renderOfficeTokensPage(request.lang, { office: office.label, tokens, csrf: csrfToken(reply), ...extra }), status);
  }

  app.get(
    '/offices/:slug/api-tokens',
    { config: MANAGE, schema: { hide, params: officeParams, querystring: z.object({ lang, done: z.enum(['revoked']).optional().catch(undefined) }) } },
    async (request, reply) => listPage(request, reply, request.params.slug, request.query.done ? { notice: t(request.lang, 'office_tokens.done_revoked') } : {}),
  );

  app.post(
    '/offices/:slug/api-tokens',
    { config: MANAGE, schema: { hide, params: officeParams, body: z.object({ name: z.string().trim().min(1).max(100), _csrf: z.string().optional() }) } },
    async (request, reply) => {
      const office = await officeOf(request, request.params.slug);
      const token = await issueOfficeApiToken(app.db, actorOf(request), office.id, signedIn(request).userId, request.body.name);
      return listPage(request, reply, request.params.slug, { newToken: token }, 201);
    },
  );

  app.get('/offices/:slug/api-tokens/:id/revoke', { config: MANAGE, schema: { hide, params: tokenParams, querystring: z.object({ lang }) } }, async (request, reply) => {
    const office = await officeOf(request, request.params.slug);
    const token = await findOfficeApiToken(app.db, office.id, request.params.id);
    return privatePage(request, reply, renderRevokeTokenPage(request.lang, { office: office.label, token, csrf: csrfToken(reply) }));
  });

  app.post('/offices/:slug/api-tokens/:id/revoke', { config: MANAGE, schema: { hide, params: tokenParams } }, async (request, reply) => {
    const office = await officeOf(request, request.params.slug);
    await revokeOfficeApiToken(app.db, actorOf(request), office.id, request.params.id);
    return reply.redirect(`/offices/${office.label.slug}/api-tokens?done=revoked`, 303);
  });
}
