import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { Secret, TOTP } from 'otpauth';
import { buildApp } from '../app.ts';
import { openTestDatabase, type TestDatabase } from '../core/db/test-database.ts';
import { SESSION_COOKIE } from './authorisation.ts';
import { cookiesOf, openForm, submitForm } from './mail-test-support.ts';
import { createTestUser, type TestUser } from './test-support.ts';
import { redactSecretPath } from './log-redaction.ts';

let database: TestDatabase;
let app: FastifyInstance;
let strict: FastifyInstance;

before(async () => {
  database = await openTestDatabase();
  app = await buildApp({ db: database.db });
  strict = await buildApp({ db: database.db, requireTwoFactor: true });
});
after(async () => {
  await app.close();
  await strict.close();
  await database.drop();
});

const secretOf = (body: string) => /<code class="totp-secret">([^<]+)<\/code>/.exec(body)?.[1]?.replaceAll(' ', '') ?? '';

function code(secret: string, offsetSteps = 0): string {
  return new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate({ timestamp: Date.now() + offsetSteps * 30_000 });
}

async function signIn(target: FastifyInstance, user: TestUser, ip: string) {
  return submitForm(target, '/login', { email: user.email, password: user.password }, { ip });
}

/** Enrols a signed-in (or half-signed-in, for /login/enrol) user; returns the secret. */
async function enrol(target: FastifyInstance, url: string, session: string, ip: string) {
  const page = await openForm(target, url, { [SESSION_COOKIE]: session });
  assert.equal(page.status, 200, page.body);
  assert.match(page.body, /otpauth:\/\/totp\//);
  const secret = secretOf(page.body);
  assert.ok(secret.length >= 32);
  const wrong = await target.inject({ method: 'POST', url, cookies: page.cookies, remoteAddress: ip, payload: new URLSearchParams({ code: '000000', _csrf: page.csrf }).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  assert.equal(wrong.statusCode, 401);
  assert.match(wrong.body, /id="code-error"/);
  const right = await target.inject({ method: 'POST', url, cookies: page.cookies, remoteAddress: ip, payload: new URLSearchParams({ code: code(secret), _csrf: page.csrf }).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  return { secret, response: right };
}

test('with two-step sign-in on, the password alone signs nobody in: a valid code is needed, once', async () => {
  const user = await createTestUser(database.db, null);
  const session = cookiesOf(await signIn(app, user, '198.18.0.1'))[SESSION_COOKIE] ?? '';
  const { secret, response } = await enrol(app, '/account/2fa', session, '198.18.0.1');
  assert.equal(response.statusCode, 200);
  assert.match(response.body, /Two-step sign-in is on|দুই ধাপে সাইন ইন চালু হয়েছে/);

  const half = await signIn(app, user, '198.18.0.2');
  assert.equal(half.statusCode, 303);
  assert.equal(half.headers.location, '/login/code');
  const halfSession = cookiesOf(half)[SESSION_COOKIE] ?? '';
  assert.equal((await app.inject({ url: '/account', cookies: { [SESSION_COOKIE]: halfSession } })).statusCode, 303, 'a half session opens nothing');

  const cookies = { [SESSION_COOKIE]: halfSession };
  const wrong = await submitForm(app, '/login/code', { code: '123456' }, { cookies, ip: '198.18.0.2' });
  assert.equal(wrong.statusCode, 401);
  // the enrolment spent this time step's code: the next step's is still in the window
  const used = code(secret, 1);
  const right = await submitForm(app, '/login/code', { code: used }, { cookies, ip: '198.18.0.2' });
  assert.equal(right.statusCode, 303, right.body);
  const full = cookiesOf(right)[SESSION_COOKIE] ?? '';
  assert.notEqual(full, halfSession, 'the session secret changes with the second factor');
  assert.equal((await app.inject({ url: '/account', cookies: { [SESSION_COOKIE]: full } })).statusCode, 200);

  // the same code again, on a new half session: refused (replay)
  const again = cookiesOf(await signIn(app, user, '198.18.0.3'))[SESSION_COOKIE] ?? '';
  const replay = await submitForm(app, '/login/code', { code: used }, { cookies: { [SESSION_COOKIE]: again }, ip: '198.18.0.3' });
  assert.equal(replay.statusCode, 401);
  const actions = (await database.db.selectFrom('audit_log').select('action').where('action', '=', 'accounts.totp.enable').execute()).length;
  assert.equal(actions, 1);
});

test('wrong codes count as failed sign-ins: after five, even the right code is refused', async () => {
  const user = await createTestUser(database.db, null);
  const session = cookiesOf(await signIn(app, user, '198.18.1.1'))[SESSION_COOKIE] ?? '';
  const { secret } = await enrol(app, '/account/2fa', session, '198.18.1.1');
  const half = cookiesOf(await signIn(app, user, '198.18.1.2'))[SESSION_COOKIE] ?? '';
  for (let attempt = 0; attempt < 5; attempt++) await submitForm(app, '/login/code', { code: '000001' }, { cookies: { [SESSION_COOKIE]: half }, ip: '198.18.1.2' });
  const locked = await submitForm(app, '/login/code', { code: code(secret, 1) }, { cookies: { [SESSION_COOKIE]: half }, ip: '198.18.1.2' });
  assert.equal(locked.statusCode, 429);
});

test('REQUIRE_2FA: a system admin without a second factor must enrol right after the password, and can do nothing else', async () => {
  const admin = await createTestUser(database.db, 'system_admin');
  const half = await signIn(strict, admin, '198.18.2.1');
  assert.equal(half.headers.location, '/login/enrol');
  const session = cookiesOf(half)[SESSION_COOKIE] ?? '';
  assert.equal((await strict.inject({ url: '/admin/users', cookies: { [SESSION_COOKIE]: session } })).statusCode, 303);
  assert.equal((await strict.inject({ url: '/account/2fa', cookies: { [SESSION_COOKIE]: session } })).statusCode, 303);
  const page = await openForm(strict, '/login/enrol', { [SESSION_COOKIE]: session });
  assert.match(page.body, /আবশ্যক/);
  const { response } = await enrol(strict, '/login/enrol', session, '198.18.2.1');
  assert.equal(response.statusCode, 303);
  const full = cookiesOf(response)[SESSION_COOKIE] ?? '';
  assert.equal((await strict.inject({ url: '/admin/users', cookies: { [SESSION_COOKIE]: full } })).statusCode, 200);

  // a user with no such role signs straight in
  const staff = await createTestUser(database.db, null);
  assert.equal((await signIn(strict, staff, '198.18.2.2')).headers.location, '/account');
});

test('the outbox keeps mail when no SMTP server is set, and only a system admin may read it', async () => {
  const admin = await createTestUser(database.db, 'system_admin');
  const officeAdmin = await createTestUser(database.db, null);
  const invited = await app.inject({ method: 'POST', url: '/admin/users/invite', headers: { authorization: admin.authorization, accept: 'application/json' }, payload: { email: 'outbox.test@test.gov.bd', name_bn: 'আউটবক্স', role: 'system_admin' } });
  assert.equal(invited.statusCode, 201, invited.body);
  const outbox = await app.inject({ url: '/admin/outbox?lang=en', headers: { authorization: admin.authorization } });
  assert.equal(outbox.statusCode, 200);
  assert.match(outbox.body, /outbox\.test@test\.gov\.bd/);
  assert.match(outbox.body, /\/invitation\/[A-Za-z0-9_-]{43}/);
  assert.equal((await app.inject({ url: '/admin/outbox', headers: { authorization: officeAdmin.authorization, accept: 'application/json' } })).statusCode, 403);
});

test('the log never shows the secret of an invitation, reset or setup link, nor an API key', () => {
  assert.equal(redactSecretPath('/setup?token=lOntNLc-HBkOSZ&lang=en'), '/setup?token=[redacted]&lang=en');
  assert.equal(redactSecretPath('/open311/v2/requests.json?jurisdiction_id=x&api_key=pt_abc'), '/open311/v2/requests.json?jurisdiction_id=x&api_key=[redacted]');
  assert.equal(redactSecretPath('/invitation/abcDEF_123-xyz?lang=en'), '/invitation/[redacted]?lang=en');
  assert.equal(redactSecretPath('/password-reset/abcDEF_123-xyz'), '/password-reset/[redacted]');
  assert.equal(redactSecretPath('/password-reset'), '/password-reset');
});
