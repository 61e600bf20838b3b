import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { openTestDatabase, type TestDatabase } from '../core/db/test-database.ts';
import { DATA_ROOT } from '../core/paths.ts';
import { ChartersError } from './errors.ts';
import { exportCharter, importCharter, officeSlugFromWebsite, readCharter } from './index.ts';

const seed = (file: string) => readFileSync(path.join(DATA_ROOT, 'charters', file));
let database: TestDatabase;

before(async () => {
  database = await openTestDatabase();
});
after(() => database.drop());

test('a charter survives text → JSON → import → export unchanged', async () => {
  for (const file of ['jaintiapur.txt', 'jessore-sadar.txt']) {
    const parsed = readCharter(seed(file));
    const fromJson = readCharter(Buffer.from(JSON.stringify(parsed)));
    assert.deepEqual(fromJson, parsed);
    const result = await importCharter(database.db, fromJson, { publish: true });
    // the export adds what the database gave each service: its code, s1, s2, … in charter order
    const withCodes = { ...parsed, services: parsed.services.map((service, i) => ({ ...service, code: `s${i + 1}` })) };
    assert.deepEqual(await exportCharter(database.db, result.officeSlug), withCodes);
  }
});

test('the office slug comes from the portal address', () => {
  assert.equal(officeSlugFromWebsite('http://doict.jaintiapur.sylhet.gov.bd/'), 'doict-jaintiapur-sylhet');
  assert.equal(officeSlugFromWebsite('https://www.dc.sylhet.gov.bd'), 'dc-sylhet');
  assert.equal(officeSlugFromWebsite(null), null);
});

test('an office is placed in its upazila, district and division and under its department', async () => {
  await importCharter(database.db, readCharter(seed('jessore-sadar.txt')), { officeSlug: 'placed-office' });
  const row = await database.db
    .selectFrom('offices as o')
    .innerJoin('places as u', 'u.id', 'o.place_id')
    .innerJoin('places as d', 'd.id', 'u.parent_id')
    .innerJoin('places as v', 'v.id', 'd.parent_id')
    .innerJoin('organisations as g', 'g.id', 'o.organisation_id')
    .innerJoin('organisations as gp', 'gp.id', 'g.parent_id')
    .select(['u.kind as upazila_kind', 'u.name_bn as upazila', 'd.name_en as district', 'v.name_en as division', 'g.slug as department', 'gp.slug as parent'])
    .where('o.slug', '=', 'placed-office')
    .executeTakeFirstOrThrow();
  assert.deepEqual(row, {
    upazila_kind: 'upazila',
    upazila: 'যশোর সদর',
    district: 'Jashore',
    division: 'Khulna',
    department: 'doict',
    parent: 'ict-division',
  });
});

test('publishing a new version archives the old one and keeps it forever', async () => {
  const doc = readCharter(seed('jaintiapur.txt'));
  const first = await importCharter(database.db, doc, { officeSlug: 'versioned', publish: true });
  const draft = await importCharter(database.db, { ...doc, vision_bn: 'নতুন ভিশন' }, { officeSlug: 'versioned' });
  assert.equal(draft.status, 'draft');
  assert.equal((await exportCharter(database.db, 'versioned')).vision_bn, doc.vision_bn);
  const second = await importCharter(database.db, { ...doc, vision_bn: 'আরও নতুন' }, { officeSlug: 'versioned', publish: true });
  assert.deepEqual([first.versionNo, draft.versionNo, second.versionNo], [1, 2, 3]);
  const versions = await database.db
    .selectFrom('charter_versions')
    .select(['version_no', 'status'])
    .where('office_id', '=', first.officeId)
    .orderBy('version_no')
    .execute();
  assert.deepEqual(versions, [
    { version_no: 1, status: 'archived' },
    { version_no: 2, status: 'draft' },
    { version_no: 3, status: 'published' },
  ]);
  assert.equal((await exportCharter(database.db, 'versioned')).vision_bn, 'আরও নতুন');
  assert.equal((await exportCharter(database.db, 'versioned', 1)).vision_bn, doc.vision_bn);
});

test('two imports for one office at once get distinct version numbers', async () => {
  const doc = readCharter(seed('jessore-sadar.txt'));
  await importCharter(database.db, doc, { officeSlug: 'concurrent' });
  const results = await Promise.all([1, 2, 3].map(() => importCharter(database.db, doc, { officeSlug: 'concurrent', publish: true })));
  assert.deepEqual(results.map((r) => r.versionNo).sort(), [2, 3, 4]);
  const published = await database.db
    .selectFrom('charter_versions')
    .select('version_no')
    .where('office_id', '=', results[0]?.officeId ?? 0)
    .where('status', '=', 'published')
    .execute();
  assert.equal(published.length, 1);
});

test('a failed import writes nothing', async () => {
  const doc = readCharter(seed('jessore-sadar.txt'));
  const [first] = doc.services;
  assert.ok(first);
  const broken = { ...doc, services: [...doc.services, { ...first, category: 'nonsense' as 'citizen' }] };
  await assert.rejects(importCharter(database.db, broken, { officeSlug: 'never-written' }));
  const office = await database.db.selectFrom('offices').select('id').where('slug', '=', 'never-written').executeTakeFirst();
  assert.equal(office, undefined);
});

test('a charter without a portal address needs an office slug, and a bad slug is refused', async () => {
  const doc = readCharter(seed('jessore-sadar.txt'));
  const noWebsite = { ...doc, office: { ...doc.office, website: null } };
  await assert.rejects(importCharter(database.db, noWebsite), (e) => e instanceof ChartersError && e.code === 'office_slug_needed');
  await assert.rejects(
    importCharter(database.db, doc, { officeSlug: 'Bad Slug!' }),
    (e) => e instanceof ChartersError && e.code === 'invalid_office_slug',
  );
});

test('docs/charter.schema.json is the schema the importer validates with', async () => {
  const { charterJsonSchema } = await import('./index.ts');
  const committed = JSON.parse(readFileSync(path.join(DATA_ROOT, '../docs/charter.schema.json'), 'utf8')) as unknown;
  assert.deepEqual(committed, charterJsonSchema());
});
