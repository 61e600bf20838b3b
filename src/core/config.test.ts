import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { ConfigError, loadConfig } from './config.ts';

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
