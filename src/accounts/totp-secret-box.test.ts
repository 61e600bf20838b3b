import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { SecretKeyMismatchError, TotpSecretBox } from './totp-secret-box.ts';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

test('a sealed secret is stored as v1:… and does not contain the secret', () => {
  const stored = new TotpSecretBox(randomBytes(32)).seal(SECRET, 7, 'totp_secret');
  assert.match(stored, /^v1:[A-Za-z0-9_-]+$/);
  assert.ok(!stored.includes(SECRET));
  assert.ok(!Buffer.from(stored.slice(3), 'base64url').toString('latin1').includes(SECRET));
});

test('the same secret sealed twice gives two different values (a fresh nonce each time)', () => {
  const box = new TotpSecretBox(randomBytes(32));
  assert.notEqual(box.seal(SECRET, 7, 'totp_secret'), box.seal(SECRET, 7, 'totp_secret'));
});

test('round trip: what is sealed under a key opens under the same key', () => {
  const box = new TotpSecretBox(randomBytes(32));
  assert.deepEqual(box.open(box.seal(SECRET, 7, 'totp_secret'), 7, 'totp_secret'), { base32: SECRET, legacy: false });
});

test('another key fails clearly, naming SECRET_KEY and never showing the secret', () => {
  const stored = new TotpSecretBox(randomBytes(32)).seal(SECRET, 7, 'totp_secret');
  assert.throws(
    () => new TotpSecretBox(randomBytes(32)).open(stored, 7, 'totp_secret'),
    (error) => error instanceof SecretKeyMismatchError && /SECRET_KEY/.test(error.message) && /user 7/.test(error.message) && !error.message.includes(SECRET),
  );
});

test('a value copied to another user, or to the other column, or damaged, does not open', () => {
  const box = new TotpSecretBox(randomBytes(32));
  const stored = box.seal(SECRET, 7, 'totp_secret');
  assert.throws(() => box.open(stored, 8, 'totp_secret'), SecretKeyMismatchError);
  assert.throws(() => box.open(stored, 7, 'totp_pending_secret'), SecretKeyMismatchError);
  const damaged = `${stored.slice(0, -1)}${stored.endsWith('A') ? 'B' : 'A'}`;
  assert.throws(() => box.open(damaged, 7, 'totp_secret'), SecretKeyMismatchError);
  assert.throws(() => box.open('v1:abc', 7, 'totp_secret'), SecretKeyMismatchError);
});

test('a secret stored in plain text before encryption is read as it is and marked for encrypting again', () => {
  assert.deepEqual(new TotpSecretBox(randomBytes(32)).open(SECRET, 7, 'totp_secret'), { base32: SECRET, legacy: true });
});

test('a key that is not 32 bytes is refused', () => {
  assert.throws(() => new TotpSecretBox(randomBytes(16)), RangeError);
});
