// Open311's errors: our domain errors as GeoReport v2 wants them, a JSON array of
// {code, description} sent with the HTTP status, the description in English and Bangla.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { isDatabaseUnavailable } from '../core/db/unavailable.ts';
import { DomainError, type ErrorStatus } from '../core/errors.ts';
import { t, type Lang, type MessageKey } from '../core/i18n/index.ts';
import { clientErrorOf } from '../http/errors.ts';

export const OPEN311_ERROR_CODES = [
  'jurisdiction_required',
  'jurisdiction_not_found',
  'service_code_required',
  'api_key_invalid',
  'api_key_not_allowed',
  'json_only',
  'invalid_datetime',
  'dates_reversed',
  'invalid_status_filter',
  'invalid_email',
  'not_found',
] as const;
export type Open311ErrorCode = (typeof OPEN311_ERROR_CODES)[number];

const STATUS: Partial<Record<Open311ErrorCode, ErrorStatus>> = {
  jurisdiction_not_found: 404,
  not_found: 404,
  // the specification answers every api_key problem with 403
  api_key_invalid: 403,
  api_key_not_allowed: 403,
};

export class Open311Error extends DomainError {
  override readonly name = 'Open311Error';
  readonly status: ErrorStatus;

  constructor(
    override readonly code: Open311ErrorCode,
    detail?: string,
    field?: string,
  ) {
    super(code, detail, field);
    this.status = STATUS[code] ?? 400;
  }
}

export const open311Errors = z
  .array(z.object({ code: z.number().int().describe('The HTTP status'), description: z.string().describe('What went wrong and how to fix it, in English, then Bangla') }))
  .describe('GeoReport v2 errors');
export type Open311Errors = z.infer<typeof open311Errors>;

/** The one answer of an error, in both languages: English first, since the reader is a developer. */
function inBoth(text: (lang: Lang) => string): string {
  return `${text('en')} / ${text('bn')}`;
}

const bilingual = (key: MessageKey, params: Record<string, string | number> = {}) => inBoth((lang) => t(lang, key, params));

const described = (status: number, description: string): { status: number; body: Open311Errors } => ({ status, body: [{ code: status, description }] });

/** What a missing required field is told, when it has more to say than that it is missing. */
const MISSING: Record<string, MessageKey> = { jurisdiction_id: 'error.jurisdiction_required', service_code: 'error.service_code_required' };

/** The status and body of any error met on an Open311 route: the portal's own reading of it, in the specification's shape; null for our own bugs (500). */
export function open311ErrorOf(error: FastifyError | DomainError, request: FastifyRequest): { status: number; body: Open311Errors } | null {
  const known = clientErrorOf(error, request);
  if (!known) return null;
  const special = known.code === 'missing_field' && known.field ? MISSING[known.field] : known.code === 'unsupported_media_type' ? 'error.open311_body' : undefined;
  return described(known.status, special ? bilingual(special) : inBoth(known.message));
}

/** The error handler of the Open311 routes: every refusal in the specification's shape, never a page. */
export function sendOpen311Error(error: FastifyError | DomainError, request: FastifyRequest, reply: FastifyReply) {
  if (isDatabaseUnavailable(error)) {
    request.log.warn({ err: error }, 'database unavailable');
    return reply.status(503).header('retry-after', '30').send(described(503, bilingual('error.database_unavailable')).body);
  }
  const known = open311ErrorOf(error, request);
  if (known) return reply.status(known.status).send(known.body);
  request.log.error({ err: error }, 'request failed');
  return reply.status(500).send(described(500, bilingual('error.internal')).body);
}

/** 404 for a path under /open311/v2 that names nothing. */
export function sendOpen311NotFound(_request: FastifyRequest, reply: FastifyReply) {
  return reply.status(404).send(described(404, bilingual('error.not_found')).body);
}
