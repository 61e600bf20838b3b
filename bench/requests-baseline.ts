// The tracking benchmark's baseline, in a process of its own like the app it is measured against:
// a bare Fastify reading one service request by its tracking number (a unique key) with `pg`,
// answering the same JSON body /api/v1/track takes. It is the least any tracking lookup costs.
// Prints {"port": n} once it listens; SIGTERM closes it.
import Fastify from 'fastify';
import pg from 'pg';

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error('the baseline needs DATABASE_URL');

// as large a pool as the app's (src/core/db/connection.ts)
const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
const server = Fastify({ logger: false });
server.post<{ Body: { tracking_number: string } }>('/track', async (request, reply) => {
  const { rows } = await pool.query(
    'select tracking_number, status, received_at, due_at, closed_at from service_requests where tracking_number = $1',
    [request.body.tracking_number],
  );
  if (!rows[0]) return reply.status(404).send({ error: 'not found' });
  return rows[0];
});

await server.listen({ port: 0, host: '127.0.0.1' });
const address = server.server.address();
if (!address || typeof address === 'string') throw new Error('the baseline has no port');
console.log(JSON.stringify({ port: address.port }));

process.once('SIGTERM', () => {
  void (async () => {
    await server.close();
    await pool.end();
    process.exit(0);
  })();
});
