// The office directory (home page) and the API that sets an office's own hours.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { movedClocksJson, officeHoursChangeResponse, setOfficeHours } from '../calendar/index.ts';
import { requireAdminToken } from '../http/admin-token.ts';
import { guardedErrorResponses } from '../http/api-schemas.ts';
import { sendPage } from '../http/layout.ts';
import { renderDirectoryPage } from './pages/directory-page.ts';
import { listPublishedOffices, requireOfficeId } from './repository.ts';

export interface OfficesRoutesOptions {
  adminApiToken: string | undefined;
}

const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;
const hoursBody = z
  .object({
    weekly_holidays: z.array(z.number().int().min(1).max(7)).max(7),
    opening: z.string().regex(TIME_OF_DAY),
    closing: z.string().regex(TIME_OF_DAY),
  })
  .strict();

export async function officesRoutes(fastify: FastifyInstance, options: OfficesRoutesOptions): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/',
    {
      schema: {
        summary: 'Directory of offices with a published charter',
        // an unknown ?lang= falls back to the cookie or Bangla (see http/lang.ts) rather than failing the page
        querystring: z.object({ q: z.string().max(200).optional(), lang: z.enum(['bn', 'en']).optional().catch(undefined) }),
      },
    },
    async (request, reply) => {
      const query = request.query.q?.trim() ?? '';
      const offices = await listPublishedOffices(app.db, query);
      return sendPage(request, reply, renderDirectoryPage(request.lang, query, offices));
    },
  );

  app.put(
    '/api/offices/:slug/hours',
    {
      preHandler: requireAdminToken(options.adminApiToken),
      schema: {
        summary: "Set an office's weekly holidays (ISO weekdays) and opening hours",
        params: z.object({ slug: z.string().max(100) }),
        body: hoursBody,
        response: { 200: officeHoursChangeResponse, ...guardedErrorResponses(400, 404, 413, 415) },
      },
    },
    async (request) => {
      const { slug } = request.params;
      const officeId = await requireOfficeId(app.db, slug, 'slug');
      const { result, moved, changeId } = await setOfficeHours(app.db, 'api:admin-token', officeId, request.body);
      const { weekly_holidays, opening, closing } = result;
      return { hours: { office: slug, weekly_holidays, opening, closing }, moved: movedClocksJson(moved), change_id: changeId };
    },
  );
}
