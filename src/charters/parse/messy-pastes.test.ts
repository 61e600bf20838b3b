// Regressions for what messy real-world pastes broke, each on a charter written for the purpose
// (fixtures/messy-*.txt): a portal page copied whole, invisible joiners, a fee cell that says
// in words that nothing is charged.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readFixture, servicesOf } from './test-support.ts';
import { isPortalMenu } from './page-furniture.ts';
import { toSourceLine } from './source-lines.ts';

test('a portal page copied whole keeps its menus, breadcrumb and social links out of the office and the expectations', () => {
  const doc = readFixture('messy-portal-menus.txt');
  assert.equal(doc.office.name_bn, 'উপজেলা সমাজসেবা কার্যালয়, শ্রীমঙ্গল, মৌলভীবাজার');
  assert.equal(doc.office.parent_bn, 'সমাজসেবা অধিদফতর');
  assert.deepEqual(servicesOf(doc), [
    'citizen 1 বয়স্ক ভাতা প্রদান | free | 30 working_day | উপজেলা সমাজসেবা অফিসার',
    'citizen 2 প্রতিবন্ধী শনাক্তকরণ জরিপ | free | 15 working_day | উপজেলা সমাজসেবা অফিসার',
  ]);
  assert.deepEqual(doc.expectations_bn, ['সঠিক তথ্যসহ আবেদন করুন', 'নির্ধারিত দিনে উপস্থিত থাকুন']);
  assert.deepEqual(doc.warnings, []);
});

test('a portal menu line is told from a line of charter text', () => {
  for (const menu of [['প্রথম পাতা'], ['এক নজরে'], ['জেলা পরিষদ সম্পর্কিত'], ['লগইন | English'], ['প্রথম পাতা » সরকারি অফিস » সিটিজেন চার্টার'], ['ফেসবুক টুইটার ইউটিউব'], ['ফেসবুক', 'লিংকডইন'], ['আমাদের সম্পর্কে'], ['সেবাসমূহ']]) {
    assert.equal(isPortalMenu(menu), true, menu.join(' | '));
  }
  for (const text of [['উপজেলা সমাজসেবা কার্যালয়'], ['ভূমি সম্পর্কিত সেবা'], ['নাগরিক সেবা'], ['যোগাযোগের ঠিকানা', 'ফেসবুক'], []]) {
    assert.equal(isPortalMenu(text), false, text.join(' | '));
  }
});

test('a zero-width joiner or non-joiner typed inside a time limit does not hide it', () => {
  const doc = readFixture('messy-invisible-joiners.txt');
  assert.deepEqual(servicesOf(doc), [
    'citizen 1 মৎস্যচাষ বিষয়ক পরামর্শ | free | 7 working_day | উপজেলা মৎস্য কর্মকর্তা',
    'citizen 2 পুকুরের পানি পরীক্ষা | free | 3 working_day | সহকারী মৎস্য কর্মকর্তা',
    'citizen 3 মৎস্য খামার নিবন্ধন | 100 | 15 working_day | উপজেলা মৎস্য কর্মকর্তা',
  ]);
  assert.deepEqual(
    doc.services.map((service) => service.time_limit.text),
    ['৭ কার্যদিবস', '৩ কার্যদিবস', '১৫ কার্যদিবস'],
  );
});

test('a fee cell that opens with "সেবামূল্য নেই" is free, and "মূল্য নেই" after an amount is not', () => {
  const doc = readFixture('messy-fee-stated-none.txt');
  assert.deepEqual(servicesOf(doc), [
    'citizen 1 ওয়ারিশ সনদ প্রদান | free | 7 working_day | পৌর নির্বাহী কর্মকর্তা',
    'citizen 2 ক্ষুদ্রঋণ প্রদান | free | 30 working_day | পৌর নির্বাহী কর্মকর্তা',
    'citizen 3 নাগরিকত্ব সনদ প্রদান | free | 3 working_day | পৌর সচিব',
    'citizen 4 জন্ম নিবন্ধন সনদের সংশোধন | 100 | 15 working_day | পৌর নির্বাহী কর্মকর্তা',
  ]);
});

test('short forms of taka, "নিঃশুল্ক" and a working day that lost its reph are read as written', () => {
  const doc = readFixture('messy-short-forms.txt');
  assert.deepEqual(servicesOf(doc), [
    'citizen 1 মাটির নমুনা পরীক্ষা | 50 | 10 working_day | উপসহকারী কৃষি কর্মকর্তা',
    'citizen 2 বালাইনাশক ডিলার লাইসেন্স নবায়ন | 1000 | 15 working_day | উপজেলা কৃষি অফিসার',
    'citizen 3 কৃষি প্রণোদনার বীজ বিতরণ | free | 7 working_day | উপজেলা কৃষি অফিসার',
    'citizen 4 কৃষক প্রশিক্ষণ | free | 30 calendar_day | অতিরিক্ত কৃষি অফিসার',
    'citizen 5 সার ডিলারের নিবন্ধন | 200 | 60 working_day | উপজেলা কৃষি অফিসার',
  ]);
});

test('a label with a bracketed note, "দায়িত্ব প্রাপ্ত কর্মকর্তা (নাম, পদবী, ফোন ও ইমেইল)ঃ", still starts its field', () => {
  const doc = readFixture('messy-labelled-bracket-labels.txt');
  assert.equal(doc.office.name_bn, 'উপজেলা পরিসংখ্যান কার্যালয়, রাজনগর, মৌলভীবাজার');
  assert.deepEqual(servicesOf(doc), [
    'citizen 1 উপজেলার আদমশুমারির তথ্য সরবরাহ | free | 5 working_day | উপজেলা পরিসংখ্যান কর্মকর্তা',
    'citizen 2 কৃষি শুমারির উপাত্ত প্রদান | null | 10 working_day | পরিসংখ্যান তদন্তকারী',
  ]);
  assert.deepEqual(
    doc.services.map((service) => [service.time_limit.text, service.officer?.name_bn ?? null, service.officer?.inferred]),
    [
      ['০৫ (পাঁচ) কর্মদিবস', 'মোঃ রফিকুল ইসলাম', false],
      ['১০ কার্যদিবস', null, false],
    ],
  );
  assert.deepEqual(doc.warnings, []);
});

test('rows numbered under their section ("২.১", "২.৩।") are services, and a sum in taka and paisa needs no currency word', () => {
  const doc = readFixture('messy-section-numbered-rows.txt');
  assert.deepEqual(servicesOf(doc), [
    'citizen 1 নলকূপ স্থাপনের আবেদন গ্রহণ | 7000 | 90 working_day | উপজেলা জনস্বাস্থ্য প্রকৌশলী',
    'citizen 2 পানির নমুনা পরীক্ষা | 1.5 | 7 working_day | উপসহকারী প্রকৌশলী',
    'citizen 3 নলকূপ মেরামতের পরামর্শ | free | 3 working_day | উপসহকারী প্রকৌশলী',
  ]);
  assert.equal(doc.services[1]?.fee.text, 'প্রতি নমুনা ১.৫০ (আর্সেনিক পরীক্ষা)');
  assert.deepEqual(doc.warnings, []);
});

test('a dotted number opens a table row only when the row has cells beside it', () => {
  assert.deepEqual(toSourceLine('১.৩\tট্রেড লাইসেন্স\t৭ কার্যদিবস', 1).cells, ['৩', 'ট্রেড লাইসেন্স', '৭ কার্যদিবস']);
  assert.deepEqual(toSourceLine('২.৫০\tটাকা', 1).cells, ['২.৫০', 'টাকা']);
  assert.deepEqual(toSourceLine('১.৩ ট্রেড লাইসেন্স', 1).cells, ['১.৩ ট্রেড লাইসেন্স']);
});

test('a post whose fields of work are joined by "ও" is a post, not a person followed by a post', () => {
  const doc = readFixture('messy-compound-posts.txt');
  assert.deepEqual(
    doc.services.map((service) => [service.officer?.name_bn ?? null, service.officer?.designation_bn ?? null]),
    [
      [null, 'নকশা ও ইমারত পরিদর্শক'],
      [null, 'হাট ও বাজার ইজারা কর্মকর্তা'],
      ['নুরুল হক', 'লাইসেন্স ও বস্তি উন্নয়ন কর্মকর্তা'],
    ],
  );
});
