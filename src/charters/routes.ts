// The public charter pages and downloads. Handlers only load, render and send; the pages
// live in pages/, the CSV in charter-csv.ts. A published version never changes, so each page
// is rendered and compressed once per office state, language and format, and then served
// from memory (http/page-cache.ts).
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PUBLIC } from '../http/access.ts';
import { errorResponses } from '../http/api-schemas.ts';
import { renderPage, type RenderedPage } from '../http/layout.ts';
import { PageCache, sendCached, type ResponseContent } from '../http/page-cache.ts';
import { t, type Lang } from '../core/i18n/index.ts';
import { findOfficeBySlug } from '../offices/index.ts';
import { charterDocumentSchema } from './charter-schema.ts';
import { charterEditorRoutes } from './editor/routes.ts';
import { charterCsv } from './charter-csv.ts';
import { ChartersError } from './errors.ts';
import { renderCharterPage } from './pages/charter-page.ts';
import { renderServicePage } from './pages/service-page.ts';
import { charterPrintPath, PAPER_SIZES, renderCharterPrintPage } from './pages/charter-print-page.ts';
import { qrCodeSvg } from '../http/qr-svg.ts';
import { formatDate } from '../core/format.ts';
import { SERVICE_CODE_PATTERN } from './model.ts';
import { buildGrsLadder } from './grs-ladder.ts';
import { loadOfficeHours, loadOrganisationNames } from './page-context.ts';
import { exportCharter, loadPublishedCharter, loadPublishedService, serviceCodeOfOldId } from './published-charter.ts';

// an unknown ?lang= falls back to the cookie or Bangla (see http/lang.ts) rather than failing the page
const langQuery = { lang: z.enum(['bn', 'en']).optional().catch(undefined) };
const officeParams = z.object({ slug: z.string().min(1).max(100) });
// any code is accepted here so that a mistyped one is "no such service" (404), not a bad request
const serviceParams = officeParams.extend({ code: z.string().max(40) });
/** links made before services had codes named them by row id */
const OLD_SERVICE_ID = /^[1-9][0-9]{0,8}$/;
const prettyJson = (doc: unknown) => `${JSON.stringify(doc, null, 2)}\n`;

/**
 * What a cached page of this office depends on, read with one indexed lookup by slug: the
 * office's row names its published version and when it was published (a republish gives a new
 * key at once, on every instance) and holds the name and address the pages show.
 */
async function publishedOfficeKey(
  db: FastifyInstance['db'],
  slug: string,
): Promise<{ id: number; organisation_id: number | null; slug: string; key: string }> {
  const office = await findOfficeBySlug(db, slug);
  if (!office || office.published_charter_version_id === null) throw new ChartersError('office_not_found', slug);
  // A republish landing between this read and the render files newer content under this
  // older key, which no later request asks for: never older content under a newer key.
  const key = createHash('sha256').update(JSON.stringify(office)).digest('base64url');
  return { id: office.id, organisation_id: office.organisation_id, slug: office.slug, key };
}

/** The page in its frame; the language switch links to the page's own address, not the request's, so one copy serves every URL. */
function pageContent(lang: Lang, path: string, page: RenderedPage): ResponseContent {
  return { contentType: 'text/html; charset=utf-8', body: renderPage({ lang, title: page.title, path, body: page.body, stylesheet: page.stylesheet }) };
}

// an unknown paper size falls back to A4, as an unknown ?lang= falls back
const printQuery = z.object({ ...langQuery, paper: z.enum(PAPER_SIZES).optional().catch(undefined) });

/** ?lang sets the language cookie (http/lang.ts): such an answer is the visitor's own. */
const setsLanguage = (request: FastifyRequest) => (request.query as { lang?: unknown } | undefined)?.lang !== undefined;

export interface ChartersRoutesOptions {
  /** the app's cache of rendered pages; tests pass their own to watch it */
  pageCache?: PageCache;
  /** PUBLIC_URL: the address printed charters' QR codes point to; unset, the request's own origin */
  publicUrl?: string | undefined;
}

export async function chartersRoutes(fastify: FastifyInstance, options: ChartersRoutesOptions = {}): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const pageCache = options.pageCache ?? new PageCache();
  // publishing changes the office's row, which every cached page's key is made of
  await app.register(charterEditorRoutes);

  app.get(
    '/offices/:slug',
    // compressed once in the page cache, not again on every answer
    { config: PUBLIC, compress: false, schema: { summary: "An office's published Citizen's Charter", params: officeParams, querystring: z.object(langQuery) } },
    async (request, reply) => {
      const { lang } = request;
      const office = await publishedOfficeKey(app.db, request.params.slug);
      // the office's hours belong to the calendar, not to the office's row: they are part of the key
      const { hours, key: hoursKey } = await loadOfficeHours(app.db, office.id);
      const page = await pageCache.get(`charter-page:${office.key}:${hoursKey}:${lang}`, async () => {
        const [charter, organisation] = await Promise.all([loadPublishedCharter(app.db, office.slug), loadOrganisationNames(app.db, office.organisation_id)]);
        return pageContent(lang, `/offices/${office.slug}`, renderCharterPage(lang, charter, { hours, organisation }));
      });
      return sendCached(request, reply, page, { private: setsLanguage(request) });
    },
  );

  app.get(
    '/offices/:slug/services/:code',
    {
      config: PUBLIC,
      compress: false,
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
      const { lang } = request;
      const office = await publishedOfficeKey(app.db, slug);
      // a code that names no service throws here, and nothing is kept
      const page = await pageCache.get(`service-page:${office.key}:${code}:${lang}`, async () => {
        const { office: shown, service } = await loadPublishedService(app.db, office.slug, code);
        const ladder = buildGrsLadder(await loadPublishedCharter(app.db, office.slug));
        return pageContent(lang, `/offices/${office.slug}/services/${code}`, renderServicePage(lang, { office: shown, service, ladder }));
      });
      return sendCached(request, reply, page, { private: setsLanguage(request) });
    },
  );

  app.get(
    '/offices/:slug/print',
    {
      config: PUBLIC,
      compress: false,
      schema: {
        summary: "An office's published charter to print: A4, or ?paper=a3 for the notice board",
        params: officeParams,
        querystring: printQuery,
      },
    },
    async (request, reply) => {
      const { lang } = request;
      const paper = request.query.paper ?? 'a4';
      const office = await publishedOfficeKey(app.db, request.params.slug);
      // without PUBLIC_URL the address comes from the Host header: kept apart per origin, and
      // never handed by a shared cache to a reader who asked under another name
      const origin = options.publicUrl ?? `${request.protocol}://${request.host}`;
      const printedAt = new Date();
      // the print date is the day's: a new copy each Dhaka day
      const key = `charter-print:${office.key}:${lang}:${paper}:${formatDate('en', printedAt)}:${origin}`;
      const page = await pageCache.get(key, async () => {
        const charter = await loadPublishedCharter(app.db, office.slug);
        const charterUrl = `${origin}/offices/${office.slug}${lang === 'en' ? '?lang=en' : ''}`;
        const qr = await qrCodeSvg(charterUrl, t(lang, 'print.qr_label', { url: charterUrl }));
        return pageContent(lang, charterPrintPath(office.slug, paper), renderCharterPrintPage(lang, charter, { paper, charterUrl, qr, printedAt }));
      });
      return sendCached(request, reply, page, { private: setsLanguage(request) || options.publicUrl === undefined });
    },
  );

  app.get(
    '/offices/:slug/charter.json',
    {
      config: PUBLIC,
      compress: false,
      schema: {
        summary: 'The published charter as canonical JSON (protishruti.charter/v1)',
        params: officeParams,
        response: { 200: charterDocumentSchema, ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const office = await publishedOfficeKey(app.db, request.params.slug);
      const json = await pageCache.get(`charter-json:${office.key}`, async () => ({
        contentType: 'application/json; charset=utf-8',
        // pretty-printed for people who open it; the schema above documents it
        body: prettyJson(await exportCharter(app.db, office.slug)),
      }));
      return sendCached(request, reply, json);
    },
  );

  app.get(
    '/offices/:slug/charter.csv',
    {
      config: PUBLIC,
      compress: false,
      schema: {
        summary: 'The published charter’s services as CSV (UTF-8 with BOM)',
        params: officeParams,
        response: { 200: { description: 'One row per service', content: { 'text/csv': { schema: z.string() } } }, ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const office = await publishedOfficeKey(app.db, request.params.slug);
      const csv = await pageCache.get(`charter-csv:${office.key}`, async () => ({
        contentType: 'text/csv; charset=utf-8',
        // a stored office's slug is [a-z0-9-] only: safe in the header
        headers: { 'content-disposition': `attachment; filename="${office.slug}-charter.csv"` },
        body: charterCsv((await exportCharter(app.db, office.slug)).services),
      }));
      return sendCached(request, reply, csv);
    },
  );
}
