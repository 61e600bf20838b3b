import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { openTestDatabase, type TestDatabase } from '../core/db/test-database.ts';
import { cliRunner, runCliWithInput } from './cli-harness.ts';

let database: TestDatabase | undefined;
let dataDir: string;
let url: string | undefined;

before(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'protishruti-users-cli-'));
  if (process.env.DATABASE_URL) {
    database = await openTestDatabase();
    url = database.url;
  }
});
after(async () => {
  await database?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

test('the first system administrator is made from the CLI with the password on stdin, then holds a token', async () => {
  const cli = cliRunner(dataDir, url);
  const created = await runCliWithInput(dataDir, url, ['users', 'create-admin', '--email', 'Admin@Example.gov.bd', '--name-bn', 'প্রশাসক', '--password-stdin', '--json'], 'a long enough password\n');
  assert.equal(created.code, 0, created.stderr);
  assert.deepEqual(JSON.parse(created.stdout).roles, ['system_admin']);
  assert.equal(JSON.parse(created.stdout).email, 'admin@example.gov.bd');

  const again = await runCliWithInput(dataDir, url, ['users', 'create-admin', '--email', 'admin@example.gov.bd', '--name-bn', 'প্রশাসক', '--password-stdin'], 'another long password\n');
  assert.equal(again.code, 1);
  assert.match(again.stderr, /already exists/);

  const token = await cli(['users', 'token', '--email', 'admin@example.gov.bd', '--name', 'holiday sync']);
  assert.equal(token.code, 0, token.stderr);
  assert.match(token.stdout.trim(), /^pt_[\w-]{40,}$/);
});

test('a short password, a missing --password-stdin and a role without its scope are refused with the reason', async () => {
  const short = await runCliWithInput(dataDir, url, ['users', 'create', '--email', 'short@example.gov.bd', '--name-bn', 'ক', '--password-stdin'], 'short\n');
  assert.equal(short.code, 1);
  assert.match(short.stderr, /at least 10 characters/);

  const cli = cliRunner(dataDir, url);
  const noStdin = await cli(['users', 'create', '--email', 'x@example.gov.bd', '--name-bn', 'ক']);
  assert.equal(noStdin.code, 2);
  assert.match(noStdin.stderr, /--password-stdin/);

  const ok = await runCliWithInput(dataDir, url, ['users', 'create', '--email', 'staff@example.gov.bd', '--name-bn', 'কর্মী', '--password-stdin'], 'a long enough password');
  assert.equal(ok.code, 0, ok.stderr);
  const unscoped = await cli(['users', 'grant', '--email', 'staff@example.gov.bd', '--role', 'office_admin']);
  assert.equal(unscoped.code, 1);
  assert.match(unscoped.stderr, /held in one office/);
  const badRole = await cli(['users', 'grant', '--email', 'staff@example.gov.bd', '--role', 'king']);
  assert.equal(badRole.code, 2);
});
