import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { migrate } from './migrate.ts';
import { openTestDatabase, type TestDatabase } from './test-database.ts';

let database: TestDatabase;
before(async () => {
  database = await openTestDatabase();
});
after(() => database.drop());

test('migrations are recorded and a second run applies nothing', async () => {
  const applied = await database.db.selectFrom('schema_migrations').select('name').execute();
  assert.ok(applied.some((m) => m.name === '0001_initial.sql'));
  assert.deepEqual(await migrate(database.db), []);
});

test('numeric and bigint columns come back as numbers on either engine', async () => {
  const row = await sql<{ money: number; big: number }>`select 245.50::numeric(14,2) as money, 12::bigint as big`.execute(
    database.db,
  );
  assert.deepEqual(row.rows[0], { money: 245.5, big: 12 });
});

test('a calendar date comes back as the same YYYY-MM-DD string on either engine', async () => {
  const row = await sql<{ day: string }>`select '2026-12-16'::date as day`.execute(database.db);
  assert.equal(row.rows[0]?.day, '2026-12-16');
});

test('a failed transaction leaves nothing behind', async () => {
  await assert.rejects(
    database.db.transaction().execute(async (trx) => {
      await trx.insertInto('places').values({ kind: 'division', slug: 'rollback-test', name_bn: 'পরীক্ষা' }).execute();
      throw new Error('abort');
    }),
    /abort/,
  );
  const left = await database.db.selectFrom('places').where('slug', '=', 'rollback-test').selectAll().execute();
  assert.equal(left.length, 0);
});

test('concurrent transactions do not interleave', async () => {
  await database.db.insertInto('places').values({ kind: 'division', slug: 'counter', name_bn: '০' }).execute();
  const bump = () =>
    database.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('places').select('name_bn').where('slug', '=', 'counter').forUpdate().executeTakeFirstOrThrow();
      await trx.updateTable('places').set({ name_bn: String(Number(row.name_bn.replace('০', '0')) + 1) }).where('slug', '=', 'counter').execute();
    });
  await Promise.all(Array.from({ length: 10 }, bump));
  const row = await database.db.selectFrom('places').select('name_bn').where('slug', '=', 'counter').executeTakeFirstOrThrow();
  assert.equal(row.name_bn, '10');
});
