// The office directory's pages (each kept per directory revision: directory-cache.ts) and the
// API that sets an office's own hours.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { movedClocksJson, officeHoursChangeResponse, setOfficeHours } from '../calendar/index.ts';
import { actorOf, officeBySlug, PUBLIC } from '../http/access.ts';
import { guardedErrorResponses } from '../http/api-schemas.ts';
import { DirectoryPages, normaliseSearchTerm, pastTheEnd, type DirectoryCaches } from './directory-cache.ts';
import {
  districtHref,
  divisionHref,
  loadDistrict,
  loadDivision,
  loadHome,
  loadOrganisation,
  loadOrganisations,
  loadUnplaced,
  loadUpazila,
  organisationHref,
  UNRECORDED,
  upazilaHref,
} from './directory.ts';
import { renderDirectoryPage, renderUnplacedPage } from './pages/directory-page.ts';
import { pageHref } from './pages/directory-parts.ts';
import { renderOrganisationPage, renderOrganisationsPage } from './pages/organisation-page.ts';
import { renderDistrictPage, renderDivisionPage, renderUpazilaPage } from './pages/place-page.ts';
import { requireOfficeId } from './repository.ts';

export interface OfficesRoutesOptions {
  /** the directory's rendered pages; default: caches of its own (createDirectoryCaches) */
  directoryCaches?: DirectoryCaches;
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
  const pages = new DirectoryPages(app.db, options.directoryCaches);

  app.get(
    '/',
    {
      // compressed once in the page cache, not again on every answer
      config: PUBLIC, compress: false,
      schema: {
        summary: 'Office directory: the divisions with their counts of published charters (a search, ?q=, moved to /search)',
        querystring: listQuery.extend({ q: z.string().max(200).optional() }),
      },
    },
    async (request, reply) => {
      const { lang } = request;
      const query = normaliseSearchTerm(request.query.q ?? '');
      if (!query) return pages.send(request, reply, '/', async () => renderDirectoryPage(lang, await loadHome(app.db, lang)));
      // the search moved to /search (src/search/), which finds services as well as offices
      const { page, lang: chosen } = request.query;
      return reply.redirect(pageHref('/search', chosen ? { q: query, lang: chosen } : { q: query }, page ?? 1), 301);
    },
  );

  app.get(
    '/divisions/:division',
    { config: PUBLIC, compress: false, schema: { summary: "A division's districts with their counts of published charters", params: z.object({ division: slug }), querystring: listQuery } },
    async (request, reply) => {
      const { lang } = request;
      const { division } = request.params;
      if (division === UNRECORDED) {
        const page = request.query.page ?? 1;
        return pages.send(request, reply, pageHref(divisionHref(UNRECORDED), {}, page), async () => {
          const offices = await loadUnplaced(app.db, page);
          return { ...renderUnplacedPage(lang, offices), keep: !pastTheEnd(offices) };
        });
      }
      return pages.send(request, reply, divisionHref(division), async () => renderDivisionPage(lang, await loadDivision(app.db, lang, division)));
    },
  );

  app.get(
    '/districts/:district',
    { config: PUBLIC, compress: false, schema: { summary: "A district's upazilas and a page of its district offices", params: z.object({ district: slug }), querystring: listQuery } },
    async (request, reply) => {
      const { lang } = request;
      const { district } = request.params;
      const page = request.query.page ?? 1;
      return pages.send(request, reply, pageHref(districtHref(district), {}, page), async () => {
        const view = await loadDistrict(app.db, lang, district, page);
        return { ...renderDistrictPage(lang, view), keep: !pastTheEnd(view.offices) };
      });
    },
  );

  app.get(
    '/upazilas/:upazila',
    { config: PUBLIC, compress: false, schema: { summary: "A page of an upazila's offices with a published charter", params: z.object({ upazila: slug }), querystring: listQuery } },
    async (request, reply) => {
      const { lang } = request;
      const { upazila } = request.params;
      const page = request.query.page ?? 1;
      return pages.send(request, reply, pageHref(upazilaHref(upazila), {}, page), async () => {
        const view = await loadUpazila(app.db, upazila, page);
        return { ...renderUpazilaPage(lang, view), keep: !pastTheEnd(view.offices) };
      });
    },
  );

  app.get(
    '/organisations',
    { config: PUBLIC, compress: false, schema: { summary: 'Ministries and divisions with their counts of published charters', querystring: z.object({ lang }) } },
    async (request, reply) => {
      const { lang } = request;
      return pages.send(request, reply, '/organisations', async () => renderOrganisationsPage(lang, await loadOrganisations(app.db, lang)));
    },
  );

  app.get(
    '/organisations/:organisation',
    {
      config: PUBLIC, compress: false,
      schema: {
        summary: "An organisation's divisions, departments and agencies, and a page of its own offices",
        params: z.object({ organisation: slug }),
        querystring: listQuery,
      },
    },
    async (request, reply) => {
      const { lang } = request;
      const { organisation } = request.params;
      const page = request.query.page ?? 1;
      return pages.send(request, reply, pageHref(organisationHref(organisation), {}, page), async () => {
        const view = await loadOrganisation(app.db, lang, organisation, page);
        return { ...renderOrganisationPage(lang, view), keep: !pastTheEnd(view.offices) };
      });
    },
  );

  app.put(
    '/api/offices/:slug/hours',
    {
      config: { access: { permission: 'calendar.edit', target: (request) => officeBySlug((request.params as { slug: string }).slug) } },
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
      const { result, moved, changeId } = await setOfficeHours(app.db, actorOf(request), officeId, request.body);
      const { weekly_holidays, opening, closing } = result;
      return { hours: { office: slug, weekly_holidays, opening, closing }, moved: movedClocksJson(moved), change_id: changeId };
    },
  );
}
