import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCharterText } from './charter-text.ts';
import { findPageFurniture, isPageNumber, isPortalFurniture } from './page-furniture.ts';
import { splitSourceLines } from './source-lines.ts';

const row = (...cells: string[]) => cells.join('\t');
const HEADER = row('ক্রমিক নং', 'সেবার নাম', 'সেবার মূল্য', 'সেবা প্রদানের সময়সীমা', 'দায়িত্বপ্রাপ্ত কর্মকর্তা');

test('page numbers are recognised in every way charters print them', () => {
  for (const text of ['পৃষ্ঠা ২ এর ৫', 'পৃষ্ঠা-২', 'পৃষ্ঠা: ২', 'পৃষ্ঠা নং ২', 'পাতা ৩', 'Page 2 of 5', 'page 2/5', '- 3 -', '— ৩ —', '[4]', '২/৫']) {
    assert.equal(isPageNumber(text), true, text);
  }
  for (const text of ['৩ কার্যদিবস', 'পৃষ্ঠাসমূহের কপি', '১০০/- টাকা']) assert.equal(isPageNumber(text), false, text);
});

test('portal credits, update stamps, menus and print stamps are furniture', () => {
  for (const text of [
    'পরিকল্পনা ও বাস্তবায়ন: মন্ত্রিপরিষদ বিভাগ, এটুআই, বিসিসি, ডিওআইসিটি ও বেসিস',
    'পরিকল্পনা ও বাস্তবায়নে: মন্ত্রিপরিষদ বিভাগ, এটুআই',
    'কারিগরি সহায়তায়: এটুআই',
    'সর্বশেষ হালনাগাদ: ১২ মার্চ ২০২৪',
    'সর্ব-শেষ হাল-নাগাদ: ১৭ নভেম্বর ২০১৫',
    'কনটেন্টটি শেষ হাল-নাগাদ করা হয়েছে: বৃহস্পতিবার, ২৬ সেপ্টেম্বর, ২০২৪',
    'Site was last updated: 2024-03-12 10:00:00',
    'Planning and Implementation: Cabinet Division, A2I, BCC, DoICT and BASIS',
    'Wellcome to National Portal',
    'মেনু নির্বাচন করুন',
    'Main Comtent Skiped',
    '3/14/24, 11:05 AM সিটিজেন চার্টার - জাতীয় তথ্য বাতায়ন',
    'https://ec.beanibazar.sylhet.gov.bd/bn/site/page/citizen-charter 1/2',
  ]) {
    assert.equal(isPortalFurniture(text), true, text);
  }
  for (const text of ['পরিকল্পনা কমিশনে প্রতিবেদন প্রেরণ', 'সেবা প্রদান পদ্ধতি', 'www.brta.gov.bd']) assert.equal(isPortalFurniture(text), false, text);
});

test('a bare number between table rows is a page number; a bare serial before its own row is not', () => {
  const lines = splitSourceLines(
    [
      HEADER,
      row('১', 'ক', 'বিনামূল্যে', '৩ কার্যদিবস', 'সচিব'),
      '২',
      row('২', 'খ', 'বিনামূল্যে', '৩ কার্যদিবস', 'সচিব'),
      '৩',
      row('', 'গ', 'বিনামূল্যে', '৩ কার্যদিবস', 'সচিব'),
    ].join('\n'),
  );
  assert.deepEqual([...findPageFurniture(lines).dropped], [3]);
});

test('a page number between two halves of a row is dropped and the row joins up', () => {
  const doc = parseCharterText(
    [
      '২.১) নাগরিক সেবা',
      HEADER,
      row('১', 'জন্ম নিবন্ধন', 'বিনামূল্যে', '৩ কার্যদিবস', 'ইউপি সচিব'),
      row('২', 'ওয়ারিশ', '১০০/- টাকা', '৭ কার্যদিবস', 'চেয়ারম্যান'),
      '৫',
      row('', 'সনদ', '', '', ''),
    ].join('\n'),
  );
  assert.deepEqual(doc.services.map((s) => s.name_bn), ['জন্ম নিবন্ধন', 'ওয়ারিশ সনদ']);
  assert.deepEqual(doc.warnings, []);
});

test('a banner repeated at page breaks is never an expectation, and names the office when nothing else does', () => {
  const doc = parseCharterText(
    [
      '২.১) নাগরিক সেবা',
      HEADER,
      row('১', 'নামজারি', '১১৫০/- টাকা', '২৮ কার্যদিবস', 'সহকারী কমিশনার (ভূমি)'),
      'Page 1 of 2',
      'উপজেলা ভূমি অফিস, কোম্পানীগঞ্জ',
      "সেবা প্রদান প্রতিশ্রুতি (Citizen's Charter)",
      '৪) আপনার কাছে আমাদের প্রত্যাশা',
      '১. পূর্ণাঙ্গ আবেদন জমা দিন।',
      'Page 2 of 2',
      'উপজেলা ভূমি অফিস, কোম্পানীগঞ্জ',
      "সেবা প্রদান প্রতিশ্রুতি (Citizen's Charter)",
      '২. নির্ধারিত ফি পরিশোধ করুন।',
    ].join('\n'),
  );
  assert.deepEqual(doc.expectations_bn, ['পূর্ণাঙ্গ আবেদন জমা দিন।', 'নির্ধারিত ফি পরিশোধ করুন।']);
  assert.equal(doc.office.name_bn, 'উপজেলা ভূমি অফিস, কোম্পানীগঞ্জ');
  assert.equal(doc.office.address_bn, 'কোম্পানীগঞ্জ');
  assert.deepEqual(doc.warnings.filter((w) => w.code === 'unplaced_line'), []);
});

test('a running footer repeated at page breaks is dropped; the same words once in the text are kept', () => {
  const doc = parseCharterText(
    [
      '২.১) নাগরিক সেবা',
      HEADER,
      row('১', 'নামজারি', '১১৫০/- টাকা', '২৮ কার্যদিবস', 'সহকারী কমিশনার (ভূমি)'),
      'সেবা সহজীকরণে আমরা অঙ্গীকারবদ্ধ',
      'পৃষ্ঠা ১',
      HEADER,
      row('২', 'খাজনা', 'বিনামূল্যে', 'তাৎক্ষণিক', 'ইউনিয়ন ভূমি সহকারী কর্মকর্তা'),
      '৪) আপনার কাছে আমাদের প্রত্যাশা',
      '১. পূর্ণাঙ্গ আবেদন জমা দিন।',
      'সেবা সহজীকরণে আমরা অঙ্গীকারবদ্ধ',
      'পৃষ্ঠা ২',
    ].join('\n'),
  );
  assert.deepEqual(doc.expectations_bn, ['পূর্ণাঙ্গ আবেদন জমা দিন।']);
  assert.deepEqual(doc.warnings, []);

  const once = parseCharterText(['৪) আপনার কাছে আমাদের প্রত্যাশা', 'সেবা সহজীকরণে আমরা অঙ্গীকারবদ্ধ'].join('\n'));
  assert.deepEqual(once.expectations_bn, ['সেবা সহজীকরণে আমরা অঙ্গীকারবদ্ধ']);
});

test('a heading that says "সিটিজেন চার্টার" is no banner: the section and the office under it stay', () => {
  const lines = splitSourceLines(
    [HEADER, row('১', 'ক', 'বিনামূল্যে', '৩ কার্যদিবস', 'সচিব'), '৫) আওতাধীন দপ্তরসমূহের সিটিজেন চার্টার', 'ইউনিয়ন ভূমি অফিস'].join('\n'),
  );
  assert.deepEqual([...findPageFurniture(lines).dropped], []);
});
