// One crafted charter per quirk of real charters that the importer must survive.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCharterText } from './charter-text.ts';

const row = (...cells: string[]) => cells.join('\t');
const charter = (...lines: string[]) => lines.join('\n');

const HEADER_7 = row(
  'ক্রমিক নং',
  'সেবার নাম',
  'সেবা প্রদান পদ্ধতি',
  'প্রয়োজনীয় কাগজপত্র ও প্রাপ্তিস্থান',
  'সেবার মূল্য ও পরিশোধ পদ্ধতি',
  'সেবা প্রদানের সময়সীমা',
  'দায়িত্বপ্রাপ্ত কর্মকর্তা (নাম, পদবি, ফোন নম্বর ও ইমেইল)',
);
const OFFICER = 'জনাব রহিম উদ্দিন সহকারী প্রোগ্রামার মোবাইল: ০১৭১১-০০০০০১ ইমেইল: rahim@example.gov.bd';

test('a five-column table with a remedy column is read by its header text', () => {
  const doc = parseCharterText(
    charter(
      '২.১) নাগরিক সেবা',
      row('ক্রমিক নং', 'সেবার নাম', 'সেবা প্রদানের সময়সীমা', 'দায়িত্বপ্রাপ্ত কর্মকর্তা', 'নির্দিষ্ট সেবা প্রদানে ব্যর্থ হলে প্রতিকারের বিধান'),
      row('১', 'জন্ম নিবন্ধন', '৭ কার্যদিবস', OFFICER, 'উপজেলা নির্বাহী অফিসার'),
    ),
  );
  const [service] = doc.services;
  assert.equal(doc.services.length, 1);
  assert.equal(service?.name_bn, 'জন্ম নিবন্ধন');
  assert.equal(service?.time_limit.max, 7);
  assert.equal(service?.officer?.email, 'rahim@example.gov.bd');
  assert.equal(service?.remedy_bn, 'উপজেলা নির্বাহী অফিসার');
  assert.deepEqual(service?.delivery_methods, []);
});

test('columns are found by their header whatever their order', () => {
  const doc = parseCharterText(
    charter(
      row('সেবার নাম', 'ক্রমিক', 'দায়িত্বপ্রাপ্ত কর্মকর্তা', 'সেবার মূল্য', 'সময়সীমা'),
      row('পানির লাইন', '১', OFFICER, '২৪৫.০০', '৩ কার্যদিবস'),
    ),
  );
  const [service] = doc.services;
  assert.equal(service?.serial, 1);
  assert.equal(service?.name_bn, 'পানির লাইন');
  assert.equal(service?.fee.amount_bdt, 245);
  assert.equal(service?.time_limit.max, 3);
});

test('separate documents and where-to-obtain columns are both kept', () => {
  const doc = parseCharterText(
    charter(
      '২.১ নাগরিক সেবা',
      row('ক্রমিক নং', 'সেবার নাম', 'সেবা প্রদান পদ্ধতি', 'প্রয়োজনীয় কাগজপত্র', 'প্রাপ্তিস্থান', 'সেবার মূল্য', 'সময়সীমা', 'দায়িত্বপ্রাপ্ত কর্মকর্তা'),
      row('১', 'ট্রেড লাইসেন্স', 'সরাসরি', 'আবেদন ফরম', 'পৌরসভা কার্যালয়', '৫০০ টাকা', '৩ কার্যদিবস', OFFICER),
    ),
  );
  const documents = doc.services[0]?.documents_bn ?? '';
  assert.match(documents, /আবেদন ফরম/);
  assert.match(documents, /পৌরসভা কার্যালয়/);
  assert.equal(doc.services[0]?.fee.amount_bdt, 500);
});

test('a nine-column table with remedy and superior-officer columns keeps both', () => {
  const doc = parseCharterText(
    charter(
      row('ক্রমিক', 'সেবার নাম', 'পদ্ধতি', 'কাগজপত্র', 'প্রাপ্তিস্থান', 'মূল্য', 'সময়সীমা', 'দায়িত্বপ্রাপ্ত কর্মকর্তা', 'উর্ধ্বতন কর্মকর্তা'),
      row('১', 'সনদ', 'সরাসরি', 'আবেদন', 'অফিস', 'বিনামূল্যে', '১ কার্যদিবস', OFFICER, 'জেলা প্রশাসক'),
    ),
  );
  assert.match(doc.services[0]?.remedy_bn ?? '', /জেলা প্রশাসক/);
  assert.equal(doc.services[0]?.fee.free, true);
});

test('column-number rows before or after the header and separator rows are skipped', () => {
  for (const numbers of [row('১', '২', '৩', '৪', '৫', '৬', '৭'), row('(১)', '(২)', '(৩)', '(৪)', '(৫)', '(৬)', '(৭)')]) {
    for (const order of [[numbers, HEADER_7], [HEADER_7, numbers]]) {
      const doc = parseCharterText(
        charter(
          '২.১) নাগরিক সেবা',
          ...order,
          row('----', '---', '---', '---', '---', '---', '---'),
          row('১', 'তথ্য প্রদান', 'সরাসরি', 'প্রযোজ্য নয়', 'বিনামূল্যে', 'তাৎক্ষণিক', OFFICER),
          row('----', '---'),
        ),
      );
      assert.equal(doc.services.length, 1);
      assert.equal(doc.warnings.filter((w) => w.code === 'unplaced_line').length, 0);
    }
  }
});

test('trailing empty cells change nothing', () => {
  const doc = parseCharterText(
    charter(HEADER_7 + '\t\t\t', row('১', 'তথ্য প্রদান', 'সরাসরি', 'প্রযোজ্য নয়', 'বিনামূল্যে', '৩ কার্যদিবস', OFFICER, '', '', '')),
  );
  assert.equal(doc.services.length, 1);
  assert.equal(doc.warnings.filter((w) => w.code === 'extra_cell').length, 0);
});

test('section headings set the category, and the multi-office row starts a group inside a table', () => {
  const doc = parseCharterText(
    charter(
      '## ২.১) নাগরিক সেবা',
      HEADER_7,
      row('১', 'ক', 'সরাসরি', '-', 'বিনামূল্যে', '৩ কার্যদিবস', OFFICER),
      '### ২.২) প্রাতিষ্ঠানিক সেবা',
      HEADER_7,
      row('১', 'খ', 'সরাসরি', '-', 'বিনামূল্যে', '৩ কার্যদিবস', OFFICER),
      row('<b>একাধিক দপ্তর সংশ্লিষ্ট কার্যক্রম/ সেবা</b>', '', '', ''),
      row('২', 'গ', 'সরাসরি', '-', 'বিনামূল্যে', '৩ কার্যদিবস', OFFICER),
      '**২.৩ অভ্যন্তরীণ সেবা**',
      HEADER_7,
      row('১', 'ঘ', 'সরাসরি', '-', 'বিনামূল্যে', '৩ কার্যদিবস', OFFICER),
    ),
  );
  assert.deepEqual(
    doc.services.map((s) => [s.name_bn, s.category]),
    [['ক', 'citizen'], ['খ', 'institutional'], ['গ', 'multi_office'], ['ঘ', 'internal']],
  );
});

test('a table with no heading is read as citizen services, with a warning', () => {
  const doc = parseCharterText(charter(HEADER_7, row('১', 'তথ্য প্রদান', 'সরাসরি', '-', 'বিনামূল্যে', '৩ কার্যদিবস', OFFICER)));
  assert.equal(doc.services[0]?.category, 'citizen');
  assert.ok(doc.warnings.some((w) => w.code === 'no_section_heading' && w.line === 1));
});

test('a table with no header row is read with the standard seven columns, with a warning', () => {
  const doc = parseCharterText(charter('২.১ নাগরিক সেবা', row('১', 'তথ্য প্রদান', 'সরাসরি', 'আবেদন', 'বিনামূল্যে', '৩ কার্যদিবস', OFFICER)));
  assert.equal(doc.services[0]?.name_bn, 'তথ্য প্রদান');
  assert.equal(doc.services[0]?.time_limit.max, 3);
  assert.ok(doc.warnings.some((w) => w.code === 'assumed_columns'));
});

test('continuation lines merge cell by cell, and text under the serial joins the name', () => {
  const doc = parseCharterText(
    charter(
      HEADER_7,
      row('১', 'স্থাপিত ল্যাবসমূহ', '১। সরাসরি', 'দাপ্তরিক পোর্টাল এবং', 'বিনামূল্যে', 'তাৎক্ষণিক/ ৩ কার্যদিবস', OFFICER),
      '',
      row('', 'পরিদর্শন ও সহায়তা', '২। ই-মেইল', 'দপ্তর হতে সরাসরি।', '', '(প্রযোজ্য ক্ষেত্রে)', ''),
      row('প্রদান', '', '', '', '', '', ''),
    ),
  );
  const service = doc.services[0];
  assert.equal(doc.services.length, 1);
  assert.equal(service?.name_bn, 'স্থাপিত ল্যাবসমূহ পরিদর্শন ও সহায়তা প্রদান');
  assert.deepEqual(service?.delivery_methods, ['সরাসরি', 'ই-মেইল']);
  assert.equal(service?.documents_bn, 'দাপ্তরিক পোর্টাল এবং দপ্তর হতে সরাসরি।');
  assert.equal(service?.time_limit.text, 'তাৎক্ষণিক/ ৩ কার্যদিবস (প্রযোজ্য ক্ষেত্রে)');
  assert.equal(service?.time_limit.conditional, true);
});

test('officer details that leaked into the time-limit cell are moved to the officer', () => {
  const doc = parseCharterText(
    charter(HEADER_7, row('১', 'আইসিটি প্রকল্পের তথ্য', 'সরাসরি', '-', 'বিনামূল্যে', `তাৎক্ষণিক/ ৩ কার্যদিবস (প্রযোজ্য ক্ষেত্রে)  ${OFFICER}`)),
  );
  const service = doc.services[0];
  assert.equal(service?.time_limit.text, 'তাৎক্ষণিক/ ৩ কার্যদিবস (প্রযোজ্য ক্ষেত্রে)');
  assert.equal(service?.time_limit.max, 3);
  assert.equal(service?.officer?.mobile, '+8801711000001');
  assert.equal(service?.officer?.inferred, false);
  assert.ok(doc.warnings.some((w) => w.code === 'officer_in_time_limit' && w.line === 2));
});

test('an empty officer cell is filled from the only officer the charter names, marked inferred', () => {
  const doc = parseCharterText(
    charter(
      HEADER_7,
      row('১', 'ক', 'সরাসরি', '-', 'বিনামূল্যে', '৩ কার্যদিবস', OFFICER),
      row('২', 'খ', 'সরাসরি', '-', 'বিনামূল্যে', '৩ কার্যদিবস', ''),
      row('৩', 'গ', 'সরাসরি', '-', 'বিনামূল্যে', '৩ কার্যদিবস', 'মোবাইল: ০১৭১১০০০০০১'),
    ),
  );
  const [first, second, third] = doc.services;
  assert.equal(first?.officer?.inferred, false);
  assert.equal(second?.officer?.inferred, true);
  assert.equal(second?.officer?.email, 'rahim@example.gov.bd');
  assert.equal(third?.officer?.inferred, true);
  assert.equal(third?.officer?.name_bn, first?.officer?.name_bn);
  assert.equal(doc.warnings.filter((w) => w.code === 'officer_inferred').length, 2);
});

test('an empty officer cell stays empty when the charter names two officers', () => {
  const doc = parseCharterText(
    charter(
      HEADER_7,
      row('১', 'ক', 'সরাসরি', '-', 'বিনামূল্যে', '৩ কার্যদিবস', OFFICER),
      row('২', 'খ', 'সরাসরি', '-', 'বিনামূল্যে', '৩ কার্যদিবস', 'জনাব করিম মিয়া উপজেলা নির্বাহী অফিসার মোবাইল: ০১৮১১-০০০০০২'),
      row('৩', 'গ', 'সরাসরি', '-', 'বিনামূল্যে', '৩ কার্যদিবস', ''),
    ),
  );
  assert.equal(doc.services[2]?.officer, null);
  assert.ok(doc.warnings.some((w) => w.code === 'officer_missing' && w.line === 4));
});

test('ditto marks copy the cell above', () => {
  const doc = parseCharterText(
    charter(
      HEADER_7,
      row('১', 'ক', 'সরাসরি', 'আবেদন', 'বিনামূল্যে', '৩ কার্যদিবস', OFFICER),
      row('২', 'খ', 'ঐ', 'ঐ', 'ঐ', '৫ কার্যদিবস', 'ঐ'),
    ),
  );
  const second = doc.services[1];
  assert.deepEqual(second?.delivery_methods, ['সরাসরি']);
  assert.equal(second?.documents_bn, 'আবেদন');
  assert.equal(second?.fee.free, true);
  assert.equal(second?.time_limit.max, 5);
  assert.equal(second?.officer?.email, 'rahim@example.gov.bd');
  assert.ok(doc.warnings.some((w) => w.code === 'ditto_mark'));
});

test('HTML tags and entities are removed from cells, link texts kept', () => {
  const doc = parseCharterText(
    charter(
      HEADER_7,
      row('১', '<b>Software Development</b> সংক্রান্ত', 'সরাসরি &amp; ই-মেইল', '-', 'বিনামূল্যে', '৯০ কার্যদিবস', 'জনাব মোঃ ফারুক হোসেন সহকারী প্রোগ্রামার ফোনঃ ০১৭৩৪-৯৫৪২৫৬ <a href="mailto:faruk383@gmail.com">faruk383@gmail.com</a>'),
    ),
  );
  const service = doc.services[0];
  assert.equal(service?.name_bn, 'Software Development সংক্রান্ত');
  assert.deepEqual(service?.delivery_methods, ['সরাসরি & ই-মেইল']);
  assert.equal(service?.officer?.email, 'faruk383@gmail.com');
  assert.equal(service?.officer?.name_bn, 'মোঃ ফারুক হোসেন');
});

test('serials are read in every spelling: ১, ১., ০১।, 01', () => {
  const doc = parseCharterText(
    charter(
      HEADER_7,
      row('১', 'ক', '-', '-', 'বিনামূল্যে', '১ কার্যদিবস', OFFICER),
      row('২.', 'খ', '-', '-', 'বিনামূল্যে', '১ কার্যদিবস', OFFICER),
      row('০৩।', 'গ', '-', '-', 'বিনামূল্যে', '১ কার্যদিবস', OFFICER),
      row('04', 'ঘ', '-', '-', 'বিনামূল্যে', '১ কার্যদিবস', OFFICER),
    ),
  );
  assert.deepEqual(doc.services.map((s) => s.serial), [1, 2, 3, 4]);
});

test('a GRS table is read into grs_contacts and the expectations into a list', () => {
  const doc = parseCharterText(
    charter(
      HEADER_7,
      row('১', 'ক', '-', '-', 'বিনামূল্যে', '১ কার্যদিবস', OFFICER),
      '৩) অভিযোগ প্রতিকার ব্যবস্থাপনা (GRS)',
      row('ক্রমিক নং', 'কখন যোগাযোগ করবেন', 'কার সঙ্গে যোগাযোগ করবেন', 'যোগাযোগের ঠিকানা', 'নিষ্পত্তির সময়সীমা'),
      row('১', 'দায়িত্বপ্রাপ্ত কর্মকর্তা সমাধান দিতে না পারলে', 'অভিযোগ নিষ্পত্তি কর্মকর্তা (অনিক)', 'নাম: জনাব ক, ফোন: ০১৭১১০০০০০৩', '৩০ কার্যদিবস'),
      row('২', 'অনিক নির্দিষ্ট সময়ে সমাধান দিতে না পারলে', 'আপিল কর্মকর্তা', 'জেলা প্রশাসক, সিলেট', '২০ কার্যদিবস'),
      row('৩', 'আপিল কর্মকর্তা নির্দিষ্ট সময়ে সমাধান দিতে না পারলে', 'মন্ত্রিপরিষদ বিভাগের অভিযোগ ব্যবস্থাপনা সেল', 'অভিযোগ গ্রহণ কেন্দ্র, ৫ নং গেইট, বাংলাদেশ সচিবালয়, ঢাকা', '৬০ কার্যদিবস'),
      '৪) আপনার কাছে আমাদের প্রত্যাশা',
      '১. নির্ধারিত ফরমে সম্পূর্ণভাবে পূরণকৃত আবেদন জমা প্রদান',
      '২. সঠিক মাধ্যমে প্রয়োজনীয় ফিস পরিশোধ করা',
      '৩. সাক্ষাতের জন্য নির্ধারিত সময়ের পূর্বেই উপস্থিত থাকা',
    ),
  );
  assert.deepEqual(
    doc.grs_contacts.map((c) => [c.level, c.role_bn, c.time_limit.max, c.time_limit.unit]),
    [
      [1, 'অভিযোগ নিষ্পত্তি কর্মকর্তা (অনিক)', 30, 'working_day'],
      [2, 'আপিল কর্মকর্তা', 20, 'working_day'],
      [3, 'মন্ত্রিপরিষদ বিভাগের অভিযোগ ব্যবস্থাপনা সেল', 60, 'working_day'],
    ],
  );
  assert.equal(doc.grs_contacts[1]?.contact_bn, 'জেলা প্রশাসক, সিলেট');
  assert.deepEqual(doc.expectations_bn, [
    'নির্ধারিত ফরমে সম্পূর্ণভাবে পূরণকৃত আবেদন জমা প্রদান',
    'সঠিক মাধ্যমে প্রয়োজনীয় ফিস পরিশোধ করা',
    'সাক্ষাতের জন্য নির্ধারিত সময়ের পূর্বেই উপস্থিত থাকা',
  ]);
});

test('an expectations table is read row by row without its header', () => {
  const doc = parseCharterText(
    charter(
      HEADER_7,
      row('১', 'ক', '-', '-', 'বিনামূল্যে', '১ কার্যদিবস', OFFICER),
      '৪) আপনার কাছে আমাদের প্রত্যাশা',
      row('ক্রমিক নং', 'প্রতিশ্রুত/কাঙ্ক্ষিত সেবা প্রাপ্তির লক্ষ্যে করণীয়'),
      row('১)', 'স্বয়ংসম্পূর্ণ আবেদন জমা প্রদান'),
      row('২)', 'মোবাইল নম্বর সচল রাখা'),
    ),
  );
  assert.deepEqual(doc.expectations_bn, ['স্বয়ংসম্পূর্ণ আবেদন জমা প্রদান', 'মোবাইল নম্বর সচল রাখা']);
});

test('markdown pipe tables are read like tab-separated ones', () => {
  const doc = parseCharterText(
    charter(
      '| ক্রমিক নং | সেবার নাম | সেবা প্রদান পদ্ধতি | সেবার মূল্য | সময়সীমা | দায়িত্বপ্রাপ্ত কর্মকর্তা |',
      '|---|---|---|---|---|---|',
      `| ১ | তথ্য প্রদান | সরাসরি | বিনামূল্যে | ৩-৭ কার্যদিবস | ${OFFICER} |`,
    ),
  );
  assert.equal(doc.services[0]?.time_limit.min, 3);
  assert.equal(doc.services[0]?.time_limit.max, 7);
});

test('a line that fits nowhere becomes a warning with its line number', () => {
  const doc = parseCharterText(
    charter(HEADER_7, row('১', 'ক', '-', '-', 'বিনামূল্যে', '১ কার্যদিবস', OFFICER), 'এই লাইনটি কোথাও বসে না'),
  );
  assert.ok(doc.warnings.some((w) => w.code === 'unplaced_line' && w.line === 3 && w.message.includes('এই লাইনটি')));
});

test('vision and mission are read whether on the label line or the next', () => {
  const sameLine = parseCharterText(charter('**ভিশন:** আলোকিত সমাজ।', '**মিশন:** সেবা নিশ্চিত করা।', HEADER_7, row('১', 'ক', '-', '-', 'বিনামূল্যে', '১ কার্যদিবস', OFFICER)));
  assert.equal(sameLine.vision_bn, 'আলোকিত সমাজ।');
  assert.equal(sameLine.mission_bn, 'সেবা নিশ্চিত করা।');
  const nextLine = parseCharterText(charter('১. ভিশন ও মিশন', 'ভিশন:', '', 'আলোকিত সমাজ।', 'মিশন:', 'সেবা নিশ্চিত করা।', '২. প্রতিশ্রুত সেবাসমূহ', HEADER_7, row('১', 'ক', '-', '-', 'বিনামূল্যে', '১ কার্যদিবস', OFFICER)));
  assert.equal(nextLine.vision_bn, 'আলোকিত সমাজ।');
  assert.equal(nextLine.mission_bn, 'সেবা নিশ্চিত করা।');
});

test('a header row wrapped over two lines is joined before its columns are read', () => {
  const doc = parseCharterText(
    charter(
      '২.১ নাগরিক সেবা',
      row('ক্রমিক', 'সেবার', 'সেবা প্রদান', 'প্রয়োজনীয়', 'সেবার মূল্য ও', 'সেবা প্রদানের', 'দায়িত্বপ্রাপ্ত'),
      row('নং', 'নাম', 'পদ্ধতি', 'কাগজপত্র', 'পরিশোধ পদ্ধতি', 'সময়সীমা', 'কর্মকর্তা'),
      row('১', 'নামজারি', 'অনলাইনে', 'দলিল', '১,১৫০ টাকা', '২৮ কার্যদিবস', OFFICER),
    ),
  );
  assert.deepEqual(doc.warnings, []);
  assert.equal(doc.services[0]?.name_bn, 'নামজারি');
  assert.equal(doc.services[0]?.fee.amount_bdt, 1150);
  assert.equal(doc.services[0]?.time_limit.max, 28);
});

test('older header wordings are recognised: ক্রম, সেবামূল্য, প্রয়োজনীয় ফি, সর্বোচ্চ সময়', () => {
  const doc = parseCharterText(
    charter(
      row('ক্রম', 'সেবার নাম', 'প্রয়োজনীয় ফি', 'সেবা প্রদানের সর্বোচ্চ সময়', 'দায়িত্বপ্রাপ্ত কর্মকর্তা'),
      row('০১', 'চারিত্রিক সনদ', '১০০/-(একশত) টাকা', '০১ (এক) মাস', 'চেয়ারম্যান, ইউনিয়ন পরিষদ'),
      row('ক্রম', 'সেবার নাম', 'সেবামূল্য এবং পরিশোধ পদ্ধতি', 'সময়সীমা', 'দায়িত্বপ্রাপ্ত কর্মকর্তা'),
      row('০২', 'ওয়ারিশ সনদ', 'বিনামূল্যে', 'সাত কর্ম দিবসের মধ্যে', 'সচিব, ইউনিয়ন পরিষদ'),
    ),
  );
  assert.deepEqual(
    doc.services.map((s) => [s.serial, s.fee.amount_bdt, s.fee.free, s.time_limit.max, s.time_limit.unit, s.officer?.designation_bn]),
    [
      [1, 100, false, 1, 'month', 'চেয়ারম্যান, ইউনিয়ন পরিষদ'],
      [2, null, true, 7, 'working_day', 'সচিব, ইউনিয়ন পরিষদ'],
    ],
  );
});

test('a where-to-obtain column worded "কাগজপত্র প্রাপ্তির স্থান" is not taken for a second documents column', () => {
  const doc = parseCharterText(
    charter(
      row('ক্রমিক', 'সেবা সমূহের নাম', 'সেবা প্রাপ্তির উপায়', 'প্রয়োজনীয় কাগজপত্র', 'কাগজপত্র প্রাপ্তির স্থান', 'সেবার মূল্য', 'সময়সীমা', 'দায়িত্বপ্রাপ্ত কর্মকর্তা'),
      row('১', 'জন্ম নিবন্ধন', 'অনলাইনে', 'টিকা কার্ড', 'ইউনিয়ন ডিজিটাল সেন্টার', '৫০ টাকা', '৭ কার্যদিবস', 'জনাব মোঃ আব্দুল করিম, সচিব'),
      row('২', 'মৃত্যু নিবন্ধন', 'অনলাইনে', 'প্রত্যয়নপত্র', 'ঐ', '২৫ টাকা', '৭ কার্যদিবস', 'ঐ'),
    ),
  );
  const [birth, death] = doc.services;
  assert.equal(birth?.name_bn, 'জন্ম নিবন্ধন');
  assert.deepEqual(birth?.delivery_methods, ['অনলাইনে']);
  assert.equal(birth?.documents_bn, 'টিকা কার্ড; প্রাপ্তিস্থান: ইউনিয়ন ডিজিটাল সেন্টার');
  assert.deepEqual([birth?.officer?.name_bn, birth?.officer?.designation_bn], ['মোঃ আব্দুল করিম', 'সচিব']);
  assert.equal(death?.documents_bn, 'প্রত্যয়নপত্র; প্রাপ্তিস্থান: ইউনিয়ন ডিজিটাল সেন্টার');
  assert.equal(doc.warnings.filter((w) => w.code === 'extra_cell').length, 0);
});

test('service-name headers in other wordings are recognised', () => {
  for (const header of ['সেবা সমূহের নাম', 'সেবার ধরন', 'সেবার শিরোনাম', 'সেবাসমূহ', 'সেবার বিবরণ']) {
    const doc = parseCharterText(charter(row('ক্রমিক নং', header, 'সেবা প্রদান পদ্ধতি', 'সেবার মূল্য', 'সময়সীমা'), row('১', 'সনদ প্রদান', 'সরাসরি', 'বিনামূল্যে', '৩ কার্যদিবস')));
    assert.equal(doc.services[0]?.name_bn, 'সনদ প্রদান', header);
    assert.equal(doc.warnings.filter((w) => w.code === 'assumed_columns' || w.code === 'unplaced_line').length, 0, header);
  }
});

test('officer details that a continuation line put under the time limit join the officer', () => {
  const doc = parseCharterText(
    charter(
      HEADER_7,
      row('১', 'ওয়ারিশ সনদ', 'আবেদন', '-', '১০০ টাকা', 'সাত কর্ম দিবসের মধ্যে', 'চেয়ারম্যান'),
      row('', '', '', '', '', 'মোবাইল: ০১৭১২-৩৩৪৪৫৫', ''),
    ),
  );
  const service = doc.services[0];
  assert.equal(service?.time_limit.text, 'সাত কর্ম দিবসের মধ্যে');
  assert.equal(service?.time_limit.max, 7);
  assert.deepEqual([service?.officer?.designation_bn, service?.officer?.mobile], ['চেয়ারম্যান', '+8801712334455']);
});

test('a row cut by a page break continues after the repeated header and column numbers', () => {
  const doc = parseCharterText(
    charter(
      '২.১ নাগরিক সেবা',
      HEADER_7,
      row('১', 'ক', 'সরাসরি', '-', 'বিনামূল্যে', '৩ কার্যদিবস', OFFICER),
      row('২', 'খাস জমি', '১। আবেদন', 'আবেদনপত্র', 'বিনামূল্যে', '৩০ কার্যদিবস', OFFICER),
      'পৃষ্ঠা ১',
      HEADER_7,
      row('১', '২', '৩', '৪', '৫', '৬', '৭'),
      row('', 'বন্দোবস্ত', '২। শুনানি', '', '', '', ''),
      row('৩', 'গ', 'সরাসরি', '-', 'বিনামূল্যে', '৩ কার্যদিবস', OFFICER),
    ),
  );
  assert.deepEqual(doc.services.map((s) => s.name_bn), ['ক', 'খাস জমি বন্দোবস্ত', 'গ']);
  assert.deepEqual(doc.services[1]?.delivery_methods, ['আবেদন', 'শুনানি']);
  // the page number is furniture: dropped without a word
  assert.deepEqual(doc.warnings.map((w) => [w.line, w.code]), []);
});

test('English header wordings are recognised too', () => {
  const doc = parseCharterText(
    charter(
      row('Sl. No.', 'Name of Service', 'Method of Service Delivery', 'Required Documents and Where to Get', 'Service Charge and Payment Method', 'Time Limit', 'Responsible Officer'),
      row('1', 'Information', 'In person', 'Application', 'Free', '3 working days', 'Assistant Programmer, Mobile: 01711000001'),
    ),
  );
  const service = doc.services[0];
  assert.equal(service?.name_bn, 'Information');
  assert.equal(service?.documents_bn, 'Application');
  assert.deepEqual([service?.fee.free, service?.time_limit.max, service?.officer?.mobile], [true, 3, '+8801711000001']);
});

test('pipe tables without pipes at the edges are read too', () => {
  const doc = parseCharterText(
    charter(
      'ক্রমিক নং | সেবার নাম | সেবা প্রদান পদ্ধতি | সেবার মূল্য | সময়সীমা | দায়িত্বপ্রাপ্ত কর্মকর্তা',
      '---|---|---|---|---|---',
      `১ | তথ্য প্রদান | সরাসরি | বিনামূল্যে | ৩-৭ কার্যদিবস | ${OFFICER}`,
    ),
  );
  assert.equal(doc.services[0]?.name_bn, 'তথ্য প্রদান');
  assert.equal(doc.services[0]?.time_limit.max, 7);
  assert.equal(doc.services[0]?.officer?.email, 'rahim@example.gov.bd');
});

test('a table without a serial column numbers its services in order; rows without a name continue', () => {
  const doc = parseCharterText(
    charter(
      '২.১ নাগরিক সেবা',
      row('সেবার নাম', 'সেবা প্রদান পদ্ধতি', 'সেবার মূল্য', 'সময়সীমা', 'দায়িত্বপ্রাপ্ত কর্মকর্তা'),
      row('তথ্য প্রদান', '১। সরাসরি', 'বিনামূল্যে', '৩ কার্যদিবস', OFFICER),
      row('', '২। ই-মেইল', '', '', ''),
      row('পরামর্শ প্রদান', 'সরাসরি', 'বিনামূল্যে', '৭ কার্যদিবস', OFFICER),
    ),
  );
  assert.deepEqual(doc.services.map((s) => [s.serial, s.name_bn, s.delivery_methods]), [
    [1, 'তথ্য প্রদান', ['সরাসরি', 'ই-মেইল']],
    [2, 'পরামর্শ প্রদান', ['সরাসরি']],
  ]);
});

test('a charter naming one post for every service fills its empty officer cells with that post', () => {
  const doc = parseCharterText(
    charter(
      HEADER_7,
      row('১', 'ক', 'সরাসরি', '-', 'বিনামূল্যে', '৩ কার্যদিবস', 'উপজেলা নির্বাহী অফিসার'),
      row('২', 'খ', 'সরাসরি', '-', 'বিনামূল্যে', '৩ কার্যদিবস', ''),
    ),
  );
  assert.deepEqual(doc.services[1]?.officer, {
    name_bn: null, designation_bn: 'উপজেলা নির্বাহী অফিসার', phone: null, mobile: null, email: null, inferred: true,
  });
});

test('a serial glued to the name in the first cell is split back into its two columns', () => {
  const doc = parseCharterText(
    charter(
      HEADER_7,
      row('১। জন্ম নিবন্ধন', 'অনলাইনে', 'টিকা কার্ড', '৫০ টাকা', '৭ কার্যদিবস', OFFICER),
      row('২', 'মৃত্যু নিবন্ধন', 'অনলাইনে', 'প্রত্যয়নপত্র', '২৫ টাকা', '৭ কার্যদিবস', OFFICER),
    ),
  );
  assert.deepEqual(doc.services.map((s) => [s.serial, s.name_bn, s.fee.amount_bdt, s.time_limit.max]), [
    [1, 'জন্ম নিবন্ধন', 50, 7],
    [2, 'মৃত্যু নিবন্ধন', 25, 7],
  ]);
});
