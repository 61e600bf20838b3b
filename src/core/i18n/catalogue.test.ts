import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CHARTERS_ERROR_CODES, ChartersError } from '../../charters/errors.ts';
import { bn, bnParts } from './bn.ts';
import { en, enParts } from './en.ts';
import { t } from './index.ts';

test('Bangla and English catalogues have the same keys and no empty text', () => {
  assert.deepEqual(Object.keys(bn).sort(), Object.keys(en).sort());
  for (const [key, text] of [...Object.entries(bn), ...Object.entries(en)]) assert.ok(text.trim(), key);
});

test('no key is written in two parts of a catalogue, where the later part would silently win', () => {
  for (const parts of [enParts, bnParts]) {
    const seen = new Map<string, string>();
    for (const [part, messages] of Object.entries(parts)) {
      for (const key of Object.keys(messages)) {
        assert.equal(seen.get(key), undefined, `${key} is in ${seen.get(key)} and ${part}`);
        seen.set(key, part);
      }
    }
  }
});

test('every charters error has a message in both languages', () => {
  for (const code of CHARTERS_ERROR_CODES) {
    const key = new ChartersError(code).messageKey;
    assert.ok(key in en && key in bn, code);
  }
});

test('placeholders are filled, and the same placeholders appear in both languages', () => {
  assert.equal(t('en', 'directory.office_services', { count: 7 }), '7 services');
  assert.equal(t('en', 'directory.office_services'), '{count} services');
  for (const key of Object.keys(en) as (keyof typeof en)[]) {
    const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    assert.deepEqual(names(bn[key]), names(en[key]), key);
  }
});
