import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildApp } from '../app.ts';
import { openTestDatabase } from '../core/db/test-database.ts';

test('/healthz answers 200 while the database answers and 503 once it is gone', async () => {
  const database = await openTestDatabase();
  const app = await buildApp({ db: database.db });
  try {
    const up = await app.inject('/healthz');
    assert.equal(up.statusCode, 200);
    assert.deepEqual(up.json(), { status: 'ok', database: 'ok' });
    await database.drop();
    const down = await app.inject('/healthz');
    assert.equal(down.statusCode, 503);
    assert.equal(down.json().database, 'unreachable');
  } finally {
    await app.close();
  }
});

test('every response carries the security headers', async () => {
  const database = await openTestDatabase();
  const app = await buildApp({ db: database.db });
  try {
    const response = await app.inject('/healthz');
    assert.match(String(response.headers['content-security-policy']), /default-src 'self'/);
    assert.equal(response.headers['x-content-type-options'], 'nosniff');
    assert.equal(response.headers['x-frame-options'], 'DENY');
  } finally {
    await app.close();
    await database.drop();
  }
});

test('the OpenAPI description is generated', async () => {
  const database = await openTestDatabase();
  const app = await buildApp({ db: database.db });
  try {
    const spec = (await app.inject('/openapi.json')).json() as { openapi: string; paths: Record<string, unknown> };
    assert.match(spec.openapi, /^3\./);
    assert.ok(Object.keys(spec.paths).some((p) => p.includes('charter.json')), Object.keys(spec.paths).join(', '));
  } finally {
    await app.close();
    await database.drop();
  }
});
