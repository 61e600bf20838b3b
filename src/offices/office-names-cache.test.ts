// Offices' names kept for the tracking page: read once, then served from memory for a minute.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { seedCharters } from '../charters/index.ts';
import { openTestDatabase, type TestDatabase } from '../core/db/test-database.ts';
import { keptOfficeNames } from './office-names-cache.ts';
import { requireOfficeId } from './repository.ts';

let database: TestDatabase;
before(async () => {
  database = await openTestDatabase();
  await seedCharters(database.db);
});
after(() => database.drop());

test('names are read once and kept: a rename shows only once the minute is over', async () => {
  const { db } = database;
  const jessore = await requireOfficeId(db, 'doict-sadar-jessore');
  const jaintiapur = await requireOfficeId(db, 'doict-jaintiapur-sylhet');
  const first = await keptOfficeNames(db, [jessore]);
  assert.equal(first.get(jessore)?.slug, 'doict-sadar-jessore');
  const before = first.get(jessore)?.name_bn;
  await db.updateTable('offices').set({ name_bn: 'নতুন নাম' }).where('id', '=', jessore).execute();
  const both = await keptOfficeNames(db, [jessore, jaintiapur]);
  assert.equal(both.get(jessore)?.name_bn, before, 'kept, not read again');
  assert.equal(both.get(jaintiapur)?.slug, 'doict-jaintiapur-sylhet', 'an office not yet kept is read');
  assert.equal((await keptOfficeNames(db, [])).size, 0);
});
