// Marked statements are planned once per connection on PostgreSQL, and run unchanged anywhere.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { PREPARED, preparedName } from './prepared-statements.ts';
import { openTestDatabase, type TestDatabase } from './test-database.ts';

let database: TestDatabase;

before(async () => {
  database = await openTestDatabase();
});

after(async () => {
  await database.drop();
});

test('only a marked text gets a name, and the same text always the same one', () => {
  assert.equal(preparedName('select 1'), undefined);
  const name = preparedName('/* prepared */ select $1::int');
  assert.match(name ?? '', /^p_[0-9a-f]{20}$/);
  assert.equal(preparedName('/* prepared */ select $1::int'), name);
  assert.notEqual(preparedName('/* prepared */ select $1::text'), name);
});

test('a marked statement gives the same rows as an unmarked one, run again and again with other values', async () => {
  for (const value of [1, 2, 3, 40]) {
    const marked = await sql<{ doubled: number }>`${PREPARED} select ${value}::int * 2 as doubled`.execute(database.db);
    const plain = await sql<{ doubled: number }>`select ${value}::int * 2 as doubled`.execute(database.db);
    assert.deepEqual(marked.rows, plain.rows);
    assert.deepEqual(marked.rows, [{ doubled: value * 2 }]);
  }
});

test('on PostgreSQL the connection keeps a marked statement prepared, and no unmarked one', { skip: process.env.DATABASE_URL ? false : 'the embedded database has no pool of its own connections' }, async () => {
  const names = await database.db.transaction().execute(async (trx) => {
    await sql`${PREPARED} select ${5}::int as five`.execute(trx);
    await sql`select ${6}::int as six`.execute(trx);
    const { rows } = await sql<{ name: string; statement: string }>`select name, statement from pg_prepared_statements`.execute(trx);
    return rows;
  });
  const kept = names.filter((row) => row.statement.includes('as five') || row.statement.includes('as six'));
  assert.deepEqual(kept.map((row) => row.name), [preparedName('/* prepared */ select $1::int as five')]);
});
