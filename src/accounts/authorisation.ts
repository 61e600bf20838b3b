// The one authorisation layer: every route declares its access (http/access.ts) and is refused
// at start-up if it does not; a signed-in user is found by session cookie or API token only on
// routes that need one; the permission is checked against the user's roles after validation.
// Pages ask the same question (request.allows) to offer only what will not be refused.
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import type { Kysely } from 'kysely';
import type { DB } from '../core/db/schema.ts';
import type { Access, AccessTarget, Permission, Principal } from '../http/access.ts';
import { findOfficeAncestry, requireOfficeId } from '../offices/index.ts';
import { AccountsError } from './errors.ts';
import { isAllowed, type Grant, type ResolvedTarget } from './roles.ts';
import { findSessionHolder, findTokenHolder, type Holder, type TokenHolder } from './session-repository.ts';
import { listGrants } from './user-repository.ts';

export const SESSION_COOKIE = 'protishruti_session';

declare module 'fastify' {
  interface FastifyInstance {
    declaredAccess(): { method: RouteOptions['method']; url: string; access: Access | undefined }[];
  }
}

export interface AuthorisationOptions {
  db: Kysely<DB>;
  sessionLifetimeMs: number;
}

function principalOf(holder: Holder, via: Principal['via']): Principal {
  return { userId: holder.userId, label: holder.email, nameBn: holder.nameBn, nameEn: holder.nameEn, via };
}

/** What an office's token may do, whatever its creator may: read and handle its office's requests. */
const OFFICE_TOKEN_PERMISSIONS: readonly Permission[] = ['requests.read', 'requests.handle'];

// The office each office-token principal is limited to. Kept beside the principal rather than in
// it, so that every holder of a Principal (the Open311 api_key among them) gets the limit for free.
const officeOfTokenPrincipal = new WeakMap<Principal, number>();

function tokenPrincipal(holder: TokenHolder): Principal {
  if (holder.officeId === null) return principalOf(holder, 'token');
  // the audit log names the token and who made it
  const principal = { ...principalOf(holder, 'token'), label: `token:${holder.tokenName} (${holder.email})` };
  officeOfTokenPrincipal.set(principal, holder.officeId);
  return principal;
}

/** Whether this principal is an office's API token, which never acts on a user's own things. */
export function isOfficeToken(principal: Principal | null): boolean {
  return principal !== null && officeOfTokenPrincipal.has(principal);
}

/** An office token's limit: its office, its permissions; a personal token or a session has none. */
function withinTokenLimit(principal: Principal, permission: Permission, target: ResolvedTarget): boolean {
  const officeId = officeOfTokenPrincipal.get(principal);
  if (officeId === undefined) return true;
  return OFFICE_TOKEN_PERMISSIONS.includes(permission) && target.kind === 'office' && target.ancestry.officeId === officeId;
}

export function bearerToken(request: FastifyRequest): string | undefined {
  return /^Bearer (\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
}

/**
 * Whoever holds this API token, for routes that take it other than as `Authorization: Bearer`
 * (Open311's `api_key` field): set it as the request's principal, then ask request.allows.
 */
export async function findApiKeyPrincipal(db: Kysely<DB>, token: string): Promise<Principal | null> {
  const holder = await findTokenHolder(db, token);
  return holder ? tokenPrincipal(holder) : null;
}

async function findPrincipal(db: Kysely<DB>, request: FastifyRequest, sessionLifetimeMs: number): Promise<Principal | null> {
  const token = bearerToken(request);
  if (token !== undefined) return findApiKeyPrincipal(db, token);
  const session = request.cookies[SESSION_COOKIE];
  if (!session) return null;
  const holder = await findSessionHolder(db, session, sessionLifetimeMs);
  return holder ? principalOf(holder, 'session') : null;
}

/** The target's place in the hierarchy; null for an office id that names no office. */
async function resolveTarget(db: Kysely<DB>, target: AccessTarget): Promise<ResolvedTarget | null> {
  if (target.kind === 'national') return target;
  const officeId = 'officeId' in target ? target.officeId : await requireOfficeId(db, target.slug, 'slug');
  const ancestry = await findOfficeAncestry(db, officeId);
  return ancestry ? { kind: 'office', ancestry } : null;
}

/** A page a person asked for while signed out: send them to sign in and back. */
function wantsSignInPage(request: FastifyRequest): boolean {
  const json = (request.headers.accept ?? '').startsWith('application/json');
  return request.method === 'GET' && !json && !request.url.startsWith('/api/') && bearerToken(request) === undefined;
}

function accessOf(request: FastifyRequest): Access | undefined {
  return request.is404 ? 'public' : request.routeOptions.config.access;
}

export const authorisation = fp(async (app: FastifyInstance, options: AuthorisationOptions) => {
  const { db, sessionLifetimeMs } = options;
  const routes: RouteOptions[] = [];

  // the grants as they stood when the request came, read once however often it is asked
  const grantsOfRequest = new WeakMap<FastifyRequest, Promise<Grant[]>>();
  function grantsOf(request: FastifyRequest, userId: number): Promise<Grant[]> {
    let grants = grantsOfRequest.get(request);
    if (!grants) {
      grants = listGrants(db, userId);
      grantsOfRequest.set(request, grants);
    }
    return grants;
  }

  /** The one policy question, for the guard and for pages alike. */
  async function allows(request: FastifyRequest, permission: Permission, target: AccessTarget): Promise<boolean> {
    const principal = request.principal;
    if (!principal) return false;
    const resolved = await resolveTarget(db, target);
    if (resolved === null || !withinTokenLimit(principal, permission, resolved)) return false;
    // an office token also needs its creator's rights as they stand now
    return isAllowed(await grantsOf(request, principal.userId), permission, resolved);
  }

  app.decorateRequest('principal', null);
  app.decorateRequest('allows', function (this: FastifyRequest, permission: Permission, target: AccessTarget) {
    return allows(this, permission, target);
  });
  // for the authorisation matrix test: every route with what it declares
  app.decorate('declaredAccess', () => routes.map((route) => ({ method: route.method, url: route.url, access: route.config?.access })));
  app.addHook('onRoute', (route) => {
    routes.push(route);
  });
  app.addHook('onReady', async () => {
    const undeclared = routes.filter((route) => route.config?.access === undefined).map((route) => `${String(route.method)} ${route.url}`);
    if (undeclared.length > 0) throw new Error(`routes without a declared access: ${undeclared.join(', ')}`);
  });

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const access = accessOf(request);
    if (access === 'public') return;
    request.principal = await findPrincipal(db, request, sessionLifetimeMs);
    if (request.principal) return;
    if (wantsSignInPage(request)) return reply.redirect(`/login?next=${encodeURIComponent(request.url)}`, 303);
    reply.header('www-authenticate', 'Bearer');
    throw new AccountsError('sign_in_required');
  });

  app.addHook('preHandler', async (request: FastifyRequest) => {
    const access = accessOf(request);
    if (access === 'public' || access === undefined) return;
    if (!request.principal) throw new AccountsError('sign_in_required');
    // a user's own things (their account, their personal tokens) are not an office's
    if (access === 'signed-in') {
      if (isOfficeToken(request.principal)) throw new AccountsError('forbidden');
      return;
    }
    if (!(await allows(request, access.permission, await access.target(request)))) throw new AccountsError('forbidden');
  });
});
