// A time-limit column whose header names the unit, over cells that give only the figures.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCharterText } from './charter-text.ts';
import { unitNamedInHeader } from './time-limit.ts';

const charter = (timeHeader: string, cells: string[]) =>
  parseCharterText(
    [
      'উপজেলা সমবায় কার্যালয়, বালাগঞ্জ, সিলেট',
      '২.১ নাগরিক সেবা',
      ['ক্রমিক', 'সেবার নাম', 'সেবা প্রদান পদ্ধতি', 'প্রয়োজনীয় কাগজপত্র', 'সেবার মূল্য', timeHeader, 'দায়িত্বপ্রাপ্ত কর্মকর্তা'].join('\t'),
      ...cells.map((time, i) => [String(i + 1), `সমবায় সমিতির নিবন্ধন ${i + 1}`, 'সরাসরি', 'আবেদনপত্র', 'বিনামূল্যে', time, 'উপজেলা সমবায় অফিসার'].join('\t')),
    ].join('\n'),
  );

const limits = (doc: ReturnType<typeof parseCharterText>) => doc.services.map((s) => [s.time_limit.text, s.time_limit.max, s.time_limit.unit]);

test('bare figures under "সময়সীমা (দিন)" are calendar days, and the cell keeps its own text', () => {
  const doc = charter('সেবা প্রদানের সময়সীমা (দিন)', ['৭', '৩০']);
  assert.deepEqual(limits(doc), [['৭', 7, 'calendar_day'], ['৩০', 30, 'calendar_day']]);
  assert.ok(!doc.warnings.some((w) => w.code === 'assumed_unit'), 'nothing was assumed');
});

test('bare figures under "Time limit (working days)" are working days; a cell with its own unit keeps it', () => {
  const doc = charter('Time limit (working days)', ['১৫', '২ মাস']);
  assert.deepEqual(limits(doc), [['১৫', 15, 'working_day'], ['২ মাস', 2, 'month']]);
});

test('a header naming several units, or none, tells nothing: bare figures are assumed working days, with a warning', () => {
  for (const header of ['সময়সীমা (ঘণ্টা/দিন/মাস)', 'সেবা প্রদানের সময়সীমা']) {
    const doc = charter(header, ['৭']);
    assert.deepEqual(limits(doc), [['৭', 7, 'working_day']], header);
    assert.ok(doc.warnings.some((w) => w.code === 'assumed_unit'), header);
  }
});

test('the unit a header names: one unit word, however written; several or none give nothing', () => {
  assert.equal(unitNamedInHeader('সময়সীমা (কর্মদিবস)'), 'কর্মদিবস');
  assert.equal(unitNamedInHeader('Time limit (days)'), 'days');
  assert.equal(unitNamedInHeader('সময়সীমা (ঘন্টা/দিন)'), null);
  assert.equal(unitNamedInHeader('সেবা প্রদানের সময়সীমা'), null);
});
