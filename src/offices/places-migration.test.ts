// Migration 0006 repairs the places written before the level was part of their key.
import assert from 'node:assert/strict';
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { openTestDatabase, type TestDatabase } from '../core/db/test-database.ts';
import { migrate, MIGRATIONS_DIR } from '../core/db/migrate.ts';

let database: TestDatabase;
let before0006: string;

before(async () => {
  database = await openTestDatabase();
  before0006 = await mkdtemp(path.join(tmpdir(), 'migrations-'));
  for (const file of await readdir(MIGRATIONS_DIR)) {
    if (file < '0006') await cp(path.join(MIGRATIONS_DIR, file), path.join(before0006, file));
  }
  // start again from an empty database migrated only up to 0005
  await sql`drop schema public cascade`.execute(database.db);
  await sql`create schema public`.execute(database.db);
  await migrate(database.db, before0006);
});
after(async () => {
  await database.drop();
  await rm(before0006, { recursive: true, force: true });
});

async function insertPlace(kind: 'division' | 'district' | 'upazila', slug: string, name_bn: string, parentId: number | null): Promise<number> {
  const row = await database.db.insertInto('places').values({ kind, slug, name_bn, name_en: null, parent_id: parentId }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

async function insertOffice(slug: string, placeId: number, website: string | null): Promise<void> {
  await database.db.insertInto('offices').values({ slug, name_bn: slug, place_id: placeId, website }).execute();
}

const placeOf = async (slug: string) =>
  database.db
    .selectFrom('offices as o')
    .innerJoin('places as p', 'p.id', 'o.place_id')
    .leftJoin('places as parent', 'parent.id', 'p.parent_id')
    .select(['p.kind', 'p.slug', 'parent.kind as parent_kind', 'parent.slug as parent_slug'])
    .where('o.slug', '=', slug)
    .executeTakeFirstOrThrow();

test('a district merged into its division gets its own row back, with its upazilas and offices; invented upazilas go', async () => {
  // what ensureLocation wrote before: the district Sylhet found the division's row by its slug
  const sylhet = await insertPlace('division', 'sylhet', 'সিলেট', null);
  const jaintiapur = await insertPlace('upazila', 'sylhet-jaintiapur', 'জেন্টাপুর', sylhet);
  const moulvibazar = await insertPlace('district', 'moulvibazar', 'মৌলভীবাজার', sylhet);
  const invented = await insertPlace('upazila', 'moulvibazar-dghs', 'Dghs', moulvibazar);
  const barishal = await insertPlace('division', 'barishal', 'বরিশাল', null);
  await insertOffice('doict-jaintiapur-sylhet', jaintiapur, 'http://doict.jaintiapur.sylhet.gov.bd');
  await insertOffice('dc-sylhet', sylhet, 'http://www.sylhet.gov.bd');
  await insertOffice('dghs-moulvibazar', invented, 'https://dghs.moulvibazar.gov.bd/');
  await insertPlace('district', 'bhola', 'ভোলা', barishal);

  await migrate(database.db);

  assert.deepEqual(await placeOf('doict-jaintiapur-sylhet'), { kind: 'upazila', slug: 'sylhet-jaintiapur', parent_kind: 'district', parent_slug: 'sylhet' });
  assert.deepEqual(await placeOf('dc-sylhet'), { kind: 'district', slug: 'sylhet', parent_kind: 'division', parent_slug: 'sylhet' });
  assert.deepEqual(await placeOf('dghs-moulvibazar'), { kind: 'district', slug: 'moulvibazar', parent_kind: 'division', parent_slug: 'sylhet' });
  const left = await database.db.selectFrom('places').select(['kind', 'slug']).orderBy('kind').orderBy('slug').execute();
  assert.deepEqual(left, [
    { kind: 'district', slug: 'bhola' },
    { kind: 'district', slug: 'moulvibazar' },
    { kind: 'district', slug: 'sylhet' },
    { kind: 'division', slug: 'barishal' },
    { kind: 'division', slug: 'sylhet' },
    { kind: 'upazila', slug: 'sylhet-jaintiapur' },
  ], 'the division Barishal, with no office of its own, gets no district row; the invented upazila is gone');
});

test('after the migration a district and its division may share a slug', async () => {
  const division = await database.db.selectFrom('places').select('id').where('kind', '=', 'division').where('slug', '=', 'barishal').executeTakeFirstOrThrow();
  await insertPlace('district', 'barishal', 'বরিশাল', division.id);
  await assert.rejects(insertPlace('district', 'barishal', 'বরিশাল', division.id), 'but not two districts');
});
