// The first system administrator made at /setup while the server runs, with the one-time token
// the server wrote to DATA_DIR.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.ts';
import { openTestDatabase, type TestDatabase } from '../core/db/test-database.ts';
import { SETUP_TOKEN_FILE } from './first-admin-setup.ts';
import { form, openForm, submitForm } from './mail-test-support.ts';

let database: TestDatabase;
let dataDir: string;
let app: FastifyInstance;

before(async () => {
  database = await openTestDatabase();
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'protishruti-setup-'));
  app = await buildApp({ db: database.db, dataDir });
  await app.ready();
});
after(async () => {
  await app.close();
  await database.drop();
  await rm(dataDir, { recursive: true, force: true });
});

const tokenFile = () => path.join(dataDir, SETUP_TOKEN_FILE);
const ADMIN = { email: 'First.Admin@Example.gov.bd', name_bn: 'প্রথম প্রশাসক', name_en: 'First admin', password: 'a long enough password', password_again: 'a long enough password' };

test('with no system administrator the server writes a one-time token readable only by its owner, and /setup makes the first one once', async () => {
  const file = await stat(tokenFile());
  assert.equal(file.mode & 0o777, 0o600);
  const token = (await readFile(tokenFile(), 'utf8')).trim();
  assert.match(token, /^[A-Za-z0-9_-]{43}$/);

  const page = await openForm(app, '/setup?lang=en');
  assert.equal(page.status, 200);
  assert.ok(page.body.includes(tokenFile()), 'the page names the file');
  assert.ok(!page.body.includes(token), 'never the token');

  const noCsrf = await app.inject({ method: 'POST', url: '/setup', ...form({ ...ADMIN, token }) });
  assert.equal(noCsrf.statusCode, 403, 'the form needs its CSRF token');
  const wrong = await submitForm(app, '/setup?lang=en', { ...ADMIN, token: `${token.slice(0, -1)}x` }, { action: '/setup' });
  assert.equal(wrong.statusCode, 403);
  assert.match(wrong.body, /id="token-error"/);
  assert.ok(wrong.body.includes('first.admin@example.gov.bd') || wrong.body.includes(ADMIN.email), 'what was typed is kept');
  assert.ok(!wrong.body.includes(ADMIN.password), 'never the password');
  const mismatch = await submitForm(app, '/setup?lang=en', { ...ADMIN, token, password_again: 'another long password' }, { action: '/setup' });
  assert.equal(mismatch.statusCode, 400);
  assert.match(mismatch.body, /id="password_again-error"/);
  const short = await submitForm(app, '/setup', { ...ADMIN, token, password: 'short', password_again: 'short' }, { action: '/setup' });
  assert.equal(short.statusCode, 400);

  const made = await submitForm(app, '/setup?lang=en', { ...ADMIN, token }, { action: '/setup', ip: '198.18.20.1' });
  assert.equal(made.statusCode, 201, made.body);
  await assert.rejects(stat(tokenFile()), /ENOENT/, 'the token file is gone');

  const signIn = await submitForm(app, '/login', { email: ADMIN.email, password: ADMIN.password });
  assert.equal(signIn.headers.location, '/account');
  const grants = await database.db
    .selectFrom('role_grants')
    .innerJoin('users', 'users.id', 'role_grants.user_id')
    .select(['role_grants.role', 'users.email'])
    .where('users.email', '=', 'first.admin@example.gov.bd')
    .execute();
  assert.deepEqual(grants, [{ role: 'system_admin', email: 'first.admin@example.gov.bd' }]);
  const audit = await database.db.selectFrom('audit_log').select(['action', 'actor_label']).where('actor_label', '=', 'setup-token').orderBy('id').execute();
  assert.deepEqual(audit.map((row) => row.action), ['accounts.user.create', 'accounts.role.grant']);
  assert.ok(!JSON.stringify(await database.db.selectFrom('audit_log').selectAll().execute()).includes(token));

  // once an administrator exists: 404, whatever the token
  assert.equal((await app.inject({ url: '/setup' })).statusCode, 404);
  const late = await submitForm(app, '/setup', { ...ADMIN, email: 'second@example.gov.bd', token }, { action: '/setup' });
  assert.equal(late.statusCode, 404);
});

test('a server started once an administrator exists offers no set-up and removes a stale token file', async () => {
  await writeFile(tokenFile(), 'left-over-token\n', { mode: 0o600 });
  const again = await buildApp({ db: database.db, dataDir });
  try {
    await again.ready();
    await assert.rejects(stat(tokenFile()), /ENOENT/);
    assert.equal((await again.inject({ url: '/setup' })).statusCode, 404);
  } finally {
    await again.close();
  }
});

test('an app not told DATA_DIR (as in tests) has no /setup at all', async () => {
  const fresh = await openTestDatabase();
  const bare = await buildApp({ db: fresh.db });
  try {
    assert.equal((await bare.inject({ url: '/setup' })).statusCode, 404);
  } finally {
    await bare.close();
    await fresh.drop();
  }
});
