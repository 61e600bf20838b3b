// The request as the log shows it: invitation and password-reset links carry a secret in their
// path, which is replaced before any log line is written.
import type { FastifyRequest } from 'fastify';

const SECRET_PATH = /^(\/(?:invitation|password-reset)\/)[^/?#]+/;
// Open311 clients may send their API token as ?api_key=
const SECRET_QUERY = /([?&]api_key=)[^&#]*/gi;

export function redactSecretPath(url: string): string {
  return url.replace(SECRET_PATH, '$1[redacted]').replace(SECRET_QUERY, '$1[redacted]');
}

export function requestForLog(request: FastifyRequest) {
  return { method: request.method, url: redactSecretPath(request.url), host: request.host, remoteAddress: request.ip, remotePort: request.socket?.remotePort };
}
