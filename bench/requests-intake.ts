// Online intake under load: the apply form posted at a set rate by many citizens (each its own
// address and mobile number, as the submission limits expect), then every request the server
// confirmed looked up in the database: one confirmed but missing is one lost.
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import type { Kysely } from 'kysely';
import type { DB } from '../src/core/db/schema.ts';
import { citizenAddress } from './requests-tracking.ts';

/** the goal; BENCH_INTAKE_RATE offers more, to see how much room is left above it */
const GOAL = 500;
const RATE = Number(process.env.BENCH_INTAKE_RATE ?? GOAL) || GOAL;
const SECONDS = 10;
// enough that a connection waiting on a slow answer does not hold the rate back
const CONNECTIONS = 100;
// citizens of the intake are numbered after those of the tracking bench, so no address repeats
const FIRST_CITIZEN = 1_000_000;

export interface ApplyTarget {
  /** /offices/:slug/services/:code/apply */
  path: string;
}

/** The form's CSRF secret (cookie) and token: one pair serves many posts, as one open form does. */
async function formToken(appUrl: string, target: ApplyTarget): Promise<{ cookie: string; token: string }> {
  const page = await fetch(`${appUrl}${target.path}`);
  const html = await page.text();
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  const cookie = page.headers.getSetCookie().map((header) => header.split(';')[0]).join('; ');
  if (page.status !== 200 || !token || !cookie) throw new Error(`the apply form gave no CSRF token (${page.status})`);
  return { cookie, token };
}

/** A distinct valid mobile number for the n-th citizen: 01[3-9] and eight digits. */
const citizenMobile = (n: number) => `01${3 + (n % 7)}${String(n % 100_000_000).padStart(8, '0')}`;

async function countRequests(db: Kysely<DB>): Promise<number> {
  const row = await db.selectFrom('service_requests').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

async function missingFromDatabase(db: Kysely<DB>, numbers: readonly string[]): Promise<number> {
  let missing = 0;
  for (let start = 0; start < numbers.length; start += 1000) {
    const chunk = numbers.slice(start, start + 1000);
    const found = await db.selectFrom('service_requests').select('tracking_number').where('tracking_number', 'in', chunk).execute();
    missing += chunk.length - found.length;
  }
  return missing;
}

/** Posts the apply forms of `targets` in turn at RATE per second for SECONDS, then counts what reached the database. */
export async function runIntakeLoad(db: Kysely<DB>, appUrl: string, targets: readonly ApplyTarget[]): Promise<void> {
  console.log(`\nOnline intake: autocannon at ${RATE} req/s for ${SECONDS} s, ${CONNECTIONS} connections, each post a different citizen (address and mobile), over ${targets.length} offices' apply forms\n`);
  const forms = await Promise.all(targets.map(async (target) => ({ target, ...(await formToken(appUrl, target)) })));
  const before = await countRequests(db);
  const confirmed: string[] = [];
  const statuses = new Map<number, number>();
  let next = FIRST_CITIZEN;
  const result = await autocannon({
    url: appUrl,
    connections: CONNECTIONS,
    overallRate: RATE,
    duration: SECONDS,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          const n = next++;
          const form = forms[n % forms.length];
          if (!form) throw new Error('no apply form');
          const body = new URLSearchParams({
            name: `নাগরিক ${n}`,
            mobile: citizenMobile(n),
            email: '',
            address: 'যশোর',
            details: 'বেঞ্চমার্ক',
            submission: randomBytes(16).toString('hex'),
            _csrf: form.token,
          }).toString();
          const headers = { ...request.headers, 'content-type': 'application/x-www-form-urlencoded', cookie: form.cookie, 'x-forwarded-for': citizenAddress(n) };
          return { ...request, path: form.target.path, headers, body };
        },
        onResponse: (status, body) => {
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          const number = /id="tracking-number"[^>]*>([^<]+)</.exec(body)?.[1];
          if (status === 200 && number) confirmed.push(number.trim());
        },
      },
    ],
  });
  // an answer cut off at the end of the run may still commit: let it, before counting
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const stored = (await countRequests(db)) - before;
  const lost = await missingFromDatabase(db, confirmed);
  const achieved = confirmed.length / SECONDS;
  const answers = [...statuses].sort(([a], [b]) => a - b).map(([status, count]) => `${status}: ${count}`).join(', ');
  console.log(`sent ${result.requests.sent}, answered ${[...statuses.values()].reduce((a, b) => a + b, 0)} (${answers}); errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx}`);
  console.log(`confirmed (200 with a tracking number) ${confirmed.length}; new rows in service_requests ${stored}; lost (confirmed, not in the database) ${lost}`);
  console.log(
    `${'online intake, confirmed per second'.padEnd(52)} ${achieved.toFixed(0).padStart(6)} req/s ${(achieved / RATE).toFixed(2).padStart(5)} × the ${RATE}/s offered (${GOAL}/s goal ${achieved >= GOAL * 0.98 ? 'met' : 'NOT met'}); p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms; lost ${lost}${lost ? ' — NOT met' : ''}`,
  );
}
