import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseFee } from './fee.ts';

test('বিনামূল্যে is free with no amount', () => {
  assert.deepEqual(parseFee('বিনামূল্যে'), { text: 'বিনামূল্যে', free: true, amount_bdt: null, schedule: [] });
});

test('every spelling of free is recognised', () => {
  for (const text of ['বিনা মূল্যে', 'বিনামুল্যে', 'বিনামূল্য', 'free', 'Free of cost', 'ফ্রি', 'বিনা খরচে', 'কোনো ফি নেই', 'No fee']) {
    assert.deepEqual(parseFee(text), { text, free: true, amount_bdt: null, schedule: [] }, text);
  }
});

test('free in either Unicode spelling of য় is recognised', () => {
  assert.equal(parseFee('বিনা পয়সায়').free, true);
  assert.equal(parseFee('বিনা প\u09DFসা\u09DF').free, true);
});

test('free with a policy alternative is still free', () => {
  for (const text of ['বিনামূল্যে / বিদ্যমান সরকারী নীতিমালা অনুযায়ী', 'বিনামূল্যে ও সরকার নির্ধারিত ফি জমা দিয়ে (প্রযোজ্য ক্ষেত্রে)', 'বিনামূল্যে / বিদ্যমান সরকারী নীতিমালা']) {
    assert.deepEqual(parseFee(text), { text, free: true, amount_bdt: null, schedule: [] }, text);
  }
});

test('free with an amount for some cases is free and the amount stays in the text', () => {
  assert.deepEqual(parseFee('বিনামূল্যে / ১০০ টাকা (প্রযোজ্য ক্ষেত্রে)'), {
    text: 'বিনামূল্যে / ১০০ টাকা (প্রযোজ্য ক্ষেত্রে)', free: true, amount_bdt: null, schedule: [],
  });
});

test('a word that merely starts with ফ্রি is not free', () => {
  assert.equal(parseFee('ফ্রিল্যান্সার প্রশিক্ষণ ফি ৫০০ টাকা').free, false);
});

test('amounts are read in every common form', () => {
  const cases: Array<[string, number]> = [
    ['২৪৫.০০', 245],
    ['১০০/-(একশত) টাকা', 100],
    ['১০০/- (একশত) টাকা মাত্র', 100],
    ['টাকা ৫০০/-', 500],
    ['১,৫০০ টাকা', 1500],
    ['১,০০,০০০ টাকা', 100000],
    ['Tk. 200', 200],
    ['TK 200', 200],
    ['200 taka', 200],
    ['৳ ৫০', 50],
    ['৫০০/-', 500],
    ['৫০০/=', 500],
    ['৫০০', 500],
    ['৫০.৫০ টাকা', 50.5],
    ['পাঁচশত টাকা', 500],
    ['প্রতি পাতা ২ টাকা হারে', 2],
  ];
  for (const [text, amount] of cases) assert.deepEqual(parseFee(text), { text, free: false, amount_bdt: amount, schedule: [] }, text);
});

test('the first amount is taken when several are listed', () => {
  assert.equal(parseFee('সাধারণ ১০০ টাকা, জরুরি ২০০ টাকা').amount_bdt, 100);
});

test('a fee cell with two amounts keeps both as a schedule, each with the words before it', () => {
  assert.deepEqual(parseFee('সাধারণ: ১০০ টাকা, জরুরি: ৩০০ টাকা'), {
    text: 'সাধারণ: ১০০ টাকা, জরুরি: ৩০০ টাকা',
    free: false,
    amount_bdt: 100,
    schedule: [
      { amount_bdt: 100, condition_bn: 'সাধারণ' },
      { amount_bdt: 300, condition_bn: 'জরুরি' },
    ],
  });
  assert.deepEqual(parseFee('১ম শ্রেণি ২০০/- ২য় শ্রেণি ১০০/-').schedule, [
    { amount_bdt: 200, condition_bn: '১ম শ্রেণি' },
    { amount_bdt: 100, condition_bn: '২য় শ্রেণি' },
  ]);
});

test('a schedule whose conditions follow the amounts takes the words after each', () => {
  assert.deepEqual(parseFee('১০০ টাকা (সাধারণ), ৩০০ টাকা (জরুরি)').schedule, [
    { amount_bdt: 100, condition_bn: 'সাধারণ' },
    { amount_bdt: 300, condition_bn: 'জরুরি' },
  ]);
  assert.deepEqual(parseFee('Tk. 200 (regular), Tk. 500 (urgent)').schedule, [
    { amount_bdt: 200, condition_bn: 'regular' },
    { amount_bdt: 500, condition_bn: 'urgent' },
  ]);
});

test('one amount, a spelled-out gloss or a bare figure with paisa is no schedule', () => {
  for (const [text, amount] of [['১০০/-(একশত) টাকা মাত্র', 100], ['২৪৫.০০', 245], ['৭.৫০', 7.5]] as const) {
    assert.deepEqual(parseFee(text), { text, free: false, amount_bdt: amount, schedule: [] }, text);
  }
});

test('a spelled-out amount that disagrees with the digits keeps the digits', () => {
  assert.equal(parseFee('১০০/-(দুইশত) টাকা').amount_bdt, 100);
});

test('a zero amount is free', () => {
  assert.deepEqual(parseFee('০ টাকা'), { text: '০ টাকা', free: true, amount_bdt: 0, schedule: [] });
});

test('policy text is neither free nor an amount', () => {
  for (const text of ['বিদ্যমান সরকারী নীতিমালা অনুযায়ী', 'বিদ্যমান সরকারি নীতিমালা অনুযায়ী', 'পারস্পারিক সমঝোতার ভিত্তিতে/ প্রয়োজন অনুযায়ী', 'প্রযোজ্য নয়', 'সরকার নির্ধারিত ফি']) {
    assert.deepEqual(parseFee(text), { text, free: false, amount_bdt: null, schedule: [] }, text);
  }
});

test('a year in policy text is not an amount', () => {
  assert.equal(parseFee('তথ্য অধিকার (তথ্য প্রাপ্তি সংক্রান্ত) বিধিমালা, ২০০৯ অনুযায়ী').amount_bdt, null);
});

test('an empty cell has no fee information', () => {
  for (const text of ['', '  ', '<br>']) assert.deepEqual(parseFee(text), { text: null, free: false, amount_bdt: null, schedule: [] });
});

test('HTML and extra spaces are cleaned from the fee text', () => {
  assert.deepEqual(parseFee('  <b>৫০০</b>&nbsp;টাকা  '), { text: '৫০০ টাকা', free: false, amount_bdt: 500, schedule: [] });
});

const banglaChar = fc.integer({ min: 0x0980, max: 0x09ff }).map((code) => String.fromCodePoint(code));
const feeish = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: fc.oneof(banglaChar, fc.constantFrom(' ', '/', '-', '=', ',', '.', '(', ')', '0', '5')) }),
  fc
    .array(fc.constantFrom('বিনামূল্যে', '১০০', '/-', '(একশত)', 'টাকা', 'Tk.', '১,৫০০', '.০০', 'নীতিমালা', 'নয়', 'ফ্রি'))
    .map((words) => words.join(' ')),
);

test('parsing any fee text never throws and gives a well-formed fee', () => {
  fc.assert(
    fc.property(feeish, (text) => {
      const fee = parseFee(text);
      assert.ok(fee.text === null || (fee.text !== '' && fee.text === fee.text.trim()));
      if (fee.text === null) assert.deepEqual(fee, { text: null, free: false, amount_bdt: null, schedule: [] });
      if (fee.amount_bdt !== null) {
        assert.ok(Number.isFinite(fee.amount_bdt) && fee.amount_bdt >= 0);
        assert.equal(fee.free, fee.amount_bdt === 0);
      }
    }),
    { numRuns: 2000 },
  );
});

test('an amount named before "free" is what the service costs; "ফি ২০০" is an amount', () => {
  assert.deepEqual(parseFee('১৫/- টাকা (ভর্তি ফি), শয্যা বিনামূল্যে'), { text: '১৫/- টাকা (ভর্তি ফি), শয্যা বিনামূল্যে', free: false, amount_bdt: 15, schedule: [] });
  assert.deepEqual(parseFee('ফি ২০০'), { text: 'ফি ২০০', free: false, amount_bdt: 200, schedule: [] });
  assert.equal(parseFee('বিনামূল্যে (তবে সনদের জন্য ৫০ টাকা)').free, true);
});
