// The count of online applications: what it refuses, and how its old rows go without a timer.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openTestDatabase, type TestDatabase } from '../core/db/test-database.ts';
import { countOnlineSubmission, ONLINE_LIMITS } from './submission-limits.ts';

let database: TestDatabase;

before(async () => {
  database = await openTestDatabase();
});

after(async () => {
  await database.drop();
});

const count = (ip: string, mobile: string) => database.db.transaction().execute((trx) => countOnlineSubmission(trx, ip, mobile));

test('one mobile number gets its daily number of applications, then is refused whatever address it comes from', async () => {
  const mobile = '01711000001';
  for (let n = 0; n < ONLINE_LIMITS.perMobile.count; n++) await count(`10.9.0.${n}`, mobile);
  await assert.rejects(count('10.9.1.1', mobile), { code: 'too_many_applications' });
});

test('rows older than twice the longest window are cleared in passing by the applications that come later', async () => {
  const old = new Date(Date.now() - 3 * ONLINE_LIMITS.perMobile.windowMs);
  await database.db.insertInto('online_submissions').values({ ip: '10.8.0.1', mobile: '01700000000', at: old }).execute();
  const recent = new Date(Date.now() - ONLINE_LIMITS.perMobile.windowMs);
  await database.db.insertInto('online_submissions').values({ ip: '10.8.0.2', mobile: '01700000001', at: recent }).execute();
  // enough applications that one of them does the housekeeping
  for (let n = 0; n < 60; n++) await count(`10.7.${n}.1`, `0172200${String(n).padStart(4, '0')}`);
  const left = await database.db.selectFrom('online_submissions').select(['ip']).where('ip', 'in', ['10.8.0.1', '10.8.0.2']).execute();
  assert.deepEqual(left.map((row) => row.ip), ['10.8.0.2']);
});
