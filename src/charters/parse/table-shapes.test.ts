// Service tables recognised by their shape and their cells, not only by known header words.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseCharterText } from './charter-text.ts';
import { completeColumns } from './column-content.ts';

const fixture = (name: string) => parseCharterText(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));
const row = (...cells: string[]) => cells.join('\t');
const charter = (...lines: string[]) => lines.join('\n');

const land = fixture('table-unknown-headers.txt');
const english = fixture('table-english.txt');

test('a header in other words ("কার্যক্রম", "ফি/ খরচ") with the officer before the time limit and the fee last is read', () => {
  assert.deepEqual(
    land.services.filter((s) => s.category === 'citizen').map((s) => [s.serial, s.name_bn, s.officer?.designation_bn, s.time_limit.max, s.time_limit.unit, s.fee.amount_bdt]),
    [
      [1, 'নামজারী', 'সহকারী কমিশনার (ভূমি)', 45, 'working_day', 245],
      [2, 'সার্টিফিকেট মামলা', 'সহকারী কমিশনার (ভূমি)', 120, 'calendar_day', 7.5],
      [3, 'খাস জমি ব্যবস্থাপনা', 'সহকারী কমিশনার (ভূমি)', 60, 'calendar_day', 5],
    ],
  );
});

test('a row one cell short (a merged officer cell lost in copying) takes the missing cell from the row above, with a warning', () => {
  assert.deepEqual(
    land.warnings.filter((w) => w.code === 'merged_cell').map((w) => [w.line, w.message]),
    [
      [5, 'Service 2: the row is one cell short, as when a merged cell is copied; its "officer" column was taken from the row above.'],
      [6, 'Service 3: the row is one cell short, as when a merged cell is copied; its "officer" column was taken from the row above.'],
    ],
  );
  assert.equal(land.services[1]?.officer?.inferred, false, 'copied from the table, not guessed');
});

test('a header in words the importer does not know is recognised by the serial rows under it, its columns by their cells', () => {
  assert.deepEqual(
    land.services.filter((s) => s.category === 'institutional').map((s) => [s.serial, s.name_bn, s.time_limit.max, s.fee.free, s.fee.amount_bdt, s.officer?.designation_bn]),
    [
      [1, 'মামলার প্রতিবেদন প্রেরণ', 15, true, null, 'উপজেলা নির্বাহী অফিসার'],
      [2, 'ভূমি অধিগ্রহণের প্রস্তাব', 30, false, 100, 'সহকারী কমিশনার (ভূমি)'],
    ],
  );
  assert.deepEqual(
    land.warnings.filter((w) => w.code === 'columns_by_content').map((w) => [w.line, w.message]),
    [[8, 'The service table at line 8 does not name every column; placed by what the cells hold: 2: name, 3: time, 4: fee, 5: officer.']],
  );
});

test('a column that is none of ours is named in a warning with its header text and line, and the table is still read', () => {
  const internal = land.services.filter((s) => s.category === 'internal');
  assert.deepEqual(
    internal.map((s) => [s.serial, s.name_bn, s.time_limit.max, s.officer?.designation_bn, s.remedy_bn]),
    [
      [1, 'অর্জিত ছুটি', 3, 'সহকারী কমিশনার (ভূমি)', 'জেলা প্রশাসক'],
      [2, 'জিপিএফ অগ্রিম', 7, 'সহকারী কমিশনার (ভূমি)', 'জেলা প্রশাসক'],
      [2, 'জিপিএফ অগ্রিম', 7, 'সহকারী কমিশনার (ভূমি)', 'জেলা প্রশাসক'],
    ],
  );
  assert.deepEqual(
    land.warnings.filter((w) => w.code === 'unknown_column').map((w) => [w.line, w.message]),
    [[12, 'Column 3 ("সেবা গ্রহীতা") of the service table at line 12 is none the importer knows; its text was left out.']],
  );
});

test('a service repeating an earlier category and serial is kept, with a warning, not refused', () => {
  assert.deepEqual(
    land.warnings.filter((w) => w.code === 'repeated_serial').map((w) => [w.line, w.message]),
    [[15, 'internal service 2 appears again (first at line 14); both were kept. If it is the same service listed twice, remove one.']],
  );
});

test('the importer says what it chose for a range written backwards', () => {
  const gpf = land.services.find((s) => s.source_line === 14);
  assert.deepEqual([gpf?.time_limit.min, gpf?.time_limit.max], [3, 7]);
  assert.deepEqual(land.warnings.filter((w) => w.code === 'reversed_range').map((w) => w.line), [14]);
});

test('every warning of the land fixture is one of those above', () => {
  assert.deepEqual(
    land.warnings.map((w) => w.code),
    ['merged_cell', 'merged_cell', 'columns_by_content', 'unknown_column', 'reversed_range', 'repeated_serial'],
  );
});

test('an English charter: service header in other words, calendar days, a fee schedule, the GRS table and the expectations', () => {
  assert.deepEqual(
    english.services.map((s) => [s.serial, s.name_bn, s.name_en, s.officer?.designation_bn, s.time_limit.max, s.time_limit.unit, s.fee.free, s.fee.amount_bdt]),
    [
      [1, 'Certificate of inheritance', 'Certificate of inheritance', 'Upazila Nirbahi Officer', 7, 'calendar_day', false, 100],
      [2, 'Hat-bazar lease', 'Hat-bazar lease', 'Assistant Commissioner (Land)', 30, 'working_day', true, null],
    ],
  );
  assert.deepEqual(english.services[0]?.fee.schedule, [
    { amount_bdt: 100, condition_bn: 'Regular' },
    { amount_bdt: 300, condition_bn: 'Urgent' },
  ]);
  assert.deepEqual(
    english.grs_contacts.map((c) => [c.level, c.role_bn, c.contact_bn, c.time_limit.max, c.time_limit.unit]),
    [
      [1, 'Grievance Redress Officer (GRO)', 'Upazila Nirbahi Officer, Companiganj', 30, 'working_day'],
      [2, 'Appellate Officer', 'Deputy Commissioner, Sylhet', 20, 'working_day'],
    ],
  );
  assert.deepEqual(english.expectations_bn, ['Submit a complete application', 'Pay the fee through the proper channel']);
  assert.deepEqual(
    english.warnings.map((w) => [w.line, w.code]),
    [
      [4, 'fee_schedule'],
      [7, 'unplaced_line'],
    ],
  );
});

test('"What we expect from you" as a heading starts the expectations list', () => {
  const doc = parseCharterText(
    charter(
      row('Sl.', 'Name of service', 'Time limit', 'Fee', 'Responsible officer'),
      row('1', 'Passport', '21 working days', 'Tk. 3,450', 'Deputy Director'),
      '4. What we expect from you',
      '1. Apply online with complete information.',
      '2. Come on the date given.',
    ),
  );
  assert.deepEqual(doc.expectations_bn, ['Apply online with complete information.', 'Come on the date given.']);
});

test('a service table without a header row and with five cells is placed by its cells', () => {
  const doc = parseCharterText(
    charter(
      '২.১) নাগরিক সেবা',
      row('১', 'ওয়ারিশ সনদ', 'ইউপি চেয়ারম্যান', '৩ কার্যদিবস', '১০০/- টাকা'),
      row('২', 'নাগরিকত্ব সনদ', 'ইউপি চেয়ারম্যান', '১ কার্যদিবস', 'বিনামূল্যে'),
    ),
  );
  assert.deepEqual(
    doc.services.map((s) => [s.serial, s.name_bn, s.officer?.designation_bn, s.time_limit.max, s.fee.amount_bdt, s.fee.free]),
    [
      [1, 'ওয়ারিশ সনদ', 'ইউপি চেয়ারম্যান', 3, 100, false],
      [2, 'নাগরিকত্ব সনদ', 'ইউপি চেয়ারম্যান', 1, null, true],
    ],
  );
  assert.deepEqual(doc.warnings.map((w) => w.code), ['assumed_columns', 'columns_by_content']);
});

test('a table of services before any heading is still read, never refused', () => {
  const doc = parseCharterText(
    charter(
      'উপজেলা প্রাণিসম্পদ দপ্তর, জৈন্তাপুর',
      row('১', 'কৃত্রিম প্রজনন', 'ভেটেরিনারি সার্জন', '১ কার্যদিবস', '৫০.০০'),
      row('২', 'টিকা প্রদান', 'ভেটেরিনারি সার্জন', 'তাৎক্ষণিক', 'বিনামূল্যে'),
    ),
  );
  assert.deepEqual(doc.services.map((s) => [s.category, s.serial, s.name_bn, s.fee.amount_bdt, s.time_limit.max]), [
    ['citizen', 1, 'কৃত্রিম প্রজনন', 50, 1],
    ['citizen', 2, 'টিকা প্রদান', null, 0],
  ]);
});

test('columns are placed by their cells only where the header is silent, and a kind the header names is not given twice', () => {
  const rows = [
    ['১', 'সনদ', '৩ কার্যদিবস', '৫০ টাকা', 'সচিব'],
    ['২', 'লাইসেন্স', '৭ কার্যদিবস', 'বিনামূল্যে', 'চেয়ারম্যান'],
  ];
  assert.deepEqual(completeColumns(['serial', null, null, null, null], rows), ['serial', 'name', 'time', 'fee', 'officer']);
  assert.deepEqual(completeColumns(['serial', 'name', null, 'fee', null], rows), ['serial', 'name', 'time', 'fee', 'officer']);
  // a column marked as none of ours stays unknown whatever it holds
  assert.deepEqual(completeColumns(['serial', 'name', null, 'fee', 'officer'], rows, [false, false, true]), ['serial', 'name', null, 'fee', 'officer']);
});
