import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CHARTER_CSV_COLUMNS, charterCsv, csvCell } from './charter-csv.ts';
import type { Service } from './model.ts';

const service: Service = {
  category: 'citizen',
  serial: 1,
  name_bn: 'তথ্য প্রদান, "দ্রুত"',
  name_en: null,
  delivery_methods: ['ওয়েবসাইট', 'টেলিফোন'],
  documents_bn: null,
  fee: { text: 'বিনামূল্যে', free: true, amount_bdt: null, schedule: [] },
  time_limit: { text: '৩ কার্যদিবস', immediate: false, min: 3, max: 3, unit: 'working_day', conditional: false, on_demand: false },
  officer: { name_bn: 'মোঃ করিম', designation_bn: null, phone: null, mobile: '+8801936447955', email: 'karim@example.gov.bd', inferred: false },
  remedy_bn: null,
  source_line: 12,
};

test('text a spreadsheet would run as a formula gets a leading apostrophe', () => {
  assert.equal(csvCell('=HYPERLINK("http://x")'), `"'=HYPERLINK(""http://x"")"`);
  assert.equal(csvCell('+8801936447955'), "'+8801936447955");
  assert.equal(csvCell('-2+3'), "'-2+3");
  assert.equal(csvCell('@SUM(A1)'), "'@SUM(A1)");
  assert.equal(csvCell('নিরাপদ লেখা'), 'নিরাপদ লেখা');
});

test('commas, quotes and line breaks are quoted the RFC 4180 way; empty values stay empty', () => {
  assert.equal(csvCell('a, b'), '"a, b"');
  assert.equal(csvCell('say "hi"'), '"say ""hi"""');
  assert.equal(csvCell('one\ntwo'), '"one\ntwo"');
  assert.equal(csvCell(null), '');
  assert.equal(csvCell(3), '3');
  assert.equal(csvCell(true), 'true');
});

test('a charter CSV is a BOM, the header row and one CRLF-ended row per service', () => {
  const csv = charterCsv([service, { ...service, serial: 2 }]);
  assert.ok(csv.startsWith('\uFEFF'));
  const lines = csv.slice(1).split('\r\n');
  assert.equal(lines.pop(), '', 'ends with CRLF');
  assert.equal(lines[0], CHARTER_CSV_COLUMNS.join(','));
  assert.equal(
    lines[1],
    `citizen,1,"তথ্য প্রদান, ""দ্রুত""","ওয়েবসাইট\nটেলিফোন",,বিনামূল্যে,true,,৩ কার্যদিবস,3,3,working_day,false,false,false,মোঃ করিম,,,'+8801936447955,karim@example.gov.bd,`,
  );
  assert.equal(lines.length, 3);
});

// OWASP's list for CSV injection: Excel and LibreOffice run a cell starting with = + - @, and
// skip a leading tab or carriage return before looking for one.
const FORMULA_STARTS = ['=', '+', '-', '@', '\t', '\r'] as const;

test('each character that can start a formula, = + - @ tab and carriage return, gets the apostrophe', () => {
  for (const start of FORMULA_STARTS) {
    const text = `${start}cmd|' /C calc'!A0`;
    const cell = csvCell(text);
    const unquoted = cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell;
    assert.equal(unquoted, `'${text}`, JSON.stringify(start));
  }
});

test('the same characters later in the text, or after a letter, are left alone', () => {
  for (const start of FORMULA_STARTS) {
    const cell = csvCell(`সেবা ${start}1`);
    assert.ok(!cell.replace(/^"/, '').startsWith("'"), JSON.stringify(start));
  }
  assert.equal(csvCell(' =1+1'), ' =1+1', 'a leading space makes a spreadsheet read text');
  assert.equal(csvCell("'=1+1"), "'=1+1", 'already marked as text');
});

test('every text column of a service is defused, not only the name', () => {
  for (const start of FORMULA_STARTS) {
    const formula = `${start}1+1`;
    const hostile: Service = {
      ...service,
      name_bn: formula,
      delivery_methods: [formula],
      documents_bn: formula,
      fee: { text: formula, free: false, amount_bdt: null, schedule: [] },
      time_limit: { ...service.time_limit, text: formula },
      officer: { name_bn: formula, designation_bn: formula, phone: null, mobile: null, email: null, inferred: false },
      remedy_bn: formula,
    };
    const row = charterCsv([hostile]).slice(1).split('\r\n')[1] ?? '';
    // a carriage return inside a value is quoted, so the row is found by its quoted cells
    const expected = start === '\r' ? `"'${formula}"` : `'${formula}`;
    const count = row.split(expected).length - 1;
    assert.equal(count, 8, `${JSON.stringify(start)}: name, method, documents, fee, time limit, officer name and post, remedy`);
  }
});
