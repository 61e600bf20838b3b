import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  extractEmails,
  findContactStart,
  isDittoMark,
  isMobileNumber,
  normalisePhone,
  parseOfficerCell,
} from './contacts.ts';

const JAINTIAPUR_OFFICER =
  'জনাব মোঃ ওয়াহিদুল ইসলাম উপজেলা ই-সার্ভিস অফিসার/ সহকারী প্রোগ্রামার ফোন: +৮৮ মোবাইল: ০১৯৩৬৪৪৭৯৫৫ ইমেইল: wahidul60@gmail.com';
const JESSORE_OFFICER =
  'জনাব মোঃ ফারুক হোসেন সহকারী প্রোগ্রামার ফোনঃ ০১৭৩৪-৯৫৪২৫৬ <a href="mailto:faruk383@gmail.com">faruk383@gmail.com</a>';

test('a Bangladeshi mobile number in Bangla digits becomes E.164', () => {
  assert.equal(normalisePhone('০১৯৩৬৪৪৭৯৫৫'), '+8801936447955');
});

test('a mobile number is recognised with dashes, spaces, country code or none', () => {
  for (const raw of ['01734-954256', '+880 1734 954256', '8801734954256', '+88 01734-954256', '০০৮৮০১৭৩৪৯৫৪২৫৬', '1734954256']) {
    assert.equal(normalisePhone(raw), '+8801734954256', raw);
  }
});

test('a landline keeps its area code and loses the trunk zero', () => {
  assert.equal(normalisePhone('০২-৯৫৫৪৪৩৩'), '+88029554433');
  assert.equal(normalisePhone('(02) 955 4433'), '+88029554433');
  assert.equal(normalisePhone('০৪২১-৬৮৭৫৪'), '+88042168754');
  assert.equal(normalisePhone('+880-421-68754'), '+88042168754');
});

test('a country code alone or too few digits is not a phone number', () => {
  assert.equal(normalisePhone('+৮৮'), null);
  assert.equal(normalisePhone('+880'), null);
  assert.equal(normalisePhone('০২-৯৫৫'), null);
  assert.equal(normalisePhone(''), null);
  assert.equal(normalisePhone('ফোন'), null);
});

test('a mobile-shaped number with a digit missing or extra is not a phone number', () => {
  assert.equal(normalisePhone('01734-95425'), null);
  assert.equal(normalisePhone('01734-9542566'), null);
});

test('a number without trunk zero or country code cannot be dialled and is rejected', () => {
  assert.equal(normalisePhone('9554433'), null);
});

test('a foreign number written with a plus keeps its own country code', () => {
  assert.equal(normalisePhone('+44 20 7946 0958'), '+442079460958');
});

test('mobile numbers are told apart from landlines', () => {
  assert.equal(isMobileNumber('+8801936447955'), true);
  assert.equal(isMobileNumber('+8801134954256'), false);
  assert.equal(isMobileNumber('+88029554433'), false);
  assert.equal(isMobileNumber('01936447955'), false);
});

test('e-mails are extracted lower-cased and once each, including from mailto links', () => {
  assert.deepEqual(extractEmails(JESSORE_OFFICER), ['faruk383@gmail.com']);
  assert.deepEqual(extractEmails('ইমেইল: Wahidul60@Gmail.com, uno@jaintiapur.sylhet.gov.bd'), [
    'wahidul60@gmail.com',
    'uno@jaintiapur.sylhet.gov.bd',
  ]);
  assert.deepEqual(extractEmails('কোনো ইমেইল নেই'), []);
});

test('ditto marks are recognised', () => {
  for (const mark of ['ঐ', 'ঐ-', '-ঐ-', ' - ঐ - ', '"', '”', '〃', '-do-', 'Do', '(ঐ)']) assert.equal(isDittoMark(mark), true, mark);
});

test('ordinary text is not a ditto mark', () => {
  for (const text of ['', '-', 'ঐচ্ছিক', 'জনাব মোঃ ফারুক হোসেন', 'document']) assert.equal(isDittoMark(text), false, text);
});

test('the contact part starts at the first label, e-mail or phone number', () => {
  assert.equal(findContactStart('মোঃ করিম সহকারী প্রোগ্রামার ফোন: ০১৭'), 'মোঃ করিম সহকারী প্রোগ্রামার '.length);
  assert.equal(findContactStart('মোঃ করিম karim@x.org'), 'মোঃ করিম '.length);
  assert.equal(findContactStart('মোঃ করিম ০১৭৩৪৯৫৪২৫৬'), 'মোঃ করিম '.length);
  assert.equal(findContactStart('উপজেলা মিডিয়া সেল এর সভাপতি'), -1);
  assert.equal(findContactStart('টেলিফোনে যোগাযোগ'), -1);
});

test('the Jaintiapur officer cell is split into name, designation, mobile and e-mail', () => {
  assert.deepEqual(parseOfficerCell(JAINTIAPUR_OFFICER), {
    officer: {
      name_bn: 'মোঃ ওয়াহিদুল ইসলাম',
      designation_bn: 'উপজেলা ই-সার্ভিস অফিসার/ সহকারী প্রোগ্রামার',
      phone: null,
      mobile: '+8801936447955',
      email: 'wahidul60@gmail.com',
      inferred: false,
    },
    notes: [],
  });
});

test('the Jessore officer cell puts a mobile labelled ফোন in the mobile slot', () => {
  assert.deepEqual(parseOfficerCell(JESSORE_OFFICER), {
    officer: {
      name_bn: 'মোঃ ফারুক হোসেন',
      designation_bn: 'সহকারী প্রোগ্রামার',
      phone: null,
      mobile: '+8801734954256',
      email: 'faruk383@gmail.com',
      inferred: false,
    },
    notes: [],
  });
});

test('a cell with only contacts has no name or designation', () => {
  const { officer, notes } = parseOfficerCell('মোবাইল: ০১৯৩৬৪৪৭৯৫৫ ইমেইল: wahidul60@gmail.com');
  assert.deepEqual(officer, {
    name_bn: null, designation_bn: null, phone: null, mobile: '+8801936447955', email: 'wahidul60@gmail.com', inferred: false,
  });
  assert.deepEqual(notes, []);
});

test('a cell cut off after the country code keeps name and designation', () => {
  const { officer } = parseOfficerCell('জনাব মোঃ ওয়াহিদুল ইসলাম উপজেলা ই-সার্ভিস অফিসার/ সহকারী প্রোগ্রামার ফোন: +৮৮');
  assert.equal(officer?.name_bn, 'মোঃ ওয়াহিদুল ইসলাম');
  assert.equal(officer?.designation_bn, 'উপজেলা ই-সার্ভিস অফিসার/ সহকারী প্রোগ্রামার');
  assert.equal(officer?.phone, null);
  assert.equal(officer?.mobile, null);
});

test('a landline goes to phone and a mobile to mobile whatever their labels', () => {
  const { officer } = parseOfficerCell('মোঃ করিম, সহকারী প্রোগ্রামার, ফোন: ০২-৯৫৫৪৪৩৩, মোবাইল: ০১৭৩৪-৯৫৪২৫৬');
  assert.equal(officer?.phone, '+88029554433');
  assert.equal(officer?.mobile, '+8801734954256');
});

test('a mobile labelled ফোন goes to phone when another number is labelled মোবাইল', () => {
  const { officer } = parseOfficerCell('ফোন: ০১৭৩৪-৯৫৪২৫৬ মোবাইল: ০১৯৩৬৪৪৭৯৫৫');
  assert.equal(officer?.mobile, '+8801936447955');
  assert.equal(officer?.phone, '+8801734954256');
});

test('every label spelling and both colons are understood', () => {
  const cells = [
    'টেলিফোন: ০২-৯৫৫৪৪৩৩ মোবাঃ ০১৭৩৪৯৫৪২৫৬ ই-মেইলঃ a@b.gov.bd',
    'Tel: 02-9554433 Mobile: 01734954256 E-mail: a@b.gov.bd',
    'Phone 02-9554433, Cell 01734954256, email a@b.gov.bd',
    'ফোনঃ ০২-৯৫৫৪৪৩৩ সেলঃ ০১৭৩৪৯৫৪২৫৬ ইমেইলঃ a@b.gov.bd',
    'ফোন নং: ০২-৯৫৫৪৪৩৩ মোবা: ০১৭৩৪৯৫৪২৫৬ e-mail: a@b.gov.bd',
  ];
  for (const cell of cells) {
    const { officer } = parseOfficerCell(cell);
    assert.deepEqual([officer?.phone, officer?.mobile, officer?.email], ['+88029554433', '+8801734954256', 'a@b.gov.bd'], cell);
  }
});

test('unlabelled numbers are sorted into phone and mobile', () => {
  const { officer } = parseOfficerCell('মোঃ করিম, সহকারী প্রোগ্রামার ০১৭৩৪-৯৫৪২৫৬, ০২-৯৫৫৪৪৩৩');
  assert.equal(officer?.mobile, '+8801734954256');
  assert.equal(officer?.phone, '+88029554433');
  assert.equal(officer?.designation_bn, 'সহকারী প্রোগ্রামার');
});

test('numbers beyond one phone and one mobile are reported, not silently dropped', () => {
  const { officer, notes } = parseOfficerCell('মোবাইল: ০১৭১১১১১১১১, ০১৮১১২২২২২২, ০১৯১১৩৩৩৩৩৩');
  assert.equal(officer?.mobile, '+8801711111111');
  assert.equal(officer?.phone, '+8801811222222');
  assert.deepEqual(notes.map((n) => n.code), ['extra_contact']);
  assert.match(notes[0]?.message ?? '', /\+8801911333333/);
});

test('two numbers separated by a space are read as two numbers', () => {
  const { officer } = parseOfficerCell('মোবাইল: ০১৭১১১১১১১১ ০২-৯৫৫৪৪৩৩');
  assert.equal(officer?.mobile, '+8801711111111');
  assert.equal(officer?.phone, '+88029554433');
});

test('the same number given twice is kept once without a note', () => {
  const { officer, notes } = parseOfficerCell('ফোন: ০১৭৩৪৯৫৪২৫৬ মোবাইল: ০১৭৩৪-৯৫৪২৫৬');
  assert.equal(officer?.mobile, '+8801734954256');
  assert.equal(officer?.phone, null);
  assert.deepEqual(notes, []);
});

test('an unreadable phone number is reported', () => {
  const { officer, notes } = parseOfficerCell('মোঃ করিম সহকারী প্রোগ্রামার মোবাইল: ০১৭৩৪-৯৫৪২৫');
  assert.equal(officer?.mobile, null);
  assert.deepEqual(notes.map((n) => n.code), ['invalid_phone']);
  assert.match(notes[0]?.message ?? '', /০১৭৩৪-৯৫৪২৫/);
});

test('a comma separates name from designation when no designation word is known', () => {
  const { officer, notes } = parseOfficerCell('মোঃ আব্দুল করিম, ইউপি সদস্য');
  assert.equal(officer?.name_bn, 'মোঃ আব্দুল করিম');
  assert.equal(officer?.designation_bn, 'ইউপি সদস্য');
  assert.deepEqual(notes, []);
});

test('a line break separates name from designation', () => {
  const { officer } = parseOfficerCell('জনাবা নাসরিন আক্তার<br>প্রশাসনিক কর্মকর্তা, জৈন্তাপুর');
  assert.equal(officer?.name_bn, 'নাসরিন আক্তার');
  assert.equal(officer?.designation_bn, 'প্রশাসনিক কর্মকর্তা, জৈন্তাপুর');
});

test('a comma inside the designation does not move the split', () => {
  const { officer } = parseOfficerCell('জনাব মোঃ ওয়াহিদুল ইসলাম উপজেলা ই-সার্ভিস অফিসার, জৈন্তাপুর, সিলেট');
  assert.equal(officer?.name_bn, 'মোঃ ওয়াহিদুল ইসলাম');
  assert.equal(officer?.designation_bn, 'উপজেলা ই-সার্ভিস অফিসার, জৈন্তাপুর, সিলেট');
});

test('a designation with no name leaves the name empty', () => {
  const { officer, notes } = parseOfficerCell('উপজেলা নির্বাহী অফিসার, জৈন্তাপুর ফোন: ০৮২২৩-৫৬০৭১');
  assert.equal(officer?.name_bn, null);
  assert.equal(officer?.designation_bn, 'উপজেলা নির্বাহী অফিসার, জৈন্তাপুর');
  assert.equal(officer?.phone, '+880822356071');
  assert.deepEqual(notes, []);
});

test('an engineer title before a name stays part of the name', () => {
  const { officer } = parseOfficerCell('প্রকৌশলী মোঃ আব্দুল করিম নির্বাহী প্রকৌশলী');
  assert.equal(officer?.name_bn, 'প্রকৌশলী মোঃ আব্দুল করিম');
  assert.equal(officer?.designation_bn, 'নির্বাহী প্রকৌশলী');
});

test('an English officer cell is split the same way', () => {
  const { officer } = parseOfficerCell('Mr. Md. Faruk Hossain Assistant Programmer Phone: 01734-954256 faruk383@gmail.com');
  assert.equal(officer?.name_bn, 'Md. Faruk Hossain');
  assert.equal(officer?.designation_bn, 'Assistant Programmer');
  assert.equal(officer?.mobile, '+8801734954256');
});

test('labelled name and designation are taken as labelled', () => {
  const { officer } = parseOfficerCell('নামঃ মোঃ আব্দুল করিম পদবিঃ ইউপি সদস্য মোবাইলঃ ০১৭৩৪৯৫৪২৫৬');
  assert.equal(officer?.name_bn, 'মোঃ আব্দুল করিম');
  assert.equal(officer?.designation_bn, 'ইউপি সদস্য');
});

test('a name with no recognisable designation is kept whole with a note', () => {
  const { officer, notes } = parseOfficerCell('জনাব মোঃ আব্দুল করিম ফোন: ০১৭৩৪৯৫৪২৫৬');
  assert.equal(officer?.name_bn, 'মোঃ আব্দুল করিম');
  assert.equal(officer?.designation_bn, null);
  assert.deepEqual(notes.map((n) => n.code), ['officer_split_guess']);
  assert.match(notes[0]?.message ?? '', /মোঃ আব্দুল করিম/);
});

test('a name whose letters start like a label is not mistaken for one', () => {
  const { officer } = parseOfficerCell('মোঃ সেলিম রেজা, সহকারী প্রোগ্রামার');
  assert.equal(officer?.name_bn, 'মোঃ সেলিম রেজা');
});

test('ASCII digits and extra spaces are handled', () => {
  const { officer } = parseOfficerCell('  জনাব   মোঃ ফারুক হোসেন   সহকারী   প্রোগ্রামার  ফোনঃ   01734-954256  ');
  assert.equal(officer?.name_bn, 'মোঃ ফারুক হোসেন');
  assert.equal(officer?.designation_bn, 'সহকারী প্রোগ্রামার');
  assert.equal(officer?.mobile, '+8801734954256');
});

test('an empty or punctuation-only cell has no officer and no notes', () => {
  for (const cell of ['', '   ', '---', '<br>']) assert.deepEqual(parseOfficerCell(cell), { officer: null, notes: [] }, cell);
});

test('a cell with only an empty label has no officer and says so', () => {
  const { officer, notes } = parseOfficerCell('ফোন: +৮৮');
  assert.equal(officer, null);
  assert.deepEqual(notes.map((n) => n.code), ['unrecognised_officer']);
});

const E164 = /^\+\d{8,15}$/;
const banglaChar = fc.integer({ min: 0x0980, max: 0x09ff }).map((code) => String.fromCodePoint(code));
const officerish = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: fc.oneof(banglaChar, fc.constantFrom(' ', ':', 'ঃ', '+', '-', ',', '\n', '@', '.', 'a', '0', '1', '8')) }),
  fc
    .array(fc.constantFrom('জনাব', 'মোঃ', 'করিম', 'সহকারী', 'ফোন:', 'মোবাইল:', '০১৭৩৪৯৫৪২৫৬', '+৮৮', 'a@b.bd', ',', '<br>', 'ঐ'))
    .map((words) => words.join(' ')),
);

test('parsing any officer cell never throws and gives well-formed contacts', () => {
  fc.assert(
    fc.property(officerish, (cell) => {
      const { officer, notes } = parseOfficerCell(cell);
      for (const note of notes) assert.ok(note.code !== '' && note.message !== '');
      if (officer === null) return;
      assert.equal(officer.inferred, false);
      for (const value of [officer.name_bn, officer.designation_bn]) assert.ok(value === null || value.trim() === value && value !== '');
      for (const value of [officer.phone, officer.mobile]) assert.ok(value === null || E164.test(value), String(value));
      assert.ok(officer.mobile === null || isMobileNumber(officer.mobile));
      assert.ok(officer.email === null || officer.email.includes('@'));
      const phone = normalisePhone(cell);
      assert.ok(phone === null || E164.test(phone));
      assert.equal(typeof isDittoMark(cell), 'boolean');
    }),
    { numRuns: 2000 },
  );
});

test('a post or desk alone is a designation, never a name', () => {
  for (const post of [
    'ভারপ্রাপ্ত কর্মকর্তা (ওসি)', 'উপ-পরিদর্শক (এসআই)', 'মোটরযান পরিদর্শক', 'ভেটেরিনারি সার্জন', 'সাব-রেজিস্ট্রার', 'কাউন্সিলর',
    'নাজির', 'হিসাবরক্ষক', 'ইউনিয়ন ভূমি সহকারী কর্মকর্তা', 'প্রধান নির্বাহী কর্মকর্তা', 'উপজেলা প্রাণিসম্পদ কর্মকর্তা',
    'তথ্য ও অভিযোগ ডেস্ক', 'Officer-in-Charge',
  ]) {
    const { officer, notes } = parseOfficerCell(post);
    assert.deepEqual([officer?.name_bn, officer?.designation_bn, notes], [null, post, []], post);
  }
});

test('the post written before the person is split at the honorific', () => {
  const { officer } = parseOfficerCell('উপজেলা নির্বাহী অফিসার জনাব মোঃ আবুল কাশেম মোবাইল: ০১৭১১-২২৩৩৪৪');
  assert.deepEqual([officer?.name_bn, officer?.designation_bn, officer?.mobile], ['মোঃ আবুল কাশেম', 'উপজেলা নির্বাহী অফিসার', '+8801711223344']);
});

test('an office answering for a service is a designation; the room a post sits in is dropped', () => {
  assert.deepEqual(parseOfficerCell('সংশ্লিষ্ট ইউনিয়ন ভূমি অফিস').officer?.designation_bn, 'সংশ্লিষ্ট ইউনিয়ন ভূমি অফিস');
  const { officer } = parseOfficerCell('ভেটেরিনারি সার্জন, রুম নং-০২, ফোন: ০৮৬২৪-৫৬০১১');
  assert.deepEqual([officer?.name_bn, officer?.designation_bn, officer?.phone], [null, 'ভেটেরিনারি সার্জন', '+880862456011']);
});

test('a post whose rank word is unknown is told from a name by its qualifiers', () => {
  const post = parseOfficerCell('ইউনিয়ন সমাজসেবা সংগঠক, মোবাইল: ০১৭১১-২২৩৩৪৪').officer;
  assert.deepEqual([post?.name_bn, post?.designation_bn, post?.mobile], [null, 'ইউনিয়ন সমাজসেবা সংগঠক', '+8801711223344']);
  assert.deepEqual([parseOfficerCell('Head Postmaster').officer?.designation_bn], ['Head Postmaster']);
  // a name has no such words, and a name with a title is a name whatever follows
  assert.deepEqual([parseOfficerCell('ফারহানা আক্তার').officer?.name_bn, parseOfficerCell('ফারহানা আক্তার').officer?.designation_bn], ['ফারহানা আক্তার', null]);
  assert.equal(parseOfficerCell('মোঃ আব্দুল করিম').officer?.designation_bn, null);
});
