// The JSON shapes every feature's API shares: the one error body, and the error statuses a
// route declares with it, so that /openapi.json documents what is really returned.
import { z } from 'zod';

export const errorResponse = z
  .object({
    error: z.string().describe('What went wrong, as a stable code: invalid_input, missing_field, unknown_field, invalid_date, office_not_found, …'),
    field: z.string().nullable().describe('The one input field at fault (in the query, the path or the body), or null when no one field is'),
    message_en: z.string().describe('What to fix, in English: the field, what it must be and an example'),
    message_bn: z.string().describe('The same in Bangla'),
  })
  .describe('Refused or failed: a code, the field at fault, and what to fix in English and Bangla')
  .meta({
    example: {
      error: 'invalid_date',
      field: 'from',
      message_en: 'from must be a date like 2026-12-03 or 2026-12-03T10:00, from 1971 to 2100',
      message_bn: 'from হিসেবে 2026-12-03 বা 2026-12-03T10:00 এর মতো একটি তারিখ, ১৯৭১ থেকে ২১০০ সালের মধ্যে দিন',
    },
  });
export type ErrorResponse = z.infer<typeof errorResponse>;

/**
 * The error statuses a route answers with — 400 bad input, 401/403 editing token, 404 not
 * found, 409 conflict, 413/415 request body — each with the one error body. 500 is always
 * possible, so it is always declared.
 */
export type ApiErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422;

export function errorResponses<S extends ApiErrorStatus>(...statuses: S[]): Record<S | 500, typeof errorResponse> {
  return Object.fromEntries([...statuses, 500].map((status) => [status, errorResponse])) as Record<S | 500, typeof errorResponse>;
}

/** A JSON body route: what its input can get wrong, plus the editing token's 401 and 403. */
export const guardedErrorResponses = <S extends ApiErrorStatus>(...statuses: S[]) =>
  errorResponses<S | 401 | 403>(401, 403, ...statuses);
