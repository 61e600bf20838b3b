// What every route declares about who may call it, and who is calling. The accounts feature
// enforces these declarations for every route in one place; routes never check roles by hand.
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../core/actor.ts';

export const PERMISSIONS = [
  // national holidays need a national target, which only system administrators reach
  'calendar.edit',
  'charter.edit',
  'users.manage',
  'audit.read',
  'requests.read',
  'requests.handle',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** What an action is done to: the whole country, or one office (by id or by its slug). */
export type AccessTarget = { kind: 'national' } | { kind: 'office'; officeId: number } | { kind: 'office'; slug: string };

export const NATIONAL: AccessTarget = { kind: 'national' };

export type Access =
  | 'public'
  /** any signed-in user, for their own things (their account, their tokens) */
  | 'signed-in'
  | {
      permission: Permission;
      /** resolved after validation, so it may read params and body; may throw a DomainError (404) */
      target: (request: FastifyRequest) => AccessTarget | Promise<AccessTarget>;
    };

/** The signed-in user behind a request, by session cookie or API token. */
export interface Principal {
  userId: number;
  /** the e-mail address, for logs and the audit trail */
  label: string;
  nameBn: string;
  nameEn: string | null;
  via: 'session' | 'token';
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    principal: Principal | null;
    /**
     * Whether the signed-in user may do this there, by the same policy that guards the routes:
     * for pages to offer only what will not be refused. False when nobody is signed in, and on
     * public routes, where nobody is looked for.
     */
    allows(permission: Permission, target: AccessTarget): Promise<boolean>;
  }
}

export const officeBySlug = (slug: string): AccessTarget => ({ kind: 'office', slug });

/** The route config of a page or API anyone may use. */
export const PUBLIC = { access: 'public' } as const satisfies { access: Access };

/** Who is acting in this request, for the audit log: the signed-in user from this address. */
export function actorOf(request: FastifyRequest): Actor {
  const principal = request.principal;
  return principal ? { userId: principal.userId, label: principal.label, ip: request.ip } : { userId: null, label: 'anonymous', ip: request.ip };
}
