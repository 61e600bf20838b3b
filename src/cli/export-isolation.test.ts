// `charter export B --version N` prints office B's version N, never another office's version
// of the same number: two offices built from different charters, through the real CLI.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { charterDocumentSchema, readCharter } from '../charters/index.ts';
import { openTestDatabase, type TestDatabase } from '../core/db/test-database.ts';
import { DATA_ROOT, PROJECT_ROOT } from '../core/paths.ts';
import { cliRunner } from './cli-harness.ts';

const JAINTIAPUR = path.join(DATA_ROOT, 'charters/jaintiapur.txt');
const JESSORE = path.join(DATA_ROOT, 'charters/jessore-sadar.txt');
const LAND_OFFICE = path.join(PROJECT_ROOT, 'src/charters/parse/fixtures/upazila-land-office.txt');

const OFFICE_A = 'cli-export-a';
const OFFICE_B = 'cli-export-b';

let scratch: string;
let database: TestDatabase;
/** the service names of a charter file, as the importer reads it */
const namesOf = (file: string) => readCharter(readFileSync(file)).services.map((service) => service.name_bn ?? '');

function cli(args: string[]) {
  return cliRunner(path.join(scratch, 'data'), database.url)(args);
}

async function importPublished(file: string, office: string): Promise<void> {
  const result = await cli(['charter', 'import', file, '--office', office, '--publish']);
  assert.equal(result.code, 0, result.stderr);
}

async function exportedNames(args: string[]): Promise<string[]> {
  const result = await cli(['charter', 'export', ...args]);
  assert.equal(result.code, 0, result.stderr);
  return charterDocumentSchema.parse(JSON.parse(result.stdout)).services.map((service) => service.name_bn ?? '');
}

before(async () => {
  scratch = mkdtempSync(path.join(os.tmpdir(), 'protishruti-export-'));
  database = await openTestDatabase();
  await importPublished(JAINTIAPUR, OFFICE_A);
  await importPublished(JESSORE, OFFICE_B);
  await importPublished(LAND_OFFICE, OFFICE_A);
});
after(async () => {
  rmSync(scratch, { recursive: true, force: true });
  await database.drop();
});

test('the charters used here name different services', () => {
  assert.equal(new Set([JAINTIAPUR, JESSORE, LAND_OFFICE].map((file) => JSON.stringify(namesOf(file)))).size, 3);
});

// Both offices have a version 1: a lookup by number alone finds one of them first (which one
// depends on how the rows lie on disk), so asking both catches it either way.
test("charter export A --version 1 and B --version 1 print each office's own first charter", async () => {
  assert.deepEqual(await exportedNames([OFFICE_B, '--version', '1']), namesOf(JESSORE));
  assert.deepEqual(await exportedNames([OFFICE_A, '--version', '1']), namesOf(JAINTIAPUR));
});

test("charter export A --version 2 prints A's second charter", async () => {
  assert.deepEqual(await exportedNames([OFFICE_A, '--version', '2']), namesOf(LAND_OFFICE));
});

test('charter export B --version 2, a number only A has, is an error on one line', async () => {
  const result = await cli(['charter', 'export', OFFICE_B, '--version', '2']);
  assert.equal(result.code, 1);
  assert.equal(result.stdout, '');
  assert.match(result.stderr, new RegExp(`${OFFICE_B} version 2`));
  assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
});

test("charter export B without --version prints B's published charter", async () => {
  assert.deepEqual(await exportedNames([OFFICE_B]), namesOf(JESSORE));
});
