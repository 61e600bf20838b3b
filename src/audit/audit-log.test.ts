// The audit log in the database: rows are appended inside the caller's transaction, cannot be
// changed or removed while the trigger stands, and `verifyAuditLog` finds tampering done with
// the trigger switched off.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql, type Kysely } from 'kysely';
import type { Actor } from '../core/actor.ts';
import { openDatabase } from '../core/db/connection.ts';
import type { DB } from '../core/db/schema.ts';
import { openTestDatabase, type TestDatabase } from '../core/db/test-database.ts';
import { hashAuditRow } from './audit-chain.ts';
import { listAudit, recordAudit, verifyAuditLog, type AuditEntry, type AuditRow } from './index.ts';

/** The row at `index` (negative counts from the end), which the test knows is there. */
function nth<T>(rows: readonly T[], index: number): T {
  const row = rows.at(index);
  assert.ok(row !== undefined, `no row at ${index}`);
  return row;
}

let database: TestDatabase;
let officeId: number;
const officer: Actor = { userId: 12, label: 'karim@example.gov.bd', ip: '203.0.113.12' };

before(async () => {
  database = await openTestDatabase();
  const office = await database.db.insertInto('offices').values({ slug: 'audit-office', name_bn: 'অফিস' }).returning('id').executeTakeFirstOrThrow();
  officeId = office.id;
});
after(() => database.drop());

function record(entry: Partial<AuditEntry> = {}, db: Kysely<DB> = database.db) {
  return db.transaction().execute((trx) =>
    recordAudit(trx, { actor: officer, action: 'test.thing.change', subject: { type: 'thing', id: 1 }, before: null, after: { n: 1 }, ...entry }),
  );
}

async function allRows(): Promise<AuditRow[]> {
  return (await listAudit(database.db, { limit: 1000 })).reverse();
}

/** Tampering as a superuser or the table's owner can: with the append-only trigger off. */
async function withTriggerOff(work: () => Promise<unknown>): Promise<void> {
  await sql`alter table audit_log disable trigger audit_log_append_only`.execute(database.db);
  try {
    await work();
  } finally {
    await sql`alter table audit_log enable trigger audit_log_append_only`.execute(database.db);
  }
}

async function assertIntact() {
  const result = await verifyAuditLog(database.db, { batch: 3 });
  assert.equal(result.ok, true, JSON.stringify(result));
  return result;
}

test('recorded rows form an intact chain, whose jsonb key order and timestamps hash as written', async () => {
  await record({ actor: { userId: null, label: 'cli:rahim', ip: null }, action: 'calendar.holiday.add', officeId, subject: { type: 'holiday', id: 41 } });
  // jsonb stores keys shortest first: this object comes back in another order
  await record({ before: { zz_long_key: 1, a: { yy: [{ b: 2, a: 1 }], x: 'ঈদ' } }, after: { when: new Date('2026-11-05T11:00:00.123Z'), absent: undefined } });
  await record({ subject: null, before: undefined, after: undefined });
  for (let n = 0; n < 4; n++) await record({ after: { n } });
  const rows = await allRows();
  assert.equal(rows.length, 7);
  assert.deepEqual(rows[1]?.after, { when: '2026-11-05T11:00:00.123Z' });
  assert.equal(rows[0]?.office_id, officeId);
  assert.equal(rows[0]?.subject_id, '41');
  assert.equal(rows[2]?.before, null);
  assert.deepEqual(await assertIntact(), { ok: true, rows: 7, lastId: rows[6]?.id, lastHash: rows[6]?.hash });
});

test('an entry rolled back with its transaction leaves no row and no gap in the chain', async () => {
  const count = (await allRows()).length;
  await assert.rejects(
    database.db.transaction().execute(async (trx) => {
      await recordAudit(trx, { actor: officer, action: 'test.thing.change' });
      throw new Error('the change itself failed');
    }),
    /the change itself failed/,
  );
  await record();
  assert.equal((await allRows()).length, count + 1);
  await assertIntact();
});

test('rows cannot be updated, deleted or truncated, by any role, while the trigger stands', async () => {
  const [first] = await allRows();
  assert.ok(first);
  await assert.rejects(sql`update audit_log set actor_label = 'someone else' where id = ${first.id}`.execute(database.db), /audit_log is append-only: UPDATE/);
  await assert.rejects(sql`delete from audit_log where id = ${first.id}`.execute(database.db), /audit_log is append-only: DELETE/);
  await assert.rejects(sql`truncate audit_log`.execute(database.db), /audit_log is append-only: TRUNCATE/);
  await assert.rejects(sql`delete from audit_log where false`.execute(database.db), /append-only/, 'even a statement touching no row');
  assert.equal((await allRows())[0]?.actor_label, first.actor_label);
  await assertIntact();
});

test('a role that does not own the table cannot change rows even when granted to, nor switch the trigger off', async () => {
  // the deployment the README recommends: the application's role is not the tables' owner
  const role = `audit_app_${process.pid}_${Date.now()}`;
  await sql.raw(`create role ${role}`).execute(database.db);
  try {
    await sql.raw(`grant select, insert, update, delete, truncate on all tables in schema public to ${role}`).execute(database.db);
    await database.db.connection().execute(async (session) => {
      await sql.raw(`set role ${role}`).execute(session);
      try {
        await assert.rejects(sql`update audit_log set actor_label = 'someone else'`.execute(session), /append-only/);
        await assert.rejects(sql`delete from audit_log`.execute(session), /append-only/);
        await assert.rejects(sql`alter table audit_log disable trigger audit_log_append_only`.execute(session), /must be owner/);
      } finally {
        await sql`reset role`.execute(session);
      }
    });
  } finally {
    await sql.raw(`drop owned by ${role}`).execute(database.db);
    await sql.raw(`drop role ${role}`).execute(database.db);
  }
  await assertIntact();
});

test('a row edited with the trigger off is named by verify', async () => {
  const rows = await allRows();
  const target = nth(rows, 4);
  await withTriggerOff(async () => {
    await sql`update audit_log set after = '{"n": 99}'::jsonb where id = ${target.id}`.execute(database.db);
    try {
      const result = await verifyAuditLog(database.db, { batch: 2 });
      assert.deepEqual(result, { ok: false, rows: 5, brokenId: target.id, reason: 'its content does not match its hash: the row was changed after it was written' });
    } finally {
      await sql`update audit_log set after = ${JSON.stringify(target.after)}::jsonb where id = ${target.id}`.execute(database.db);
    }
  });
  await assertIntact();
});

test('a row deleted with the trigger off is found at the row after it', async () => {
  const rows = await allRows();
  const [removed, next] = [nth(rows, 2), nth(rows, 3)];
  await withTriggerOff(async () => {
    await sql`delete from audit_log where id = ${removed.id}`.execute(database.db);
    try {
      const result = await verifyAuditLog(database.db);
      assert.equal(result.ok === false && result.brokenId, next.id);
      assert.match(result.ok ? '' : result.reason, new RegExp(`not the hash of row ${nth(rows, 1).id}`));
    } finally {
      await sql`insert into audit_log overriding system value
        select * from jsonb_populate_record(null::audit_log, ${JSON.stringify(removed)}::jsonb)`.execute(database.db);
    }
  });
  await assertIntact();
});

test('a chain rewritten with fresh hashes passes alone, but not against an anchor noted before', async () => {
  const rows = await allRows();
  const noted = await assertIntact();
  assert.ok(noted.ok && noted.lastId !== null);
  const anchor = { id: noted.lastId, hash: noted.lastHash };
  assert.deepEqual(await verifyAuditLog(database.db, { anchor, batch: 2 }), noted);

  await withTriggerOff(async () => {
    // what someone who can switch the trigger off and knows the algorithm can do
    let prevHash = nth(rows, 0).prev_hash;
    try {
      for (const row of rows) {
        const forged = { ...row, prev_hash: prevHash, actor_label: row.id === nth(rows, 1).id ? 'nobody' : row.actor_label };
        const hash = hashAuditRow(prevHash, forged);
        await sql`update audit_log set actor_label = ${forged.actor_label}, prev_hash = ${prevHash}, hash = ${hash} where id = ${row.id}`.execute(database.db);
        prevHash = hash;
      }
      assert.equal((await verifyAuditLog(database.db)).ok, true, 'the chain alone cannot see a full rewrite');
      const result = await verifyAuditLog(database.db, { anchor, batch: 2 });
      assert.equal(result.ok === false && result.brokenId, anchor.id);
      assert.match(result.ok ? '' : result.reason, /rewritten/);
    } finally {
      for (const row of rows) {
        await sql`update audit_log set actor_label = ${row.actor_label}, prev_hash = ${row.prev_hash}, hash = ${row.hash} where id = ${row.id}`.execute(database.db);
      }
    }
  });
  assert.deepEqual(await verifyAuditLog(database.db, { anchor }), noted);
});

test('rows cut off the end are found against an anchor', async () => {
  const rows = await allRows();
  const last = nth(rows, -1);
  await withTriggerOff(async () => {
    await sql`delete from audit_log where id = ${last.id}`.execute(database.db);
    try {
      assert.equal((await verifyAuditLog(database.db)).ok, true, 'the chain alone cannot see a shorter log');
      const result = await verifyAuditLog(database.db, { anchor: { id: last.id, hash: last.hash } });
      assert.deepEqual(result, { ok: false, rows: rows.length - 1, brokenId: last.id, reason: 'the anchor row is gone: rows were removed' });
    } finally {
      await sql`insert into audit_log overriding system value
        select * from jsonb_populate_record(null::audit_log, ${JSON.stringify(last)}::jsonb)`.execute(database.db);
    }
  });
  await assertIntact();
});

test('two rows can never follow the same row, even written without the lock', async () => {
  const [first, second] = await allRows();
  assert.ok(first && second);
  await assert.rejects(
    sql`insert into audit_log (at, actor_label, action, prev_hash, hash)
        values (now(), 'forger', 'test.fork', ${second.prev_hash}, ${'f'.repeat(64)})`.execute(database.db),
    /duplicate key|unique/,
  );
});

test('writers on several connections at once, as from several instances, never fork the chain', async (t) => {
  if (!database.url) return t.skip('needs PostgreSQL: the embedded database has one connection');
  const instances = await Promise.all([1, 2, 3].map(() => openDatabase({ databaseUrl: database.url })));
  try {
    const before = (await allRows()).length;
    await Promise.all(
      Array.from({ length: 30 }, (_, n) =>
        nth(instances, n % 3).db.transaction().execute(async (trx) => {
          // each transaction does some work of its own first, so that they overlap
          await sql`select pg_sleep(0.01)`.execute(trx);
          return recordAudit(trx, { actor: officer, action: 'test.concurrent.write', after: { n } });
        }),
      ),
    );
    const rows = await allRows();
    assert.equal(rows.length, before + 30);
    await assertIntact();
  } finally {
    await Promise.all(instances.map((instance) => instance.close()));
  }
});

test('the log is listed newest first, by office and action, a page at a time', async () => {
  const all = await listAudit(database.db, { limit: 1000 });
  assert.deepEqual(all.map((row) => row.id), [...all.map((row) => row.id)].sort((a, b) => b - a));
  const byOffice = await listAudit(database.db, { officeId, limit: 10 });
  assert.deepEqual(byOffice.map((row) => row.action), ['calendar.holiday.add']);
  const byAction = await listAudit(database.db, { action: 'calendar.holiday.add', limit: 10 });
  assert.equal(byAction.length, 1);
  const page = await listAudit(database.db, { limit: 2 });
  const next = await listAudit(database.db, { limit: 2, before: nth(page, -1).id });
  assert.deepEqual(next.map((row) => row.id), all.slice(2, 4).map((row) => row.id));
});

test('an action that is not <feature>.<verb> is refused before anything is written', async () => {
  await assert.rejects(record({ action: 'Calendar Holiday' }), /not <feature>\.<verb>/);
  await assert.rejects(record({ actor: { userId: null, label: ' ', ip: null } }), /actor label/);
});
