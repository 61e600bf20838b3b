// A JSON import keeps its texts as they are (no trimming), so a service named "\t=cmd…" reaches
// the database intact; charter.csv must still hand no spreadsheet a formula to run.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.ts';
import { openTestDatabase, type TestDatabase } from '../core/db/test-database.ts';
import { CHARTER_CSV_COLUMNS } from './charter-csv.ts';
import { importCharter, noTimeLimit, readCharter, type CharterDocument, type Service } from './index.ts';
import { parseCsv } from './csv-test-support.ts';

const SLUG = 'formula-office';
const FORMULA_STARTS = ['=', '+', '-', '@', '\t', '\r'] as const;
const formula = (start: string) => `${start}HYPERLINK("http://evil.example","ক্লিক")`;

function formulaService(start: string, serial: number): Service {
  const text = formula(start);
  return {
    category: 'citizen',
    serial,
    name_bn: text,
    name_en: null,
    delivery_methods: [text],
    documents_bn: text,
    fee: { text, free: false, amount_bdt: null, schedule: [] },
    time_limit: noTimeLimit(text),
    officer: { name_bn: text, designation_bn: text, phone: null, mobile: null, email: null, inferred: false },
    remedy_bn: text,
    source_line: null,
  };
}

const JSON_CHARTER: CharterDocument = {
  format: 'protishruti.charter/v1',
  office: { name_bn: 'সূত্র পরীক্ষার দপ্তর', name_en: null, parent_bn: null, address_bn: null, website: null },
  vision_bn: null,
  mission_bn: null,
  services: FORMULA_STARTS.map((start, index) => formulaService(start, index + 1)),
  grs_contacts: [],
  expectations_bn: [],
  warnings: [],
};

let database: TestDatabase;
let app: FastifyInstance;

before(async () => {
  database = await openTestDatabase();
  // through the JSON reader, as `charter import charter.json` and the web would take it
  const doc = readCharter(new TextEncoder().encode(JSON.stringify(JSON_CHARTER)));
  await importCharter(database.db, doc, { officeSlug: SLUG, publish: true });
  app = await buildApp({ db: database.db });
});
after(async () => {
  await app.close();
  await database.drop();
});

test('a JSON import keeps a leading tab or carriage return: the texts reach the database untrimmed', async () => {
  const response = await app.inject({ method: 'GET', url: `/offices/${SLUG}/charter.json` });
  assert.equal(response.statusCode, 200);
  const names = (response.json() as CharterDocument).services.map((service) => service.name_bn);
  assert.deepEqual(names, FORMULA_STARTS.map(formula));
});

test('charter.csv prefixes every text cell that starts with = + - @ tab or carriage return with an apostrophe', async () => {
  const response = await app.inject({ method: 'GET', url: `/offices/${SLUG}/charter.csv` });
  assert.equal(response.statusCode, 200);
  const [header, ...rows] = parseCsv(response.body.replace(/^\uFEFF/, ''));
  assert.deepEqual(header, [...CHARTER_CSV_COLUMNS]);
  assert.equal(rows.length, FORMULA_STARTS.length);
  const textColumns = [
    'name_bn',
    'delivery_methods',
    'documents_bn',
    'fee_text',
    'time_limit_text',
    'officer_name_bn',
    'officer_designation_bn',
    'remedy_bn',
  ] as const;
  FORMULA_STARTS.forEach((start, index) => {
    const row = rows[index] ?? [];
    for (const column of textColumns) {
      const cell = row[CHARTER_CSV_COLUMNS.indexOf(column)];
      assert.equal(cell, `'${formula(start)}`, `${column} of the row starting with ${JSON.stringify(start)}`);
    }
  });
});
