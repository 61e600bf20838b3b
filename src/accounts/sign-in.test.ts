import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.ts';
import { openTestDatabase, type TestDatabase } from '../core/db/test-database.ts';
import { SESSION_COOKIE } from './authorisation.ts';
import { SIGN_IN_LIMITS } from './sign-in.ts';
import { createTestUser, type TestUser } from './test-support.ts';

let database: TestDatabase;
let app: FastifyInstance;
let user: TestUser;

/** A form post, as a browser sends it (inject would send an object as JSON). */
function form(fields: Record<string, string>) {
  return { payload: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } };
}

before(async () => {
  database = await openTestDatabase();
  app = await buildApp({ db: database.db });
  user = await createTestUser(database.db, 'system_admin');
});
after(async () => {
  await app.close();
  await database.drop();
});

function cookiesOf(response: LightMyRequestResponse): Record<string, string> {
  return Object.fromEntries(response.cookies.map((cookie) => [cookie.name, cookie.value]));
}

/** The sign-in form as a browser gets it: its CSRF cookie and the token in the form. */
async function signInForm(): Promise<{ cookies: Record<string, string>; csrf: string }> {
  const page = await app.inject({ url: '/login' });
  assert.equal(page.statusCode, 200);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
  assert.ok(csrf, 'the form carries a CSRF token');
  return { cookies: cookiesOf(page), csrf };
}

async function signIn(email: string, password: string, ip = '203.0.113.1', next?: string) {
  const page = await signInForm();
  return app.inject({
    method: 'POST',
    url: '/login',
    remoteAddress: ip,
    cookies: page.cookies,
    ...form({ email, password, _csrf: page.csrf, ...(next ? { next } : {}) }),
  });
}

test('signing in sets an HttpOnly, SameSite session cookie and leads to the page asked for', async () => {
  const response = await signIn(user.email.toUpperCase(), user.password, '203.0.113.2', '/account?lang=en');
  assert.equal(response.statusCode, 303);
  assert.equal(response.headers.location, '/account?lang=en');
  const session = response.cookies.find((cookie) => cookie.name === SESSION_COOKIE);
  assert.ok(session);
  assert.equal(session.httpOnly, true);
  assert.equal(session.sameSite, 'Lax');
  const account = await app.inject({ url: '/account?lang=en', cookies: { [SESSION_COOKIE]: session.value } });
  assert.equal(account.statusCode, 200);
  assert.match(account.body, /System administrator/);
  assert.match(account.headers['cache-control'] ?? '', /no-store/);
});

test('the database keeps a digest of the session, never the cookie itself', async () => {
  const response = await signIn(user.email, user.password, '203.0.113.3');
  const secret = cookiesOf(response)[SESSION_COOKIE] ?? '';
  const rows = await database.db.selectFrom('sessions').select('token_hash').execute();
  assert.ok(rows.length > 0);
  assert.ok(rows.every((row) => row.token_hash !== secret && !row.token_hash.includes(secret)));
});

test('a wrong password and an unknown address get the same answer', async () => {
  const wrong = await signIn(user.email, 'not the password', '203.0.113.4');
  const unknown = await signIn('nobody@test.gov.bd', 'not the password', '203.0.113.4');
  assert.equal(wrong.statusCode, 401);
  assert.equal(unknown.statusCode, 401);
  const message = (body: string) => /<div class="error-summary"[^>]*><p>([^<]+)<\/p>/.exec(body)?.[1];
  assert.ok(message(wrong.body));
  assert.equal(message(wrong.body), message(unknown.body));
  assert.equal(wrong.cookies.some((cookie) => cookie.name === SESSION_COOKIE), false);
});

test('a sign-in without the form\'s CSRF token is refused', async () => {
  const response = await app.inject({ method: 'POST', url: '/login', ...form({ email: user.email, password: user.password }) });
  assert.equal(response.statusCode, 403);
  assert.equal(response.cookies.some((cookie) => cookie.name === SESSION_COOKIE), false);
});

test('after too many failures an address is refused even with the right password, in both languages', async () => {
  const target = await createTestUser(database.db, null);
  for (let attempt = 0; attempt < SIGN_IN_LIMITS.perEmail; attempt++) {
    assert.equal((await signIn(target.email, 'wrong password', `198.51.100.${attempt}`)).statusCode, 401);
  }
  const locked = await signIn(target.email, target.password, '198.51.100.99');
  assert.equal(locked.statusCode, 429);
  assert.match(locked.body, /১৫ মিনিট/);
  // an address that was never an account locks the same way: the answer tells nobody which exist
  for (let attempt = 0; attempt < SIGN_IN_LIMITS.perEmail; attempt++) await signIn('ghost@test.gov.bd', 'wrong', `198.51.100.${attempt}`);
  assert.equal((await signIn('ghost@test.gov.bd', 'wrong', '198.51.100.98')).statusCode, 429);
});

test('signing out ends the session on the server, not only in the browser', async () => {
  const secret = cookiesOf(await signIn(user.email, user.password, '203.0.113.5'))[SESSION_COOKIE] ?? '';
  const page = await signInForm();
  const out = await app.inject({ method: 'POST', url: '/logout', cookies: { ...page.cookies, [SESSION_COOKIE]: secret }, ...form({ _csrf: page.csrf }) });
  assert.equal(out.statusCode, 303);
  const after = await app.inject({ url: '/account', cookies: { [SESSION_COOKIE]: secret } });
  assert.equal(after.statusCode, 303);
  assert.match(after.headers.location ?? '', /^\/login\?next=%2Faccount/);
});

test('only paths on this site are followed after signing in', async () => {
  for (const next of ['//evil.example/', '/\\evil.example', 'https://evil.example/']) {
    const response = await signIn(user.email, user.password, '203.0.113.6', next);
    assert.equal(response.headers.location, '/account', next);
  }
});

test('an API token made on the account page signs API calls in, and stops working once revoked', async () => {
  const secret = cookiesOf(await signIn(user.email, user.password, '203.0.113.7'))[SESSION_COOKIE] ?? '';
  const page = await app.inject({ url: '/account', cookies: { [SESSION_COOKIE]: secret } });
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  const cookies = { ...cookiesOf(page), [SESSION_COOKIE]: secret };
  const created = await app.inject({ method: 'POST', url: '/account/tokens', cookies, ...form({ name: 'holiday sync', _csrf: csrf }) });
  assert.equal(created.statusCode, 201);
  const token = /<code>(pt_[^<]+)<\/code>/.exec(created.body)?.[1];
  assert.ok(token);
  const asToken = await app.inject({ url: '/account', headers: { authorization: `Bearer ${token}` } });
  assert.equal(asToken.statusCode, 200);
  const id = /<td>holiday sync<\/td>.*?action="\/account\/tokens\/(\d+)\/revoke"/s.exec(created.body)?.[1];
  assert.ok(id);
  const revoked = await app.inject({ method: 'POST', url: `/account/tokens/${id}/revoke`, cookies, ...form({ _csrf: csrf }) });
  assert.equal(revoked.statusCode, 303);
  const refused = await app.inject({ url: '/account', headers: { authorization: `Bearer ${token}` } });
  assert.equal(refused.statusCode, 401);
});

test('a call signed in by cookie needs the CSRF token, JSON or not; one with a bearer token does not', async () => {
  const secret = cookiesOf(await signIn(user.email, user.password, '203.0.113.8'))[SESSION_COOKIE] ?? '';
  const asForm = await app.inject({ method: 'POST', url: '/account/tokens', cookies: { [SESSION_COOKIE]: secret }, ...form({ name: 'forged' }) });
  assert.equal(asForm.statusCode, 403);
  const asJson = await app.inject({ method: 'POST', url: '/account/tokens', cookies: { [SESSION_COOKIE]: secret }, headers: { 'content-type': 'application/json', accept: 'application/json' }, payload: JSON.stringify({ name: 'forged' }) });
  assert.equal(asJson.statusCode, 403);
  assert.equal((asJson.json() as { error: string }).error, 'csrf_invalid');
  const withToken = await app.inject({ method: 'POST', url: '/account/tokens', headers: { authorization: user.authorization, 'content-type': 'application/x-www-form-urlencoded' }, payload: 'name=by+token' });
  assert.equal(withToken.statusCode, 201);
  const names = await database.db.selectFrom('api_tokens').select('name').execute();
  assert.equal(names.some((row) => row.name === 'forged'), false);
});
