// The public charter pages and downloads. Handlers only load, render and send; the pages
// live in pages/, the CSV in charter-csv.ts.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../http/api-schemas.ts';
import { sendPage } from '../http/layout.ts';
import { charterDocumentSchema } from './charter-schema.ts';
import { charterCsv } from './charter-csv.ts';
import { ChartersError } from './errors.ts';
import { renderCharterPage } from './pages/charter-page.ts';
import { renderServicePage } from './pages/service-page.ts';
import { SERVICE_CODE_PATTERN } from './model.ts';
import { exportCharter, loadPublishedCharter, loadPublishedService, serviceCodeOfOldId } from './published-charter.ts';

// an unknown ?lang= falls back to the cookie or Bangla (see http/lang.ts) rather than failing the page
const langQuery = { lang: z.enum(['bn', 'en']).optional().catch(undefined) };
const officeParams = z.object({ slug: z.string().min(1).max(100) });
// any code is accepted here so that a mistyped one is "no such service" (404), not a bad request
const serviceParams = officeParams.extend({ code: z.string().max(40) });
/** links made before services had codes named them by row id */
const OLD_SERVICE_ID = /^[1-9][0-9]{0,8}$/;
const prettyJson = (doc: unknown) => `${JSON.stringify(doc, null, 2)}\n`;

export async function chartersRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/offices/:slug',
    { schema: { summary: "An office's published Citizen's Charter", params: officeParams, querystring: z.object(langQuery) } },
    async (request, reply) => {
      const charter = await loadPublishedCharter(app.db, request.params.slug);
      return sendPage(request, reply, renderCharterPage(request.lang, charter));
    },
  );

  app.get(
    '/offices/:slug/services/:code',
    {
      schema: {
        summary: 'One service of a published charter, by its code (s1, s2, …); an old numeric id redirects to the code',
        params: serviceParams,
        querystring: z.object(langQuery),
      },
    },
    async (request, reply) => {
      const { slug, code } = request.params;
      if (OLD_SERVICE_ID.test(code)) {
        const current = await serviceCodeOfOldId(app.db, slug, Number(code));
        const query = request.url.indexOf('?');
        const location = `/offices/${encodeURIComponent(slug)}/services/${current}${query === -1 ? '' : request.url.slice(query)}`;
        return reply.redirect(location, 301);
      }
      if (!SERVICE_CODE_PATTERN.test(code)) throw new ChartersError('service_not_found', code);
      const { office, service } = await loadPublishedService(app.db, slug, code);
      return sendPage(request, reply, renderServicePage(request.lang, { office, service }));
    },
  );

  app.get(
    '/offices/:slug/charter.json',
    {
      schema: {
        summary: 'The published charter as canonical JSON (protishruti.charter/v1)',
        params: officeParams,
        response: { 200: charterDocumentSchema, ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const doc = await exportCharter(app.db, request.params.slug);
      // pretty-printed for people who open it; the schema above documents it
      return reply.type('application/json; charset=utf-8').serializer(prettyJson).send(doc);
    },
  );

  app.get(
    '/offices/:slug/charter.csv',
    {
      schema: {
        summary: 'The published charter’s services as CSV (UTF-8 with BOM)',
        params: officeParams,
        response: { 200: { description: 'One row per service', content: { 'text/csv': { schema: z.string() } } }, ...errorResponses(400, 404) },
      },
    },
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
