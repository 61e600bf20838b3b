// An office's API tokens: made, listed and revoked on the office's page by those who manage its
// users; such a token acts only for its office and only on its requests, and stops with its
// revocation or its creator's account.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { InjectOptions } from 'fastify';
import { systemActor } from '../core/actor.ts';
import { requireOfficeId } from '../offices/index.ts';
import { openSeededApp, type SeededApp } from '../test-support.ts';
import { findApiKeyPrincipal, isOfficeToken, SESSION_COOKIE } from './authorisation.ts';
import { issueOfficeApiToken } from './office-tokens.ts';
import { createSession } from './session-repository.ts';
import { createTestUser, type TestUser } from './test-support.ts';
import { setUserEnabled } from './user-admin.ts';

const JESSORE = 'doict-sadar-jessore';
const JAINTIAPUR = 'doict-jaintiapur-sylhet';

let seeded: SeededApp;
let jessoreAdmin: TestUser;
let jessoreStaff: TestUser;
let jessoreId: number;

before(async () => {
  seeded = await openSeededApp();
  const { db } = seeded.database;
  jessoreAdmin = await createTestUser(db, 'office_admin', { kind: 'office', slug: JESSORE });
  jessoreStaff = await createTestUser(db, 'office_staff', { kind: 'office', slug: JESSORE });
  jessoreId = await requireOfficeId(db, JESSORE);
});
after(() => seeded.close());

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const inject = (request: InjectOptions) => seeded.app.inject(request);
const form = (fields: Record<string, string>) => ({ payload: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });

/** Makes a token on the office's page, as its administrator would, and reads it off the page it is shown on once. */
async function makeTokenOnPage(name: string, user: TestUser = jessoreAdmin, office = JESSORE): Promise<string> {
  const request = form({ name });
  const response = await inject({ method: 'POST', url: `/offices/${office}/api-tokens?lang=en`, ...request, headers: { ...request.headers, authorization: user.authorization } });
  assert.equal(response.statusCode, 201, response.body);
  const token = /<code id="new-token">(pt_[A-Za-z0-9_-]+)<\/code>/.exec(response.body)?.[1];
  assert.ok(token, 'the new token is shown on the page');
  return token;
}

const auditRows = (action: string) => seeded.database.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('id').execute();

test("an office administrator makes a token on the office's page: shown once, then listed by name with its maker", async () => {
  const token = await makeTokenOnPage('District e-service centre');
  const page = await inject({ url: `/offices/${JESSORE}/api-tokens?lang=en`, headers: { authorization: jessoreAdmin.authorization } });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /District e-service centre/);
  assert.ok(page.body.includes(jessoreAdmin.email), 'the list names who made it');
  assert.ok(!page.body.includes(token), 'the secret is never shown again');
  assert.match(page.body, /name="_csrf"/);
  const issued = (await auditRows('api_token.issue')).at(-1);
  assert.equal(issued?.office_id, jessoreId);
  assert.deepEqual((issued?.after as { name?: string }).name, 'District e-service centre');
  assert.ok(!JSON.stringify(issued).includes(token), 'the audit row does not hold the secret');
});

test("the token works on its office's requests, and gets 403 everywhere else its maker could go", async () => {
  const token = await makeTokenOnPage('Queue reader');
  assert.equal((await inject({ url: `/api/v1/offices/${JESSORE}/requests`, headers: bearer(token) })).statusCode, 200);
  assert.equal((await inject({ url: `/api/v1/offices/${JESSORE}/staff`, headers: bearer(token) })).statusCode, 200);
  const refused: [string, InjectOptions][] = [
    ['another office', { url: `/api/v1/offices/${JAINTIAPUR}/requests` }],
    ['its charter editor', { url: `/offices/${JESSORE}/edit` }],
    ['its users', { url: `/admin/users?office=${JESSORE}` }],
    ['its API tokens page', { url: `/offices/${JESSORE}/api-tokens` }],
    ['its calendar', { method: 'PUT', url: `/api/offices/${JESSORE}/hours`, payload: { weekly_holidays: [5, 6], opening: '09:00', closing: '17:00' } }],
    ["the maker's account", { url: '/account' }],
    ['a personal token for the maker', { method: 'POST', url: '/account/tokens', ...form({ name: 'escape' }) }],
  ];
  for (const [where, request] of refused) {
    const response = await inject({ ...request, headers: { ...request.headers, accept: 'application/json', ...bearer(token) } });
    assert.equal(response.statusCode, 403, `${where}: ${response.body}`);
    assert.equal((response.json() as { error: string }).error, 'forbidden');
  }
  // the maker, with a personal token, may do all of it
  assert.equal((await inject({ url: `/offices/${JESSORE}/edit`, headers: { accept: 'application/json', authorization: jessoreAdmin.authorization } })).statusCode, 200);
});

test("a system administrator's office token is just as limited to its office", async () => {
  const admin = await createTestUser(seeded.database.db, 'system_admin');
  const token = await issueOfficeApiToken(seeded.database.db, systemActor, jessoreId, admin.id, 'national maker');
  assert.equal((await inject({ url: `/api/v1/offices/${JESSORE}/requests`, headers: bearer(token) })).statusCode, 200);
  assert.equal((await inject({ url: `/api/v1/offices/${JAINTIAPUR}/requests`, headers: bearer(token) })).statusCode, 403);
  assert.equal((await inject({ url: '/api/calendar/changes', headers: bearer(token) })).statusCode, 403);
});

test('the token needs its maker to hold the right still: a maker with no role left gets it nothing', async () => {
  const token = await issueOfficeApiToken(seeded.database.db, systemActor, jessoreId, jessoreStaff.id, 'staff made');
  assert.equal((await inject({ url: `/api/v1/offices/${JESSORE}/requests`, headers: bearer(token) })).statusCode, 200);
  await seeded.database.db.deleteFrom('role_grants').where('user_id', '=', jessoreStaff.id).execute();
  assert.equal((await inject({ url: `/api/v1/offices/${JESSORE}/requests`, headers: bearer(token) })).statusCode, 403);
});

test('a revoked token gets 401, after a confirmation page; the revocation is audited', async () => {
  const token = await makeTokenOnPage('To be revoked');
  const row = await seeded.database.db.selectFrom('api_tokens').select('id').where('office_id', '=', jessoreId).where('name', '=', 'To be revoked').executeTakeFirstOrThrow();
  const confirm = await inject({ url: `/offices/${JESSORE}/api-tokens/${row.id}/revoke?lang=en`, headers: { authorization: jessoreAdmin.authorization } });
  assert.equal(confirm.statusCode, 200);
  assert.match(confirm.body, /<h1>Revoke the token &quot;To be revoked&quot;\?<\/h1>/);
  assert.match(confirm.body, new RegExp(`<form method="post" action="/offices/${JESSORE}/api-tokens/${row.id}/revoke"`));
  const revoked = await inject({ method: 'POST', url: `/offices/${JESSORE}/api-tokens/${row.id}/revoke`, headers: { authorization: jessoreAdmin.authorization } });
  assert.equal(revoked.statusCode, 303);
  assert.equal(revoked.headers.location, `/offices/${JESSORE}/api-tokens?done=revoked`);
  const refused = await inject({ url: `/api/v1/offices/${JESSORE}/requests`, headers: bearer(token) });
  assert.equal(refused.statusCode, 401);
  assert.equal((refused.json() as { error: string }).error, 'sign_in_required');
  const audit = (await auditRows('api_token.revoke')).at(-1);
  assert.equal(audit?.subject_id, String(row.id));
  assert.equal(audit?.actor_label, jessoreAdmin.email);
  // once is enough: a second revocation, or another office's path, finds no token
  assert.equal((await inject({ method: 'POST', url: `/offices/${JESSORE}/api-tokens/${row.id}/revoke`, headers: { accept: 'application/json', authorization: jessoreAdmin.authorization } })).statusCode, 404);
  const page = await inject({ url: `/offices/${JESSORE}/api-tokens?lang=en&done=revoked`, headers: { authorization: jessoreAdmin.authorization } });
  assert.match(page.body, /The token is revoked\./);
});

test("another office's token cannot be revoked from this office's page", async () => {
  const admin = await createTestUser(seeded.database.db, 'system_admin');
  const token = await issueOfficeApiToken(seeded.database.db, systemActor, await requireOfficeId(seeded.database.db, JAINTIAPUR), admin.id, 'Jaintiapur integration');
  const row = await seeded.database.db.selectFrom('api_tokens').select('id').where('name', '=', 'Jaintiapur integration').executeTakeFirstOrThrow();
  const response = await inject({ method: 'POST', url: `/offices/${JESSORE}/api-tokens/${row.id}/revoke`, headers: { accept: 'application/json', authorization: jessoreAdmin.authorization } });
  assert.equal(response.statusCode, 404, response.body);
  assert.equal((await inject({ url: `/api/v1/offices/${JAINTIAPUR}/requests`, headers: bearer(token) })).statusCode, 200);
});

test("the token stops when its maker's account is disabled", async () => {
  const maker = await createTestUser(seeded.database.db, 'office_admin', { kind: 'office', slug: JESSORE });
  const token = await makeTokenOnPage('Maker leaves', maker);
  assert.equal((await inject({ url: `/api/v1/offices/${JESSORE}/requests`, headers: bearer(token) })).statusCode, 200);
  await setUserEnabled(seeded.database.db, systemActor, { kind: 'everywhere' }, maker.id, false);
  assert.equal((await inject({ url: `/api/v1/offices/${JESSORE}/requests`, headers: bearer(token) })).statusCode, 401);
});

test('only those who manage the office\'s users reach its tokens page; the page needs a CSRF token from a browser', async () => {
  assert.equal((await inject({ url: `/offices/${JESSORE}/api-tokens`, headers: { accept: 'application/json', authorization: jessoreStaff.authorization } })).statusCode, 403);
  assert.equal((await inject({ url: `/offices/${JAINTIAPUR}/api-tokens`, headers: { accept: 'application/json', authorization: jessoreAdmin.authorization } })).statusCode, 403);
  // a signed-in browser (session cookie) without the form's CSRF token is refused
  const cookie = `${SESSION_COOKIE}=${await createSession(seeded.database.db, jessoreAdmin.id, 3600_000, { ip: null, userAgent: null })}`;
  assert.equal((await inject({ url: `/offices/${JESSORE}/api-tokens`, headers: { cookie } })).statusCode, 200, 'the session signs in');
  const request = form({ name: 'forged' });
  const forged = await inject({ method: 'POST', url: `/offices/${JESSORE}/api-tokens`, ...request, headers: { ...request.headers, cookie, accept: 'application/json' } });
  assert.equal(forged.statusCode, 403);
  assert.equal(await seeded.database.db.selectFrom('api_tokens').select('id').where('name', '=', 'forged').executeTakeFirst(), undefined);
});

test('personal tokens are as before: not listed with the office\'s, and an office token names itself and its maker', async () => {
  const token = await makeTokenOnPage('Named in the log');
  const account = await inject({ url: '/account?lang=en', headers: { authorization: jessoreAdmin.authorization } });
  assert.equal(account.statusCode, 200);
  assert.ok(!account.body.includes('Named in the log'), 'office tokens are not on the personal list');
  const principal = await findApiKeyPrincipal(seeded.database.db, token);
  assert.equal(principal?.label, `token:Named in the log (${jessoreAdmin.email})`);
  assert.equal(isOfficeToken(principal), true);
  const personal = await findApiKeyPrincipal(seeded.database.db, jessoreAdmin.authorization.replace('Bearer ', ''));
  assert.equal(personal?.label, jessoreAdmin.email);
  assert.equal(isOfficeToken(personal), false);
});
