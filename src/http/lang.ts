// The page language: ?lang=bn|en chooses and is remembered in a cookie; Bangla by default.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { isLang, type Lang } from '../core/i18n/index.ts';

declare module 'fastify' {
  interface FastifyRequest {
    lang: Lang;
  }
}

const COOKIE = 'lang';
const ONE_YEAR_SECONDS = 365 * 24 * 3600;

function chosenLang(request: FastifyRequest): { lang: Lang; fromQuery: boolean } {
  const query = (request.query as Record<string, unknown> | undefined)?.lang;
  if (isLang(query)) return { lang: query, fromQuery: true };
  const cookie = request.cookies?.[COOKIE];
  return { lang: isLang(cookie) ? cookie : 'bn', fromQuery: false };
}

export const langPlugin = fp(async (app: FastifyInstance) => {
  app.decorateRequest('lang', 'bn');
  app.addHook('onRequest', async (request, reply) => {
    const { lang, fromQuery } = chosenLang(request);
    request.lang = lang;
    if (fromQuery && request.cookies?.[COOKIE] !== lang) {
      reply.setCookie(COOKIE, lang, { path: '/', maxAge: ONE_YEAR_SECONDS, sameSite: 'lax', httpOnly: true });
    }
  });
});
