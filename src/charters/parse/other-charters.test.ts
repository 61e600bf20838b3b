// Charters of other kinds of office, written the way such charters are published.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseCharterText } from './charter-text.ts';

const land = parseCharterText(readFileSync(new URL('./fixtures/upazila-land-office.txt', import.meta.url), 'utf8'));

test('a land office charter: title line skipped, office named, all three tables read', () => {
  assert.equal(land.office.name_bn, 'উপজেলা ভূমি অফিস, কোম্পানীগঞ্জ, সিলেট');
  assert.equal(land.office.address_bn, 'কোম্পানীগঞ্জ, সিলেট');
  assert.deepEqual(
    land.services.map((s) => [s.category, s.serial, s.name_bn]),
    [
      ['citizen', 1, 'নামজারি ও জমাখারিজ'],
      ['citizen', 2, 'ভূমি উন্নয়ন কর আদায়'],
      ['citizen', 3, 'খাস জমি বন্দোবস্ত'],
      ['institutional', 1, 'মামলার প্রতিবেদন প্রেরণ'],
      ['internal', 1, 'অর্জিত ছুটি মঞ্জুর'],
      ['internal', 2, 'জিপিএফ অগ্রিম'],
    ],
  );
});

test('a land office charter: fees, limits and ditto officers', () => {
  const [mutation, landTax, khas, report, , gpf] = land.services;
  assert.deepEqual(mutation?.fee, { text: '১১৫০/- টাকা', free: false, amount_bdt: 1150, schedule: [] });
  assert.equal(mutation?.documents_bn, '১. আবেদনপত্র ২. দলিলের সত্যায়িত কপি');
  assert.equal(mutation?.officer?.phone, '+880822356011');
  assert.deepEqual(landTax?.officer, mutation?.officer);
  assert.equal(landTax?.time_limit.immediate, true);
  assert.equal(khas?.time_limit.max, null);
  assert.ok(land.warnings.some((w) => w.code === 'no_fixed_limit' && w.line === khas?.source_line));
  assert.deepEqual([report?.time_limit.max, report?.time_limit.unit], [15, 'calendar_day']);
  assert.deepEqual([gpf?.time_limit.max, gpf?.time_limit.unit, gpf?.officer?.designation_bn], [7, 'working_day', 'সহকারী কমিশনার (ভূমি)']);
});

test('a land office charter: GRS ladder with a wrapped address, and expectations', () => {
  assert.deepEqual(
    land.grs_contacts.map((c) => [c.level, c.role_bn, c.contact_bn, c.time_limit.max]),
    [
      [1, 'অভিযোগ নিষ্পত্তি কর্মকর্তা (অনিক)', 'নাম ও পদবি: জনাব ক ফোন: ০১৭১১-১১১১১১', 30],
      [2, 'আপিল কর্মকর্তা', 'জেলা প্রশাসক, সিলেট', 20],
    ],
  );
  assert.deepEqual(land.expectations_bn, ['স্বয়ংসম্পূর্ণ আবেদন জমা প্রদান', 'যথাযথ প্রক্রিয়ায় প্রয়োজনীয় ফিস পরিশোধ করা']);
  assert.deepEqual(
    land.warnings.filter((w) => w.code === 'unplaced_line').map((w) => w.line),
    [24, 34],
  );
});

test('a district office: the English office line is its English name, a post alone is a designation', () => {
  const doc = parseCharterText(
    [
      'গণপ্রজাতন্ত্রী বাংলাদেশ সরকার',
      'জেলা প্রশাসকের কার্যালয়, সিলেট',
      'Office of the Deputy Commissioner, Sylhet',
      'www.sylhet.gov.bd',
      'নাগরিক সেবা',
      ['ক্রমিক নং', 'সেবার নাম', 'সেবা প্রদান পদ্ধতি', 'সেবার মূল্য', 'সময়সীমা', 'দায়িত্বপ্রাপ্ত কর্মকর্তা'].join('\t'),
      ['১', 'নকল সরবরাহ', 'আবেদন', '২০ টাকা', '৭ কার্যদিবস', 'রেকর্ড রুম ইনচার্জ, ফোনঃ (০৮২১) ৭১৬৫০১'].join('\t'),
    ].join('\n'),
  );
  assert.deepEqual(doc.office, {
    name_bn: 'জেলা প্রশাসকের কার্যালয়, সিলেট',
    name_en: 'Office of the Deputy Commissioner, Sylhet',
    parent_bn: null,
    address_bn: 'সিলেট',
    website: 'http://www.sylhet.gov.bd',
  });
  assert.deepEqual(doc.services[0]?.officer, {
    name_bn: null,
    designation_bn: 'রেকর্ড রুম ইনচার্জ',
    phone: '+880821716501',
    mobile: null,
    email: null,
    inferred: false,
  });
  assert.deepEqual(doc.warnings, []);
});

test('a Union Parishad নাগরিক সনদ: the title line is not the office, labelled places are read', () => {
  const doc = parseCharterText(
    [
      '৩নং চারিপাড়া ইউনিয়ন পরিষদ',
      'উপজেলা: কালিয়াকৈর, জেলা: গাজীপুর',
      'ইউনিয়ন পরিষদের নাগরিক সনদ (Citizen Charter)',
      ['ক্রমিক', 'সেবার নাম', 'সেবা প্রদানের সময়সীমা', 'প্রয়োজনীয় ফি', 'দায়িত্বপ্রাপ্ত কর্মকর্তা'].join('\t'),
      ['১', 'ওয়ারিশ সনদ', '৩ কার্যদিবস', '১০০/- টাকা', 'ইউপি চেয়ারম্যান'].join('\t'),
    ].join('\n'),
  );
  assert.equal(doc.office.address_bn, 'উপজেলা: কালিয়াকৈর, জেলা: গাজীপুর');
  assert.ok(doc.office.name_bn?.startsWith('৩নং চারিপাড়া ইউনিয়ন পরিষদ'));
  assert.equal(doc.services[0]?.officer?.designation_bn, 'ইউপি চেয়ারম্যান');
  assert.equal(doc.services[0]?.fee.amount_bdt, 100);
});

test('a health complex charter pasted as HTML: headings, tables, <br> in cells and the GRS table', () => {
  const uhc = parseCharterText(readFileSync(new URL('./fixtures/upazila-health-complex.html.txt', import.meta.url), 'utf8'));
  assert.equal(uhc.office.name_bn, 'উপজেলা স্বাস্থ্য কমপ্লেক্স, কোম্পানীগঞ্জ, সিলেট');
  assert.equal(uhc.vision_bn, 'সকলের জন্য মানসম্মত স্বাস্থ্যসেবা।');
  assert.deepEqual(
    uhc.services.map((s) => [s.serial, s.name_bn, s.fee.amount_bdt, s.time_limit.max, s.time_limit.unit, s.officer?.designation_bn, s.officer?.mobile]),
    [
      [1, 'বহির্বিভাগে চিকিৎসা সেবা', 3, 0, 'working_day', 'আবাসিক মেডিকেল অফিসার (আরএমও)', '+8801730324789'],
      [2, 'জরুরি চিকিৎসা সেবা', 3, 24, 'hour', 'জরুরি বিভাগের মেডিকেল অফিসার', null],
    ],
  );
  assert.equal(uhc.services[1]?.documents_bn, null);
  assert.deepEqual(uhc.grs_contacts.map((c) => [c.level, c.role_bn, c.time_limit.max]), [[1, 'অভিযোগ নিষ্পত্তি কর্মকর্তা (অনিক)', 30]]);
  assert.deepEqual(uhc.warnings, []);
});
