// The page frame every HTML page shares: language switch, header, footer, stylesheet.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { html, type Html } from './html.ts';
import { t, type Lang } from '../core/i18n/index.ts';

export interface PageOptions {
  lang: Lang;
  title: string;
  /** the request path with its query, for the language switch */
  path: string;
  body: Html;
  /** a page's own stylesheet after site.css, e.g. '/assets/charter-print.css' (a constant, never data) */
  stylesheet?: string | undefined;
}

/**
 * The same page in another language: only the request's path and query, on this site. Leading
 * slashes and backslashes are folded to one, before and after resolving dot segments, so that
 * `//evil.example` or `/.//evil.example` never become a link to another host.
 */
export function withLang(path: string, lang: Lang): string {
  const onlyThisSite = (text: string) => text.replace(/^[/\\]*/, '/');
  const url = new URL(onlyThisSite(path), 'http://x');
  url.searchParams.set('lang', lang);
  return `${onlyThisSite(url.pathname)}${url.search}`;
}

export function renderPage({ lang, title, path, body, stylesheet }: PageOptions): string {
  const other: Lang = lang === 'bn' ? 'en' : 'bn';
  return html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} — ${t(lang, 'site.name')}</title>
<link rel="stylesheet" href="/assets/site.css">
${stylesheet ? html`<link rel="stylesheet" href="${stylesheet}">\n` : ''}</head>
<body>
<a class="skip" href="#main">${t(lang, 'layout.skip')}</a>
<header class="site-header">
  <a class="brand" href="/">${t(lang, 'site.name')}</a>
  <a class="nav" href="/calendar">${t(lang, 'nav.calendar')}</a>
  <a class="lang-switch" href="${withLang(path, other)}" hreflang="${other}" lang="${other}">${t(other, 'layout.language_name')}</a>
</header>
<main id="main">
${body}
</main>
<footer class="site-footer">
  <p>${t(lang, 'layout.footer')}</p>
  <p><a href="/track">${t(lang, 'track.link')}</a></p>
  <p><a href="/login">${t(lang, 'layout.staff_sign_in')}</a></p>
</footer>
</body>
</html>
`.value;
}

/** A page's own part: its title and the body inside the shared frame. */
export interface RenderedPage {
  title: string;
  body: Html;
  /** see PageOptions.stylesheet */
  stylesheet?: string;
}

/** A page of one signed-in user, or holding one citizen's request or a CSRF token: never kept by a shared cache or the back button. */
export function privatePage(request: FastifyRequest, reply: FastifyReply, page: RenderedPage, status = 200) {
  return sendPage(request, reply.status(status).header('cache-control', 'no-store'), page);
}

export function sendPage(request: FastifyRequest, reply: FastifyReply, page: RenderedPage) {
  return reply
    .type('text/html; charset=utf-8')
    // the language can come from a cookie, so caches must keep the two apart
    .header('vary', 'Cookie')
    .send(renderPage({ lang: request.lang, title: page.title, path: request.url, body: page.body }));
}
