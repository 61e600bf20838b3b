// GET /healthz: 200 when the database answers, 503 when it does not.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { describeDatabaseError } from '../core/db/unavailable.ts';
import { errorResponse } from './api-schemas.ts';

const PROBE_TIMEOUT_MS = 2000;

// Shown in /openapi.json: load balancers and monitors read it, and its shape is a promise too.
const healthSchema = {
  summary: 'Whether this instance can serve: 200 while the database answers, 503 when it does not',
  response: {
    200: z.object({ status: z.literal('ok'), database: z.literal('ok') }),
    503: z.object({ status: z.literal('unavailable'), database: z.literal('unreachable') }),
    500: errorResponse,
  },
};

export async function healthRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get('/healthz', { schema: healthSchema }, async (_request, reply) => {
    try {
      await Promise.race([
        sql`select 1`.execute(app.db),
        new Promise((_, reject) => setTimeout(() => reject(new Error('database probe timed out')), PROBE_TIMEOUT_MS).unref()),
      ]);
      return reply.header('cache-control', 'no-store').send({ status: 'ok', database: 'ok' });
    } catch (error) {
      app.log.warn({ database: describeDatabaseError(error) }, 'health check: database unreachable');
      return reply.status(503).header('cache-control', 'no-store').send({ status: 'unavailable', database: 'unreachable' });
    }
  });
}
