// A header naming one kind of column twice: a fee column and a separate payment-method column.
// The second column's text belongs to the fee; it once ended up in the officer's name.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCharterText } from './charter-text.ts';
import { recogniseHeader } from './table-header.ts';

const row = (...cells: string[]) => cells.join('\t');
const charter = (...lines: string[]) => lines.join('\n');

const OFFICER = 'মোঃ রফিকুল ইসলাম, প্রশাসনিক কর্মকর্তা, ফোন: ০২-৪৭৭৭৬৬৫৫১, ইমেইল: rafiqul@example.gov.bd';

const HEADER_8 = row(
  'ক্রমিক নং',
  'সেবার নাম',
  'সেবা প্রদান পদ্ধতি',
  'প্রয়োজনীয় কাগজপত্র',
  'সেবার মূল্য',
  'পরিশোধ পদ্ধতি',
  'সেবা প্রদানের সময়সীমা',
  'দায়িত্বপ্রাপ্ত কর্মকর্তা (নাম, পদবি, ফোন ও ইমেইল)',
);

test('a payment-method column beside the fee column is read as part of the fee, not as an extra cell', () => {
  const header = recogniseHeader({ line: 1, raw: HEADER_8, cells: HEADER_8.split('\t'), tabular: true });
  assert.deepEqual(header?.columns, ['serial', 'name', 'method', 'documents', 'fee', 'fee', 'time', 'officer']);
});

test('fee and payment method in two tab-separated columns: the fee keeps both, the officer stays the officer', () => {
  const doc = parseCharterText(
    charter(
      '২.১) নাগরিক সেবা',
      HEADER_8,
      row('১', 'ট্রেড লাইসেন্স প্রদান', 'সরাসরি', 'আবেদন ফরম, জাতীয় পরিচয়পত্র', '৫০০', 'ব্যাংক চালানের মাধ্যমে', '৭ কার্যদিবস', OFFICER),
      row('২', 'জন্ম নিবন্ধন সনদ', 'অনলাইনে', 'টিকা কার্ড', 'বিনামূল্যে', 'প্রযোজ্য নয়', '৩ কার্যদিবস', OFFICER),
    ),
  );
  const [trade, birth] = doc.services;
  assert.equal(doc.services.length, 2);
  for (const service of doc.services) {
    assert.equal(service.officer?.name_bn, 'মোঃ রফিকুল ইসলাম');
    assert.equal(service.officer?.designation_bn, 'প্রশাসনিক কর্মকর্তা');
    assert.equal(service.officer?.email, 'rafiqul@example.gov.bd');
  }
  assert.equal(trade?.fee.text, '৫০০; ব্যাংক চালানের মাধ্যমে');
  assert.equal(trade?.fee.amount_bdt, 500, 'a bare figure in the fee column is still the amount');
  assert.equal(birth?.fee.text, 'বিনামূল্যে; প্রযোজ্য নয়');
  assert.equal(birth?.fee.free, true);
  assert.equal(trade?.time_limit.max, 7);
  assert.deepEqual(doc.warnings, []);
});

test('fee and payment method as pasted from a PDF: wrapped header, column numbers, wrapped cells, ditto marks, a page break', () => {
  const doc = parseCharterText(
    charter(
      'উপজেলা নির্বাহী অফিসারের কার্যালয়, চৌগাছা, যশোর',
      '২.১) নাগরিক সেবা',
      // the PDF's header cells wrap onto a second line
      row('ক্রমিক', 'সেবার', 'সেবা প্রদান', 'প্রয়োজনীয়', 'সেবার', 'পরিশোধ', 'সেবা প্রদানের', 'দায়িত্বপ্রাপ্ত কর্মকর্তা'),
      row('নং', 'নাম', 'পদ্ধতি', 'কাগজপত্র', 'মূল্য', 'পদ্ধতি', 'সময়সীমা', '(নাম, পদবি, ফোন ও ইমেইল)'),
      row('(১)', '(২)', '(৩)', '(৪)', '(৫)', '(৬)', '(৭)', '(৮)'),
      row('০১।', 'হাট-বাজার ইজারা', 'দরপত্রের', 'দরপত্র ফরম', '১,০০০/-', 'ট্রেজারি চালান', '৩০ কার্যদিবস', OFFICER),
      // the next line continues both fee columns and the method: each stays in its own column
      row('', '', 'মাধ্যমে', '', 'টাকা', '(কোড ১-২২৩৩)', '', ''),
      row('০২।', 'জলমহাল', 'দরপত্রের মাধ্যমে', 'দরপত্র ফরম', '২,০০০/- টাকা', 'ঐ', '৩০ কার্যদিবস', 'ঐ'),
      // the page breaks inside service ২; the next page repeats the wrapped header, then the row goes on
      'পৃষ্ঠা ২',
      row('ক্রমিক', 'সেবার', 'সেবা প্রদান', 'প্রয়োজনীয়', 'সেবার', 'পরিশোধ', 'সেবা প্রদানের', 'দায়িত্বপ্রাপ্ত কর্মকর্তা'),
      row('নং', 'নাম', 'পদ্ধতি', 'কাগজপত্র', 'মূল্য', 'পদ্ধতি', 'সময়সীমা', '(নাম, পদবি, ফোন ও ইমেইল)'),
      row('', 'ইজারা', '', '', '', '', '', ''),
      row('০৩।', 'প্রত্যয়নপত্র প্রদান', 'সরাসরি', 'আবেদনপত্র', 'বিনামূল্যে', '-', '১ কার্যদিবস', OFFICER),
    ),
  );
  assert.deepEqual(
    doc.services.map((s) => [s.serial, s.name_bn]),
    [
      [1, 'হাট-বাজার ইজারা'],
      [2, 'জলমহাল ইজারা'],
      [3, 'প্রত্যয়নপত্র প্রদান'],
    ],
  );
  const [market, waterbody, certificate] = doc.services;
  for (const service of doc.services) {
    assert.equal(service.officer?.name_bn, 'মোঃ রফিকুল ইসলাম', `service ${service.serial}`);
    assert.equal(service.officer?.designation_bn, 'প্রশাসনিক কর্মকর্তা', `service ${service.serial}`);
  }
  assert.equal(market?.fee.text, '১,০০০/- টাকা; ট্রেজারি চালান (কোড ১-২২৩৩)');
  assert.equal(market?.fee.amount_bdt, 1000);
  assert.deepEqual(market?.delivery_methods, ['দরপত্রের মাধ্যমে']);
  assert.equal(waterbody?.fee.text, '২,০০০/- টাকা; ট্রেজারি চালান (কোড ১-২২৩৩)', 'the ditto copies the payment-method column above');
  assert.equal(waterbody?.fee.amount_bdt, 2000);
  assert.equal(certificate?.fee.text, 'বিনামূল্যে', 'a dash in the payment-method column says nothing');
  assert.equal(certificate?.fee.free, true);
  // the page footer is furniture, dropped without a warning
  assert.deepEqual(doc.warnings.map((w) => w.code).sort(), ['ditto_mark', 'ditto_mark']);
  assert.deepEqual(
    doc.warnings.filter((w) => w.code === 'ditto_mark').map((w) => w.message),
    [
      'Ditto mark (ঐ) in the "fee" column of service 2 copied from the row above.',
      'Ditto mark (ঐ) in the "officer" column of service 2 copied from the row above.',
    ],
  );
});

test('a cell beyond the header still goes to the last column, with a warning', () => {
  const doc = parseCharterText(
    charter(
      '২.১) নাগরিক সেবা',
      HEADER_8,
      row('১', 'ট্রেড লাইসেন্স প্রদান', 'সরাসরি', 'আবেদন ফরম', '৫০০ টাকা', 'নগদ', '৭ কার্যদিবস', 'প্রশাসনিক কর্মকর্তা', 'ফোন: ০২-৪৭৭৭৬৬৫৫১'),
    ),
  );
  assert.equal(doc.services[0]?.officer?.designation_bn, 'প্রশাসনিক কর্মকর্তা');
  assert.equal(doc.services[0]?.officer?.phone, '+8802477766551');
  assert.equal(doc.services[0]?.fee.text, '৫০০ টাকা; নগদ');
  assert.equal(doc.warnings.filter((w) => w.code === 'extra_cell').length, 1);
});
