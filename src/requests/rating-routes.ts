// The citizen's rating of a delivered service: the form on the tracking page posts here with the
// tracking number and the mobile's last four digits again, and the same as JSON. Thin handlers over
// rating.ts; the tracking page's guess limits apply to both.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { t } from '../core/i18n/index.ts';
import { PUBLIC } from '../http/access.ts';
import { errorResponse, errorResponses } from '../http/api-schemas.ts';
import { csrfToken } from '../http/csrf.ts';
import type { FieldErrors } from '../http/form-parts.ts';
import { privatePage } from '../http/layout.ts';
import { toAsciiDigits } from '../core/format.ts';
import { RequestsError } from './errors.ts';
import { ratingJson, requestRating } from './follow-up-json.ts';
import { renderTrackForm, renderTrackResult } from './pages/track-page.ts';
import { RATING_COMMENT_MAX, rateRequest } from './rating.ts';
import { parseTrackingNumber } from './tracking-number.ts';
import { TRACKING_GUESSES, trackRequest } from './tracking.ts';
import { LAST4, trackFormErrors, waitHeader } from './track-form.ts';

const lang = z.enum(['bn', 'en']).optional().catch(undefined);
const ratingForm = z.object({
  tracking_number: z.string().max(200).optional(),
  mobile_last4: z.string().max(200).optional(),
  rating: z.string().max(20).optional(),
  // generous, so that a long comment comes back on the form with its limit named rather than as an error page
  comment: z.string().max(RATING_COMMENT_MAX * 10).optional(),
  _csrf: z.string().optional(),
});
const ratingBody = z
  .object({
    tracking_number: z.string().min(1).max(60).describe('As printed, like DSJ-2026-000123-6'),
    mobile_last4: z.string().regex(LAST4).describe('The last four digits of the mobile number the request was made with'),
    rating: z.number().int().min(1).max(5).describe('1 (very poor) to 5 (very good)'),
    comment: z.string().max(RATING_COMMENT_MAX).optional(),
  })
  .strict();
const ratingResponse = requestRating.extend({ tracking_number: z.string() }).describe("The citizen's rating, as kept");

/** A rating digit as the form sends it (Bangla digits too); anything else is no rating, which the service refuses. */
const ratingOf = (text: string | undefined) => {
  const digit = toAsciiDigits((text ?? '').trim());
  return /^[1-5]$/.test(digit) ? Number(digit) : Number.NaN;
};



export async function requestRatingRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const hide = true;

  app.post('/track/rating', { config: PUBLIC, schema: { hide, querystring: z.object({ lang }), body: ratingForm } }, async (request, reply) => {
    const { lang } = request;
    const values = { tracking_number: request.body.tracking_number ?? '', mobile_last4: request.body.mobile_last4 ?? '' };
    const chosen = { rating: request.body.rating ?? '', comment: request.body.comment ?? '' };
    const trackForm = (errors: FieldErrors, status: number, general?: string) =>
      privatePage(request, reply, renderTrackForm(lang, { values, errors, general, csrfToken: csrfToken(reply) }), status);
    const errors = trackFormErrors(lang, values);
    if (Object.keys(errors).length > 0) return trackForm(errors, 400);
    const query = { trackingNumber: values.tracking_number, mobileLast4: values.mobile_last4, ip: request.ip };
    /** the request's page again: thanks once rated, or the form with what was wrong */
    const resultPage = async (status: number, outcome: { thanked: true } | { error: string }) => {
      const tracked = await trackRequest(app.db, query);
      const rating = { csrf: csrfToken(reply), mobileLast4: values.mobile_last4, values: chosen, ...outcome };
      return privatePage(request, reply, renderTrackResult(lang, { request: tracked, office: tracked.office, now: new Date(), rating }), status);
    };
    try {
      await rateRequest(app.db, { ...query, rating: ratingOf(chosen.rating), comment: chosen.comment });
      return await resultPage(200, { thanked: true });
    } catch (error) {
      if (!(error instanceof RequestsError)) throw error;
      waitHeader(reply, error);
      if (error.code === 'tracking_not_found' || error.code === 'too_many_tracking_attempts' || error.code === 'invalid_tracking_number') {
        return trackForm({}, error.status, t(lang, error.messageKey));
      }
      const message = error.code === 'invalid_rating' && error.field === 'rating' ? t(lang, 'rating.error.choose') : t(lang, error.messageKey);
      return resultPage(error.status, { error: message });
    }
  });

  app.post(
    '/api/v1/track/rating',
    {
      config: PUBLIC,
      schema: {
        summary: 'Rate a delivered service, once, by its tracking number and the last four digits of its mobile number',
        description: `Only a delivered request can be rated (409 otherwise), and only once (409 "already_rated"). Wrong numbers or digits count like /api/v1/track's: ${TRACKING_GUESSES.perAddress} from one address, or ${TRACKING_GUESSES.perNumber} at one number, within ${TRACKING_GUESSES.windowMs / 60_000} minutes, and it must wait (429).`,
        body: ratingBody,
        response: { 201: ratingResponse, ...errorResponses(400, 403, 404, 409, 413, 415), 429: errorResponse },
      },
    },
    async (request, reply) => {
      const { tracking_number, mobile_last4, rating, comment } = request.body;
      try {
        const saved = await rateRequest(app.db, { trackingNumber: tracking_number, mobileLast4: mobile_last4, ip: request.ip, rating, comment });
        const parsed = parseTrackingNumber(tracking_number);
        reply.status(201).header('cache-control', 'no-store');
        return { tracking_number: parsed.ok ? parsed.text : tracking_number, ...ratingJson(saved) };
      } catch (error) {
        waitHeader(reply, error);
        throw error;
      }
    },
  );
}
