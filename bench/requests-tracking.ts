// Tracking lookups under load: autocannon against the bare Fastify + `pg` baseline and the real
// server's POST /api/v1/track, taken in turn (B A B A) as bench/http-load.ts does, so that a shared
// machine whose speed drifts moves both alike. Every request asks for a different request with
// the right digits, from a citizen's own address (X-Forwarded-For, the server trusting 127.0.0.1).
import autocannon from 'autocannon';

const CONNECTIONS = 20;
const SECONDS = 4;
const ROUNDS = 2;
const WARM_UP_SECONDS = 1;
const GOAL = 0.5;

export interface TrackedNumber {
  trackingNumber: string;
  mobileLast4: string;
}

/** A distinct private address for the n-th citizen: 10.x.y.z. */
export const citizenAddress = (n: number) => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;

interface LoadTarget {
  url: string;
  /** every request from one address (the proxy's) rather than one per citizen */
  oneAddress?: boolean;
}

async function load(target: LoadTarget, numbers: readonly TrackedNumber[], seconds: number) {
  let next = 0;
  return autocannon({
    url: target.url,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          const n = next++;
          const number = numbers[n % numbers.length];
          if (!number) throw new Error('no tracking numbers to ask for');
          const forwarded = target.oneAddress ? {} : { 'x-forwarded-for': citizenAddress(n) };
          const headers = { ...request.headers, 'content-type': 'application/json', ...forwarded };
          return { ...request, headers, body: JSON.stringify({ tracking_number: number.trackingNumber, mobile_last4: number.mobileLast4 }) };
        },
      },
    ],
  });
}

interface Measured {
  requestsPerSecond: number;
  failures: number;
  p99Ms: number;
}

async function measure(target: LoadTarget, numbers: readonly TrackedNumber[]): Promise<Measured> {
  const result = await load(target, numbers, SECONDS);
  return { requestsPerSecond: result.requests.average, failures: result.non2xx + result.errors, p99Ms: result.latency.p99 };
}

const line = (name: string, measured: Measured, baseline: number) =>
  `${name.padEnd(52)} ${measured.requestsPerSecond.toFixed(0).padStart(6)} req/s ${(measured.requestsPerSecond / baseline).toFixed(2).padStart(5)} × baseline  p99 ${String(measured.p99Ms).padStart(4)} ms${measured.failures ? `, ${measured.failures} failed` : ''}`;

/** Loads the baseline and the app in turn; prints req/s of both and their ratio. */
export async function runTrackingLoad(baselineUrl: string, appUrl: string, numbers: readonly TrackedNumber[]): Promise<void> {
  console.log(`\nTracking lookups: autocannon, ${CONNECTIONS} connections, ${ROUNDS} × ${SECONDS} s each, next to the baseline; ${numbers.length} requests asked for in turn\n`);
  const baseline: LoadTarget = { url: `${baselineUrl}/track` };
  const app: LoadTarget = { url: `${appUrl}/api/v1/track` };
  await load(baseline, numbers, WARM_UP_SECONDS);
  await load(app, numbers, WARM_UP_SECONDS);
  const bases: Measured[] = [];
  const apps: Measured[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    bases.push(await measure(baseline, numbers));
    apps.push(await measure(app, numbers));
  }
  const mean = (all: Measured[]): Measured => ({
    requestsPerSecond: all.reduce((sum, m) => sum + m.requestsPerSecond, 0) / all.length,
    failures: all.reduce((sum, m) => sum + m.failures, 0),
    p99Ms: Math.max(...all.map((m) => m.p99Ms)),
  });
  const base = mean(bases);
  const tracked = mean(apps);
  const ratio = tracked.requestsPerSecond / base.requestsPerSecond;
  console.log(line('baseline: bare Fastify + pg, lookup by tracking number', base, base.requestsPerSecond));
  console.log(`${line('POST /api/v1/track (a citizen per address)', tracked, base.requestsPerSecond)}  goal ≥ ${GOAL}: ${ratio >= GOAL ? 'met' : 'NOT met'}`);
  // for comparison only: behind a proxy that is not trusted every citizen shares one address, and
  // each lookup waits for the address's guess counter (an advisory lock) in turn
  const oneAddress = await measure({ ...app, oneAddress: true }, numbers);
  const nextBase = await measure(baseline, numbers);
  console.log(line('POST /api/v1/track (everyone from one address)', oneAddress, nextBase.requestsPerSecond));
}
