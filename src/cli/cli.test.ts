// The CLI as an officer runs it: a real child process, its exit code, stdout and stderr.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { CHARTER_LIMITS, charterDocumentSchema } from '../charters/index.ts';
import { openDatabase } from '../core/db/connection.ts';
import { lockDataDir } from '../core/db/data-dir-lock.ts';
import { openTestDatabase, type TestDatabase } from '../core/db/test-database.ts';
import { DATA_ROOT } from '../core/paths.ts';
import { cliRunner, spawnCli } from './cli-harness.ts';

const SEED = path.join(DATA_ROOT, 'charters/jaintiapur.txt');

let scratch: string;
let database: TestDatabase;

before(async () => {
  scratch = mkdtempSync(path.join(os.tmpdir(), 'protishruti-cli-'));
  database = await openTestDatabase();
});
after(async () => {
  rmSync(scratch, { recursive: true, force: true });
  await database.drop();
});

async function cli(args: string[], env: Record<string, string | undefined> = {}) {
  const dataDir = path.join(scratch, 'data');
  return { ...(await cliRunner(dataDir, database.url)(args, env)), dataDir };
}

function scratchFile(name: string, content: string | Uint8Array): string {
  const file = path.join(scratch, name);
  writeFileSync(file, content);
  return file;
}

test('--dry-run --json prints the canonical document and writes nothing', async () => {
  const result = await cli(['charter', 'import', SEED, '--dry-run', '--json'], { DATABASE_URL: '' });
  assert.equal(result.code, 0, result.stderr);
  const doc = charterDocumentSchema.parse(JSON.parse(result.stdout));
  assert.equal(doc.services.length, 19);
  assert.equal(existsSync(result.dataDir), false);
});

for (const [what, content, pattern] of [
  ['an empty file', '', /empty/],
  ['a file of blank lines', '\n\n   \n\t\n', /empty/],
  ['a binary file', Uint8Array.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0xfe, 0x01, 0x02]), /not a text file/],
  ['text that is no charter', 'আজকের আবহাওয়া ভালো।\nকোনো সেবার তালিকা নেই।\n', /does not look like a Citizen/],
  ['broken JSON', '{"format": "protishruti.charter/v1",', /not valid JSON/],
  ['JSON of another shape', '{"format": "something/else"}', /protishruti\.charter\/v1/],
] as const) {
  test(`${what} exits with code 1, one line on stderr and nothing written`, async () => {
    const file = scratchFile(`input-${what.replace(/\W+/g, '-')}`, content);
    const result = await cli(['charter', 'import', file], { DATABASE_URL: '' });
    assert.equal(result.code, 1);
    assert.equal(result.stdout, '');
    assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
    assert.match(result.stderr, pattern);
    assert.doesNotMatch(result.stderr, /\n\s+at /);
    assert.equal(existsSync(result.dataDir), false);
  });
}

test('a missing file is one clear line too', async () => {
  const result = await cli(['charter', 'import', path.join(scratch, 'no-such-file.txt'), '--dry-run']);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /^error: cannot read .*no-such-file\.txt \(ENOENT\)\n$/);
});

test('an unknown option is a usage error', async () => {
  const result = await cli(['charter', 'import', SEED, '--publsh']);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /publsh/);
});

test('import --publish stores the charter and export gives it back', async () => {
  const imported = await cli(['charter', 'import', SEED, '--publish', '--json', '--office', 'cli-office']);
  assert.equal(imported.code, 0, imported.stderr);
  const { officeId, versionId, ...rest } = JSON.parse(imported.stdout) as Record<string, unknown>;
  assert.ok(Number.isInteger(officeId) && Number.isInteger(versionId));
  assert.deepEqual(rest, { officeSlug: 'cli-office', versionNo: 1, status: 'published', warnings: 15, identityWarnings: [] });
  const exported = await cli(['charter', 'export', 'cli-office']);
  assert.equal(exported.code, 0, exported.stderr);
  const dryRun = await cli(['charter', 'import', SEED, '--dry-run', '--json']);
  // the export carries the code each service was given: s1, s2, … in charter order
  const parsed = charterDocumentSchema.parse(JSON.parse(dryRun.stdout));
  const withCodes = { ...parsed, services: parsed.services.map((service, i) => ({ ...service, code: `s${i + 1}` })) };
  assert.deepEqual(JSON.parse(exported.stdout), withCodes);
});

test('importing a new version prints which services kept their codes, which are new and which were retired', async () => {
  const exported = await cli(['charter', 'export', 'cli-office']);
  const doc = charterDocumentSchema.parse(JSON.parse(exported.stdout));
  const [, ...rest] = doc.services;
  const renamed = rest.map(({ code: _code, ...service }, i) => (i === 0 ? { ...service, name_bn: `${service.name_bn} ও পরামর্শ` } : service));
  const file = scratchFile('next-version.json', JSON.stringify({ ...doc, services: renamed }));
  const imported = await cli(['charter', 'import', file, '--office', 'cli-office']);
  assert.equal(imported.code, 0, imported.stderr);
  assert.match(imported.stdout, /^service changes: 2$/m);
  assert.match(imported.stdout, /\[service_matched\] .* keeps code s2 of .*\(renamed\)/);
  assert.match(imported.stdout, /\[service_retired\] .*\(s1\) is no longer offered/);
  assert.match(imported.stdout, /Imported as version 2 \(draft\)/);
});

test('charter schema prints a JSON Schema of the format', async () => {
  const result = await cli(['charter', 'schema']);
  const schema = JSON.parse(result.stdout) as { properties: Record<string, unknown>; required: string[] };
  assert.ok(schema.required.includes('services'));
  assert.ok('grs_contacts' in schema.properties);
});

/** One line on stderr, no stack trace, exit code 1, nothing on stdout. */
function assertOneLineError(result: { code: number; stdout: string; stderr: string }, pattern: RegExp) {
  assert.equal(result.code, 1, result.stderr);
  assert.equal(result.stdout, '');
  assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
  assert.doesNotMatch(result.stderr, /\n\s+at |node:internal/);
  assert.match(result.stderr, pattern);
}

test('output to a pipe its reader closed early (| head) ends quietly, without an EPIPE trace', async () => {
  const dataDir = path.join(scratch, 'data');
  for (const args of [['charter', 'export', 'cli-office'], ['charter', 'schema']]) {
    const child = spawnCli(dataDir, database.url, args);
    // the reader goes away before the first byte, as `head -1` does after its line
    child.stdout?.destroy();
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code, signal] = (await once(child, 'exit')) as [number | null, string | null];
    assert.equal(stderr, '', args.join(' '));
    assert.deepEqual([code, signal], [0, null], args.join(' '));
  }
  // and the embedded database was let go: the next command opens it
  assert.equal((await cli(['charter', 'export', 'cli-office'])).code, 0);
});

test('a FIFO or /dev/zero as input is refused by its type, without waiting for a writer or reading forever', { skip: process.platform === 'win32' }, async () => {
  const fifo = path.join(scratch, 'charter.fifo');
  execFileSync('mkfifo', [fifo]);
  // (readInputFile's own test covers every kind; these are the ones that hang or exhaust memory)
  assertOneLineError(await cli(['charter', 'import', fifo, '--dry-run']), /is a named pipe \(FIFO\): give a regular file\n$/);
  assertOneLineError(await cli(['charter', 'import', '/dev/zero']), /is a character device: give a regular file\n$/);
  assertOneLineError(await cli(['calendar', 'import-ics', '/dev/zero']), /is a character device: give a regular file\n$/);
});

test('a charter file over the size limit is refused before it is read', async () => {
  const big = path.join(scratch, 'big-charter.txt');
  writeFileSync(big, Buffer.alloc(CHARTER_LIMITS.bytes + 1, 'ক'));
  assertOneLineError(await cli(['charter', 'import', big, '--dry-run']), /too large: a charter may be at most 2 MB.*খুব বড়/);
});

test('a stray argument is a usage error too, with the command\'s usage (every command: command-args.test.ts)', async () => {
  const result = await cli(['calendar', 'list', '2026']);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /^error: unexpected argument "2026"\n\nUsage: npm run --silent cli -- calendar list /);
  const unknown = await cli(['charter', 'exprot', 'cli-office']);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /Unknown command: charter exprot/);
});

test('a database that cannot be reached is one clear line', async () => {
  const refused = await cli(['calendar', 'list', '--year', '2026'], { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/protishruti' });
  assertOneLineError(refused, /^error: cannot reach the database \(.*ECONNREFUSED/);
});

test('an embedded database held by another process is one clear line', async () => {
  const dataDir = path.join(scratch, 'held');
  mkdirSync(dataDir);
  // this test process is the other holder: alive, and started when its lock file says
  const release = lockDataDir(path.join(dataDir, 'pglite'));
  try {
    const result = await cliRunner(dataDir, undefined)(['calendar', 'list', '--year', '2026']);
    assertOneLineError(result, new RegExp(`in use by another Protishruti process \\(pid ${process.pid}\\)`));
  } finally {
    release();
  }
});

test('a change the database refuses (a constraint) is one clear line', async () => {
  const refuse = sql`alter table holidays add constraint cli_test_refuses check (name_bn <> 'refused-by-the-database')`;
  if (database.url) await refuse.execute(database.db);
  else {
    const embedded = await openDatabase({ pgliteDir: path.join(scratch, 'data', 'pglite') });
    try {
      await refuse.execute(embedded.db);
    } finally {
      await embedded.close();
    }
  }
  const result = await cli(['calendar', 'add', '--date', '2030-05-05', '--name-bn', 'refused-by-the-database']);
  assertOneLineError(result, /^error: the database refused: .*cli_test_refuses.* \(SQLSTATE 23514\)$/m);
});
