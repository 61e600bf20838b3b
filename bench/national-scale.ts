// National scale: `npm run bench -- --offices 11000` builds a country of synthetic offices with
// published charters over the real 64 districts and ~495 (synthetic) upazilas, and reports the
// directory, search and charter pages at 100, 1,000 and 11,000 offices: latency (median, p99) as
// a ratio to /healthz measured in the same run, gzipped page size, and the process's memory.
// On PostgreSQL (DATABASE_URL) it also reports the directory queries' planned cost against
// jit_above_cost, so no query is JIT-compiled by surprise.
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { sql, type Kysely } from 'kysely';
import { buildApp } from '../src/app.ts';
import { seedCharters } from '../src/charters/index.ts';
import type { DB } from '../src/core/db/schema.ts';
import { openTestDatabase } from '../src/core/db/test-database.ts';
import { ensureLocation, ensureOrganisation, identifyOrganisation } from '../src/offices/index.ts';
import { DEPARTMENTS, splitPlaces, syntheticOffice, syntheticPlaces, type SyntheticPlace, type SyntheticPlaces } from './synthetic-offices.ts';

const argument = process.argv.indexOf('--offices');
const target = Number(process.argv[argument + 1] ?? 11_000);
if (!Number.isInteger(target) || target < 1 || target > 200_000) {
  console.error('--offices takes a whole number of offices, 1 to 200000');
  process.exit(1);
}
const STEPS = [...new Set([100, 1_000, 11_000].filter((n) => n < target).concat(target))];
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);

type PlaceInDatabase = SyntheticPlace & { placeId: number };

/** The synthetic country's places (synthetic-offices.ts), stored in the database. */
async function buildPlaces(db: Kysely<DB>): Promise<SyntheticPlaces<PlaceInDatabase>> {
  const stored: PlaceInDatabase[] = [];
  for (const place of syntheticPlaces()) stored.push({ ...place, placeId: await ensureLocation(db, place.location) });
  return splitPlaces(stored);
}

async function addOffices(db: Kysely<DB>, from: number, to: number, places: Awaited<ReturnType<typeof buildPlaces>>, organisations: Map<string, number>): Promise<void> {
  const rows = [];
  for (let i = from; i < to; i++) {
    const { code, place, details } = syntheticOffice(i, places);
    rows.push({ ...details, place_id: place.placeId, organisation_id: organisations.get(code) ?? null });
    if (rows.length === 1000 || i === to - 1) {
      await db.insertInto('offices').values(rows.splice(0)).execute();
    }
  }
  // each synthetic office publishes a one-version charter; only the two seed charters have services
  await sql`insert into charter_versions (office_id, version_no, status, published_at, office_name_bn)
    select id, 1, 'published', now(), name_bn from offices where slug like 'bench-%' and published_charter_version_id is null`.execute(db);
  await sql`update offices o set published_charter_version_id = v.id, charter_published_at = v.published_at, published_service_count = 12
    from charter_versions v where v.office_id = o.id and v.status = 'published' and o.published_charter_version_id is null`.execute(db);
  await sql`analyze offices`.execute(db);
}

interface Timing {
  median: number;
  p99: number;
  gzipBytes: number;
}

async function timeRequests(app: Awaited<ReturnType<typeof buildApp>>, url: string): Promise<Timing> {
  for (let i = 0; i < 20; i++) await app.inject(url); // warm up
  const times: number[] = [];
  let gzipBytes = 0;
  for (let i = 0; i < REQUESTS; i++) {
    const start = performance.now();
    const response = await app.inject(url);
    times.push(performance.now() - start);
    if (response.statusCode !== 200) throw new Error(`${url} answered ${response.statusCode}`);
    if (i === 0) gzipBytes = gzipSync(response.rawPayload).length;
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
  return { median: at(0.5), p99: at(0.99), gzipBytes };
}

/** The directory's query shapes, as the planner costs them (PostgreSQL only). */
async function plannedCosts(db: Kysely<DB>): Promise<{ query: string; cost: number }[]> {
  const shapes = {
    'divisions with counts': sql`select c.slug, (select count(*) from offices o where o.published_charter_version_id is not null and o.place_id in (select c.id union all select g.id from places g where g.parent_id = c.id union all select gg.id from places g join places gg on gg.parent_id = g.id where g.parent_id = c.id)) from places c where c.parent_id is null and c.kind = 'division'`,
    'count by organisation': sql`select organisation_id, count(*) from offices where published_charter_version_id is not null group by organisation_id`,
    'a page of an upazila': sql`select slug from offices where published_charter_version_id is not null and place_id = (select max(id) from places where kind = 'upazila') order by name_bn, id limit 50 offset 0`,
    search: sql`select slug, count(*) over () from offices o where published_charter_version_id is not null and search_text like lower('%কৃষি%') order by name_bn, id limit 50`,
  };
  const costs = [];
  for (const [query, shape] of Object.entries(shapes)) {
    const { rows } = await sql<{ 'QUERY PLAN': [{ Plan: { 'Total Cost': number } }] }>`explain (format json) ${shape}`.execute(db);
    costs.push({ query, cost: rows[0]?.['QUERY PLAN'][0].Plan['Total Cost'] ?? NaN });
  }
  return costs;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

console.log(`National scale: ${STEPS.join(', ')} offices on ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}; ${REQUESTS} requests per page, one at a time, in process (inject)\n`);
const database = await openTestDatabase();
try {
  const db = database.db;
  await seedCharters(db);
  const places = await buildPlaces(db);
  const organisations = new Map<string, number>();
  for (const code of DEPARTMENTS) {
    const org = identifyOrganisation(null, [code]);
    if (org) organisations.set(code, await ensureOrganisation(db, org));
  }
  const app = await buildApp({ db });
  let built = 0;
  for (const step of STEPS) {
    const started = performance.now();
    await addOffices(db, built, step - 2, places, organisations); // the two seed offices count too
    built = step - 2;
    const buildSeconds = (performance.now() - started) / 1000;
    const busiest = await db
      .selectFrom('offices as o')
      .innerJoin('places as p', 'p.id', 'o.place_id')
      .select(['p.slug', (eb) => eb.fn.countAll().as('n')])
      .where('p.kind', '=', 'upazila')
      .groupBy('p.slug')
      .orderBy('n', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    const urls: [string, string][] = [
      ['home (8 divisions)', '/'],
      ['division', '/divisions/dhaka'],
      ['district (upazilas + page 1)', '/districts/dhaka'],
      ['upazila, busiest (page 1)', `/upazilas/${busiest.slug}`],
      ['organisations', '/organisations'],
      ['department (page 1)', '/organisations/dae'],
      ['department (last page)', `/organisations/dae?page=${Math.max(1, Math.ceil(step / DEPARTMENTS.length / 50))}`],
      ['search, many matches', `/search?q=${encodeURIComponent('কৃষি')}`],
      ['search, one match', `/search?q=bench-dae-${Math.floor(step / 2 / DEPARTMENTS.length) * DEPARTMENTS.length}`],
      ['charter page (Jaintiapur)', '/offices/doict-jaintiapur-sylhet'],
    ];
    const health = await timeRequests(app, '/healthz');
    console.log(`— ${step} offices (built in ${buildSeconds.toFixed(1)} s); /healthz median ${health.median.toFixed(3)} ms, p99 ${health.p99.toFixed(3)} ms`);
    console.log(`${'page'.padEnd(30)} ${'median'.padStart(14)} ${'p99'.padStart(14)} ${'gzip'.padStart(9)}`);
    let largest = 0;
    for (const [name, url] of urls) {
      const timing = await timeRequests(app, url);
      largest = Math.max(largest, url.startsWith('/offices/') ? 0 : timing.gzipBytes);
      const ratio = (ms: number, base: number) => `${(ms / base).toFixed(1)}× (${ms.toFixed(2)} ms)`;
      console.log(`${name.padEnd(30)} ${ratio(timing.median, health.median).padStart(14)} ${ratio(timing.p99, health.p99).padStart(14)} ${kb(timing.gzipBytes).padStart(9)}`);
    }
    const memory = process.memoryUsage();
    console.log(`largest directory page ${kb(largest)} gzipped; process RSS ${mb(memory.rss)}, heap used ${mb(memory.heapUsed)}`);
    if (process.env.DATABASE_URL) {
      const jit = await sql<{ jit_above_cost: string }>`show jit_above_cost`.execute(db);
      const costs = await plannedCosts(db);
      console.log(`planned cost (JIT above ${jit.rows[0]?.jit_above_cost}): ${costs.map(({ query, cost }) => `${query} ${cost.toFixed(0)}`).join(', ')}`);
    }
    console.log('');
  }
  await app.close();
} finally {
  await database.drop();
}
