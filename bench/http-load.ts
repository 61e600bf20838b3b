// HTTP load benchmark: autocannon against a bare Fastify + primary-key lookup (the baseline) and
// the app's public pages, served by one child process (bench/http-server.ts) while autocannon
// runs here. Each address is loaded in turn with the baseline (B A B A), and its share is taken
// against the baseline measured next to it, so a machine whose speed drifts during the run (a
// shared CI host) moves both alike.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const CONNECTIONS = 20;
const SECONDS = 2.5;
/** pairs of (baseline, address) per address */
const ROUNDS = 2;
const WARM_UP_SECONDS = 1;
const JESSORE = '/offices/doict-sadar-jessore';
const BROTLI = { 'accept-encoding': 'br' };
// what a browser sends; the API is compressed per response, the charter and directory pages once
const BROWSER = { 'accept-encoding': 'gzip, deflate, br' };

interface Target {
  name: string;
  server: 'baseline' | 'app';
  path: string;
  headers?: Record<string, string>;
  /** the goal, as a share of the baseline's requests per second */
  goal?: number;
}

const BASELINE: Target = { name: 'baseline: bare Fastify, primary-key lookup', server: 'baseline', path: '/office' };
const TARGETS: readonly Target[] = [
  { name: 'GET /healthz', server: 'app', path: '/healthz' },
  { name: 'GET /offices/:slug (charter page, br)', server: 'app', path: JESSORE, headers: BROTLI, goal: 0.5 },
  { name: 'GET /offices/:slug (charter page, identity)', server: 'app', path: JESSORE },
  { name: 'GET /offices/:slug/services/:code (br)', server: 'app', path: `${JESSORE}/services/s1`, headers: BROTLI, goal: 0.5 },
  { name: 'GET /offices/:slug/charter.json (br)', server: 'app', path: `${JESSORE}/charter.json`, headers: BROTLI },
  {
    name: 'GET /api/sla/due',
    server: 'app',
    path: `/api/sla/due?from=2026-12-03T10:00&limit=${encodeURIComponent('৩ কার্যদিবস')}`,
    headers: BROWSER,
    goal: 0.3,
  },
  { name: 'GET / (directory, gzip/br)', server: 'app', path: '/', headers: BROWSER, goal: 0.5 },
  // the rest of the directory on the seed charters: Jessore Sadar's places and organisation
  { name: 'GET /divisions/:division', server: 'app', path: '/divisions/khulna', headers: BROWSER, goal: 0.5 },
  { name: 'GET /districts/:district', server: 'app', path: '/districts/jashore', headers: BROWSER, goal: 0.5 },
  { name: 'GET /upazilas/:upazila', server: 'app', path: '/upazilas/jashore-sadar', headers: BROWSER, goal: 0.5 },
  { name: 'GET /organisations', server: 'app', path: '/organisations', headers: BROWSER, goal: 0.5 },
  { name: 'GET /organisations/:organisation', server: 'app', path: '/organisations/doict', headers: BROWSER, goal: 0.5 },
  { name: 'GET /search?q= (services and offices)', server: 'app', path: `/search?q=${encodeURIComponent('যশোর')}`, headers: BROWSER, goal: 0.5 },
];

export interface LoadResult {
  target: Target;
  requestsPerSecond: number;
  /** requests per second of the baseline measured next to it */
  baselinePerSecond: number;
  p99Ms: number;
  failures: number;
}

async function load(ports: Record<Target['server'], number>, target: Target, seconds: number) {
  const url = `http://127.0.0.1:${ports[target.server]}${target.path}`;
  return autocannon({ url, connections: CONNECTIONS, duration: seconds, headers: target.headers ?? {} });
}

/** Starts the servers, loads each address in turn with the baseline, and stops them. */
export async function runHttpLoad(): Promise<LoadResult[]> {
  const server = path.join(path.dirname(fileURLToPath(import.meta.url)), 'http-server.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', server], { stdio: ['ignore', 'pipe', 'inherit'], env: process.env });
  try {
    const [line] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
    const ports = JSON.parse(line) as { baseline: number; app: number; database: string };
    console.log(
      `\nHTTP load: autocannon, ${CONNECTIONS} connections, ${ROUNDS} × ${SECONDS} s per address, each next to the baseline, on ${ports.database}\n`,
    );
    await load(ports, BASELINE, WARM_UP_SECONDS);
    const results: LoadResult[] = [];
    for (const target of TARGETS) {
      await load(ports, target, WARM_UP_SECONDS);
      let requests = 0;
      let baselineRequests = 0;
      let failures = 0;
      let p99Ms = 0;
      for (let round = 0; round < ROUNDS; round++) {
        const base = await load(ports, BASELINE, SECONDS);
        const measured = await load(ports, target, SECONDS);
        baselineRequests += base.requests.average;
        requests += measured.requests.average;
        failures += measured.non2xx + measured.errors; // errors include timeouts
        p99Ms = Math.max(p99Ms, measured.latency.p99);
      }
      const result = { target, requestsPerSecond: requests / ROUNDS, baselinePerSecond: baselineRequests / ROUNDS, p99Ms, failures };
      results.push(result);
      reportLoad(result);
    }
    return results;
  } finally {
    child.kill('SIGTERM');
    if (child.exitCode === null) await once(child, 'exit');
  }
}

function reportLoad({ target, requestsPerSecond, baselinePerSecond, p99Ms, failures }: LoadResult): void {
  const share = (100 * requestsPerSecond) / baselinePerSecond;
  const goal = target.goal ? ` goal ≥ ${100 * target.goal} %: ${share >= 100 * target.goal ? 'met' : 'NOT met'}` : '';
  const failed = failures ? `, ${failures} failed` : '';
  console.log(
    `${target.name.padEnd(46)} ${requestsPerSecond.toFixed(0).padStart(6)} req/s ${share.toFixed(0).padStart(4)} % of baseline (${baselinePerSecond.toFixed(0)} req/s)  p99 ${String(p99Ms).padStart(4)} ms${goal}${failed}`,
  );
}
