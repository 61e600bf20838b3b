import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dammDigit, formatTrackingNumber, parseTrackingNumber } from './tracking-number.ts';

const SAMPLE = { officeCode: 'JSR', year: 2026, sequence: 123 };

test("Damm's check digit of the textbook example 572 is 4, and a number with its digit checks to 0", () => {
  assert.equal(dammDigit('572'), 4);
  assert.equal(dammDigit('5724'), 0);
});

test('a tracking number reads office code, year, a six-digit sequence and the check digit', () => {
  assert.match(formatTrackingNumber(SAMPLE), /^JSR-2026-000123-\d$/);
  assert.match(formatTrackingNumber({ ...SAMPLE, sequence: 1_234_567 }), /^JSR-2026-1234567-\d$/);
});

test('what people type is read back: Bangla digits, lower case, spaces, no dashes', () => {
  const text = formatTrackingNumber(SAMPLE);
  const check = text.slice(-1);
  const bangla = text.replace(/[0-9]/g, (d) => '০১২৩৪৫৬৭৮৯'.charAt(Number(d)));
  for (const typed of [text, text.toLowerCase(), bangla, `jsr 2026 000123 ${check}`, `JSR2026000123${check}`, ` JSR/2026/123-${check} `]) {
    const parsed = parseTrackingNumber(typed);
    assert.ok(parsed.ok, typed);
    assert.equal(parsed.text, text, typed);
    assert.deepEqual(parsed.number, SAMPLE, typed);
  }
});

test('every single mistyped digit and every swap of two neighbouring digits is caught', () => {
  for (const sequence of [1, 123, 98_765, 400_001]) {
    const text = formatTrackingNumber({ ...SAMPLE, sequence });
    const digits = text.replace(/\D/g, '');
    const rebuild = (d: string) => `JSR-${d.slice(0, 4)}-${d.slice(4, -1)}-${d.slice(-1)}`;
    for (let i = 0; i < digits.length; i++) {
      for (let wrong = 0; wrong <= 9; wrong++) {
        if (String(wrong) === digits[i]) continue;
        const typo = digits.slice(0, i) + String(wrong) + digits.slice(i + 1);
        assert.equal(parseTrackingNumber(rebuild(typo)).ok, false, `${rebuild(typo)} passed`);
      }
      if (i + 1 < digits.length && digits[i] !== digits[i + 1]) {
        const swapped = digits.slice(0, i) + digits[i + 1] + digits[i] + digits.slice(i + 2);
        assert.equal(parseTrackingNumber(rebuild(swapped)).ok, false, `${rebuild(swapped)} (swap at ${i}) passed`);
      }
    }
  }
});

test('a wrong letter in the office code fails the check too', () => {
  const text = formatTrackingNumber(SAMPLE);
  assert.equal(parseTrackingNumber(text.replace('JSR', 'JSE')).ok || parseTrackingNumber(text.replace('JSR', 'JSQ')).ok, false);
});

test('text that is not a tracking number says so', () => {
  for (const typed of ['', 'JSR', '2026-000123-7', 'J-2026-000123-7', 'hello world', 'JSR-2026-7']) {
    assert.deepEqual(parseTrackingNumber(typed), { ok: false, reason: 'shape' }, typed);
  }
  // the right shape with a year cut short is read as other digits, which the check digit refuses
  assert.deepEqual(parseTrackingNumber('JSR-26-000123-7'), { ok: false, reason: 'check_digit' });
  assert.equal(parseTrackingNumber(formatTrackingNumber(SAMPLE).replace(/\d$/, (d) => String((Number(d) + 1) % 10))).ok, false);
});

test('every tracking number the portal shows people as an example is a valid one', async () => {
  const { en } = await import('../core/i18n/en.ts');
  const { bn } = await import('../core/i18n/bn.ts');
  const examples = [...Object.values(en), ...Object.values(bn)].flatMap((text) => [...text.matchAll(/\b[A-Z]{2,6}-\d{4}-\d{6}-\d\b/g)].map((m) => m[0]));
  assert.ok(examples.length > 0, 'the hints show an example');
  for (const example of examples) assert.equal(parseTrackingNumber(example).ok, true, example);
});
