import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Fee, TimeLimit } from '../model.ts';
import { renderFee, renderTimeLimit } from './service-cells.ts';

function fee(fields: Partial<Fee>): Fee {
  return { text: null, free: false, amount_bdt: null, schedule: [], ...fields };
}
const threeDays: TimeLimit = { text: '৩ কার্যদিবস', immediate: false, min: 3, max: 3, unit: 'working_day', conditional: false, on_demand: false };

test('a free service says "Free" on English pages, not the charter\'s বিনামূল্যে', () => {
  const shown = renderFee('en', fee({ text: 'বিনামূল্যে', free: true })).value;
  assert.equal(shown, 'Free');
});

test('a free fee whose cell says more keeps the charter\'s words under "Free", except in the short list', () => {
  const cell = fee({ text: 'বিনামূল্যে ও সরকার নির্ধারিত ফি জমা দিয়ে (প্রযোজ্য ক্ষেত্রে)', free: true });
  const full = renderFee('en', cell).value;
  assert.ok(full.startsWith('Free<span class="reading">In the charter: <span lang="bn">বিনামূল্যে ও সরকার'));
  assert.equal(renderFee('en', cell, { compact: true }).value, 'Free');
});

test('a fee cell with two amounts reads as a range in English', () => {
  const schedule = fee({ text: 'সাধারণ: ১০০ টাকা, জরুরি: ৩০০ টাকা', amount_bdt: 100, schedule: [{ amount_bdt: 100, condition_bn: 'সাধারণ' }, { amount_bdt: 300, condition_bn: 'জরুরি' }] });
  assert.equal(renderFee('en', schedule, { compact: true }).value, 'Tk 100–300');
});

test('Bangla pages show the charter\'s own fee words', () => {
  assert.equal(renderFee('bn', fee({ text: 'বিনামূল্যে', free: true })).value, 'বিনামূল্যে');
});

test('English pages give the time limit in English words and digits, the charter\'s words below', () => {
  assert.equal(renderTimeLimit('en', threeDays, { compact: true }).value, 'At most 3 working days');
  assert.ok(renderTimeLimit('en', threeDays).value.startsWith('At most 3 working days<span class="reading">In the charter: <span lang="bn">৩ কার্যদিবস</span>'));
});

test('a time limit with no duration to read stays in the charter\'s words, marked as Bangla', () => {
  const hearing: TimeLimit = { ...threeDays, text: 'শুনানী সাপেক্ষে', min: null, max: null, unit: null, conditional: true };
  assert.equal(renderTimeLimit('en', hearing).value, '<span lang="bn">শুনানী সাপেক্ষে</span>');
});
