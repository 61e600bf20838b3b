// Service requests under load (`npm run bench -- --requests`), on a PostgreSQL database of its own
// (protishruti_bench_<pid>, made and dropped here; the server is DATABASE_URL's, or the local one):
// tracking lookups against a bare Fastify + `pg` baseline, online intake at 500 requests a second
// with every confirmed request counted in the database after, and the officer's queue of an office
// with 50,000 open requests explained and timed. The app is the real server (src/main.ts, as
// src/test-support.ts starts it), trusting 127.0.0.1 as its proxy so that each simulated citizen
// comes from an address of their own, as they would in front of a real proxy.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import { importCharter, loadPublishedCharter } from '../src/charters/index.ts';
import { parseCharterText } from '../src/charters/parse/charter-text.ts';
import { DATA_ROOT } from '../src/core/paths.ts';
import { openDatabase } from '../src/core/db/connection.ts';
import { withAdminClient } from '../src/core/db/test-database.ts';
import type { DB } from '../src/core/db/schema.ts';
import { requireOfficeId } from '../src/offices/index.ts';
import { receiveRequest } from '../src/requests/index.ts';
import { start, type Started } from '../src/test-support.ts';
import { runIntakeLoad, type ApplyTarget } from './requests-intake.ts';
import { runQueueAtScale } from './requests-queue.ts';
import { runTrackingLoad, type TrackedNumber } from './requests-tracking.ts';

const LOCAL_SERVER = 'postgres://postgres@127.0.0.1:5432/postgres';
const OFFICES = ['doict-sadar-jessore', 'doict-jaintiapur-sylhet'] as const;
/**
 * More offices for the intake, each with the Jaintiapur charter: citizens across the country
 * apply to many offices at once, and each office's numbers are taken in turn (no gaps), so 500 a
 * second into two offices would measure one office's queue, not the instance.
 */
const INTAKE_OFFICES = 48;
const TRACKED = 2_000;
// several at once, as a desk of clerks would; each office's numbers are taken in turn anyway
const SEEDING_LANES = 4;

interface OfficeService {
  officeId: number;
  slug: string;
  code: string;
}

/** Each seed office's first service promised in working days. */
async function servicesToApplyFor(db: Kysely<DB>, slugs: readonly string[] = OFFICES): Promise<OfficeService[]> {
  return Promise.all(
    slugs.map(async (slug) => {
      const charter = await loadPublishedCharter(db, slug);
      const service = charter.services.find((candidate) => candidate.time_limit.unit === 'working_day') ?? charter.services[0];
      if (!service) throw new Error(`the seed charter of ${slug} has no service`);
      return { officeId: await requireOfficeId(db, slug), slug, code: service.code };
    }),
  );
}

/** TRACKED requests received at the desk through the service (events and deadline clocks included), with known mobiles. */
async function seedTrackedRequests(db: Kysely<DB>, services: readonly OfficeService[]): Promise<TrackedNumber[]> {
  const numbers: TrackedNumber[] = [];
  let next = 0;
  const lane = async () => {
    for (let n = next++; n < TRACKED; n = next++) {
      const service = services[n % services.length];
      if (!service) throw new Error('no service to seed');
      const mobile = `017${String(n).padStart(8, '0')}`;
      const received = await receiveRequest(db, { userId: null, label: 'bench', ip: null }, {
        office: { id: service.officeId, slug: service.slug },
        serviceCode: service.code,
        channel: 'in_person',
        receivedAt: new Date(),
        citizen: { name: `নাগরিক ${n}`, mobile },
        details: '',
      });
      numbers.push({ trackingNumber: received.tracking_number, mobileLast4: mobile.slice(-4) });
    }
  };
  await Promise.all(Array.from({ length: SEEDING_LANES }, lane));
  return numbers;
}

/** INTAKE_OFFICES offices more, published with the Jaintiapur charter under addresses of their own. */
async function importIntakeOffices(db: Kysely<DB>): Promise<string[]> {
  const doc = parseCharterText(readFileSync(path.join(DATA_ROOT, 'charters/jaintiapur.txt'), 'utf8'));
  const slugs = Array.from({ length: INTAKE_OFFICES }, (_, i) => `bench-intake-office-${i + 1}`);
  for (const slug of slugs) await importCharter(db, doc, { officeSlug: slug, publish: true });
  return slugs;
}

async function startBaseline(databaseUrl: string): Promise<{ child: ChildProcess; url: string }> {
  const file = path.join(path.dirname(fileURLToPath(import.meta.url)), 'requests-baseline.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', file], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, DATABASE_URL: databaseUrl } });
  const [line] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
  const { port } = JSON.parse(line) as { port: number };
  return { child, url: `http://127.0.0.1:${port}` };
}

async function stopChild(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await exited;
}

export async function runRequestsBench(): Promise<void> {
  const serverUrl = process.env.DATABASE_URL ?? LOCAL_SERVER;
  // the name is ours, never input: DDL cannot take it as a parameter
  const name = `protishruti_bench_${process.pid}`;
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  await withAdminClient(serverUrl, (client) => client.query(`create database ${name}`));
  const dataDir = await mkdtemp(path.join(tmpdir(), 'protishruti-bench-'));
  let app: Started | undefined;
  let baseline: ChildProcess | undefined;
  let database: Awaited<ReturnType<typeof openDatabase>> | undefined;
  try {
    const begun = Date.now();
    // the server migrates the empty database and imports the seed charters
    app = await start({ DATABASE_URL: databaseUrl, DATA_DIR: dataDir, TRUST_PROXY: '127.0.0.1', SMS_GATEWAY: 'console', SECRET_KEY: randomBytes(32).toString('hex') });
    database = await openDatabase({ databaseUrl });
    const services = await servicesToApplyFor(database.db);
    const numbers = await seedTrackedRequests(database.db, services);
    console.log(`\nRequests benchmarks on PostgreSQL (${name}); ${TRACKED} requests received at the desk in ${((Date.now() - begun) / 1000).toFixed(1)} s with the server's start`);
    const started = await startBaseline(databaseUrl);
    baseline = started.child;
    await runTrackingLoad(started.url, app.url, numbers);
    await stopChild(baseline);
    const intakeSlugs = await importIntakeOffices(database.db);
    const intakeServices = [...services, ...(await servicesToApplyFor(database.db, intakeSlugs))];
    const targets: ApplyTarget[] = intakeServices.map((service) => ({ path: `/offices/${service.slug}/services/${service.code}/apply` }));
    await runIntakeLoad(database.db, app.url, targets);
    await stopChild(app.child);
    app = undefined;
    const jessore = services[0];
    if (!jessore) throw new Error('no office for the queue');
    await runQueueAtScale(databaseUrl, jessore.officeId);
    console.log(`\nrequests benchmarks took ${((Date.now() - begun) / 1000).toFixed(0)} s`);
  } finally {
    await stopChild(baseline);
    await stopChild(app?.child);
    await database?.close();
    await withAdminClient(serverUrl, (client) => client.query(`drop database if exists ${name} with (force)`));
    await rm(dataDir, { recursive: true, force: true });
  }
}
