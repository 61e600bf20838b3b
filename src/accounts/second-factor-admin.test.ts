// The second factor beyond its own set-up: the QR code on the set-up page, the secrets
// encrypted at rest, and resetting a lost one from /admin/users.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { Secret, TOTP } from 'otpauth';
import { buildApp } from '../app.ts';
import { systemActor } from '../core/actor.ts';
import { seedCharters } from '../charters/index.ts';
import { openTestDatabase, type TestDatabase } from '../core/db/test-database.ts';
import type { Mailer, MailMessage } from '../mail/index.ts';
import { SESSION_COOKIE } from './authorisation.ts';
import { cookiesOf, form, openForm, submitForm } from './mail-test-support.ts';
import { createTestUser, type TestUser } from './test-support.ts';
import { SecretKeyMismatchError, TotpSecretBox } from './totp-secret-box.ts';
import { checkSecondFactor } from './two-factor.ts';
import { grantRole } from './users.ts';

const OWN = 'doict-sadar-jessore';
const OTHER = 'doict-jaintiapur-sylhet';
const KEY = randomBytes(32);

let database: TestDatabase;
let app: FastifyInstance;
const sent: MailMessage[] = [];
const mailer: Mailer = { kind: 'smtp', send: async (message) => void sent.push(message), close: async () => {} };

before(async () => {
  database = await openTestDatabase();
  await seedCharters(database.db);
  app = await buildApp({ db: database.db, secretKey: KEY, mailer });
});
after(async () => {
  await app.close();
  await database.drop();
});

const secretOf = (body: string) => /<code class="totp-secret">([^<]+)<\/code>/.exec(body)?.[1]?.replaceAll(' ', '') ?? '';
const code = (secret: string, offsetSteps = 0) =>
  new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate({ timestamp: Date.now() + offsetSteps * 30_000 });
const stored = (userId: number) =>
  database.db.selectFrom('users').select(['totp_secret', 'totp_pending_secret', 'totp_enabled_at', 'totp_last_step']).where('id', '=', userId).executeTakeFirstOrThrow();

/** Turns two-step sign-in on for the user through /account/2fa; returns the secret. */
async function enrol(user: TestUser): Promise<string> {
  const page = await app.inject({ url: '/account/2fa', headers: { authorization: user.authorization } });
  const secret = secretOf(page.body);
  const done = await postForm('/account/2fa', user.authorization, { code: code(secret) });
  assert.equal(done.statusCode, 200, done.body);
  assert.notEqual((await stored(user.id)).totp_secret, null);
  return secret;
}

/** A form post signed in by an API token (which needs no CSRF token). */
function postForm(url: string, authorization: string, fields: Record<string, string>) {
  const body = form(fields);
  return app.inject({ method: 'POST', url, payload: body.payload, headers: { ...body.headers, authorization } });
}

async function signIn(target: FastifyInstance, user: TestUser, ip: string) {
  return submitForm(target, '/login', { email: user.email, password: user.password }, { ip });
}

test('the set-up page shows the link as an inline SVG QR code (no script, no image), with the key to type beside it', async () => {
  const user = await createTestUser(database.db, null);
  const page = await app.inject({ url: '/account/2fa?lang=en', headers: { authorization: user.authorization } });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<figure class="totp-qr"><svg role="img" aria-label="QR code of the link for the authenticator app" focusable="false" xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 \d+ \d+"/);
  assert.match(page.body, /<path stroke="#000000" d="M[0-9.hmvHMV ]+"\/><\/svg>/);
  assert.doesNotMatch(page.body, /<script|<img|data:image|&lt;svg/);
  assert.ok(secretOf(page.body).length >= 32, 'the key is still there to type');
  assert.match(page.body, /otpauth:\/\/totp\//);
  assert.doesNotMatch(String(page.headers['content-security-policy']), /unsafe-inline/);
});

test('TOTP secrets are stored encrypted: the database holds neither the key being set up nor the one in use', async () => {
  const user = await createTestUser(database.db, null);
  const page = await app.inject({ url: '/account/2fa', headers: { authorization: user.authorization } });
  const secret = secretOf(page.body);
  const pending = (await stored(user.id)).totp_pending_secret ?? '';
  assert.match(pending, /^v1:/);
  assert.ok(!pending.includes(secret));
  const again = await app.inject({ url: '/account/2fa', headers: { authorization: user.authorization } });
  assert.equal(secretOf(again.body), secret, 'a reload shows the same key');

  await postForm('/account/2fa', user.authorization, { code: code(secret) });
  const row = await stored(user.id);
  assert.match(row.totp_secret ?? '', /^v1:/);
  assert.ok(!(row.totp_secret ?? '').includes(secret));
  assert.equal(row.totp_pending_secret, null);
});

test('a secret stored in plain text before encryption still signs in, and is encrypted on that use', async () => {
  const user = await createTestUser(database.db, null);
  const secret = new Secret({ size: 20 }).base32;
  await database.db.updateTable('users').set({ totp_secret: secret, totp_enabled_at: new Date() }).where('id', '=', user.id).execute();
  const half = cookiesOf(await signIn(app, user, '198.18.10.1'))[SESSION_COOKIE] ?? '';
  const right = await submitForm(app, '/login/code', { code: code(secret) }, { cookies: { [SESSION_COOKIE]: half }, ip: '198.18.10.1' });
  assert.equal(right.statusCode, 303, right.body);
  const now = (await stored(user.id)).totp_secret ?? '';
  assert.match(now, /^v1:/);
  assert.deepEqual(new TotpSecretBox(KEY).open(now, user.id, 'totp_secret'), { base32: secret, legacy: false });
});

test('under another SECRET_KEY a stored secret fails clearly, and is not taken for a wrong code', async () => {
  const user = await createTestUser(database.db, null);
  const secret = await enrol(user);
  await assert.rejects(() => checkSecondFactor(database.db, new TotpSecretBox(randomBytes(32)), user.id, code(secret, 1), '198.18.11.1'), (error) => error instanceof SecretKeyMismatchError && /SECRET_KEY/.test(error.message));
  const otherKey = await buildApp({ db: database.db, secretKey: randomBytes(32) });
  try {
    const half = cookiesOf(await signIn(otherKey, user, '198.18.11.2'))[SESSION_COOKIE] ?? '';
    const answer = await submitForm(otherKey, '/login/code', { code: code(secret, 1) }, { cookies: { [SESSION_COOKIE]: half }, ip: '198.18.11.2' });
    assert.equal(answer.statusCode, 500);
  } finally {
    await otherKey.close();
  }
  const failures = await database.db.selectFrom('login_failures').select('id').where('email', '=', user.email).execute();
  assert.equal(failures.length, 0, 'a key problem is no failed sign-in of the user');
});

test('a system administrator resets a lost second factor after a confirmation: key and used codes gone, signed out everywhere, audited without the key, told by mail', async () => {
  const admin = await createTestUser(database.db, 'system_admin');
  const user = await createTestUser(database.db, 'office_staff', { kind: 'office', slug: OWN });
  await enrol(user);
  const userSession = cookiesOf(await signIn(app, user, '198.18.12.1'))[SESSION_COOKIE] ?? '';
  const storedBefore = (await stored(user.id)).totp_secret ?? '';

  // the admin, as a browser: the list links to the confirmation, whose form does the reset
  const adminHalf = await signIn(app, admin, '198.18.12.2');
  const adminCookies = { [SESSION_COOKIE]: cookiesOf(adminHalf)[SESSION_COOKIE] ?? '' };
  const list = await app.inject({ url: `/admin/users?lang=en&q=${encodeURIComponent(user.email)}`, cookies: adminCookies });
  assert.match(list.body, new RegExp(`href="/admin/users/${user.id}/reset-2fa">Reset two-step sign-in</a>`));
  const confirm = await openForm(app, `/admin/users/${user.id}/reset-2fa?lang=en`, adminCookies);
  assert.equal(confirm.status, 200);
  assert.match(confirm.body, new RegExp(`action="/admin/users/${user.id}/reset-2fa"`));
  assert.ok(confirm.body.includes(user.email));
  assert.equal((await stored(user.id)).totp_secret, storedBefore, 'opening the confirmation changes nothing');

  const withoutToken = await app.inject({ method: 'POST', url: `/admin/users/${user.id}/reset-2fa`, cookies: confirm.cookies, ...form({}) });
  assert.equal(withoutToken.statusCode, 403, 'the form needs its CSRF token');
  const reset = await app.inject({ method: 'POST', url: `/admin/users/${user.id}/reset-2fa?lang=en`, cookies: confirm.cookies, ...form({ _csrf: confirm.csrf }) });
  assert.equal(reset.statusCode, 200, reset.body);
  assert.match(reset.body, /was reset; they were signed out and told by mail/);

  assert.deepEqual(await stored(user.id), { totp_secret: null, totp_pending_secret: null, totp_enabled_at: null, totp_last_step: null });
  assert.equal((await app.inject({ url: '/account', cookies: { [SESSION_COOKIE]: userSession } })).statusCode, 303, 'their session ended');
  const audit = await database.db.selectFrom('audit_log').selectAll().where('action', '=', 'accounts.totp.reset').where('subject_id', '=', String(user.id)).executeTakeFirstOrThrow();
  assert.equal(audit.actor_label, admin.email);
  const written = JSON.stringify(audit);
  assert.ok(!written.includes(storedBefore) && !written.includes('v1:'), 'no secret in the audit log');
  assert.match(written, /"two_factor":true/);
  const mail = sent.find((message) => message.to === user.email && /Two-step sign-in/.test(message.subject));
  assert.ok(mail, 'the user is told by mail');
  assert.match(mail.text, /set up the authenticator app again/);

  // the next sign-in needs the password only, and the app can be set up again
  assert.equal((await signIn(app, user, '198.18.12.3')).headers.location, '/account');
  const again = await app.inject({ method: 'POST', url: `/admin/users/${user.id}/reset-2fa`, headers: { authorization: admin.authorization, accept: 'application/json' }, payload: {} });
  assert.equal(again.statusCode, 409, 'nothing left to reset');
});

test('an office administrator resets it for a user of their office only, and not for one who holds roles elsewhere', async () => {
  const officeAdmin = await createTestUser(database.db, 'office_admin', { kind: 'office', slug: OWN });
  const own = await createTestUser(database.db, 'office_staff', { kind: 'office', slug: OWN });
  const other = await createTestUser(database.db, 'office_staff', { kind: 'office', slug: OTHER });
  const both = await createTestUser(database.db, 'office_staff', { kind: 'office', slug: OWN });
  await grantRole(database.db, systemActor, both.email, 'officer', { kind: 'office', slug: OTHER });
  for (const user of [own, other, both]) await enrol(user);
  const asOfficeAdmin = (id: number) =>
    app.inject({ method: 'POST', url: `/admin/users/${id}/reset-2fa`, headers: { authorization: officeAdmin.authorization, accept: 'application/json' }, payload: { office: OWN } });

  const ok = await asOfficeAdmin(own.id);
  assert.equal(ok.statusCode, 200, ok.body);
  assert.deepEqual(ok.json(), { ok: true, mail_sent: true });
  assert.equal((await stored(own.id)).totp_secret, null);
  assert.equal((await asOfficeAdmin(other.id)).statusCode, 404, 'a user of another office is not found');
  assert.equal((await asOfficeAdmin(both.id)).statusCode, 403, 'a user who also holds a role in another office');
  assert.notEqual((await stored(both.id)).totp_secret, null);
  const national = await app.inject({ method: 'POST', url: `/admin/users/${own.id}/reset-2fa`, headers: { authorization: officeAdmin.authorization, accept: 'application/json' }, payload: {} });
  assert.equal(national.statusCode, 403, 'without naming the office, only a system administrator');
});
