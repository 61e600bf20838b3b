// The messages pages: every message for system administrators (/admin/messages), an office's
// own for its staff (/offices/:slug/messages). They hold mobile numbers and e-mail addresses, so
// only those who may read the office's requests see them.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NATIONAL, officeBySlug } from '../http/access.ts';
import { sendPage } from '../http/layout.ts';
import { listNotifications } from './repository.ts';
import { renderMessagesPage } from './pages/messages-page.ts';

const PAGE_SIZE = 50;
const query = z.object({
  lang: z.enum(['bn', 'en']).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});

export interface MessagesRoutesOptions {
  /** the office's id and name by its slug (offices feature); undefined when there is none */
  findOffice: (slug: string) => Promise<{ id: number; name_bn: string; name_en: string | null } | undefined>;
}

export async function notificationsRoutes(fastify: FastifyInstance, options: MessagesRoutesOptions): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get('/admin/messages', { config: { access: { permission: 'audit.read', target: () => NATIONAL } }, schema: { hide: true, querystring: query } }, async (request, reply) => {
    const page = request.query.page ?? 1;
    const rows = await listNotifications(app.db, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
    const view = { officeName: undefined, messages: rows.slice(0, PAGE_SIZE), page, hasNext: rows.length > PAGE_SIZE, href: '/admin/messages' };
    return sendPage(request, reply.header('cache-control', 'no-store'), renderMessagesPage(request.lang, view));
  });

  app.get(
    '/offices/:slug/messages',
    {
      config: { access: { permission: 'requests.read', target: (request) => officeBySlug((request.params as { slug: string }).slug) } },
      schema: { hide: true, params: z.object({ slug: z.string().min(1).max(100) }), querystring: query },
    },
    async (request, reply) => {
      const office = await options.findOffice(request.params.slug);
      if (!office) return reply.callNotFound();
      const page = request.query.page ?? 1;
      const rows = await listNotifications(app.db, { officeId: office.id, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
      const officeName = request.lang === 'en' ? (office.name_en ?? office.name_bn) : office.name_bn;
      const view = { officeName, messages: rows.slice(0, PAGE_SIZE), page, hasNext: rows.length > PAGE_SIZE, href: `/offices/${request.params.slug}/messages` };
      return sendPage(request, reply.header('cache-control', 'no-store'), renderMessagesPage(request.lang, view));
    },
  );
}
