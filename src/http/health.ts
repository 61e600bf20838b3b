// GET /healthz: 200 when the database answers, 503 when it does not.
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';

const PROBE_TIMEOUT_MS = 2000;

export async function healthRoutes(app: FastifyInstance): Promise<void> {
  app.get('/healthz', { schema: { hide: true } }, async (_request, reply) => {
    try {
      await Promise.race([
        sql`select 1`.execute(app.db),
        new Promise((_, reject) => setTimeout(() => reject(new Error('database probe timed out')), PROBE_TIMEOUT_MS).unref()),
      ]);
      return reply.header('cache-control', 'no-store').send({ status: 'ok', database: 'ok' });
    } catch (error) {
      app.log.warn({ err: error }, 'health check: database unreachable');
      return reply.status(503).header('cache-control', 'no-store').send({ status: 'unavailable', database: 'unreachable' });
    }
  });
}
