// The transfer of a request to another office, for the sending office's handlers: a page to find
// and choose the receiving office and its service, and the form that transfers. Thin handlers over
// transfer.ts; 303 back to the request, which then names its new number.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { loadPublishedCharter } from '../charters/index.ts';
import { t, type Lang } from '../core/i18n/index.ts';
import { actorOf, officeBySlug, type Access } from '../http/access.ts';
import { csrfToken } from '../http/csrf.ts';
import type { FieldErrors } from '../http/form-parts.ts';
import { privatePage } from '../http/layout.ts';
import { findOfficeBySlug, officeName, searchPublishedOffices } from '../offices/index.ts';
import { RequestsError } from './errors.ts';
import { renderTransferPage, type OfficeChoice, type TransferPageView } from './pages/transfer-page.ts';
import { requestHref } from './pages/queue-page.ts';
import { loadOfficeRequest, type RequestNotices } from './request-service.ts';
import { canTake } from './request-states.ts';
import { requestNumberOf, requireOffice } from './route-params.ts';
import { transferRequest } from './transfer.ts';

const HANDLE = {
  access: { permission: 'requests.handle', target: (request: FastifyRequest) => officeBySlug((request.params as { slug: string }).slug) },
} as const satisfies { access: Access };

const lang = z.enum(['bn', 'en']).optional().catch(undefined);
const requestParams = z.object({ slug: z.string().min(1).max(100), number: z.string().min(1).max(40) });
const transferQuery = z.object({
  lang,
  q: z.string().max(100).optional().catch(undefined),
  to: z.string().max(100).optional().catch(undefined),
});
const transferBody = z.object({
  to: z.string().max(100).optional(),
  service: z.string().max(40).optional(),
  note: z.string().max(2_000).optional(),
  _csrf: z.string().optional(),
});
/** Errors shown beside the field that caused them; any other is the error page's. */
const FORM_FIELDS: ReadonlySet<string> = new Set(['office', 'service', 'note']);

export interface RequestTransferOptions {
  notices?: Omit<RequestNotices, 'officeName'> | undefined;
}

export async function requestTransferRoutes(fastify: FastifyInstance, options: RequestTransferOptions): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const hide = true;

  /** The office and its open request; a request that can no longer be transferred is refused here already. */
  async function sendingRequest(lang: Lang, slug: string, number: string) {
    const office = await requireOffice(app.db, slug);
    const { request } = await loadOfficeRequest(app.db, office.id, requestNumberOf(number));
    if (!canTake('transfer', request.status)) throw new RequestsError('action_not_allowed', `transfer from ${request.status}`);
    return { office: { id: office.id, label: { slug: office.slug, name: officeName(lang, office) } }, request };
  }

  /** The receiving office and its published services, when it may receive (another office, published). */
  async function chosenOffice(lang: Lang, sendingOfficeId: number, slug: string): Promise<TransferPageView['chosen']> {
    const office = await findOfficeBySlug(app.db, slug);
    if (!office || office.published_charter_version_id === null || office.id === sendingOfficeId) return null;
    const charter = await loadPublishedCharter(app.db, slug);
    const choice: OfficeChoice = { slug: office.slug, name_bn: office.name_bn, name_en: office.name_en, place_bn: null, place_en: null };
    const services = charter.services.map((service) => ({
      code: service.code,
      name: (lang === 'en' ? (service.name_en ?? service.name_bn) : (service.name_bn ?? service.name_en)) ?? service.code,
    }));
    return { office: choice, services };
  }

  interface PageInput {
    query: string;
    to: string | undefined;
    values: TransferPageView['values'];
    errors: FieldErrors;
  }

  async function transferPage(request: FastifyRequest, reply: FastifyReply, slug: string, number: string, input: PageInput, status = 200) {
    const { lang } = request;
    const { office, request: row } = await sendingRequest(lang, slug, number);
    const query = input.query.trim();
    const matches = query === '' ? null : (await searchPublishedOffices(app.db, query, 1)).offices.filter((match) => match.slug !== office.label.slug);
    const chosen = input.to ? await chosenOffice(lang, office.id, input.to) : null;
    const errors = { ...input.errors };
    if (input.to && !chosen && !errors.office) errors.office = t(lang, input.to === office.label.slug ? 'error.transfer_same_office' : 'error.transfer_office_unavailable');
    const view: TransferPageView = { office: office.label, request: row, query, matches, chosen, values: input.values, errors, csrf: csrfToken(reply) };
    // the signed-in user's page, with a CSRF token: never cached
    return privatePage(request, reply, renderTransferPage(lang, view), status);
  }

  app.get(
    '/offices/:slug/requests/:number/transfer',
    { config: HANDLE, schema: { hide, params: requestParams, querystring: transferQuery } },
    async (request, reply) =>
      transferPage(request, reply, request.params.slug, request.params.number, {
        query: request.query.q ?? '',
        to: request.query.to,
        values: { service: '', note: '' },
        errors: {},
      }),
  );

  app.post('/offices/:slug/requests/:number/transfer', { config: HANDLE, schema: { hide, params: requestParams, body: transferBody } }, async (request, reply) => {
    const { slug, number } = request.params;
    const { lang } = request;
    const to = request.body.to?.trim() ?? '';
    const values = { service: request.body.service?.trim() ?? '', note: request.body.note ?? '' };
    const again = (errors: FieldErrors, status: number) => transferPage(request, reply, slug, number, { query: '', to: to || undefined, values, errors }, status);
    if (values.service === '') return again({ service: t(lang, 'request_transfer.error.service') }, 400);
    const office = await requireOffice(app.db, slug);
    const trackingNumber = requestNumberOf(number);
    try {
      const { from } = await transferRequest(app.db, actorOf(request), office.id, trackingNumber, { toOfficeSlug: to, serviceCode: values.service, note: values.note }, options.notices);
      return reply.redirect(requestHref(slug, from.tracking_number), 303);
    } catch (error) {
      if (!(error instanceof RequestsError) || error.field === undefined || !FORM_FIELDS.has(error.field)) throw error;
      return again({ [error.field]: t(lang, error.messageKey) }, error.status);
    }
  });
}
