import assert from 'node:assert/strict';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { ConfigError, DEV_SECRET_KEY_FILE, loadConfig, resolveSecretKey } from './config.ts';

test('with nothing set the portal runs on port 3000 with the embedded database in ./data', () => {
  const config = loadConfig({});
  assert.equal(config.port, 3000);
  assert.equal(config.host, '127.0.0.1');
  assert.equal(config.databaseUrl, undefined);
  assert.equal(config.dataDir, path.resolve('data'));
  assert.equal(config.logLevel, 'info');
});

test('an empty variable counts as unset', () => {
  assert.equal(loadConfig({ DATABASE_URL: '', PORT: '' }).databaseUrl, undefined);
});

test('a bad value stops start-up and names the variable', () => {
  assert.throws(() => loadConfig({ PORT: 'eighty' }), (e) => e instanceof ConfigError && /PORT/.test(e.message));
  assert.throws(() => loadConfig({ DATABASE_URL: 'mysql://x' }), (e) => e instanceof ConfigError && /DATABASE_URL/.test(e.message));
  assert.throws(() => loadConfig({ LOG_LEVEL: 'loud' }), (e) => e instanceof ConfigError && /LOG_LEVEL/.test(e.message));
  assert.throws(() => loadConfig({ PUBLIC_URL: 'not a url' }), (e) => e instanceof ConfigError && /PUBLIC_URL/.test(e.message));
});

test('the database password never appears in a configuration error', () => {
  assert.throws(
    () => loadConfig({ DATABASE_URL: 'mysql://user:s3cret@db/x' }),
    (e) => e instanceof ConfigError && !e.message.includes('s3cret'),
  );
});

test('database timeouts default to 5 s to connect, 15 s a statement and 60 s idle in a transaction, and 0 turns one off', () => {
  assert.deepEqual(loadConfig({}).databaseTimeouts, { connectMs: 5000, statementMs: 15000, idleInTransactionMs: 60000 });
  assert.deepEqual(loadConfig({ DB_CONNECT_TIMEOUT_MS: '800', DB_STATEMENT_TIMEOUT_MS: '0', DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: '' }).databaseTimeouts, {
    connectMs: 800,
    statementMs: 0,
    idleInTransactionMs: 60000,
  });
  for (const name of ['DB_CONNECT_TIMEOUT_MS', 'DB_STATEMENT_TIMEOUT_MS', 'DB_IDLE_IN_TRANSACTION_TIMEOUT_MS']) {
    for (const value of ['5s', '-1', '1.5', '86400001']) {
      assert.throws(() => loadConfig({ [name]: value }), (e) => e instanceof ConfigError && e.message.includes(name), `${name}=${value}`);
    }
  }
});

test('the owner connection for migrations needs PostgreSQL, and is passed on when given', () => {
  assert.throws(() => loadConfig({ MIGRATION_DATABASE_URL: 'postgres://owner@db/p' }), /MIGRATION_DATABASE_URL: needs DATABASE_URL/);
  const config = loadConfig({ DATABASE_URL: 'postgres://app@db/p', MIGRATION_DATABASE_URL: 'postgres://owner@db/p' });
  assert.equal(config.migrationDatabaseUrl, 'postgres://owner@db/p');
  assert.equal(loadConfig({ DATABASE_URL: 'postgres://app@db/p' }).migrationDatabaseUrl, undefined);
});

test('SECRET_KEY is read as 64 hex digits or as base64 of 32 bytes', () => {
  const key = Buffer.alloc(32, 7);
  assert.deepEqual(loadConfig({ SECRET_KEY: key.toString('hex') }).secretKey, key);
  assert.deepEqual(loadConfig({ SECRET_KEY: key.toString('base64') }).secretKey, key);
  assert.deepEqual(loadConfig({ SECRET_KEY: key.toString('base64url') }).secretKey, key);
  assert.equal(loadConfig({}).secretKey, undefined);
});

test('a SECRET_KEY of the wrong length or form stops start-up, naming the variable and not repeating the value', () => {
  for (const value of ['short', Buffer.alloc(16).toString('base64'), 'z'.repeat(64), Buffer.alloc(33).toString('hex')]) {
    assert.throws(() => loadConfig({ SECRET_KEY: value }), (e) => e instanceof ConfigError && /SECRET_KEY/.test(e.message) && !e.message.includes(value), value);
  }
});

test('in production a missing SECRET_KEY stops start-up, naming the variable', () => {
  assert.throws(() => loadConfig({ NODE_ENV: 'production' }), (e) => e instanceof ConfigError && /SECRET_KEY/.test(e.message));
  assert.doesNotThrow(() => loadConfig({ NODE_ENV: 'production', SECRET_KEY: Buffer.alloc(32, 1).toString('hex') }));
});

test('in development without SECRET_KEY a key is made once in DATA_DIR, readable only by its owner, and kept', async () => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'protishruti-secret-key-'));
  try {
    const config = loadConfig({ DATA_DIR: dataDir });
    const first = await resolveSecretKey(config);
    assert.equal(first.length, 32);
    const file = path.join(dataDir, DEV_SECRET_KEY_FILE);
    assert.equal((await stat(file)).mode & 0o777, 0o600);
    assert.deepEqual(await resolveSecretKey(config), first);
    const given = Buffer.alloc(32, 9);
    assert.deepEqual(await resolveSecretKey(loadConfig({ DATA_DIR: dataDir, SECRET_KEY: given.toString('hex') })), given);
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});

test('nobody may name the client in X-Forwarded-For unless TRUST_PROXY says who', () => {
  assert.equal(loadConfig({}).trustProxy, false);
  assert.equal(loadConfig({ TRUST_PROXY: 'true' }).trustProxy, true);
  assert.equal(loadConfig({ TRUST_PROXY: 'false' }).trustProxy, false);
  assert.equal(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).trustProxy, '10.0.0.0/8, 127.0.0.1');
  assert.throws(() => loadConfig({ TRUST_PROXY: 'yes please' }), /TRUST_PROXY/);
});
