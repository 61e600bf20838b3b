// GET /api/sla/due: the deadline calculator for a time limit written as a charter writes it.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PUBLIC } from '../http/access.ts';
import { deadlineJson, deadlineResponse, parseReceivedAt } from '../calendar/index.ts';
import { errorResponses } from '../http/api-schemas.ts';
import { requireOfficeId } from '../offices/index.ts';
import { dueUnderTimeLimit } from './charter-deadline.ts';

export async function deadlineRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/sla/due',
    {
      config: PUBLIC,
      schema: {
        summary: 'When a service received at `from` is expected and due under a charter time limit',
        querystring: z.object({ from: z.string().max(40), limit: z.string().max(500), office: z.string().max(100).optional() }),
        response: { 200: deadlineResponse, ...errorResponses(400, 404) },
      },
    },
    async (request) => {
      const { from, limit, office } = request.query;
      const officeId = office === undefined ? null : await requireOfficeId(app.db, office);
      return deadlineJson(await dueUnderTimeLimit(app.db, officeId, parseReceivedAt(from), limit));
    },
  );
}
