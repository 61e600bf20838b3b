// Maps domain errors to HTTP in one place: an HTML page for browsers, JSON for .json/.csv/API.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { DomainError } from '../core/errors.ts';
import { html } from './html.ts';
import { t, type MessageKey } from '../core/i18n/index.ts';
import { renderPage } from './layout.ts';

function wantsJson(request: FastifyRequest): boolean {
  const path = request.url.split('?')[0] ?? '';
  return /\.(json|csv)$/.test(path) || path.startsWith('/api/') || (request.headers.accept ?? '').startsWith('application/json');
}

function send(request: FastifyRequest, reply: FastifyReply, status: number, key: MessageKey, code: string) {
  if (wantsJson(request)) {
    return reply.status(status).type('application/json; charset=utf-8').send({
      error: code,
      message: { bn: t('bn', key), en: t('en', key) },
    });
  }
  const lang = request.lang ?? 'bn';
  const body = html`<h1>${t(lang, key)}</h1><p><a href="/">${t(lang, 'nav.home')}</a></p>`;
  return reply
    .status(status)
    .type('text/html; charset=utf-8')
    .send(renderPage({ lang, title: t(lang, key), path: request.url, body }));
}

export const errorsPlugin = fp(async (app: FastifyInstance) => {
  app.setNotFoundHandler((request, reply) => send(request, reply, 404, 'error.not_found', 'not_found'));
  app.setErrorHandler((error: FastifyError | DomainError, request, reply) => {
    if (error instanceof DomainError) {
      return send(request, reply, error.status, error.messageKey, error.code);
    }
    if (error.validation || (error.statusCode !== undefined && error.statusCode < 500)) {
      return send(request, reply, error.statusCode ?? 400, 'error.bad_request', error.code ?? 'bad_request');
    }
    request.log.error({ err: error }, 'request failed');
    return send(request, reply, 500, 'error.internal', 'internal');
  });
});
