// Bulk import through the compiled CLI: `npm run bench -- --import 1000` writes that many
// synthetic charter files (the seed charter of Jaintiapur under the header of a different
// synthetic office each, from synthetic-offices.ts) to a temporary folder, then times
// `node dist/cli/main.js charter import <folder> --publish` against a fresh embedded database
// and, when DATABASE_URL is set, a fresh PostgreSQL database. The baseline, measured in the same
// run, is the way before one process could take many files: one CLI process per file.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openTestDatabase } from '../src/core/db/test-database.ts';
import { DATA_ROOT, PROJECT_ROOT } from '../src/core/paths.ts';
import { splitPlaces, syntheticOffice, syntheticPlaces } from './synthetic-offices.ts';

const CLI = path.join(PROJECT_ROOT, 'dist/cli/main.js');
/** files imported one process each for the baseline (each costs a whole CLI start) */
const BASELINE_FILES = Number(process.env.BENCH_BASELINE_FILES ?? 10);

const argument = process.argv.indexOf('--import');
const count = Number(process.argv[argument + 1] ?? 1_000);
if (!Number.isInteger(count) || count < 1 || count > 100_000) {
  console.error('--import takes a whole number of charter files, 1 to 100000');
  process.exit(1);
}
if (!existsSync(CLI)) {
  console.error(`${path.relative(PROJECT_ROOT, CLI)} is missing: run \`npm run build\` first (the bench times the compiled CLI)`);
  process.exit(1);
}

const scratch = mkdtempSync(path.join(os.tmpdir(), 'protishruti-bench-import-'));
const perMinute = (files: number, seconds: number) => Math.round((files / seconds) * 60);

/** The seed charter with its header (everything above the first section) naming office `i` instead. */
function syntheticCharterFiles(folder: string, howMany: number): string[] {
  const seed = readFileSync(path.join(DATA_ROOT, 'charters/jaintiapur.txt'), 'utf8');
  const body = seed.slice(seed.indexOf('\n## '));
  const places = splitPlaces(syntheticPlaces());
  const files: string[] = [];
  for (let i = 0; i < howMany; i++) {
    const office = syntheticOffice(i, places);
    // one folder per district, as charters collected from the district portals would be kept
    const dir = path.join(folder, office.place.location.district.slug);
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${office.details.slug}.txt`);
    writeFileSync(file, `গণপ্রজাতন্ত্রী বাংলাদেশ সরকার\n${office.officeLineBn}\n${office.details.address_bn}\n\n<${office.details.website}/>\n${body}`);
    files.push(file);
  }
  return files;
}

interface Run {
  stdout: string;
  seconds: number;
  /** CPU seconds of the CLI process (user + system), when /usr/bin/time can tell; on PostgreSQL the server's are not counted */
  cpuSeconds: number | undefined;
}

// GNU time reports the child's CPU time, the steadier figure on a machine shared with other jobs
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** The compiled CLI on a database of its own; its progress lines (stderr) pass through. */
async function runCli(args: string[], env: Record<string, string>, showProgress: boolean): Promise<Run> {
  const cpuFile = path.join(scratch, 'cpu-time');
  const command = TIME ? [TIME, '-f', '%U %S', '-o', cpuFile, process.execPath, CLI, ...args] : [process.execPath, CLI, ...args];
  const started = performance.now();
  const child = spawn(command[0] ?? process.execPath, command.slice(1), {
    cwd: PROJECT_ROOT,
    env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', showProgress ? 'inherit' : 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`${args.join(' ')} exited with ${code}: ${stderr || stdout.slice(-2000)}`);
  const cpu = TIME ? readFileSync(cpuFile, 'utf8').trim().split(/\s+/).map(Number) : [];
  const cpuSeconds = cpu.length === 2 ? (cpu[0] ?? 0) + (cpu[1] ?? 0) : undefined;
  return { stdout, seconds, cpuSeconds };
}

/** Environment for the CLI: a fresh folder for the embedded database, or a fresh PostgreSQL database. */
async function freshDatabase(kind: 'PGlite' | 'PostgreSQL', scratch: string, name: string) {
  if (kind === 'PGlite') {
    const dataDir = path.join(scratch, `data-${name}`);
    return { env: { DATA_DIR: dataDir, DATABASE_URL: '' }, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const database = await openTestDatabase();
  return { env: { DATA_DIR: path.join(scratch, 'unused'), DATABASE_URL: database.url ?? '' }, drop: database.drop };
}

try {
  const folder = path.join(scratch, 'charters');
  const files = syntheticCharterFiles(folder, count);
  const kinds = process.env.DATABASE_URL ? (['PGlite', 'PostgreSQL'] as const) : (['PGlite'] as const);
  console.log(`Bulk import through the compiled CLI: ${count} synthetic charters (${(readFileSync(files[0] ?? '').length / 1024).toFixed(0)} KB, 19 services each) on ${kinds.join(' and ')}\n`);
  for (const kind of kinds) {
    // the database is created and migrated first, as it is before a real import: the runs time the import
    const baselineDb = await freshDatabase(kind, scratch, 'baseline');
    const bulkDb = await freshDatabase(kind, scratch, 'bulk');
    try {
      for (const { env } of [baselineDb, bulkDb]) await runCli(['calendar', 'list', '--json'], env, false);
      const sample = files.slice(0, Math.min(BASELINE_FILES, files.length));
      const baseline = { seconds: 0, cpuSeconds: 0 as number | undefined };
      for (const file of sample) {
        const run = await runCli(['charter', 'import', file, '--publish'], baselineDb.env, false);
        baseline.seconds += run.seconds;
        baseline.cpuSeconds = run.cpuSeconds === undefined || baseline.cpuSeconds === undefined ? undefined : baseline.cpuSeconds + run.cpuSeconds;
      }
      const bulk = await runCli(['charter', 'import', folder, '--publish', '--json'], bulkDb.env, true);
      const summary = JSON.parse(bulk.stdout) as { imported: number; refused: unknown[] };
      if (summary.imported !== count || summary.refused.length > 0) throw new Error(`imported ${summary.imported} of ${count}, refused ${summary.refused.length}`);
      const rates = (files: number, run: { seconds: number; cpuSeconds: number | undefined }) =>
        `${files} files in ${run.seconds.toFixed(1)} s: ${perMinute(files, run.seconds).toLocaleString('en')} charters/min` +
        (run.cpuSeconds ? ` (CLI CPU ${run.cpuSeconds.toFixed(1)} s: ${perMinute(files, run.cpuSeconds).toLocaleString('en')} per CPU-minute)` : '');
      console.log(`${kind}: baseline, one process per file: ${rates(sample.length, baseline)}`);
      console.log(`${kind}: one process for the folder:     ${rates(count, bulk)}`);
      console.log(`${kind}: ${(count / bulk.seconds / (sample.length / baseline.seconds)).toFixed(1)} × baseline; goal ≥ 1,000 charters/min\n`);
    } finally {
      await baselineDb.drop();
      await bulkDb.drop();
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
