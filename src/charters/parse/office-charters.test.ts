// Charters whose office, parent, banners and page furniture are the point: each fixture is
// written the way such a charter is printed or saved from its portal page.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseCharterText } from './charter-text.ts';

const fixture = (name: string) => parseCharterText(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));
const designations = (doc: ReturnType<typeof parseCharterText>) => doc.services.map((s) => [s.officer?.name_bn ?? null, s.officer?.designation_bn ?? null]);

test('a BRTA circle office: parent above the office, hotline and phone kept out of name and address', () => {
  const doc = fixture('office-brta-circle-paged.txt');
  assert.deepEqual(doc.office, {
    name_bn: 'সার্কেল অফিস, সিলেট',
    name_en: null,
    parent_bn: 'বাংলাদেশ সড়ক পরিবহন কর্তৃপক্ষ (বিআরটিএ)',
    address_bn: 'কদমতলী, সিলেট',
    website: 'http://www.brta.gov.bd',
  });
  assert.equal(doc.mission_bn, 'মোটরযান নিবন্ধন ও লাইসেন্স সেবা সহজ করা। সড়ক নিরাপত্তায় সচেতনতা বাড়ানো।');
});

test('a BRTA circle office: page numbers, the repeated banner and the portal credits leave no trace', () => {
  const doc = fixture('office-brta-circle-paged.txt');
  assert.deepEqual(
    doc.services.map((s) => [s.serial, s.name_bn]),
    [
      [1, 'শিক্ষানবিশ ড্রাইভিং লাইসেন্স'],
      [2, 'মোটরযান রেজিস্ট্রেশন'],
      [3, 'ফিটনেস সার্টিফিকেট নবায়ন'],
      [4, 'ডুপ্লিকেট ড্রাইভিং লাইসেন্স'],
    ],
  );
  assert.deepEqual(doc.expectations_bn, [
    'নির্ভুল ও পূর্ণাঙ্গ আবেদন জমা দিন।',
    'নির্ধারিত ফি অনুমোদিত মাধ্যমে পরিশোধ করুন।',
    'দালালের সহায়তা নেবেন না।',
    'নির্ধারিত সময়ে মোটরযান হাজির করুন।',
  ]);
  assert.deepEqual(doc.grs_contacts.map((c) => c.role_bn), ['অভিযোগ নিষ্পত্তি কর্মকর্তা (অনিক)', 'আপিল কর্মকর্তা']);
  assert.deepEqual(doc.warnings, []);
});

test('a BRTA circle office: posts alone are designations, not names', () => {
  assert.deepEqual(designations(fixture('office-brta-circle-paged.txt')), [
    [null, 'সহকারী পরিচালক (ইঞ্জিনিয়ারিং)'],
    [null, 'মোটরযান পরিদর্শক'],
    [null, 'উপ-পরিদর্শক'],
    [null, 'অফিস সহকারী কাম কম্পিউটার মুদ্রাক্ষরিক'],
  ]);
});

test('a sub-registry office named only in its page banners, with form feeds and dashed page numbers', () => {
  const doc = fixture('office-banner-only.txt');
  assert.equal(doc.office.name_bn, 'সাব-রেজিস্ট্রি অফিস, গোলাপগঞ্জ, সিলেট');
  assert.equal(doc.office.address_bn, 'গোলাপগঞ্জ, সিলেট');
  assert.deepEqual(doc.services.map((s) => s.name_bn), ['দলিল নিবন্ধন', 'নকল সরবরাহ', 'তল্লাশি']);
  assert.deepEqual(designations(doc), [
    [null, 'সাব-রেজিস্ট্রার'],
    [null, 'নকলনবিশ'],
    [null, 'মোহরার'],
  ]);
  assert.deepEqual(doc.expectations_bn, ['পূর্ণাঙ্গ দলিল দাখিল করুন।', 'দলিলের ফি ব্যাংকে জমা দিন।']);
  assert.deepEqual(doc.warnings.filter((w) => w.code === 'unplaced_line'), []);
});

test('an election office saved from its portal page: menus, print stamps and credits dropped, the nearest authority is the parent', () => {
  const doc = fixture('office-portal-page.txt');
  assert.deepEqual(doc.office, {
    name_bn: 'উপজেলা নির্বাচন অফিসারের কার্যালয়, বিয়ানীবাজার, সিলেট',
    name_en: null,
    parent_bn: 'নির্বাচন কমিশন সচিবালয়',
    address_bn: 'বিয়ানীবাজার, সিলেট',
    website: null,
  });
  assert.deepEqual(designations(doc), [
    ['মোঃ আবুল কাশেম', 'উপজেলা নির্বাচন অফিসার'],
    ['মোঃ আবুল কাশেম', 'উপজেলা নির্বাচন অফিসার'],
    [null, 'সহকারী উপজেলা নির্বাচন অফিসার'],
  ]);
  assert.deepEqual(doc.expectations_bn, ['সঠিক তথ্য দিয়ে আবেদন করুন।', 'নির্ধারিত তারিখে ছবি তুলতে আসুন।']);
  assert.deepEqual(doc.warnings, []);
});

test('an office line with its place after a comma keeps a street address out of its name', () => {
  const doc = parseCharterText(['বাংলাদেশ পুলিশ', 'শ্রীমঙ্গল থানা, মৌলভীবাজার', 'স্টেশন রোড, শ্রীমঙ্গল', 'হটলাইন: ৯৯৯'].join('\n'));
  assert.deepEqual([doc.office.name_bn, doc.office.parent_bn, doc.office.address_bn], [
    'শ্রীমঙ্গল থানা, মৌলভীবাজার',
    'বাংলাদেশ পুলিশ',
    'স্টেশন রোড, শ্রীমঙ্গল',
  ]);
});

test('a directorate above its field office is the parent; the ministry above both is not', () => {
  const doc = parseCharterText(
    ['গণপ্রজাতন্ত্রী বাংলাদেশ সরকার', 'মৎস্য ও প্রাণিসম্পদ মন্ত্রণালয়', 'প্রাণিসম্পদ অধিদপ্তর', 'উপজেলা প্রাণিসম্পদ দপ্তর ও', 'ভেটেরিনারি হাসপাতাল', 'চিলমারী, কুড়িগ্রাম।'].join('\n'),
  );
  assert.deepEqual([doc.office.name_bn, doc.office.parent_bn, doc.office.address_bn], [
    'উপজেলা প্রাণিসম্পদ দপ্তর ও ভেটেরিনারি হাসপাতাল, চিলমারী, কুড়িগ্রাম',
    'প্রাণিসম্পদ অধিদপ্তর',
    'চিলমারী, কুড়িগ্রাম',
  ]);
  assert.deepEqual(doc.warnings, []);
});

test('an office named only in the title line is still the office, without the possessive', () => {
  const doc = parseCharterText(['উপজেলা নির্বাহী অফিসারের কার্যালয়ের সেবা প্রদান প্রতিশ্রুতি', 'জৈন্তাপুর, সিলেট'].join('\n'));
  assert.deepEqual([doc.office.name_bn, doc.office.address_bn], ['উপজেলা নির্বাহী অফিসারের কার্যালয়, জৈন্তাপুর, সিলেট', 'জৈন্তাপুর, সিলেট']);
});

test('a charter in English takes its English office and authority lines', () => {
  const doc = parseCharterText(
    ["Government of the People's Republic of Bangladesh", 'Ministry of Home Affairs', 'Kotwali Police Station, Sylhet', "Citizen's Charter"].join('\n'),
  );
  assert.deepEqual([doc.office.name_bn, doc.office.name_en, doc.office.parent_bn], [null, 'Kotwali Police Station, Sylhet', 'Ministry of Home Affairs']);
  assert.deepEqual(doc.warnings, []);
});
