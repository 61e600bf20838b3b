// The servers the HTTP load benchmark drives, in a process of their own so that the load
// generator does not share their event loop: a bare Fastify answering a primary-key lookup (the
// baseline: the least any page backed by the database costs), and the app on the seed charters.
// Prints {"baseline": port, "app": port} once both listen; SIGTERM closes them and drops the database.
import Fastify from 'fastify';
import { sql } from 'kysely';
import pg from 'pg';
import { buildApp } from '../src/app.ts';
import { loadHolidayData } from '../src/calendar/index.ts';
import { seedCharters } from '../src/charters/index.ts';
import { openTestDatabase } from '../src/core/db/test-database.ts';

const database = await openTestDatabase();
await seedCharters(database.db);
await loadHolidayData(database.db);
const { id: officeId } = await database.db.selectFrom('offices').select('id').orderBy('id').executeTakeFirstOrThrow();

// The baseline reads one row by primary key with the driver itself: `pg` on PostgreSQL (a pool as
// large as the app's), PGlite's single connection through Kysely's raw SQL otherwise.
const pool = database.url ? new pg.Pool({ connectionString: database.url, max: 10 }) : undefined;
const baseline = Fastify({ logger: false });
baseline.get('/office', async () => {
  if (pool) return (await pool.query('select id, slug, name_bn from offices where id = $1', [officeId])).rows[0];
  return (await sql<{ id: number }>`select id, slug, name_bn from offices where id = ${officeId}`.execute(database.db)).rows[0];
});
const app = await buildApp({ db: database.db });

await baseline.listen({ port: 0, host: '127.0.0.1' });
await app.listen({ port: 0, host: '127.0.0.1' });
const portOf = (server: { server: { address(): unknown } }) => {
  const address = server.server.address() as { port: number } | string | null;
  if (!address || typeof address === 'string') throw new Error('the server has no port');
  return address.port;
};
console.log(JSON.stringify({ baseline: portOf(baseline), app: portOf(app), database: database.kind }));

process.once('SIGTERM', () => {
  void (async () => {
    await baseline.close();
    await app.close();
    await pool?.end();
    await database.drop();
    process.exit(0);
  })();
});
