// The public charter pages and downloads. Handlers only load, render and send; the pages
// live in pages/, the CSV in charter-csv.ts.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendPage } from '../http/layout.ts';
import { listPublishedOffices } from '../offices/index.ts';
import { charterCsv } from './charter-csv.ts';
import { ChartersError } from './errors.ts';
import { renderCharterPage } from './pages/charter-page.ts';
import { renderDirectoryPage } from './pages/directory-page.ts';
import { renderServicePage } from './pages/service-page.ts';
import { exportCharter, loadPublishedCharter, loadPublishedService } from './published-charter.ts';

// an unknown ?lang= falls back to the cookie or Bangla (see http/lang.ts) rather than failing the page
const langQuery = { lang: z.enum(['bn', 'en']).optional().catch(undefined) };
const officeParams = z.object({ slug: z.string().min(1).max(100) });
// any id is accepted here so that a mistyped one is "no such service" (404), not a bad request
const serviceParams = officeParams.extend({ id: z.string().max(40) });
const SERVICE_ID = /^[1-9][0-9]{0,8}$/;

export async function chartersRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/',
    { schema: { summary: 'Directory of offices with a published charter', querystring: z.object({ q: z.string().max(200).optional(), ...langQuery }) } },
    async (request, reply) => {
      const query = request.query.q?.trim() ?? '';
      const offices = await listPublishedOffices(app.db, query);
      return sendPage(request, reply, renderDirectoryPage(request.lang, query, offices));
    },
  );

  app.get(
    '/offices/:slug',
    { schema: { summary: "An office's published Citizen's Charter", params: officeParams, querystring: z.object(langQuery) } },
    async (request, reply) => {
      const charter = await loadPublishedCharter(app.db, request.params.slug);
      return sendPage(request, reply, renderCharterPage(request.lang, charter));
    },
  );

  app.get(
    '/offices/:slug/services/:id',
    { schema: { summary: 'One service of a published charter', params: serviceParams, querystring: z.object(langQuery) } },
    async (request, reply) => {
      const { id } = request.params;
      if (!SERVICE_ID.test(id)) throw new ChartersError('service_not_found', id);
      const { office, service } = await loadPublishedService(app.db, request.params.slug, Number(id));
      return sendPage(request, reply, renderServicePage(request.lang, { office, service }));
    },
  );

  app.get(
    '/offices/:slug/charter.json',
    { schema: { summary: 'The published charter as canonical JSON (protishruti.charter/v1)', params: officeParams } },
    async (request, reply) => {
      const doc = await exportCharter(app.db, request.params.slug);
      return reply.type('application/json; charset=utf-8').send(`${JSON.stringify(doc, null, 2)}\n`);
    },
  );

  app.get(
    '/offices/:slug/charter.csv',
    { schema: { summary: 'The published charter’s services as CSV (UTF-8 with BOM)', params: officeParams } },
    async (request, reply) => {
      const { slug } = request.params;
      const doc = await exportCharter(app.db, slug);
      // the slug matched a stored office, whose slugs are [a-z0-9-] only: safe in the header
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${slug}-charter.csv"`)
        .send(charterCsv(doc.services));
    },
  );
}
