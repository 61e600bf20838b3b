// Exporting a numbered version reads that office's version, never another office's version of
// the same number. The offices hold different charters, so a mix-up cannot go unnoticed.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { openTestDatabase, type TestDatabase } from '../core/db/test-database.ts';
import { DATA_ROOT, PROJECT_ROOT } from '../core/paths.ts';
import { ChartersError, exportCharter, importCharter, readCharter, type CharterDocument } from './index.ts';

const OFFICE_A = 'export-office-a';
const OFFICE_B = 'export-office-b';

const charterFile = (file: string) => readCharter(readFileSync(file));
const JAINTIAPUR = charterFile(path.join(DATA_ROOT, 'charters/jaintiapur.txt'));
const JESSORE = charterFile(path.join(DATA_ROOT, 'charters/jessore-sadar.txt'));
const LAND_OFFICE = charterFile(path.join(PROJECT_ROOT, 'src/charters/parse/fixtures/upazila-land-office.txt'));

const serviceNames = (doc: CharterDocument) => doc.services.map((service) => service.name_bn);

let database: TestDatabase;

before(async () => {
  database = await openTestDatabase();
  await importCharter(database.db, JAINTIAPUR, { officeSlug: OFFICE_A, publish: true });
  await importCharter(database.db, JESSORE, { officeSlug: OFFICE_B, publish: true });
  await importCharter(database.db, LAND_OFFICE, { officeSlug: OFFICE_A, publish: true });
});
after(async () => {
  await database.drop();
});

test('the three charters used here name different services', () => {
  const lists = [JAINTIAPUR, JESSORE, LAND_OFFICE].map((doc) => JSON.stringify(serviceNames(doc)));
  assert.equal(new Set(lists).size, 3);
});

// Both offices have a version 1: a lookup by number alone finds one of them first (which one
// depends on how the rows lie on disk, and publishing A's version 2 rewrites A's version 1),
// so asking both catches it either way.
test("version 1 of each office is that office's own first charter", async () => {
  const b = await exportCharter(database.db, OFFICE_B, 1);
  assert.deepEqual(serviceNames(b), serviceNames(JESSORE));
  assert.equal(b.office.name_bn, JESSORE.office.name_bn);
  const a = await exportCharter(database.db, OFFICE_A, 1);
  assert.deepEqual(serviceNames(a), serviceNames(JAINTIAPUR));
  assert.equal(a.office.name_bn, JAINTIAPUR.office.name_bn);
});

test("office A's version 2 is the charter imported as A's second version", async () => {
  assert.deepEqual(serviceNames(await exportCharter(database.db, OFFICE_A, 2)), serviceNames(LAND_OFFICE));
});

test('a version number only another office has is not found', async () => {
  await assert.rejects(
    exportCharter(database.db, OFFICE_B, 2),
    (error) => error instanceof ChartersError && error.code === 'office_not_found' && error.detail === `${OFFICE_B} version 2`,
  );
});

test('without a version number each office exports its own published charter', async () => {
  assert.deepEqual(serviceNames(await exportCharter(database.db, OFFICE_A)), serviceNames(LAND_OFFICE));
  assert.deepEqual(serviceNames(await exportCharter(database.db, OFFICE_B)), serviceNames(JESSORE));
});
