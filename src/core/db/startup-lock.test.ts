import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { openDatabase, type Database } from './connection.ts';
import { migrate } from './migrate.ts';
import { withStartupLock } from './startup-lock.ts';
import { openTestDatabase, type TestDatabase } from './test-database.ts';

let database: TestDatabase;
before(async () => {
  database = await openTestDatabase();
});
after(() => database.drop());

async function advisoryLocksHeld(): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_locks
    where locktype = 'advisory' and database = (select oid from pg_database where datname = current_database())`.execute(database.db);
  return rows[0]?.n ?? -1;
}

test('the work runs under the lock, can migrate (which takes the same lock), and its result comes back', async () => {
  const result = await withStartupLock(database.db, async (session) => migrate(session));
  assert.deepEqual(result, []);
  assert.equal(await advisoryLocksHeld(), 0);
});

test('a failed first start lets go of the lock', async () => {
  await assert.rejects(withStartupLock(database.db, async () => Promise.reject(new Error('seed file missing'))), /seed file missing/);
  assert.equal(await advisoryLocksHeld(), 0);
});

test(
  'two processes starting at once take turns',
  { skip: process.env.DATABASE_URL ? false : 'needs PostgreSQL (DATABASE_URL): the embedded database is one process' },
  async () => {
    const others: Database[] = [await openDatabase({ databaseUrl: database.url }), await openDatabase({ databaseUrl: database.url })];
    try {
      const events: string[] = [];
      const firstStart = (name: string, instance: Database) =>
        withStartupLock(instance.db, async () => {
          events.push(`${name} in`);
          await new Promise((resolve) => setTimeout(resolve, 300));
          events.push(`${name} out`);
        });
      await Promise.all(others.map((instance, i) => firstStart(String(i), instance)));
      assert.equal(events.length, 4);
      assert.equal(events[0]?.split(' ')[0], events[1]?.split(' ')[0], events.join(', '));
      assert.equal(events[2]?.split(' ')[0], events[3]?.split(' ')[0], events.join(', '));
    } finally {
      for (const instance of others) await instance.close();
    }
  },
);
