// The office directory (home page) and the API that sets an office's own hours.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { movedClocksJson, officeHoursChangeResponse, setOfficeHours } from '../calendar/index.ts';
import { requireAdminToken } from '../http/admin-token.ts';
import { guardedErrorResponses } from '../http/api-schemas.ts';
import { sendPage } from '../http/layout.ts';
import { loadDistrict, loadDivision, loadHome, loadOrganisation, loadOrganisations, loadSearch, loadUnplaced, loadUpazila, UNRECORDED } from './directory.ts';
import { renderDirectoryPage, renderSearchPage, renderUnplacedPage } from './pages/directory-page.ts';
import { renderOrganisationPage, renderOrganisationsPage } from './pages/organisation-page.ts';
import { renderDistrictPage, renderDivisionPage, renderUpazilaPage } from './pages/place-page.ts';
import { requireOfficeId } from './repository.ts';

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

// an unknown ?lang= falls back to the cookie or Bangla (see http/lang.ts) rather than failing the page
const lang = z.enum(['bn', 'en']).optional().catch(undefined);
const listQuery = z.object({ lang, page: z.coerce.number().int().min(1).max(100_000).optional() });
const slug = z.string().min(1).max(100);

export async function officesRoutes(fastify: FastifyInstance, options: OfficesRoutesOptions): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/',
    {
      schema: {
        summary: 'Office directory: the divisions with their counts of published charters, or a page of search results',
        querystring: listQuery.extend({ q: z.string().max(200).optional() }),
      },
    },
    async (request, reply) => {
      const query = request.query.q?.trim() ?? '';
      if (query) return sendPage(request, reply, renderSearchPage(request.lang, query, await loadSearch(app.db, query, request.query.page ?? 1)));
      return sendPage(request, reply, renderDirectoryPage(request.lang, await loadHome(app.db, request.lang)));
    },
  );

  app.get(
    '/divisions/:division',
    { schema: { summary: "A division's districts with their counts of published charters", params: z.object({ division: slug }), querystring: listQuery } },
    async (request, reply) => {
      const { division } = request.params;
      if (division === UNRECORDED) return sendPage(request, reply, renderUnplacedPage(request.lang, await loadUnplaced(app.db, request.query.page ?? 1)));
      return sendPage(request, reply, renderDivisionPage(request.lang, await loadDivision(app.db, request.lang, division)));
    },
  );

  app.get(
    '/districts/:district',
    { schema: { summary: "A district's upazilas and a page of its district offices", params: z.object({ district: slug }), querystring: listQuery } },
    async (request, reply) => {
      const view = await loadDistrict(app.db, request.lang, request.params.district, request.query.page ?? 1);
      return sendPage(request, reply, renderDistrictPage(request.lang, view));
    },
  );

  app.get(
    '/upazilas/:upazila',
    { schema: { summary: "A page of an upazila's offices with a published charter", params: z.object({ upazila: slug }), querystring: listQuery } },
    async (request, reply) => {
      const view = await loadUpazila(app.db, request.params.upazila, request.query.page ?? 1);
      return sendPage(request, reply, renderUpazilaPage(request.lang, view));
    },
  );

  app.get(
    '/organisations',
    { schema: { summary: 'Ministries and divisions with their counts of published charters', querystring: z.object({ lang }) } },
    async (request, reply) => sendPage(request, reply, renderOrganisationsPage(request.lang, await loadOrganisations(app.db, request.lang))),
  );

  app.get(
    '/organisations/:organisation',
    { schema: { summary: "An organisation's divisions, departments and agencies, and a page of its own offices", params: z.object({ organisation: slug }), querystring: listQuery } },
    async (request, reply) => {
      const view = await loadOrganisation(app.db, request.lang, request.params.organisation, request.query.page ?? 1);
      return sendPage(request, reply, renderOrganisationPage(request.lang, view));
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
