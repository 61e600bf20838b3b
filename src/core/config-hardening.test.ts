// Configuration an operator can get subtly wrong: a retired variable, a session length out of
// range, a PUBLIC_URL ending in one slash or several. The first two must stop start-up; the
// last must not double the slashes.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildApp } from '../app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { openTestDatabase, type TestDatabase } from './db/test-database.ts';

test('the retired ADMIN_API_TOKEN stops start-up, pointing to per-user tokens and never repeating the secret', () => {
  const secret = 'an-old-shared-admin-token-1234567890';
  assert.throws(
    () => loadConfig({ ADMIN_API_TOKEN: secret }),
    (error) => error instanceof ConfigError && /ADMIN_API_TOKEN/.test(error.message) && /users token/.test(error.message) && !error.message.includes(secret),
  );
  assert.doesNotThrow(() => loadConfig({ ADMIN_API_TOKEN: '' }));
});

test('SESSION_HOURS is read, and one outside 15 minutes to 30 days stops start-up', () => {
  assert.equal(loadConfig({}).sessionLifetimeMs, 12 * 3600_000);
  assert.equal(loadConfig({ SESSION_HOURS: '0.5' }).sessionLifetimeMs, 1800_000);
  for (const hours of ['0', '0.1', '721', 'soon']) {
    assert.throws(() => loadConfig({ SESSION_HOURS: hours }), (error) => error instanceof ConfigError && /SESSION_HOURS/.test(error.message), hours);
  }
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
