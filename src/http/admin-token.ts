// Guards the editing API with a bearer token (ADMIN_API_TOKEN) until accounts and roles exist.
// The token is compared in constant time and never logged.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { errorBody } from './errors.ts';

const digest = (text: string) => createHash('sha256').update(text).digest();

export function requireAdminToken(token: string | undefined) {
  const expected = token ? digest(token) : null;
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (!expected) {
      return reply.status(403).send(errorBody('editing_disabled', 'error.editing_disabled'));
    }
    const presented = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    if (!presented || !timingSafeEqual(digest(presented), expected)) {
      return reply
        .status(401)
        .header('www-authenticate', 'Bearer')
        .send(errorBody('unauthorised', 'error.unauthorised'));
    }
  };
}
