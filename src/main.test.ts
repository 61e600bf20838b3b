// The portal as a newcomer starts it: the real entry point on an empty DATA_DIR, then again.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { sql } from 'kysely';
import { startDatabaseProxy, terminateBackends } from './core/db/outage-test-support.ts';
import { openTestDatabase, type TestDatabase } from './core/db/test-database.ts';
import { PROJECT_ROOT } from './core/paths.ts';
import { start, stop } from './test-support.ts';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'protishruti-start-'));
let database: TestDatabase | undefined;
after(async () => {
  rmSync(dataDir, { recursive: true, force: true });
  await database?.drop();
});

async function officeSlugs(url: string): Promise<string[]> {
  // the directory lists offices a level down: both seeds are offices of DoICT
  const page = await (await fetch(`${url}/organisations/doict`)).text();
  return [...new Set([...page.matchAll(/href="\/offices\/([a-z0-9-]+)"/g)].map((m) => m[1] ?? ''))].sort();
}

test('npm start on an empty data directory serves both seed charters, and a restart adds nothing', async () => {
  if (process.env.DATABASE_URL) database = await openTestDatabase();
  const env: Record<string, string> = database?.url ? { DATABASE_URL: database.url } : { DATABASE_URL: '', DATA_DIR: dataDir };

  const first = await start(env);
  try {
    assert.deepEqual(await officeSlugs(first.url), ['doict-jaintiapur-sylhet', 'doict-sadar-jessore']);
    const charter = await fetch(`${first.url}/offices/doict-sadar-jessore`);
    assert.equal(charter.status, 200);
    assert.match(await charter.text(), /ফারুক হোসেন/);
    assert.equal((await fetch(`${first.url}/healthz`)).status, 200);
  } finally {
    assert.equal(await stop(first.child), 0);
  }

  const second = await start(env);
  try {
    assert.deepEqual(await officeSlugs(second.url), ['doict-jaintiapur-sylhet', 'doict-sadar-jessore']);
    const exported = (await (await fetch(`${second.url}/offices/doict-jaintiapur-sylhet/charter.json`)).json()) as { services: unknown[] };
    assert.equal(exported.services.length, 19);
  } finally {
    await stop(second.child);
  }
});

test('a bad setting stops start-up with a message naming it', async () => {
  await assert.rejects(start({ PORT: 'eighty', DATA_DIR: dataDir }), /PORT/);
});

const embeddedOnly = { skip: process.env.DATABASE_URL ? 'PostgreSQL is shared by many processes by design' : false };

test('the CLI refuses to write to the embedded database while the server has it open', embeddedOnly, async () => {
  const lockedDir = mkdtempSync(path.join(os.tmpdir(), 'protishruti-busy-'));
  const server = await start({ DATABASE_URL: '', DATA_DIR: lockedDir });
  try {
    const cli = spawnSync(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'src/cli/main.ts'), 'calendar', 'list'], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, DATABASE_URL: '', DATA_DIR: lockedDir },
      encoding: 'utf8',
    });
    assert.equal(cli.status, 1);
    assert.match(cli.stderr, /in use by another Protishruti process/);
  } finally {
    await stop(server.child);
    rmSync(lockedDir, { recursive: true, force: true });
  }
});

const postgresOnly = {
  skip: process.env.DATABASE_URL ? false : 'needs PostgreSQL (DATABASE_URL): the embedded database is open in one process at a time and cannot be cut off',
  timeout: 120_000,
};

test('two instances started together on an empty database import the seed charters and load the holiday files once', postgresOnly, async () => {
  const shared = await openTestDatabase();
  try {
    const env = { DATABASE_URL: shared.url ?? '' };
    const instances = await Promise.all([start(env), start(env)]);
    await Promise.all(instances.map((instance) => stop(instance.child)));

    const versions = await sql<{ slug: string; versions: number; published: number }>`
      select o.slug, count(*)::int as versions, (count(*) filter (where v.status = 'published'))::int as published
      from charter_versions v join offices o on o.id = v.office_id group by o.slug order by o.slug`.execute(shared.db);
    assert.deepEqual(versions.rows, [
      { slug: 'doict-jaintiapur-sylhet', versions: 1, published: 1 },
      { slug: 'doict-sadar-jessore', versions: 1, published: 1 },
    ]);
    const copies = await sql<{ copies: number }>`
      select count(*)::int as copies from holidays group by date, name_bn, office_id
      union all select count(*)::int from special_working_days group by date, name_bn, office_id`.execute(shared.db);
    assert.ok(copies.rows.length > 0, 'holidays were loaded');
    assert.deepEqual(new Set(copies.rows.map((row) => row.copies)), new Set([1]));
  } finally {
    await shared.drop();
  }
});

test('the server outlives its database: terminated connections, a frozen server and an outage, without a restart', postgresOnly, async () => {
  const outage = await openTestDatabase();
  const proxy = await startDatabaseProxy(outage.url ?? '');
  // trust authentication ignores the password, which must still appear in no log line
  const viaProxy = new URL(proxy.url);
  viaProxy.password = 'never-logged-s3cret';
  const server = await start({
    DATABASE_URL: viaProxy.toString(),
    DB_CONNECT_TIMEOUT_MS: '1000',
    DB_STATEMENT_TIMEOUT_MS: '500',
  });
  const status = async (path: string) => (await fetch(`${server.url}${path}`)).status;
  try {
    assert.equal(await status('/'), 200);

    assert.ok((await terminateBackends(outage.url ?? '')) >= 1);
    while (!/database connection lost/.test(server.output())) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(await status('/'), 200);
    assert.equal(await status('/healthz'), 200);

    proxy.freeze();
    try {
      assert.equal(await status('/'), 503);
    } finally {
      proxy.thaw();
    }
    assert.equal(await status('/'), 200);

    proxy.cutOff();
    try {
      assert.equal(await status('/healthz'), 503);
    } finally {
      proxy.restore();
    }
    assert.equal(await status('/healthz'), 200);

    assert.equal(server.child.exitCode, null, server.output());
    assert.doesNotMatch(server.output(), /never-logged-s3cret/);
  } finally {
    assert.equal(await stop(server.child), 0, server.output());
    await proxy.close();
    await outage.drop();
  }
});
