import assert from 'node:assert/strict';
import { test } from 'node:test';
import pg from 'pg';
import { ConnectionUnusableError, describeDatabaseError, isDatabaseUnavailable } from './unavailable.ts';

const serverError = (code: string, severity = 'ERROR') => Object.assign(new pg.DatabaseError('from the server', 0, 'error'), { code, severity });
const socketError = (code: string) => Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code });

test('a server that is down, restarting, out of connection slots or past a timeout is "unavailable"', () => {
  for (const code of ['57P01', '57P02', '57P03', '57014', '25P03', '53300', '08006', '08001']) {
    assert.ok(isDatabaseUnavailable(serverError(code, 'FATAL')), code);
  }
});

test('a refused, reset or unreachable socket is "unavailable", also inside the errors that wrap it', () => {
  for (const code of ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND']) assert.ok(isDatabaseUnavailable(socketError(code)), code);
  assert.ok(isDatabaseUnavailable(new AggregateError([socketError('ECONNREFUSED')], 'all addresses refused')));
  assert.ok(isDatabaseUnavailable(new Error('Connection terminated due to connection timeout', { cause: new Error('Connection terminated unexpectedly') })));
  assert.ok(isDatabaseUnavailable(new ConnectionUnusableError(new Error('Query read timeout'))));
});

test("pg's own timeouts and lost connections, which carry no code, are \"unavailable\"", () => {
  for (const message of [
    'Connection terminated unexpectedly',
    'timeout exceeded when trying to connect',
    'Query read timeout',
    'Client has encountered a connection error and is not queryable',
  ]) {
    assert.ok(isDatabaseUnavailable(new Error(message)), message);
  }
});

test('our own mistakes are not: bad SQL, a broken constraint, a bug', () => {
  for (const code of ['42P01', '23505', '22P02', '40001']) assert.equal(isDatabaseUnavailable(serverError(code)), false, code);
  assert.equal(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined (reading 'id')")), false);
  assert.equal(isDatabaseUnavailable(undefined), false);
  assert.equal(isDatabaseUnavailable('Query read timeout'), false);
});

test('a log line gets the code and the reason, and nothing else the error carries', () => {
  const error = Object.assign(serverError('57P01', 'FATAL'), { client: { connectionString: 'postgres://u:s3cret@db/x' } });
  assert.deepEqual(describeDatabaseError(error), { code: '57P01', reason: 'from the server' });
  assert.deepEqual(describeDatabaseError(new ConnectionUnusableError(new Error('Query read timeout'))), { reason: 'Query read timeout' });
});
