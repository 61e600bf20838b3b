import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  cleanCellLines,
  cleanCellText,
  normaliseBangla,
  parseBanglaNumberWords,
  removeNumberGlosses,
  replaceNumberWords,
  toAsciiDigits,
  toBanglaDigits,
} from './bangla-text.ts';

const PRECOMPOSED_YA = '\u09DF';
const DECOMPOSED_YA = '\u09AF\u09BC';

test('Bangla digits become ASCII digits and other text is left alone', () => {
  assert.equal(toAsciiDigits('০১৯৩৬৪৪৭৯৫৫'), '01936447955');
  assert.equal(toAsciiDigits('৩-৭ কার্যদিবস, 12'), '3-7 কার্যদিবস, 12');
});

test('ASCII digits become Bangla digits', () => {
  assert.equal(toBanglaDigits('245.00 টাকা'), '২৪৫.০০ টাকা');
  assert.equal(toBanglaDigits(toAsciiDigits('০১২৩৪৫৬৭৮৯')), '০১২৩৪৫৬৭৮৯');
});

test('both Unicode spellings of য় normalise to the same string', () => {
  const precomposed = `ছ${PRECOMPOSED_YA}`;
  const decomposed = `ছ${DECOMPOSED_YA}`;
  assert.notEqual(precomposed, decomposed);
  assert.equal(normaliseBangla(precomposed), normaliseBangla(decomposed));
  assert.equal(normaliseBangla(precomposed), decomposed);
});

test('both Unicode spellings of ড় and ঢ় normalise to the same string', () => {
  assert.equal(normaliseBangla('\u09DC'), normaliseBangla('\u09A1\u09BC'));
  assert.equal(normaliseBangla('\u09DD'), normaliseBangla('\u09A2\u09BC'));
});

test('o-kar typed as e-kar plus aa-kar normalises to the single o-kar', () => {
  assert.equal(normaliseBangla('ব\u09C7\u09BEর্ড'), 'ব\u09CBর্ড');
});

test('khanda ta written as ta, hasant and zero-width joiner becomes ৎ', () => {
  assert.equal(normaliseBangla('তা\u09A4\u09CD\u200Dক্ষণিক'), 'তা\u09CEক্ষণিক');
});

test('zero-width spaces and byte-order marks are removed', () => {
  assert.equal(normaliseBangla('\uFEFFবিনা\u200Bমূল্যে'), 'বিনামূল্যে');
});

test('a zero-width non-joiner is removed, and a zero-width joiner is kept only beside a hasanta', () => {
  assert.equal(normaliseBangla('কার্য\u200Cদিবস'), 'কার্যদিবস');
  assert.equal(normaliseBangla('কার্য\u200Dদিবস'), 'কার্যদিবস');
  assert.equal(normaliseBangla('র\u200D\u09CDযাব'), 'র\u200D\u09CDযাব');
});

test('cleaning a cell keeps the text inside bold tags and links', () => {
  assert.equal(
    cleanCellText('<b>Software Development</b> সংক্রান্ত <a href="mailto:faruk383@gmail.com">faruk383@gmail.com</a>'),
    'Software Development সংক্রান্ত faruk383@gmail.com',
  );
});

test('cleaning a cell turns line breaks into spaces', () => {
  assert.equal(cleanCellText('জনাব মোঃ ফারুক হোসেন<br>সহকারী প্রোগ্রামার<BR/>ফোন'), 'জনাব মোঃ ফারুক হোসেন সহকারী প্রোগ্রামার ফোন');
});

test('cleaning a cell decodes common named and numeric entities', () => {
  assert.equal(cleanCellText('A &amp; B &lt;C&gt; &quot;D&quot; &#39;E&#39; F&nbsp;G &#2453; &#x995;'), 'A & B <C> "D" \'E\' F G ক ক');
});

test('cleaning a cell decodes an entity only once', () => {
  assert.equal(cleanCellText('&amp;lt;b&amp;gt;'), '&lt;b&gt;');
});

test('an escaped tag stays as text rather than being removed', () => {
  assert.equal(cleanCellText('&lt;b&gt;বিনামূল্যে&lt;/b&gt;'), '<b>বিনামূল্যে</b>');
});

test('unknown entities and out-of-range code points are left as written', () => {
  assert.equal(cleanCellText('&foo; &#99999999; &#xD800;'), '&foo; &#99999999; &#xD800;');
});

test('a less-than sign that does not open a tag is kept', () => {
  assert.equal(cleanCellText('৩ < ৭ এবং ৫ > ২'), '৩ < ৭ এবং ৫ > ২');
});

test('markdown bold markers are removed', () => {
  assert.equal(cleanCellText('**ভিশন:** জ্ঞানভিত্তিক'), 'ভিশন: জ্ঞানভিত্তিক');
});

test('a markdown autolink keeps its address', () => {
  assert.equal(cleanCellText('<http://doict.jaintiapur.sylhet.gov.bd/>'), 'http://doict.jaintiapur.sylhet.gov.bd/');
});

test('whitespace is collapsed and trimmed', () => {
  assert.equal(cleanCellText('  তাৎক্ষণিক/\t৩   কার্যদিবস \n (প্রযোজ্য ক্ষেত্রে)  '), 'তাৎক্ষণিক/ ৩ কার্যদিবস (প্রযোজ্য ক্ষেত্রে)');
});

test('cleaning a cell also normalises its Bangla spelling', () => {
  assert.equal(cleanCellText(`প্র${PRECOMPOSED_YA}োজন`), `প্র${DECOMPOSED_YA}োজন`);
});

test('cell lines split on newlines and line-break tags and drop empty lines', () => {
  assert.deepEqual(cleanCellLines('মোঃ করিম<br>\n\n সহকারী   প্রোগ্রামার \r\n'), ['মোঃ করিম', 'সহকারী প্রোগ্রামার']);
});

test('single Bangla number words are read', () => {
  const cases: Array<[string, number]> = [
    ['এক', 1], ['দুই', 2], ['তিন', 3], ['চার', 4], ['পাঁচ', 5], ['সাত', 7], ['আট', 8], ['নয়', 9], ['দশ', 10],
    ['এগার', 11], ['এগারো', 11], ['বারো', 12], ['বার', 12], ['পনের', 15], ['পনেরো', 15], ['বিশ', 20],
    ['একুশ', 21], ['চব্বিশ', 24], ['ত্রিশ', 30], ['পঁয়তাল্লিশ', 45], ['ষাট', 60], ['নব্বই', 90],
    ['নিরানব্বই', 99], ['একশো', 100], ['একশ', 100], ['একশত', 100], ['শূন্য', 0],
  ];
  for (const [words, value] of cases) assert.equal(parseBanglaNumberWords(words), value, words);
});

test('six is read in both Unicode spellings of য়', () => {
  assert.equal(parseBanglaNumberWords(`ছ${PRECOMPOSED_YA}`), 6);
  assert.equal(parseBanglaNumberWords(`ছ${DECOMPOSED_YA}`), 6);
});

test('every number from one to a hundred has a word', () => {
  const seen = new Set<number>();
  const table = [
    'এক দুই তিন চার পাঁচ ছয় সাত আট নয় দশ এগারো বারো তেরো চৌদ্দ পনেরো ষোলো সতেরো আঠারো উনিশ বিশ',
    'একুশ বাইশ তেইশ চব্বিশ পঁচিশ ছাব্বিশ সাতাশ আটাশ উনত্রিশ ত্রিশ একত্রিশ বত্রিশ তেত্রিশ চৌত্রিশ পঁয়ত্রিশ',
    'ছত্রিশ সাঁইত্রিশ আটত্রিশ উনচল্লিশ চল্লিশ একচল্লিশ বিয়াল্লিশ তেতাল্লিশ চুয়াল্লিশ পঁয়তাল্লিশ ছেচল্লিশ',
    'সাতচল্লিশ আটচল্লিশ উনপঞ্চাশ পঞ্চাশ একান্ন বাহান্ন তিপ্পান্ন চুয়ান্ন পঞ্চান্ন ছাপ্পান্ন সাতান্ন আটান্ন উনষাট',
    'ষাট একষট্টি বাষট্টি তেষট্টি চৌষট্টি পঁয়ষট্টি ছেষট্টি সাতষট্টি আটষট্টি উনসত্তর সত্তর একাত্তর বাহাত্তর',
    'তিয়াত্তর চুয়াত্তর পঁচাত্তর ছিয়াত্তর সাতাত্তর আটাত্তর উনআশি আশি একাশি বিরাশি তিরাশি চুরাশি পঁচাশি',
    'ছিয়াশি সাতাশি অষ্টআশি উননব্বই নব্বই একানব্বই বিরানব্বই তিরানব্বই চুরানব্বই পঁচানব্বই ছিয়ানব্বই',
    'সাতানব্বই আটানব্বই নিরানব্বই একশো',
  ].join(' ').split(' ');
  table.forEach((word, index) => {
    assert.equal(parseBanglaNumberWords(word), index + 1, word);
    seen.add(index + 1);
  });
  assert.equal(seen.size, 100);
});

test('common variant spellings are read', () => {
  assert.equal(parseBanglaNumberWords('ঊনত্রিশ'), 29);
  assert.equal(parseBanglaNumberWords('পয়ষট্টি'), 65);
  assert.equal(parseBanglaNumberWords('চোদ্দ'), 14);
  assert.equal(parseBanglaNumberWords('ষোল'), 16);
  assert.equal(parseBanglaNumberWords('বায়ান্ন'), 52);
});

test('hundreds and thousands are composed from number words', () => {
  assert.equal(parseBanglaNumberWords('এক শত'), 100);
  assert.equal(parseBanglaNumberWords('দুইশত'), 200);
  assert.equal(parseBanglaNumberWords('দুশো'), 200);
  assert.equal(parseBanglaNumberWords('তিনশ'), 300);
  assert.equal(parseBanglaNumberWords('একশত পঁচিশ'), 125);
  assert.equal(parseBanglaNumberWords('পাঁচ শত পঞ্চাশ'), 550);
  assert.equal(parseBanglaNumberWords('এক হাজার পাঁচশত'), 1500);
  assert.equal(parseBanglaNumberWords('দুই হাজার'), 2000);
  assert.equal(parseBanglaNumberWords('হাজার'), 1000);
  assert.equal(parseBanglaNumberWords('দুই লক্ষ পঞ্চাশ হাজার'), 250000);
});

test('counter suffixes on number words are ignored', () => {
  assert.equal(parseBanglaNumberWords('তিনটি'), 3);
});

test('text that is not only number words is not a number', () => {
  assert.equal(parseBanglaNumberWords(''), null);
  assert.equal(parseBanglaNumberWords('   '), null);
  assert.equal(parseBanglaNumberWords('সাত কর্মদিবস'), null);
  assert.equal(parseBanglaNumberWords('বিনামূল্যে'), null);
  assert.equal(parseBanglaNumberWords('7'), null);
});

test('number words in an impossible order are not a number', () => {
  assert.equal(parseBanglaNumberWords('সাত আট'), null);
  assert.equal(parseBanglaNumberWords('এক শত শত'), null);
  assert.equal(parseBanglaNumberWords('পাঁচ হাজার দুই লক্ষ'), null);
});

test('number words are replaced by digits only where the caller accepts what follows', () => {
  const beforeUnit = (after: string) => /^\s*কর্ম/.test(after);
  assert.equal(replaceNumberWords('সাত কর্ম দিবসের মধ্যে', beforeUnit), '7 কর্ম দিবসের মধ্যে');
  assert.equal(replaceNumberWords('আবেদনের একশত পাঁচ কর্মদিবস', beforeUnit), 'আবেদনের 105 কর্মদিবস');
  assert.equal(replaceNumberWords('প্রযোজ্য নয়', beforeUnit), 'প্রযোজ্য নয়');
  assert.equal(replaceNumberWords('নয় কর্মদিবস, নয়', beforeUnit), '9 কর্মদিবস, নয়');
});

test('a spelled-out repeat after digits is removed', () => {
  assert.deepEqual(removeNumberGlosses('24 (চব্বিশ) ঘণ্টা'), { text: '24 ঘণ্টা', mismatches: [] });
  assert.deepEqual(removeNumberGlosses('01 (এক) মাস'), { text: '01 মাস', mismatches: [] });
  assert.deepEqual(removeNumberGlosses('100/-(একশত) টাকা'), { text: '100/- টাকা', mismatches: [] });
});

test('a spelled-out repeat that disagrees with the digits is reported', () => {
  assert.deepEqual(removeNumberGlosses('24 (পঁচিশ) ঘণ্টা'), { text: '24 ঘণ্টা', mismatches: [{ written: 24, spelled: 25 }] });
});

test('parentheses after digits that are not a number are kept', () => {
  assert.equal(removeNumberGlosses('3 কার্যদিবস (প্রযোজ্য ক্ষেত্রে)').text, '3 কার্যদিবস (প্রযোজ্য ক্ষেত্রে)');
  assert.equal(removeNumberGlosses('3 (প্রযোজ্য ক্ষেত্রে)').text, '3 (প্রযোজ্য ক্ষেত্রে)');
});

const banglaChar = fc.integer({ min: 0x0980, max: 0x09ff }).map((code) => String.fromCodePoint(code));
const charterishText = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: fc.oneof(banglaChar, fc.constantFrom(' ', '<', '>', '&', ';', '#', '(', ')', '/', '-', '*', '\n')) }),
);

test('no text helper throws on any string, and cleaned text is trimmed, collapsed and normalised', () => {
  fc.assert(
    fc.property(charterishText, (s) => {
      const cleaned = cleanCellText(s);
      assert.equal(typeof cleaned, 'string');
      assert.equal(cleaned, cleaned.trim());
      assert.doesNotMatch(cleaned, /\s{2}/);
      assert.equal(normaliseBangla(cleaned), cleaned);
      assert.equal(typeof toAsciiDigits(s), 'string');
      assert.doesNotMatch(toAsciiDigits(s), /[০-৯]/);
      assert.equal(typeof removeNumberGlosses(toAsciiDigits(s)).text, 'string');
      assert.equal(typeof replaceNumberWords(s, () => true), 'string');
      const value = parseBanglaNumberWords(s);
      assert.ok(value === null || (Number.isInteger(value) && value >= 0));
    }),
    { numRuns: 2000 },
  );
});
