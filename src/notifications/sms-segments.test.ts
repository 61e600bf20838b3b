import assert from 'node:assert/strict';
import { test } from 'node:test';
import { smsCapacity, smsSize } from './sms-segments.ts';

test('plain English fits 160 characters in one SMS and 153 a part after that', () => {
  assert.deepEqual(smsSize('a'.repeat(160)), { encoding: 'gsm7', units: 160, segments: 1 });
  assert.deepEqual(smsSize('a'.repeat(161)), { encoding: 'gsm7', units: 161, segments: 2 });
  assert.deepEqual(smsSize('a'.repeat(306)), { encoding: 'gsm7', units: 306, segments: 2 });
  assert.equal(smsSize('a'.repeat(307)).segments, 3);
});

test('the GSM extension characters count twice', () => {
  assert.deepEqual(smsSize('€'.repeat(80)), { encoding: 'gsm7', units: 160, segments: 1 });
  assert.equal(smsSize(`${'€'.repeat(80)}a`).segments, 2);
});

test('Bangla goes as UCS-2: 70 characters in one SMS, 67 a part after that', () => {
  assert.deepEqual(smsSize('ক'.repeat(70)), { encoding: 'ucs2', units: 70, segments: 1 });
  assert.deepEqual(smsSize('ক'.repeat(71)), { encoding: 'ucs2', units: 71, segments: 2 });
  assert.equal(smsSize('ক'.repeat(134)).segments, 2);
  assert.equal(smsSize('ক'.repeat(135)).segments, 3);
});

test('one Bangla letter in English text makes the whole message UCS-2', () => {
  const size = smsSize(`Your request JSR-2026-000123-6 is received. ধন্যবাদ`);
  assert.equal(size.encoding, 'ucs2');
  assert.equal(size.segments, 1);
});

test('characters outside the basic plane take two UTF-16 units', () => {
  assert.equal(smsSize('😀'.repeat(35)).units, 70);
  assert.equal(smsSize('😀'.repeat(36)).segments, 2);
});

test('two segments hold 134 UCS-2 or 306 GSM characters', () => {
  assert.equal(smsCapacity('ucs2', 2), 134);
  assert.equal(smsCapacity('gsm7', 2), 306);
  assert.equal(smsCapacity('ucs2', 1), 70);
});
