import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.ts';
import { seedCharters } from '../charters/index.ts';
import { openTestDatabase, type TestDatabase } from '../core/db/test-database.ts';
import { createSmtpMailer } from '../mail/index.ts';
import { SESSION_COOKIE } from './authorisation.ts';
import { cookiesOf, startSmtpServer, submitForm } from './mail-test-support.ts';
import { createTestUser, type TestUser } from './test-support.ts';

const OWN = 'doict-sadar-jessore';
const OTHER = 'doict-jaintiapur-sylhet';
const PUBLIC_URL = 'http://portal.test';

let database: TestDatabase;
let app: FastifyInstance;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let admin: TestUser;
let officeAdmin: TestUser;

before(async () => {
  database = await openTestDatabase();
  await seedCharters(database.db);
  smtp = await startSmtpServer();
  app = await buildApp({ db: database.db, publicUrl: PUBLIC_URL, mailer: createSmtpMailer({ url: smtp.url, from: 'Protishruti <no-reply@portal.test>' }) });
  admin = await createTestUser(database.db, 'system_admin');
  officeAdmin = await createTestUser(database.db, 'office_admin', { kind: 'office', slug: OWN });
});
after(async () => {
  await app.close();
  await smtp.close();
  await database.drop();
});

const asJson = (who: TestUser) => ({ authorization: who.authorization, accept: 'application/json' });

async function invite(who: TestUser, fields: Record<string, unknown>) {
  return app.inject({ method: 'POST', url: '/admin/users/invite', headers: asJson(who), payload: fields });
}

/** The path of the link in a mail to `to` (the part after PUBLIC_URL). */
async function linkIn(to: string, kind: 'invitation' | 'password-reset'): Promise<string> {
  const mail = await smtp.waitFor(to);
  smtp.received.splice(smtp.received.indexOf(mail), 1);
  const match = new RegExp(`${PUBLIC_URL}(/${kind}/[A-Za-z0-9_-]+)`).exec(mail.text);
  assert.ok(match?.[1], `a ${kind} link in: ${mail.text}`);
  assert.match(mail.text, /প্রতিশ্রুতি/);
  return match[1];
}

async function auditActions(): Promise<string[]> {
  return (await database.db.selectFrom('audit_log').select('action').orderBy('id').execute()).map((row) => row.action);
}

test('an office admin invites by e-mail; the SMTP server gets the mail; its link sets a password and signs in, once', async () => {
  const email = 'new.staff@test.gov.bd';
  const response = await invite(officeAdmin, { email, name_bn: 'নতুন কর্মী', role: 'office_staff', office: OWN });
  assert.equal(response.statusCode, 201, response.body);
  assert.equal(response.json().mail_sent, true);
  const link = await linkIn(email, 'invitation');

  const page = await app.inject({ url: link });
  assert.equal(page.statusCode, 200);
  assert.match(page.headers['cache-control'] ?? '', /no-store/);
  assert.match(page.body, /name="_csrf"/);
  const short = await submitForm(app, link, { password: 'short' });
  assert.equal(short.statusCode, 400);
  assert.match(short.body, /class="field-error" id="password-error"/);

  const accepted = await submitForm(app, link, { password: 'a long enough password' });
  assert.equal(accepted.statusCode, 303);
  const session = cookiesOf(accepted)[SESSION_COOKIE];
  assert.ok(session);
  const account = await app.inject({ url: '/account?lang=en', cookies: { [SESSION_COOKIE]: session } });
  assert.equal(account.statusCode, 200);
  assert.match(account.body, /new\.staff@test\.gov\.bd/);
  assert.match(account.body, /Office staff/);

  const again = await submitForm(app, link, { password: 'another long password' });
  assert.equal(again.statusCode, 410);
  assert.match(again.body, /আগেই ব্যবহার/);
  const actions = await auditActions();
  assert.ok(actions.includes('accounts.user.invite'));
  assert.ok(actions.includes('accounts.invitation.accept'));
  const rows = await database.db.selectFrom('audit_log').select(['before', 'after']).where('action', 'like', 'accounts.%').execute();
  assert.ok(!JSON.stringify(rows).includes(link.split('/').pop() ?? 'x'), 'no token in the audit log');
});

test('an expired invitation link gets its own page in both languages, and no password is set', async () => {
  const email = 'late@test.gov.bd';
  assert.equal((await invite(admin, { email, name_bn: 'দেরি', role: 'officer', office: OTHER })).statusCode, 201);
  const link = await linkIn(email, 'invitation');
  await database.db.updateTable('account_tokens').set({ expires_at: new Date(Date.now() - 1000) }).execute();
  const bn = await app.inject({ url: link });
  assert.equal(bn.statusCode, 410);
  assert.match(bn.body, /মেয়াদ শেষ/);
  const en = await app.inject({ url: `${link}?lang=en` });
  assert.match(en.body, /This link has expired/);
  assert.equal((await submitForm(app, link, { password: 'a long enough password' })).statusCode, 410);
  const user = await database.db.selectFrom('users').select(['status', 'password_hash']).where('email', '=', email).executeTakeFirstOrThrow();
  assert.deepEqual(user, { status: 'invited', password_hash: null });
});

test('an office admin cannot invite into another office, grant a national role, or see another office\'s users', async () => {
  const elsewhere = await invite(officeAdmin, { email: 'x1@test.gov.bd', name_bn: 'ক', role: 'office_staff', office: OTHER });
  assert.equal(elsewhere.statusCode, 403);
  const national = await invite(officeAdmin, { email: 'x2@test.gov.bd', name_bn: 'খ', role: 'system_admin' });
  assert.equal(national.statusCode, 403);
  const asSystemAdmin = await invite(officeAdmin, { email: 'x3@test.gov.bd', name_bn: 'গ', role: 'system_admin', office: OWN });
  assert.equal(asSystemAdmin.statusCode, 403);
  const asSupervisor = await invite(officeAdmin, { email: 'x4@test.gov.bd', name_bn: 'ঘ', role: 'supervisor', office: OWN });
  assert.equal(asSupervisor.statusCode, 403);
  assert.equal((await database.db.selectFrom('users').select('id').where('email', 'like', 'x_@test.gov.bd').execute()).length, 0);

  assert.equal((await app.inject({ url: `/admin/users?office=${OTHER}`, headers: asJson(officeAdmin) })).statusCode, 403);
  assert.equal((await app.inject({ url: '/admin/users', headers: asJson(officeAdmin) })).statusCode, 403);
  const own = await app.inject({ url: `/admin/users?office=${OWN}`, headers: { authorization: officeAdmin.authorization } });
  assert.equal(own.statusCode, 200);
  assert.ok(!own.body.includes(admin.email), 'a system admin holds no role in the office');

  // a user of another office, by guessing the id: not found, like one that does not exist
  const stranger = await createTestUser(database.db, 'office_staff', { kind: 'office', slug: OTHER });
  for (const verb of ['disable', 'grants', 'resend']) {
    const response = await app.inject({ method: 'POST', url: `/admin/users/${stranger.id}/${verb}`, headers: asJson(officeAdmin), payload: { office: OWN, role: 'officer' } });
    assert.equal(response.statusCode, 404, `${verb}: ${response.body}`);
  }
  const missing = await app.inject({ method: 'POST', url: '/admin/users/999999/disable', headers: asJson(officeAdmin), payload: { office: OWN } });
  assert.equal(missing.statusCode, 404);
  // the office named in the query of a POST is not the one acted for
  const smuggled = await app.inject({ method: 'POST', url: `/admin/users/${stranger.id}/disable?office=${OWN}`, headers: asJson(officeAdmin), payload: {} });
  assert.equal(smuggled.statusCode, 403);
});

test('disabling a user ends their sessions; grants and revocations are audited', async () => {
  const staff = await createTestUser(database.db, 'office_staff', { kind: 'office', slug: OWN });
  const signedIn = await submitForm(app, '/login', { email: staff.email, password: staff.password }, { ip: '192.0.2.50' });
  const session = cookiesOf(signedIn)[SESSION_COOKIE] ?? '';
  assert.equal((await app.inject({ url: '/account', cookies: { [SESSION_COOKIE]: session } })).statusCode, 200);

  const granted = await app.inject({ method: 'POST', url: `/admin/users/${staff.id}/grants`, headers: asJson(officeAdmin), payload: { office: OWN, role: 'officer' } });
  assert.equal(granted.statusCode, 200, granted.body);
  const grant = await database.db.selectFrom('role_grants').select('id').where('user_id', '=', staff.id).where('role', '=', 'officer').executeTakeFirstOrThrow();
  const revoked = await app.inject({ method: 'POST', url: `/admin/users/${staff.id}/revoke`, headers: asJson(officeAdmin), payload: { office: OWN, grant: grant.id } });
  assert.equal(revoked.statusCode, 200, revoked.body);

  const disabled = await app.inject({ method: 'POST', url: `/admin/users/${staff.id}/disable`, headers: asJson(officeAdmin), payload: { office: OWN } });
  assert.equal(disabled.statusCode, 200, disabled.body);
  assert.equal((await database.db.selectFrom('sessions').select('user_id').where('user_id', '=', staff.id).execute()).length, 0);
  assert.equal((await app.inject({ url: '/account', cookies: { [SESSION_COOKIE]: session } })).statusCode, 303);
  assert.equal((await app.inject({ url: '/account', headers: { authorization: staff.authorization } })).statusCode, 401);
  const enabled = await app.inject({ method: 'POST', url: `/admin/users/${staff.id}/enable`, headers: asJson(officeAdmin), payload: { office: OWN } });
  assert.equal(enabled.statusCode, 200);

  const rows = await database.db.selectFrom('audit_log').select(['action', 'office_id', 'subject_id']).where('subject_id', '=', String(staff.id)).orderBy('id').execute();
  assert.deepEqual(
    rows.map((row) => row.action).filter((action) => action !== 'accounts.user.create' && action !== 'accounts.token.create'),
    ['accounts.role.grant', 'accounts.role.grant', 'accounts.role.revoke', 'accounts.user.disable', 'accounts.user.enable'],
  );
});

test('a password reset answers the same for an unknown address, mails a single-use link, and ends every session', async () => {
  const user = await createTestUser(database.db, 'officer', { kind: 'office', slug: OWN });
  const oldSession = cookiesOf(await submitForm(app, '/login', { email: user.email, password: user.password }, { ip: '192.0.2.60' }))[SESSION_COOKIE] ?? '';
  assert.equal((await app.inject({ url: '/account', cookies: { [SESSION_COOKIE]: oldSession } })).statusCode, 200);

  const known = await submitForm(app, '/password-reset?lang=en', { email: user.email }, { action: '/password-reset', ip: '192.0.2.61' });
  const unknown = await submitForm(app, '/password-reset?lang=en', { email: 'nobody.here@test.gov.bd' }, { action: '/password-reset', ip: '192.0.2.61' });
  assert.equal(known.statusCode, 200);
  assert.equal(unknown.statusCode, 200);
  const message = (body: string) => /<h1>([^<]+)<\/h1>/.exec(body)?.[1];
  assert.equal(message(known.body), message(unknown.body));
  assert.equal(known.body.replace(user.email, 'X'), unknown.body.replace('nobody.here@test.gov.bd', 'X'));

  const link = await linkIn(user.email, 'password-reset');
  assert.equal(smtp.received.some((mail) => mail.to.includes('nobody.here@test.gov.bd')), false);
  const reset = await submitForm(app, link, { password: 'a brand new password' });
  assert.equal(reset.statusCode, 200, reset.body);
  assert.equal((await app.inject({ url: '/account', cookies: { [SESSION_COOKIE]: oldSession } })).statusCode, 303, 'the old session is over');
  assert.equal((await submitForm(app, link, { password: 'yet another password' })).statusCode, 410);

  const withOld = await submitForm(app, '/login', { email: user.email, password: user.password }, { ip: '192.0.2.62' });
  assert.equal(withOld.statusCode, 401);
  const withNew = await submitForm(app, '/login', { email: user.email, password: 'a brand new password' }, { ip: '192.0.2.62' });
  assert.equal(withNew.statusCode, 303);
  const after = await database.db.selectFrom('audit_log').select(['after']).where('action', '=', 'accounts.password.reset').execute();
  assert.equal(after.length, 1);
  assert.ok(!JSON.stringify(after).includes('brand new'));
});

test('password-reset requests are throttled per address, with the same answer for any address', async () => {
  let last;
  for (let attempt = 0; attempt < 4; attempt++) {
    last = await submitForm(app, '/password-reset', { email: 'flood@test.gov.bd' }, { ip: `192.0.2.${70 + attempt}` });
  }
  assert.equal(last?.statusCode, 429);
  assert.match(last?.body ?? '', /এক ঘণ্টা/);
});
