// audit verify and audit list as an operator runs them: exit 0 on an intact log, 1 naming the
// first broken row once someone has changed a row with the trigger switched off.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { sql, type Kysely } from 'kysely';
import { openDatabase } from '../core/db/connection.ts';
import type { DB } from '../core/db/schema.ts';
import { openTestDatabase, type TestDatabase } from '../core/db/test-database.ts';
import { cliRunner } from './cli-harness.ts';

let scratch: string;
let database: TestDatabase;
let cli: ReturnType<typeof cliRunner>;

before(async () => {
  scratch = mkdtempSync(path.join(os.tmpdir(), 'protishruti-audit-cli-'));
  database = await openTestDatabase();
  cli = cliRunner(path.join(scratch, 'data'), database.url);
});
after(async () => {
  rmSync(scratch, { recursive: true, force: true });
  await database.drop();
});

/** The database the CLI uses: the test database on PostgreSQL, the CLI's own embedded one otherwise (while no command runs). */
async function withCliDatabase(work: (db: Kysely<DB>) => Promise<void>): Promise<void> {
  if (database.url) return work(database.db);
  const own = await openDatabase({ pgliteDir: path.join(scratch, 'data', 'pglite') });
  try {
    await work(own.db);
  } finally {
    await own.close();
  }
}

test('an intact log: exit 0 with the number of rows; a calendar change is listed with the CLI as its actor', async () => {
  const added = await cli(['calendar', 'add', '--date', '2026-12-07', '--name-bn', 'পরীক্ষার ছুটি', '--kind', 'executive_order', '--json']);
  assert.equal(added.code, 0, added.stderr);
  const listed = await cli(['audit', 'list', '--limit', '1', '--json']);
  assert.equal(listed.code, 0, listed.stderr);
  const [row] = JSON.parse(listed.stdout) as { action: string; actor_label: string; ip: string | null; subject_id: string }[];
  assert.equal(row?.action, 'calendar.holiday.add');
  assert.match(row?.actor_label ?? '', /^cli:/);
  assert.equal(row?.ip, null);
  assert.equal(row?.subject_id, String((JSON.parse(added.stdout) as { id: number }).id));

  const verified = await cli(['audit', 'verify']);
  assert.equal(verified.code, 0, verified.stderr);
  // the holiday files loaded on first use, and the holiday added
  const rows = Number(/^Audit log intact: (\d+) rows\.\n/.exec(verified.stdout)?.[1]);
  assert.ok(rows >= 2, verified.stdout);
  assert.match(verified.stdout, /^Last row: \d+:[0-9a-f]{64} /m);
});

test('a row changed behind the trigger’s back: exit 1 naming that row', async () => {
  const intact = await cli(['audit', 'verify', '--json']);
  assert.equal(intact.code, 0, intact.stderr);
  const anchor = JSON.parse(intact.stdout) as { ok: boolean; last_id: number; last_hash: string };
  assert.equal(anchor.ok, true);

  let tampered = 0;
  await withCliDatabase(async (db) => {
    const row = await db.selectFrom('audit_log').select('id').where('action', '=', 'calendar.holiday.add').executeTakeFirstOrThrow();
    tampered = row.id;
    await sql`alter table audit_log disable trigger audit_log_append_only`.execute(db);
    await sql`update audit_log set actor_label = 'someone-else' where id = ${row.id}`.execute(db);
    await sql`alter table audit_log enable trigger audit_log_append_only`.execute(db);
  });

  const broken = await cli(['audit', 'verify']);
  assert.equal(broken.code, 1);
  assert.equal(broken.stdout, '');
  assert.equal(broken.stderr, `Audit log broken at row ${tampered}: its content does not match its hash: the row was changed after it was written\n`);
  const json = await cli(['audit', 'verify', '--json', '--anchor', `${anchor.last_id}:${anchor.last_hash}`]);
  assert.equal(json.code, 1);
  assert.deepEqual(JSON.parse(json.stdout), { ok: false, rows: (JSON.parse(intact.stdout) as { rows: number }).rows, broken_id: tampered, reason: 'its content does not match its hash: the row was changed after it was written' });
});

test('a malformed anchor is a usage error', async () => {
  const result = await cli(['audit', 'verify', '--anchor', '12']);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /--anchor takes <id>:<hash>/);
});
