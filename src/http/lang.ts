// The page language: ?lang=bn|en chooses and is remembered in a cookie; Bangla by default.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { isLang, type Lang } from './i18n/index.ts';

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

const BANGLA_DIGITS = '০১২৩৪৫৬৭৮৯';

/** Numbers as the reader writes them: Bangla digits on Bangla pages. */
export function formatNumber(lang: Lang, value: number | string): string {
  const text = String(value);
  return lang === 'bn' ? text.replace(/[0-9]/g, (d) => BANGLA_DIGITS[Number(d)] ?? d) : text;
}

const DHAKA_DATE = { timeZone: 'Asia/Dhaka', year: 'numeric', month: 'long', day: 'numeric' } as const;

export function formatDate(lang: Lang, date: Date): string {
  return new Intl.DateTimeFormat(lang === 'bn' ? 'bn-BD' : 'en-GB', DHAKA_DATE).format(date);
}
