// CSRF protection for every state-changing request that a browser could send on its own: every
// form post, and every JSON call that carries a session cookie, must bring the token of a page
// this site served (the secret sits in an HttpOnly cookie, the token in the form's `_csrf` field
// or an `X-CSRF-Token` header). A call with a bearer token needs none: browsers never add that
// header by themselves, and such a call is not signed in by cookie; nor does a JSON call without
// a session, which has no one's rights to borrow (and browsers send JSON cross-site only after
// a CORS preflight this site never grants).
import csrfProtection from '@fastify/csrf-protection';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface CsrfOptions {
  secureCookies: boolean;
  /** the cookie that signs a browser in */
  sessionCookie: string;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** false: the route reads no cookie, its caller's key comes in the request itself (Open311's api_key) */
    csrf?: false;
  }
}

function needsCsrfToken(request: FastifyRequest, sessionCookie: string): boolean {
  if (SAFE_METHODS.has(request.method) || request.is404) return false;
  if (request.routeOptions.config.csrf === false) return false;
  if (/^Bearer\s/i.test(request.headers.authorization ?? '')) return false;
  const json = (request.headers['content-type'] ?? '').startsWith('application/json');
  return !json || request.cookies[sessionCookie] !== undefined;
}

export const csrfPlugin = fp(async (app: FastifyInstance, options: CsrfOptions) => {
  await app.register(csrfProtection, {
    cookieKey: 'protishruti_csrf',
    cookieOpts: { path: '/', sameSite: 'lax', httpOnly: true, secure: options.secureCookies },
  });
  app.addHook('preValidation', (request: FastifyRequest, reply: FastifyReply, done: (error?: Error) => void) => {
    if (!needsCsrfToken(request, options.sessionCookie)) return done();
    app.csrfProtection(request, reply, done);
  });
});

/** The token for a form on this page; sets the secret cookie when the browser has none yet. */
export function csrfToken(reply: FastifyReply): string {
  return reply.generateCsrf();
}
