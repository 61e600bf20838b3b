// One livestock office charter pasted in every shape: each shape must read to the same
// services as the tab-separated version, and each shape's own difficulties are specified.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import { charterDocumentSchema } from '../charter-schema.ts';
import type { CharterDocument } from '../model.ts';
import { parseCharterText } from './charter-text.ts';
import { isPlainlyCsv } from './delimited-text.ts';
import { readSourceLines } from './input-shapes.ts';
import { inputLines } from './source-lines.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const lines = (...parts: string[]) => parts.join('\n');
const cellsOf = (text: string) => readSourceLines(text).lines.filter((l) => l.cells.some(Boolean)).map((l) => [l.line, l.cells]);

/** what a person checks in a service: its name, fee, time limit, officer and the rest */
const facts = (doc: CharterDocument) =>
  doc.services.map((s) => ({
    category: s.category,
    serial: s.serial,
    name: s.name_bn,
    methods: s.delivery_methods,
    documents: s.documents_bn,
    fee: s.fee,
    time: s.time_limit,
    officer: s.officer,
  }));

const tabVersion = parseCharterText(fixture('shape-tab.txt'));

test('the tab-separated livestock charter reads four services with their fees, limits and officers', () => {
  assert.equal(tabVersion.office.name_bn, 'উপজেলা প্রাণিসম্পদ দপ্তর ও ভেটেরিনারি হাসপাতাল, বালিয়াকান্দি, রাজবাড়ী');
  assert.deepEqual(
    tabVersion.services.map((s) => [s.serial, s.name_bn, s.fee.amount_bdt, s.fee.free, s.time_limit.max, s.time_limit.unit, s.officer?.designation_bn]),
    [
      [1, 'গবাদিপশু ও হাঁস-মুরগির চিকিৎসা সেবা', null, true, 0, 'working_day', 'ভেটেরিনারি সার্জন'],
      [2, 'কৃত্রিম প্রজনন সেবা', 150, false, 1, 'working_day', 'উপজেলা প্রাণিসম্পদ কর্মকর্তা'],
      [3, 'খামার নিবন্ধন সনদ প্রদান', 500, false, 15, 'working_day', 'উপজেলা প্রাণিসম্পদ কর্মকর্তা'],
      [4, 'পোষা প্রাণীর জলাতঙ্ক টিকা প্রদান', 200, false, 0.5, 'hour', 'ভেটেরিনারি সার্জন'],
    ],
  );
  assert.equal(tabVersion.services[2]?.documents_bn, '১. নির্ধারিত আবেদন ফরম ২. জাতীয় পরিচয়পত্রের কপি ৩. ট্রেড লাইসেন্স');
  assert.equal(tabVersion.services[0]?.officer?.mobile, '+8801712345678');
});

const SHAPES = [
  'shape-html-page.html.txt',
  'shape-spreadsheet.tsv.txt',
  'shape-spreadsheet.csv.txt',
  'shape-pipe-cells.txt',
  'shape-cell-per-line.txt',
  'shape-labelled.txt',
  'shape-pdftotext-layout.txt',
];

for (const shape of SHAPES) {
  test(`${shape} reads to the same office and services as the tab-separated version`, () => {
    const doc = parseCharterText(fixture(shape));
    assert.equal(doc.office.name_bn, tabVersion.office.name_bn);
    assert.deepEqual(facts(doc), facts(tabVersion));
    assert.deepEqual(doc.warnings.filter((w) => w.code === 'cells_placed_by_content'), []);
  });
}

test('pdftotext -layout: a wrapped cell lands in the column its indentation is under', () => {
  const doc = parseCharterText(fixture('shape-pdftotext-layout.txt'));
  const rows = readSourceLines(fixture('shape-pdftotext-layout.txt')).lines;
  const continuation = rows.find((l) => l.cells.some((c) => c === '২. মোবাইল নম্বর'));
  assert.deepEqual(continuation?.cells, ['', '', '', '২. মোবাইল নম্বর', '', '', 'ফোন: ০৬৪২৩-৫৬০৭৮']);
  assert.equal(doc.services[1]?.officer?.phone, '+880642356078');
});

test('space-separated columns: prose with a double space outside a table stays one line', () => {
  const text = lines('সেবা প্রদান প্রতিশ্রুতি  (সিটিজেন চার্টার)', 'আমরা  সকল নাগরিককে  সমান সেবা দিই।');
  assert.deepEqual(cellsOf(text), [
    [1, ['সেবা প্রদান প্রতিশ্রুতি (সিটিজেন চার্টার)']],
    [2, ['আমরা সকল নাগরিককে সমান সেবা দিই।']],
  ]);
});

test('space-separated columns: a header with three columns and serial-led rows becomes cells', () => {
  const text = lines(
    'ক্রম   সেবার নাম            সময়সীমা        ফি',
    '১      নকল সরবরাহ           ৭ কার্যদিবস     ২০ টাকা',
    '       (সার্টিফাইড কপি)',
    'এই তালিকা  প্রতি বছর হালনাগাদ করা হয়।',
  );
  assert.deepEqual(cellsOf(text), [
    [1, ['ক্রম', 'সেবার নাম', 'সময়সীমা', 'ফি']],
    [2, ['১', 'নকল সরবরাহ', '৭ কার্যদিবস', '২০ টাকা']],
    [3, ['', '(সার্টিফাইড কপি)']],
    [4, ['এই তালিকা প্রতি বছর হালনাগাদ করা হয়।']],
  ]);
});

test('an HTML page: scripts, styles and navigation are left out, and a row keeps the line of its <tr>', () => {
  const text = fixture('shape-html-page.html.txt');
  const read = readSourceLines(text).lines;
  const all = read.flatMap((l) => l.cells).join(' ');
  assert.doesNotMatch(all, /not a cell|প্রথম পাতা|border|হাল-নাগাদ/);
  const firstRow = read.find((l) => l.cells[0] === '১');
  assert.equal(firstRow?.line, text.split('\n').indexOf('<tr>', 30) + 1);
  assert.deepEqual(parseCharterText(text).warnings.filter((w) => w.code === 'unplaced_line'), []);
});

test('an HTML table: a rowspan fills the next service row but not a row that only continues one', () => {
  const text = lines(
    '<table><tr><th>ক্রমিক</th><th>সেবার নাম</th><th>সময়সীমা</th><th>দায়িত্বপ্রাপ্ত কর্মকর্তা</th></tr>',
    '<tr><td rowspan="2">১</td><td>জন্ম নিবন্ধন</td><td>৭ দিন</td><td rowspan="3">সচিব</td></tr>',
    '<tr><td>(সংশোধন)</td><td>&nbsp;</td></tr>',
    '<tr><td>২</td><td>মৃত্যু নিবন্ধন</td><td colspan="1">৩ দিন</td></tr></table>',
  );
  assert.deepEqual(cellsOf(text), [
    [1, ['ক্রমিক', 'সেবার নাম', 'সময়সীমা', 'দায়িত্বপ্রাপ্ত কর্মকর্তা']],
    [2, ['১', 'জন্ম নিবন্ধন', '৭ দিন', 'সচিব']],
    [3, ['', '(সংশোধন)']],
    [4, ['২', 'মৃত্যু নিবন্ধন', '৩ দিন', 'সচিব']],
  ]);
  assert.deepEqual(
    parseCharterText(text).services.map((s) => [s.name_bn, s.officer?.designation_bn]),
    [['জন্ম নিবন্ধন (সংশোধন)', 'সচিব'], ['মৃত্যু নিবন্ধন', 'সচিব']],
  );
});

test('an HTML table written on one line: each <tr> is a row, <br> is a line break inside its cell', () => {
  const text = '<table><tr><td>ক্রম</td><td>সেবার নাম</td><td>ফি</td></tr><tr><td>১</td><td>ট্রেড লাইসেন্স<br>নবায়ন</td><td>৫০০&nbsp;টাকা</td></tr></table>';
  assert.deepEqual(cellsOf(text), [
    [1, ['ক্রম', 'সেবার নাম', 'ফি']],
    [1, ['১', 'ট্রেড লাইসেন্স নবায়ন', '৫০০ টাকা']],
  ]);
});

test('a spreadsheet paste: a quoted cell runs over lines and a doubled quote is one quote', () => {
  const text = lines('ক্রম\tসেবার নাম\tকাগজপত্র', '১\t"""নাগরিক"" সনদ"\t"১. আবেদন', '২. ছবি"', '২\tওয়ারিশ সনদ\tআবেদন');
  assert.deepEqual(cellsOf(text), [
    [1, ['ক্রম', 'সেবার নাম', 'কাগজপত্র']],
    [2, ['১', '"নাগরিক" সনদ', '১. আবেদন ২. ছবি']],
    [4, ['২', 'ওয়ারিশ সনদ', 'আবেদন']],
  ]);
});

test('a spreadsheet paste: a quotation mark that never closes a cell is kept as text', () => {
  const text = lines('ক্রম\tসেবার নাম\tকাগজপত্র', '১\t"নাগরিক" সনদ\tআবেদন', '২\tওয়ারিশ সনদ\tআবেদন');
  assert.deepEqual(cellsOf(text)[1], [2, ['১', '"নাগরিক" সনদ', 'আবেদন']]);
  assert.equal(cellsOf(text).length, 3);
});

test('CSV is read only when its shape is unmistakable, never for prose with commas', () => {
  assert.equal(isPlainlyCsv(inputLines(fixture('shape-spreadsheet.csv.txt'))), true);
  const prose = lines(
    'উপজেলা ভূমি অফিস, কোম্পানীগঞ্জ, সিলেট',
    'ভিশন: দক্ষ, স্বচ্ছ ও জনবান্ধব ভূমি ব্যবস্থাপনা, সেবা সহজীকরণ।',
    '১. নামজারি, জমাখারিজ, খতিয়ান ও নকল।',
    '২. ভূমি উন্নয়ন কর, খাস জমি, হাট-বাজার।',
  );
  assert.equal(isPlainlyCsv(inputLines(prose)), false);
  assert.equal(isPlainlyCsv(inputLines(fixture('shape-tab.txt'))), false);
});

test('cells one per line ending in " |": column numbers are skipped and a lone "|" ends a cell of several lines', () => {
  const text = lines(
    'ক্রমিক |', 'সেবার নাম |', 'সময়সীমা |', 'ফি |',
    '১ |', '২ |', '৩ |', '৪ |',
    '০১। |', 'নকল সরবরাহ', '(সার্টিফাইড)', '|', '৭ দিন |', '|',
    '০২। |', 'তথ্য প্রদান |', '২০ কার্যদিবস |', 'বিনামূল্যে |',
  );
  assert.deepEqual(cellsOf(text), [
    [1, ['ক্রমিক', 'সেবার নাম', 'সময়সীমা', 'ফি']],
    [5, ['১', '২', '৩', '৪']],
    [9, ['০১।', 'নকল সরবরাহ (সার্টিফাইড)', '৭ দিন']],
    [15, ['০২।', 'তথ্য প্রদান', '২০ কার্যদিবস', 'বিনামূল্যে']],
  ]);
});

test('cells one per line: a row with more lines than columns is placed by what its lines say, with a warning', () => {
  const doc = parseCharterText(
    lines('ক্রমিক', 'সেবার নাম', 'সেবার মূল্য', 'সময়সীমা', 'দায়িত্বপ্রাপ্ত কর্মকর্তা', '১', 'জন্ম নিবন্ধন', 'সনদ সংশোধন', '৫০ টাকা', '৭ কার্যদিবস', 'ইউপি সচিব'),
  );
  const [service] = doc.services;
  assert.equal(service?.name_bn, 'জন্ম নিবন্ধন সনদ সংশোধন');
  assert.equal(service?.fee.amount_bdt, 50);
  assert.equal(service?.time_limit.max, 7);
  assert.equal(service?.officer?.designation_bn, 'ইউপি সচিব');
  assert.deepEqual(doc.warnings.filter((w) => w.code === 'cells_placed_by_content').map((w) => w.line), [6]);
});

test('labelled blocks in English: each block is a service and a value may continue on the next line', () => {
  const doc = parseCharterText(
    lines(
      'Citizen services',
      'Service name: Driving licence renewal',
      'Required documents: application form,',
      'old licence and medical certificate',
      'Fee: 2,542 taka',
      'Time limit: 30 working days',
      'Responsible officer: Assistant Director (Engineering)',
      '',
      'Service name: Vehicle fitness certificate',
      'Fee: free',
      'Time limit: 7 days',
    ),
  );
  assert.deepEqual(
    doc.services.map((s) => [s.serial, s.name_bn, s.documents_bn, s.fee.amount_bdt, s.fee.free, s.time_limit.max]),
    [
      [1, 'Driving licence renewal', 'application form, old licence and medical certificate', 2542, false, 30],
      [2, 'Vehicle fitness certificate', null, null, true, 7],
    ],
  );
  assert.equal(doc.services[0]?.officer?.designation_bn, 'Assistant Director (Engineering)');
});

test('a vision line with a label is not a service block', () => {
  const text = lines('ভিশন: দক্ষ প্রশাসন', 'সময়: সকাল ৯টা');
  assert.deepEqual(cellsOf(text), [
    [1, ['ভিশন: দক্ষ প্রশাসন']],
    [2, ['সময়: সকাল ৯টা']],
  ]);
});

const shapedToken = fc.constantFrom(
  '<tr>', '<td>', '</td>', '<th colspan="3">', '<td rowspan="9">', '</tr>', '<table>', '</table>', '<br>', '&nbsp;',
  '"', '""', '\t', ',', '  ', '     ', ' |\n', '|\n', '---|---|', '\n', 'ক্রমিক\n', 'সেবার নাম', 'সময়সীমা', 'ফি: ', 'সেবার নাম: ',
  '১\n', '২', '০১।', '৭ দিন', 'টাকা', '\f',
);
const shapedText = fc.array(fc.oneof(shapedToken, fc.string({ maxLength: 3 })), { maxLength: 300 }).map((parts) => parts.join(''));

test('random text in any of the shapes never makes the importer throw', () => {
  fc.assert(
    fc.property(shapedText, (text) => {
      const checked = charterDocumentSchema.safeParse(parseCharterText(text));
      assert.ok(checked.success, checked.success ? '' : JSON.stringify(checked.error.issues.slice(0, 3)));
    }),
    { numRuns: 300 },
  );
});
