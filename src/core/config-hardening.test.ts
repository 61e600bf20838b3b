// Configuration an operator can get subtly wrong: a short admin token, a PUBLIC_URL ending in
// one slash or several. The first must stop start-up; the second must not double the slashes.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildApp } from '../app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { openTestDatabase, type TestDatabase } from './db/test-database.ts';

const token = (length: number) => 'k'.repeat(length);

test('an admin token shorter than 24 characters stops start-up, naming the variable', () => {
  for (const length of [1, 8, 16, 23]) {
    assert.throws(
      () => loadConfig({ ADMIN_API_TOKEN: token(length) }),
      (error) => error instanceof ConfigError && /ADMIN_API_TOKEN/.test(error.message) && /24/.test(error.message),
      `${length} characters`,
    );
  }
});

test('an admin token of 24 characters or more is accepted as it is', () => {
  assert.equal(loadConfig({ ADMIN_API_TOKEN: token(24) }).adminApiToken, token(24));
  assert.equal(loadConfig({ ADMIN_API_TOKEN: token(64) }).adminApiToken, token(64));
});

test('an unset or empty admin token switches the calendar-editing API off', () => {
  assert.equal(loadConfig({}).adminApiToken, undefined);
  assert.equal(loadConfig({ ADMIN_API_TOKEN: '' }).adminApiToken, undefined);
});

test('a refused admin token is never repeated in the error', () => {
  const secret = 'short-but-secret-123';
  assert.throws(
    () => loadConfig({ ADMIN_API_TOKEN: secret }),
    (error) => error instanceof ConfigError && !error.message.includes(secret),
  );
});

const SLASHED_PUBLIC_URLS: [string, string][] = [
  ['https://portal.example.gov.bd', 'https://portal.example.gov.bd'],
  ['https://portal.example.gov.bd/', 'https://portal.example.gov.bd'],
  ['https://portal.example.gov.bd//', 'https://portal.example.gov.bd'],
  ['https://portal.example.gov.bd///', 'https://portal.example.gov.bd'],
  ['https://example.gov.bd/protishruti/', 'https://example.gov.bd/protishruti'],
  ['https://example.gov.bd/protishruti//', 'https://example.gov.bd/protishruti'],
];

test('PUBLIC_URL loses every trailing slash, whatever the number', () => {
  for (const [given, expected] of SLASHED_PUBLIC_URLS) {
    assert.equal(loadConfig({ PUBLIC_URL: given }).publicUrl, expected, given);
  }
});

let database: TestDatabase;

before(async () => {
  database = await openTestDatabase();
});
after(async () => {
  await database.drop();
});

test('/openapi.json names the configured PUBLIC_URL as its server, with no double slash', async () => {
  for (const [given, expected] of SLASHED_PUBLIC_URLS) {
    const app = await buildApp({ db: database.db, publicUrl: loadConfig({ PUBLIC_URL: given }).publicUrl });
    try {
      const response = await app.inject({ method: 'GET', url: '/openapi.json' });
      assert.equal(response.statusCode, 200);
      const spec = response.json() as { servers?: { url: string }[]; paths: Record<string, unknown> };
      assert.deepEqual(spec.servers?.map((server) => server.url), [expected], given);
      // a client joins the server and each path; none of the results may hold "//" after the scheme
      const server = spec.servers?.[0]?.url ?? '';
      for (const path of Object.keys(spec.paths)) {
        const joined = `${server}${path}`;
        assert.doesNotMatch(joined.replace(/^https?:\/\//, ''), /\/\//, `${given} + ${path}`);
      }
    } finally {
      await app.close();
    }
  }
});

test('/openapi.json lists no server when PUBLIC_URL is unset', async () => {
  const app = await buildApp({ db: database.db, publicUrl: loadConfig({}).publicUrl });
  try {
    const spec = (await app.inject({ method: 'GET', url: '/openapi.json' })).json() as { servers?: unknown[] };
    assert.deepEqual(spec.servers ?? [], []);
  } finally {
    await app.close();
  }
});
