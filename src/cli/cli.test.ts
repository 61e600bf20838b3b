// The CLI as an officer runs it: a real child process, its exit code, stdout and stderr.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { charterDocumentSchema } from '../charters/index.ts';
import { openTestDatabase, type TestDatabase } from '../core/db/test-database.ts';
import { DATA_ROOT } from '../core/paths.ts';
import { cliRunner } from './cli-harness.ts';

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
