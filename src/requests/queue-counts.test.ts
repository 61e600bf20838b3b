// The queue's tab counts: exact for each tab up to the cap, and "more than the cap" past it, so
// that the busiest office's queue counts no more rows than a small one's.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { createTestUser } from '../accounts/test-support.ts';
import { systemActor } from '../core/actor.ts';
import { requireOfficeId } from '../offices/index.ts';
import { openSeededApp, type SeededApp } from '../test-support.ts';
import { countQueue, QUEUE_COUNT_CAP } from './repository.ts';
import { actOnRequest, receiveRequest } from './request-service.ts';
import { endOfDhakaDay } from './dhaka-clock.ts';

const JESSORE = 'doict-sadar-jessore';
let seeded: SeededApp;
let office: { id: number; slug: string };

before(async () => {
  seeded = await openSeededApp();
  office = { id: await requireOfficeId(seeded.database.db, JESSORE), slug: JESSORE };
});
after(() => seeded.close());

const receive = (receivedAt = new Date()) =>
  receiveRequest(seeded.database.db, systemActor, { office, serviceCode: 's1', channel: 'in_person', receivedAt, citizen: { name: 'রহিম', mobile: '01712345678' }, details: '' });

/** Copies of a request, straight into the table: a thousand receipts through the service would take minutes. */
async function copies(of: { id: number }, count: number, status: string) {
  await sql`
    insert into service_requests (office_id, tracking_number, year, sequence_no, service_code, charter_version_id, service_name_bn, service_name_en,
      channel, received_at, citizen_name, citizen_mobile, status, due_at, has_time_limit, closed_at)
    select office_id, 'COPY-' || ${status} || '-' || n, year, 100000 + n + case when ${status} = 'delivered' then 50000 else 0 end, service_code, charter_version_id,
      service_name_bn, service_name_en, channel, received_at, citizen_name, citizen_mobile, ${status}, due_at, has_time_limit,
      case when ${status} = 'delivered' then now() end
    from service_requests, generate_series(1, ${count}) as n where id = ${of.id}`.execute(seeded.database.db);
}

test('each tab is counted exactly up to the cap, and past it says only that there are more', async () => {
  const { db } = seeded.database;
  const now = new Date();
  const counts = () => countQueue(db, office.id, now, endOfDhakaDay(now), null);

  const overdue = await receive(new Date(Date.now() - 120 * 24 * 3600_000));
  const returned = await receive();
  await actOnRequest(db, systemActor, office.id, returned.tracking_number, { action: 'return', note: 'ছবি' });
  const delivered = await receive();
  await actOnRequest(db, systemActor, office.id, delivered.tracking_number, { action: 'deliver' });
  await receive();
  const small = await counts();
  assert.deepEqual({ open: small.open, overdue: small.overdue, returned: small.returned, closed: small.closed, mine: small.mine }, { open: 3, overdue: 1, returned: 1, closed: 1, mine: 0 });

  await copies(overdue, QUEUE_COUNT_CAP + 200, 'submitted');
  await copies(delivered, QUEUE_COUNT_CAP - 10, 'delivered');
  const big = await counts();
  assert.equal(big.open, QUEUE_COUNT_CAP + 1, 'past the cap: one more than the cap, meaning "more"');
  assert.equal(big.overdue, QUEUE_COUNT_CAP + 1);
  assert.equal(big.returned, 1);
  assert.equal(big.closed, QUEUE_COUNT_CAP - 10 + 1, 'under the cap: exact');
});

test('the queue page shows a count past the cap as "1000+"', async () => {
  const staff = await createTestUser(seeded.database.db, 'office_staff', { kind: 'office', slug: JESSORE });
  const response = await seeded.app.inject({ url: `/offices/${JESSORE}/requests?lang=en`, headers: { authorization: staff.authorization } });
  assert.equal(response.statusCode, 200);
  assert.match(response.body, /Open <span class="count">\(1000\+\)<\/span>/);
});
