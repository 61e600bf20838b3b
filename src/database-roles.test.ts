// PostgreSQL with two roles: the owner migrates, the app's role only reads and writes rows, so
// the app can add audit rows but never change, delete or hide them behind a disabled trigger.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, test } from 'node:test';
import pg from 'pg';
import { start, stop } from './test-support.ts';

const serverUrl = process.env.DATABASE_URL;
const suffix = `${process.pid}_${randomBytes(4).toString('hex')}`;
// our own names, never input: DDL takes no parameters
const databaseName = `protishruti_roles_${suffix}`;
const appRole = `protishruti_app_${suffix}`;

function urlOf(database: string, user?: string): string {
  const url = new URL(serverUrl ?? '');
  url.pathname = `/${database}`;
  if (user) url.username = user;
  return url.toString();
}

async function query(url: string, text: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}

after(async () => {
  if (!serverUrl) return;
  await query(serverUrl, `drop database if exists ${databaseName} with (force)`);
  await query(serverUrl, `drop role if exists ${appRole}`);
});

test('with MIGRATION_DATABASE_URL the app runs as a role that cannot rewrite the audit log', { skip: serverUrl ? false : 'PostgreSQL only (DATABASE_URL): the embedded database has one user' }, async () => {
  await query(urlOf('postgres'), `create database ${databaseName}`);
  await query(urlOf('postgres'), `create role ${appRole} login nosuperuser nocreaterole nocreatedb`);
  const ownerUrl = urlOf(databaseName);
  const appUrl = urlOf(databaseName, appRole);

  // migrations, both seed charters and the holiday files, all but the migrations as the app's role
  const server = await start({ DATABASE_URL: appUrl, MIGRATION_DATABASE_URL: ownerUrl, LOG_LEVEL: 'warn' });
  try {
    const page = await fetch(`${server.url}/offices/doict-sadar-jessore`);
    assert.equal(page.status, 200);
    assert.doesNotMatch(server.output(), /could disable the audit log/);
  } finally {
    assert.equal(await stop(server.child), 0, server.output());
  }

  const owner = await query(ownerUrl, `select tableowner from pg_tables where tablename = 'audit_log'`);
  assert.notEqual(owner.rows[0].tableowner, appRole);
  await query(appUrl, `insert into audit_log (at, actor_label, action, prev_hash, hash) values (now(), 'test', 'test.add', 'p-${suffix}', 'h-${suffix}')`);
  const written = await query(appUrl, `select count(*)::int as n from audit_log where actor_label = 'test'`);
  assert.equal(written.rows[0].n, 1);

  for (const statement of [
    `update audit_log set actor_label = 'someone else'`,
    `delete from audit_log`,
    `truncate audit_log`,
    `alter table audit_log disable trigger audit_log_append_only`,
    `drop table audit_log`,
    `delete from schema_migrations`,
  ]) {
    await assert.rejects(query(appUrl, statement), (error: pg.DatabaseError) => {
      assert.ok(error.code === '42501', `${statement}: ${error.code} ${error.message}`);
      return true;
    });
  }
  // what the owner could do instead was not done: the rows are all still there, unchanged
  const intact = await query(ownerUrl, `select count(*)::int as n from audit_log where actor_label = 'someone else'`);
  assert.equal(intact.rows[0].n, 0);
});

test('a server whose role owns the audit log says so when it starts', { skip: serverUrl ? false : 'PostgreSQL only (DATABASE_URL)' }, async () => {
  // the test server's role (DATABASE_URL) is a superuser, as on a developer's machine
  const server = await start({ DATABASE_URL: urlOf(databaseName), MIGRATION_DATABASE_URL: '', LOG_LEVEL: 'warn' });
  try {
    assert.match(server.output(), /could disable the audit log's append-only trigger/);
  } finally {
    await stop(server.child);
  }
});
