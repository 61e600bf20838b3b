// The citizen's side of service requests: applying online for a service of a published charter,
// and following a request by its tracking number and the last four digits of its mobile number,
// as pages that work without JavaScript and as JSON. Handlers check the form, call the services
// and render; the rules live in request-service.ts and tracking.ts.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { loadPublishedService } from '../charters/index.ts';
import type { Actor } from '../core/actor.ts';
import { formatNumber } from '../core/format.ts';
import { t, type Lang } from '../core/i18n/index.ts';
import { PUBLIC } from '../http/access.ts';
import { errorResponse, errorResponses } from '../http/api-schemas.ts';
import { csrfToken } from '../http/csrf.ts';
import { fastAnswers } from '../http/fast-answers.ts';
import { privatePage } from '../http/layout.ts';
import { ATTACHMENT_MULTIPART, attachmentsField, readFormFiles } from './attachment-form.ts';
import { RequestsError } from './errors.ts';
import { ATTACHMENTS_FIELD, refusalText } from './pages/attachments-page.ts';
import { normaliseMobile } from './mobile.ts';
import { APPLY_LIMITS, EMPTY_APPLICATION, renderApplyPage, type ApplyValues } from './pages/apply-page.ts';
import { renderConfirmationPage } from './pages/confirmation-page.ts';
import type { FieldErrors } from '../http/form-parts.ts';
import { renderTrackForm, renderTrackResult, type TrackValues } from './pages/track-page.ts';
import { receiveRequest, type RequestNotices } from './request-service.ts';
import { REQUEST_STATUSES, type RequestStatus } from './request-states.ts';
import { TRACKING_GUESSES, trackRequest, type TrackedRequest } from './tracking.ts';
import { followUpJson, linkedRequest, requestRating } from './follow-up-json.ts';
import { LAST4, trackFormErrors, waitHeader } from './track-form.ts';

// an unknown ?lang= falls back to the cookie or Bangla (see http/lang.ts) rather than failing the page
const lang = z.enum(['bn', 'en']).optional().catch(undefined);
const serviceParams = z.object({ slug: z.string().min(1).max(100), code: z.string().min(1).max(40) });
/** generous, so that a long answer comes back on the form with its limit named rather than as an error page */
const formText = (limit: number) => z.string().max(limit * 10).optional();
const applyBody = z.object({
  name: formText(APPLY_LIMITS.name),
  mobile: formText(APPLY_LIMITS.mobile),
  email: formText(APPLY_LIMITS.email),
  address: formText(APPLY_LIMITS.address),
  details: formText(APPLY_LIMITS.details),
  // the form's one-time key (see receiveRequest); a form without one still works, unprotected from a second sending
  submission: z.string().regex(/^[0-9a-f]{32}$/).optional().catch(undefined),
  attachments: attachmentsField,
  _csrf: z.string().optional(),
});
const trackForm = z.object({ tracking_number: z.string().max(200).optional(), mobile_last4: z.string().max(200).optional(), _csrf: z.string().optional() });

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const trackBody = z
  .object({
    tracking_number: z.string().min(1).max(60).describe('As printed, like DSJ-2026-000123-6; Bangla digits, any case, with or without dashes'),
    mobile_last4: z.string().regex(LAST4).describe('The last four digits of the mobile number the request was made with'),
  })
  .strict();

const trackResponse = z
  .object({
    tracking_number: z.string(),
    service: z.object({ code: z.string(), name_bn: z.string(), name_en: z.string().nullable() }).describe('As the charter in force at receipt named it'),
    office: z.object({ slug: z.string(), name_bn: z.string(), name_en: z.string().nullable() }),
    status: z.enum(REQUEST_STATUSES),
    received_at: z.iso.datetime(),
    due_at: z.iso.datetime().nullable().describe('When the promise falls due (UTC); null with no fixed time limit, or while the request waits for the citizen'),
    has_time_limit: z.boolean(),
    closed_at: z.iso.datetime().nullable(),
    on_time: z.boolean().nullable().describe('Delivered by the due moment; null while open, when refused, or with no fixed time limit'),
    transferred_to: linkedRequest.nullable().describe('Transferred: the request that carries on in the other office, followed with the same mobile digits'),
    transferred_from: linkedRequest.nullable().describe('Received by transfer: the request it came from'),
    rating: requestRating.nullable().describe("The citizen's rating of the delivered service, once given"),
    events: z
      .array(
        z.object({
          at: z.iso.datetime(),
          action: z.string().describe('received, accept, return, resume, start, deliver, reject'),
          status_after: z.enum(REQUEST_STATUSES),
          note: z.string().nullable().describe('The missing documents (return), the reason (reject)'),
        }),
      )
      .describe('The public history, oldest first; internal notes are never included'),
  })
  .describe("A request's progress, as its citizen may see it");

/** The citizen applying online acts for themselves, from this address. */
const citizenActor = (request: FastifyRequest): Actor => ({ userId: null, label: 'citizen', ip: request.ip });


const clean = (text: string | undefined) => text ?? '';

/** What the form can tell before the service sees it, every field at once. */
function checkApplication(lang: Lang, values: ApplyValues): FieldErrors {
  const errors: FieldErrors = {};
  for (const [field, limit] of Object.entries(APPLY_LIMITS)) {
    if (values[field as keyof ApplyValues].trim().length > limit) errors[field] = t(lang, 'apply.error.too_long', { max: formatNumber(lang, limit) });
  }
  if (!errors.name && values.name.trim() === '') errors.name = t(lang, 'error.applicant_name_required');
  if (!errors.mobile && normaliseMobile(values.mobile) === null) errors.mobile = t(lang, 'error.invalid_mobile');
  if (!errors.email && values.email.trim() !== '' && !EMAIL.test(values.email.trim())) errors.email = t(lang, 'apply.error.email');
  return errors;
}

const hasErrors = (errors: FieldErrors) => Object.values(errors).some((message) => message !== undefined);

const asStatus = (status: string): RequestStatus => {
  const known = REQUEST_STATUSES.find((candidate) => candidate === status);
  if (!known) throw new Error(`unknown request status ${status}`);
  return known;
};

function trackJson(request: TrackedRequest, office: { slug: string; name_bn: string; name_en: string | null }) {
  return {
    tracking_number: request.trackingNumber,
    service: { code: request.serviceCode, name_bn: request.serviceNameBn, name_en: request.serviceNameEn },
    office,
    status: asStatus(request.status),
    received_at: request.receivedAt.toISOString(),
    due_at: request.dueAt?.toISOString() ?? null,
    has_time_limit: request.hasTimeLimit,
    closed_at: request.closedAt?.toISOString() ?? null,
    on_time: request.onTime,
    ...followUpJson(request.followUp),
    events: request.events.map((event) => ({ at: event.at.toISOString(), action: event.action, status_after: asStatus(event.statusAfter), note: event.note })),
  };
}


const newSubmissionKey = () => randomBytes(16).toString('hex');

export interface RequestsPublicOptions {
  /** how the citizen is told of receipt (SMS, e-mail) */
  notices?: Omit<RequestNotices, 'officeName'> | undefined;
}

export async function requestsPublicRoutes(fastify: FastifyInstance, options: RequestsPublicOptions): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const hide = true;

  app.get(
    '/offices/:slug/services/:code/apply',
    { config: PUBLIC, schema: { hide, params: serviceParams, querystring: z.object({ lang }) } },
    async (request, reply) => {
      // an unknown office or service is the charters' 404
      const { office, service } = await loadPublishedService(app.db, request.params.slug, request.params.code);
      const page = renderApplyPage(request.lang, { office, service, values: EMPTY_APPLICATION, errors: {}, csrfToken: csrfToken(reply), submission: newSubmissionKey() });
      return privatePage(request, reply, page);
    },
  );

  app.post(
    '/offices/:slug/services/:code/apply',
    { config: { ...PUBLIC, multipartOptions: ATTACHMENT_MULTIPART }, schema: { hide, params: serviceParams, querystring: z.object({ lang }), body: applyBody } },
    async (request, reply) => {
      const { lang } = request;
      const { office, service } = await loadPublishedService(app.db, request.params.slug, request.params.code);
      const body = request.body;
      const values: ApplyValues = { name: clean(body.name), mobile: clean(body.mobile), email: clean(body.email), address: clean(body.address), details: clean(body.details) };
      const formPage = (errors: FieldErrors, status: number) =>
        privatePage(request, reply, renderApplyPage(lang, { office, service, values, errors, csrfToken: csrfToken(reply), submission: body.submission ?? newSubmissionKey() }), status);
      const errors = checkApplication(lang, values);
      // a refused file comes back beside its field, with what was typed kept; the files must be chosen again
      const files = await readFormFiles(body.attachments);
      if (!files.ok) {
        const status = hasErrors(errors) ? 400 : files.status;
        return formPage({ ...errors, [ATTACHMENTS_FIELD]: `${refusalText(lang, files.error)} ${t(lang, 'attachments.choose_again')}` }, status);
      }
      if (hasErrors(errors)) return formPage(errors, 400);
      try {
        const received = await receiveRequest(app.db, citizenActor(request), {
          office: { id: office.id, slug: office.slug },
          serviceCode: service.code,
          channel: 'online',
          receivedAt: new Date(),
          citizen: { name: values.name, mobile: values.mobile, email: values.email, address: values.address },
          details: values.details,
          submissionKey: body.submission,
          attachments: files.uploads,
        }, options.notices && { ...options.notices, officeName: { bn: office.name_bn, en: office.name_en } });
        return privatePage(request, reply, renderConfirmationPage(lang, { office, service, trackingNumber: received.tracking_number, dueAt: received.due_at }));
      } catch (error) {
        // what only the service can tell (a rule added there later) still comes back on the form
        if (error instanceof RequestsError && error.field !== undefined && error.field in values) {
          return formPage({ [error.field]: t(lang, error.messageKey) }, error.status);
        }
        throw error;
      }
    },
  );

  app.get(
    '/track',
    { config: PUBLIC, schema: { hide, querystring: z.object({ lang, number: z.string().max(60).optional().catch(undefined) }) } },
    async (request, reply) => {
      const values = { tracking_number: request.query.number ?? '', mobile_last4: '' };
      return privatePage(request, reply, renderTrackForm(request.lang, { values, errors: {}, csrfToken: csrfToken(reply) }));
    },
  );

  app.post('/track', { config: PUBLIC, schema: { hide, querystring: z.object({ lang }), body: trackForm } }, async (request, reply) => {
    const { lang } = request;
    const values: TrackValues = { tracking_number: clean(request.body.tracking_number), mobile_last4: clean(request.body.mobile_last4) };
    const formPage = (errors: FieldErrors, status: number, general?: string) =>
      privatePage(request, reply, renderTrackForm(lang, { values, errors, general, csrfToken: csrfToken(reply) }), status);
    const errors = trackFormErrors(lang, values);
    if (hasErrors(errors)) return formPage(errors, 400);
    try {
      const tracked = await trackRequest(app.db, { trackingNumber: values.tracking_number, mobileLast4: values.mobile_last4, ip: request.ip });
      const office = tracked.office;
      return privatePage(request, reply, renderTrackResult(lang, { request: tracked, office, now: new Date(), rating: { csrf: csrfToken(reply), mobileLast4: values.mobile_last4 } }));
    } catch (error) {
      if (!(error instanceof RequestsError)) throw error;
      waitHeader(reply, error);
      // a wrong number and wrong digits get one answer: it may be either field
      return formPage({}, error.status, t(lang, error.messageKey));
    }
  });

  app.post(
    '/api/v1/track',
    {
      config: PUBLIC,
      schema: {
        summary: "A request's progress, by its tracking number and the last four digits of its mobile number",
        description: `${TRACKING_GUESSES.perAddress} wrong tries from one address, or ${TRACKING_GUESSES.perNumber} at one tracking number from anywhere, within ${TRACKING_GUESSES.windowMs / 60_000} minutes, and it must wait (429).`,
        body: trackBody,
        // 403: a call that carries a session cookie must bring its CSRF token (http/csrf.ts)
        response: { 200: trackResponse, ...errorResponses(400, 403, 404, 413, 415), 429: errorResponse },
      },
      // the lookup citizens make most: its answer is built field by field in trackJson
      serializerCompiler: fastAnswers,
    },
    async (request, reply) => {
      try {
        const tracked = await trackRequest(app.db, { trackingNumber: request.body.tracking_number, mobileLast4: request.body.mobile_last4, ip: request.ip });
        reply.header('cache-control', 'no-store');
        return trackJson(tracked, tracked.office);
      } catch (error) {
        waitHeader(reply, error);
        throw error;
      }
    },
  );
}
