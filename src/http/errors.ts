// Maps every error to HTTP in one place: one JSON shape (http/api-schemas.ts) for .json/.csv/API
// requests and Accept: application/json, a readable page for browsers. Each answer names the
// field at fault and what it must be, in Bangla and English, from the i18n catalogue.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, FastifySchemaValidationError } from 'fastify';
import fp from 'fastify-plugin';
import { describeDatabaseError, isDatabaseUnavailable } from '../core/db/unavailable.ts';
import { DomainError } from '../core/errors.ts';
import { formatNumber } from '../core/format.ts';
import { en } from '../core/i18n/en.ts';
import { t, type Lang, type MessageKey } from '../core/i18n/index.ts';
import type { ErrorResponse } from './api-schemas.ts';
import { routeMethods } from './hostile-input.ts';
import { html } from './html.ts';
import { renderPage } from './layout.ts';
import { renderSearchForm } from './search-form.ts';
import { SECURITY_HEADERS } from './security-headers.ts';

/** An error ready to send in either form. */
export interface ErrorAnswer {
  status: number;
  code: string;
  field: string | null;
  /** the page heading: what kind of problem it is */
  title: MessageKey;
  /** what to fix, in the reader's language */
  message: (lang: Lang) => string;
  /** what a page says under its heading; the message unless that only repeats the heading */
  note?: (lang: Lang) => string;
}

const isMessageKey = (key: string): key is MessageKey => Object.hasOwn(en, key);

function fieldHintKey(field: string): MessageKey | null {
  const key = `field.${field}`;
  return isMessageKey(key) ? key : null;
}

function answer(status: number, code: string, key: MessageKey): ErrorAnswer {
  return { status, code, field: null, title: key, message: (lang) => t(lang, key) };
}

/** A JSON error body for answers sent outside the error handler (the editing token's 401 and 403). */
export function errorBody(code: string, key: MessageKey): ErrorResponse {
  return { error: code, field: null, message_en: t('en', key), message_bn: t('bn', key) };
}

function bodyOf(error: ErrorAnswer): ErrorResponse {
  return { error: error.code, field: error.field, message_en: error.message('en'), message_bn: error.message('bn') };
}

// Codes whose text only says a value is malformed: with a field, the field's hint says it better.
const MALFORMED_VALUE: ReadonlySet<string> = new Set(['invalid_date', 'invalid_time', 'invalid_limit', 'invalid_office_slug']);

function fromDomainError(error: DomainError): ErrorAnswer {
  const key = isMessageKey(error.messageKey) ? error.messageKey : 'error.bad_request';
  const field = error.field ?? null;
  if (field === null) return answer(error.status, error.code, key);
  const hint = fieldHintKey(field);
  const expected = hint ? (lang: Lang) => t(lang, 'error.field_expected', { field, hint: t(lang, hint) }) : undefined;
  if (expected && MALFORMED_VALUE.has(error.code)) return { status: error.status, code: error.code, field, title: key, message: expected };
  const message = (lang: Lang) => t(lang, 'error.field_problem', { field, problem: t(lang, key) });
  // a page already says the problem in its heading; for bad input it adds what the field takes
  const note = error.status === 400 && expected ? expected : () => '';
  return { status: error.status, code: error.code, field, title: key, message, note };
}

// What a value must be, read off a zod issue when the field has no hint of its own.
function expectedValue(issue: FastifySchemaValidationError, lang: Lang): string {
  const params = issue.params as Record<string, unknown>;
  const n = (value: unknown) => formatNumber(lang, String(value));
  const origin = params.origin;
  const bound = (text: MessageKey, number: MessageKey, list: MessageKey, name: 'max' | 'min', value: unknown) =>
    t(lang, origin === 'string' ? text : origin === 'array' || origin === 'set' ? list : number, { [name]: n(value) });
  switch (issue.keyword) {
    case 'too_big':
      return bound('value.text_max', 'value.number_max', 'value.list_max', 'max', params.maximum);
    case 'too_small':
      return bound('value.text_min', 'value.number_min', 'value.list_min', 'min', params.minimum);
    case 'invalid_value':
      return Array.isArray(params.values) ? t(lang, 'value.one_of', { values: params.values.map(String).join(', ') }) : t(lang, 'value.valid');
    case 'invalid_format':
      return typeof params.pattern === 'string' ? t(lang, 'value.pattern', { pattern: params.pattern }) : t(lang, 'value.valid');
    case 'invalid_type': {
      const types: Record<string, MessageKey> = {
        string: 'value.text',
        number: 'value.number',
        int: 'value.whole_number',
        boolean: 'value.boolean',
        array: 'value.list',
        object: 'value.object',
      };
      return t(lang, types[String(params.expected)] ?? 'value.valid');
    }
    default:
      return t(lang, 'value.valid');
  }
}

/** The fields a request part takes, when its schema is an object (for "unknown field" answers). */
function allowedFields(request: FastifyRequest, context: string | undefined): string[] {
  const schemas = request.routeOptions.schema as Record<string, unknown> | undefined;
  const schema = context ? schemas?.[context] : undefined;
  const shape = schema && typeof schema === 'object' && 'shape' in schema ? (schema as { shape: unknown }).shape : undefined;
  return shape && typeof shape === 'object' ? Object.keys(shape) : [];
}

function inputOf(request: FastifyRequest, context: string | undefined): unknown {
  if (context === 'querystring') return request.query;
  if (context === 'params') return request.params;
  if (context === 'headers') return request.headers;
  return request.body;
}

/** A failed schema check: the first issue, the field it is about, and what that field must be. */
function fromValidation(issue: FastifySchemaValidationError, context: string | undefined, request: FastifyRequest): ErrorAnswer {
  const path = issue.instancePath.split('/').slice(1).filter(Boolean);
  const params = issue.params as Record<string, unknown>;

  if (issue.keyword === 'unrecognized_keys' && Array.isArray(params.keys) && params.keys.length > 0) {
    const field = [...path, String(params.keys[0])].join('.');
    const allowed = path.length === 0 ? allowedFields(request, context) : [];
    return {
      status: 400,
      code: 'unknown_field',
      field,
      title: 'error.unknown_field',
      message: (lang) =>
        allowed.length > 0 ? t(lang, 'error.field_not_allowed', { field, allowed: allowed.join(', ') }) : t(lang, 'error.unknown_field'),
    };
  }

  const field = path[0];
  if (field === undefined) {
    return context === 'body' ? answer(400, 'invalid_input', 'error.body_expected') : answer(400, 'invalid_input', 'error.invalid_input');
  }
  const input = inputOf(request, context);
  const missing = path.length === 1 && (input === null || typeof input !== 'object' || (input as Record<string, unknown>)[field] === undefined);
  const hint = fieldHintKey(field);
  const expected = (lang: Lang) => (hint ? t(lang, hint) : expectedValue(issue, lang));
  return {
    status: 400,
    code: missing ? 'missing_field' : 'invalid_input',
    field,
    title: missing ? 'error.missing_field' : 'error.invalid_input',
    message: (lang) => t(lang, missing ? 'error.field_missing' : 'error.field_expected', { field, hint: expected(lang) }),
  };
}

// Fastify's own refusals of a request body, before any schema sees it.
const FASTIFY_ERRORS: Record<string, { code: string; key: MessageKey }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'invalid_json_body', key: 'error.invalid_json_body' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'invalid_json_body', key: 'error.invalid_json_body' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'unsupported_media_type', key: 'error.unsupported_media_type' },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'body_too_large', key: 'error.body_too_large' },
  FST_CSRF_MISSING_SECRET: { code: 'csrf_invalid', key: 'error.csrf_invalid' },
  FST_CSRF_INVALID_TOKEN: { code: 'csrf_invalid', key: 'error.csrf_invalid' },
  FST_FILES_LIMIT: { code: 'too_many_files', key: 'error.too_many_files' },
  FST_PARTS_LIMIT: { code: 'too_many_parts', key: 'error.too_many_parts' },
  FST_FIELDS_LIMIT: { code: 'too_many_parts', key: 'error.too_many_parts' },
};

/** The requests whose body was read whole: an error after that is not the body parser's. */
const bodiesRead = new WeakSet<FastifyRequest>();

/**
 * A multipart body the parser could not read (no boundary, a part cut off after others were
 * attached): the parser throws plain errors while the body is read, before the hook that marks
 * it read (errorsPlugin, registered after @fastify/multipart, whose own hook reads the body).
 */
function isBrokenMultipart(error: FastifyError, request: FastifyRequest): boolean {
  return error.statusCode === undefined && error.code === undefined && !bodiesRead.has(request) && request.isMultipart();
}

/**
 * What went wrong, for any error that is the client's doing (a domain refusal, a schema issue, a
 * body the parsers refused); null for the program's own failures. Routes that answer in another
 * shape (Open311) start from this too.
 */
export function clientErrorOf(error: FastifyError | DomainError, request: FastifyRequest): ErrorAnswer | null {
  if (error instanceof DomainError) return fromDomainError(error);
  if (isBrokenMultipart(error, request)) return answer(400, 'invalid_multipart', 'error.invalid_multipart');
  const issue = error.validation?.[0];
  if (issue) return fromValidation(issue, error.validationContext, request);
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
    const known = FASTIFY_ERRORS[error.code];
    return known ? answer(error.statusCode, known.code, known.key) : answer(error.statusCode, 'bad_request', 'error.bad_request');
  }
  return null;
}

function wantsJson(request: FastifyRequest): boolean {
  const path = request.url.split('?')[0] ?? '';
  return /\.(json|csv)$/.test(path) || path.startsWith('/api/') || (request.headers.accept ?? '').startsWith('application/json');
}

function send(request: FastifyRequest, reply: FastifyReply, error: ErrorAnswer) {
  if (wantsJson(request)) {
    return reply.status(error.status).type('application/json; charset=utf-8').send(bodyOf(error));
  }
  const lang = request.lang ?? 'bn';
  const heading = t(lang, error.title);
  const note = (error.note ?? error.message)(lang);
  // a page not found offers the search, for what the address was meant to reach
  const search = error.status === 404 ? renderSearchForm(lang, '', { label: 'search.not_found_prompt' }) : '';
  const body = html`<h1>${heading}</h1>${note && note !== heading ? html`<p>${note}</p>` : ''}${search}<p><a href="/">${t(lang, 'nav.home')}</a></p>`;
  return reply
    .status(error.status)
    .type('text/html; charset=utf-8')
    .send(renderPage({ lang, title: heading, path: request.url, body }));
}

// Long enough for a database restart or failover to finish, short enough not to turn people away for long.
const DATABASE_RETRY_AFTER_SECONDS = 30;

/** The database is down or not answering: not our bug, and worth trying again soon. */
function sendDatabaseUnavailable(request: FastifyRequest, reply: FastifyReply, error: unknown) {
  request.log.warn({ database: describeDatabaseError(error) }, 'database unavailable');
  reply.header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
  return send(request, reply, {
    status: 503,
    code: 'database_unavailable',
    field: null,
    title: 'error.service_unavailable',
    message: (lang) => t(lang, 'error.database_unavailable'),
  });
}

/** The router's own refusals, before any route is found (Fastify's frameworkErrors option). */
export function sendRouterError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  // these answers skip the hooks, onSend among them: the security headers are set here
  reply.headers(SECURITY_HEADERS);
  if (error.code === 'FST_ERR_BAD_URL') return send(request, reply, answer(400, 'bad_url', 'error.bad_url'));
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') return send(request, reply, answer(414, 'url_too_long', 'error.url_too_long'));
  request.log.error({ err: error }, 'request failed');
  return send(request, reply, answer(500, 'internal', 'error.internal'));
}

/** 405: the path is known, the method is not one it takes; Allow lists those it does. */
function methodNotAllowed(method: string, allowed: string[]): ErrorAnswer {
  return {
    status: 405,
    code: 'method_not_allowed',
    field: null,
    title: 'error.method_not_allowed',
    message: (lang) => t(lang, 'error.method_allowed', { method, allowed: allowed.join(', ') }),
  };
}

export const errorsPlugin = fp(async (app: FastifyInstance) => {
  const methodsOf = routeMethods(app);
  app.addHook('preValidation', async (request) => {
    bodiesRead.add(request);
  });
  app.setNotFoundHandler((request, reply) => {
    const allowed = methodsOf(request.url);
    if (allowed.length === 0) return send(request, reply, answer(404, 'not_found', 'error.not_found'));
    reply.header('allow', allowed.join(', '));
    return send(request, reply, methodNotAllowed(request.method, allowed));
  });
  app.setErrorHandler((error: FastifyError | DomainError, request, reply) => {
    if (isDatabaseUnavailable(error)) return sendDatabaseUnavailable(request, reply, error);
    const known = clientErrorOf(error, request);
    if (known) return send(request, reply, known);
    request.log.error({ err: error }, 'request failed');
    return send(request, reply, answer(500, 'internal', 'error.internal'));
  });
});
