// The request as the log shows it: invitation and password-reset links carry a secret in their
// path, the first-run setup link its token and Open311 clients their API token in the query;
// each is replaced before any log line is written.
import type { FastifyRequest } from 'fastify';

const SECRET_PATH = /^(\/(?:invitation|password-reset)\/)[^/?#]+/;
const SECRET_QUERY = /([?&](?:api_key|token)=)[^&#]*/gi;

export function redactSecretPath(url: string): string {
  return url.replace(SECRET_PATH, '$1[redacted]').replace(SECRET_QUERY, '$1[redacted]');
}

export function requestForLog(request: FastifyRequest) {
  return { method: request.method, url: redactSecretPath(request.url), host: request.host, remoteAddress: request.ip, remotePort: request.socket?.remotePort };
}
