// The browser steps the accounts tests share: a form's CSRF token and cookies; and the SMTP
// server of the mail feature's test support, which the invitation tests use.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

export { startSmtpServer, type ReceivedMail } from '../mail/test-support.ts';

export function cookiesOf(response: LightMyRequestResponse): Record<string, string> {
  return Object.fromEntries(response.cookies.map((cookie) => [cookie.name, cookie.value]));
}

/** A form post, as a browser sends it. */
export function form(fields: Record<string, string>) {
  return { payload: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } };
}

/** Opens a page with a form, as a browser: its cookies (CSRF secret) and the form's token. */
export async function openForm(app: FastifyInstance, url: string, cookies: Record<string, string> = {}): Promise<{ status: number; body: string; cookies: Record<string, string>; csrf: string }> {
  const page = await app.inject({ url, cookies });
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  return { status: page.statusCode, body: page.body, cookies: { ...cookies, ...cookiesOf(page) }, csrf };
}

/** Fills and sends the form at `url` (CSRF included); `action` defaults to the same address. */
export async function submitForm(app: FastifyInstance, url: string, fields: Record<string, string>, options: { cookies?: Record<string, string>; action?: string; ip?: string } = {}) {
  let page = await openForm(app, url, options.cookies);
  // a page without a form (a spent link): the token of another page of the site, as a kept-open tab would have
  if (!page.csrf) page = await openForm(app, '/login', options.cookies);
  return app.inject({ method: 'POST', url: options.action ?? url, cookies: page.cookies, remoteAddress: options.ip ?? '192.0.2.10', ...form({ ...fields, _csrf: page.csrf }) });
}
