// Benchmarks, reported as ratios against a baseline measured in the same run on the same
// machine (absolute times vary between machines; ratios show what a change did).
// `npm run bench -- --http` runs only the HTTP load benchmark (bench/http-load.ts),
// `--offices N` the national-scale directory (national-scale.ts), `--import N` bulk import
// through the compiled CLI (import-cli.ts), `--requests` tracking, online intake and the queue at
// scale on PostgreSQL (requests.ts; only by this flag: it takes about two minutes).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DateTime } from 'luxon';
import { buildApp } from '../src/app.ts';
import { computeDeadline, loadHolidayData, readHolidayFiles, workingCalendarFromHolidayFiles, workingDays } from '../src/calendar/index.ts';
import { importCharter, readCharter } from '../src/charters/index.ts';
import { parseCharterText } from '../src/charters/parse/charter-text.ts';
import { openTestDatabase } from '../src/core/db/test-database.ts';
import { DATA_ROOT } from '../src/core/paths.ts';
import { runHttpLoad } from './http-load.ts';
import { timePerOp } from './time-per-op.ts';

function report(name: string, baselineName: string, baseline: number, measured: number): void {
  console.log(`${name.padEnd(44)} ${(measured / baseline).toFixed(1).padStart(8)} × ${baselineName} (${measured.toFixed(3)} ms vs ${baseline.toFixed(3)} ms)`);
}

const seedText = readFileSync(path.join(DATA_ROOT, 'charters/jaintiapur.txt'), 'utf8');
if (process.argv.includes('--http')) {
  await runHttpLoad();
  process.exit(0);
}

// `npm run bench -- --offices 11000`: the national-scale bench (bench/national-scale.ts) instead
if (process.argv.includes('--offices')) {
  await import('./national-scale.ts');
  process.exit(0);
}

// `npm run bench -- --requests`: tracking, intake and the queue at scale (bench/requests.ts)
if (process.argv.includes('--requests')) {
  const { runRequestsBench } = await import('./requests.ts');
  await runRequestsBench();
  process.exit(0);
}

// `npm run bench -- --import 1000`: N charter files imported by one CLI process (bench/import-cli.ts)
if (process.argv.includes('--import')) {
  await import('./import-cli.ts');
  process.exit(0);
}

console.log('Protishruti benchmarks (ratio × baseline, lower is better)\n');

// Baseline for the importer: the least any reader of the file must do, split it into cells.
const splitOnly = await timePerOp(() => seedText.split('\n').map((line) => line.split('\t')));
report('parse Jaintiapur charter', 'split into cells', splitOnly, await timePerOp(() => parseCharterText(seedText)));
const doc = parseCharterText(seedText);
const json = JSON.stringify(doc);
report('read canonical JSON (validated)', 'JSON.parse', await timePerOp(() => JSON.parse(json)), await timePerOp(() => readCharter(Buffer.from(json))));

// Baseline for deadlines: one time-zone-aware date step with luxon, the least any deadline takes.
const calendar = workingCalendarFromHolidayFiles(await readHolidayFiles());
const receivedAt = new Date('2026-12-03T04:00:00Z');
const luxonStep = await timePerOp(() => DateTime.fromJSDate(receivedAt, { zone: 'Asia/Dhaka' }).plus({ days: 3 }).toJSDate());
const threeDays = workingDays(3, '৩ কার্যদিবস');
const ninetyDays = workingDays(90, '৯০ কার্যদিবস');
report('deadline: 3 working days', 'luxon plus 3 days', luxonStep, await timePerOp(() => computeDeadline(calendar, { receivedAt, rule: threeDays })));
report('deadline: 90 working days', 'luxon plus 3 days', luxonStep, await timePerOp(() => computeDeadline(calendar, { receivedAt, rule: ninetyDays })));
// A recompute after a calendar change sees a different receipt for every open item: cycle through
// a year of them, so that nothing remembered about one instant makes the next one cheaper.
let receipt = 0;
const nextReceipt = () => new Date(receivedAt.getTime() - (receipt++ % 1000) * 8.77 * 3_600_000);
report('deadline: 90 working days, 1000 receipts', 'luxon plus 3 days', luxonStep, await timePerOp(() => computeDeadline(calendar, { receivedAt: nextReceipt(), rule: ninetyDays })));
report(
  'deadline: 3 working days with a pause',
  'luxon plus 3 days',
  luxonStep,
  await timePerOp(() => computeDeadline(calendar, { receivedAt, rule: threeDays, pauses: [{ from: new Date('2026-12-06T04:00:00Z'), to: new Date('2026-12-09T04:00:00Z') }] })),
);

// Baseline for pages: the cheapest request the app answers, the health check.
const database = await openTestDatabase();
try {
  await importCharter(database.db, doc, { publish: true });
  await loadHolidayData(database.db);
  const app = await buildApp({ db: database.db });
  const health = await timePerOp(() => app.inject('/healthz'));
  report('GET /offices/:slug (charter page)', 'GET /healthz', health, await timePerOp(() => app.inject('/offices/doict-jaintiapur-sylhet')));
  report('GET /offices/:slug/charter.json', 'GET /healthz', health, await timePerOp(() => app.inject('/offices/doict-jaintiapur-sylhet/charter.json')));
  report('GET / (directory)', 'GET /healthz', health, await timePerOp(() => app.inject('/')));
  report('GET /calendar/2026', 'GET /healthz', health, await timePerOp(() => app.inject('/calendar/2026')));
  await app.close();
} finally {
  await database.drop();
}

await runHttpLoad();
