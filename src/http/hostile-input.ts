// Input refused before any route sees it: NUL characters (PostgreSQL cannot store them in text),
// wrong methods on a known address (405 with Allow), and the requests Node's HTTP parser refuses
// itself (431 headers too large, 400 malformed, 408 too slow), answered in the one error shape.
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import fp from 'fastify-plugin';
import { DomainError, type ErrorStatus } from '../core/errors.ts';
import { t, type MessageKey } from '../core/i18n/index.ts';
import type { ErrorResponse } from './api-schemas.ts';
import { SECURITY_HEADERS } from './security-headers.ts';

export class HostileInputError extends DomainError {
  override readonly name = 'HostileInputError';
  readonly status: ErrorStatus = 400;
}

const NUL = '\u0000';

/**
 * Where the first NUL character sits in a parsed value: the top-level field it is under ('' for
 * the value itself, e.g. a text body), or null when there is none. Object keys count too. The walk
 * keeps its own stack, so a deeply nested JSON body cannot overflow the call stack.
 */
export function fieldWithNul(value: unknown): string | null {
  const stack: { value: unknown; field: string }[] = [{ value, field: '' }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const current = item.value;
    if (typeof current === 'string') {
      if (current.includes(NUL)) return item.field;
    } else if (Array.isArray(current)) {
      for (const element of current) stack.push({ value: element, field: item.field });
    } else if (current !== null && typeof current === 'object') {
      for (const [key, element] of Object.entries(current)) {
        const field = item.field || key;
        if (key.includes(NUL)) return item.field;
        stack.push({ value: element, field });
      }
    }
  }
  return null;
}

/** Refuses a NUL character in the path parameters, the query or the body (JSON, form or text such as .ics) with 400. */
export const refuseNulCharacters = fp(async (app: FastifyInstance) => {
  app.addHook('preValidation', async (request) => {
    for (const part of [request.params, request.query, request.body]) {
      const field = fieldWithNul(part);
      if (field !== null) throw new HostileInputError('nul_character', 'a NUL character in the request', field || undefined);
    }
  });
});

const METHODS_IN_ORDER = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/** A route's path as a pattern: `:name` is one segment, `*` the rest. */
function patternOf(url: string): RegExp {
  const source = url
    .split('/')
    .map((segment) => (segment === '*' ? '.*' : segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${source}$`);
}

/**
 * Collects the routes registered after it, so that a request the router did not match can be
 * told apart: a path some route takes with another method (405, and which methods it takes)
 * from a path nothing takes (404). Register it before the routes.
 */
export function routeMethods(app: FastifyInstance): (url: string) => string[] {
  const routes: { pattern: RegExp; methods: string[] }[] = [];
  app.addHook('onRoute', (route) => {
    const methods = (Array.isArray(route.method) ? route.method : [route.method]).map(String);
    routes.push({ pattern: patternOf(route.url), methods: methods.includes('GET') ? [...methods, 'HEAD'] : methods });
  });
  return (url) => {
    const path = url.split('?')[0] ?? '';
    const allowed = new Set(routes.filter((route) => route.pattern.test(path)).flatMap((route) => route.methods));
    return METHODS_IN_ORDER.filter((method) => allowed.has(method));
  };
}

const CLIENT_ERRORS: Record<string, { status: number; code: string; key: MessageKey }> = {
  HPE_HEADER_OVERFLOW: { status: 431, code: 'headers_too_large', key: 'error.headers_too_large' },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, code: 'request_timeout', key: 'error.request_timeout' },
};

/**
 * Node's HTTP parser answers some requests before Fastify sees them (Fastify's clientErrorHandler
 * option): the answer gets the security headers and the one error shape like every other.
 */
export const answerClientError: NonNullable<FastifyServerOptions['clientErrorHandler']> = function (
  this: FastifyInstance,
  error: Error & { code?: string },
  socket: Duplex,
) {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const known = CLIENT_ERRORS[error.code ?? ''] ?? { status: 400, code: 'bad_request', key: 'error.malformed_request' };
  this.log.trace({ err: error }, 'client error');
  if (socket.writable) {
    const answer: ErrorResponse = { error: known.code, field: null, message_en: t('en', known.key), message_bn: t('bn', known.key) };
    const body = JSON.stringify(answer);
    const headers = {
      ...SECURITY_HEADERS,
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(Buffer.byteLength(body)),
      connection: 'close',
    };
    const head = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`).join('');
    socket.write(`HTTP/1.1 ${known.status} ${STATUS_CODES[known.status]}\r\n${head}\r\n${body}`);
  }
  socket.destroy(error);
};
