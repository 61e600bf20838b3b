// GET /healthz: 200 when the database answers, 503 when it does not.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import { isBusyAndProgressing } from '../core/db/connection.ts';
import type { DB } from '../core/db/schema.ts';
import { describeDatabaseError } from '../core/db/unavailable.ts';
import { errorResponse } from './api-schemas.ts';
import { PUBLIC } from './access.ts';

const PROBE_TIMEOUT_MS = 2000;

/**
 * The embedded database (PGlite) is one connection behind a lock, so the probe would queue
 * behind whatever holds it: a big .ics import holds it for seconds, the probe times out, and a
 * monitor restarts an instance that was only busy. A holder that finished a statement within
 * this window shows the database answering as well as `select 1` would, so then the route says
 * so without queuing; a free lock, or one held by a holder gone quiet for longer (stalled), is
 * probed as before. PostgreSQL has other connections in its pool and is always probed.
 */
export const PROGRESS_WINDOW_MS = PROBE_TIMEOUT_MS;

// Shown in /openapi.json: load balancers and monitors read it, and its shape is a promise too.
const healthSchema = {
  summary: 'Whether this instance can serve: 200 while the database answers, 503 when it does not',
  response: {
    200: z.object({ status: z.literal('ok'), database: z.literal('ok') }),
    503: z.object({ status: z.literal('unavailable'), database: z.literal('unreachable') }),
    500: errorResponse,
  },
};

/** Resolves when the database answers (or is seen answering its current holder), rejects when it does not in time. */
async function checkDatabase(db: Kysely<DB>): Promise<void> {
  if (isBusyAndProgressing(db, PROGRESS_WINDOW_MS)) return;
  await Promise.race([
    sql`select 1`.execute(db),
    new Promise((_, reject) => setTimeout(() => reject(new Error('database probe timed out')), PROBE_TIMEOUT_MS).unref()),
  ]);
}

export async function healthRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get('/healthz', { config: PUBLIC, schema: healthSchema }, async (_request, reply) => {
    try {
      await checkDatabase(app.db);
      return reply.header('cache-control', 'no-store').send({ status: 'ok', database: 'ok' });
    } catch (error) {
      app.log.warn({ database: describeDatabaseError(error) }, 'health check: database unreachable');
      return reply.status(503).header('cache-control', 'no-store').send({ status: 'unavailable', database: 'unreachable' });
    }
  });
}
