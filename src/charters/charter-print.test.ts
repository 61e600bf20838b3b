// The printable charter and notice-board copy (/offices/:slug/print), over HTTP without a browser;
// test/e2e/charter-print.test.ts looks at it in Chromium and on paper.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.ts';
import { openTestDatabase, type TestDatabase } from '../core/db/test-database.ts';
import { formatDate } from '../core/format.ts';
import { escapeHtml } from '../http/html.ts';
import { qrCodeSvg } from '../http/qr-svg.ts';
import { exportCharter, importCharter, seedCharters, type CharterDocument } from './index.ts';
import { noTimeLimit } from './model.ts';

const JAINTIAPUR = 'doict-jaintiapur-sylhet';
const JESSORE = 'doict-sadar-jessore';
const HOSTILE = 'hostile-print-office';
const SCRIPT = '<script>alert(1)</script>';
const PUBLIC_URL = 'https://protishruti.example.gov.bd';

let database: TestDatabase;
/** with PUBLIC_URL */
let app: FastifyInstance;
/** without: the QR code's address comes from the request */
let bareApp: FastifyInstance;

function hostileCharter(): CharterDocument {
  return {
    format: 'protishruti.charter/v1',
    office: { name_bn: `দপ্তর ${SCRIPT}`, name_en: null, parent_bn: SCRIPT, address_bn: SCRIPT, website: null },
    vision_bn: SCRIPT,
    mission_bn: null,
    services: [
      {
        category: 'citizen',
        serial: 1,
        name_bn: SCRIPT,
        name_en: null,
        delivery_methods: [SCRIPT],
        documents_bn: SCRIPT,
        fee: { text: SCRIPT, free: false, amount_bdt: null, schedule: [] },
        time_limit: noTimeLimit(SCRIPT),
        officer: { name_bn: SCRIPT, designation_bn: SCRIPT, phone: null, mobile: null, email: '"><script>alert(1)</script>@x.bd', inferred: false },
        remedy_bn: SCRIPT,
        source_line: null,
      },
    ],
    grs_contacts: [{ level: 1, role_bn: SCRIPT, contact_bn: SCRIPT, time_limit: noTimeLimit(SCRIPT) }],
    expectations_bn: [SCRIPT],
    warnings: [],
  };
}

before(async () => {
  database = await openTestDatabase();
  await seedCharters(database.db);
  await importCharter(database.db, hostileCharter(), { officeSlug: HOSTILE, publish: true });
  app = await buildApp({ db: database.db, publicUrl: PUBLIC_URL });
  bareApp = await buildApp({ db: database.db });
});
after(async () => {
  await app.close();
  await bareApp.close();
  await database.drop();
});

const get = (url: string, on = app, headers: Record<string, string> = {}) => on.inject({ method: 'GET', url, headers });

test('the print page shows every service with its documents, fee, time limit and officer, and the GRS ladder', async () => {
  const response = await get(`/offices/${JAINTIAPUR}/print`);
  assert.equal(response.statusCode, 200);
  const doc = await exportCharter(database.db, JAINTIAPUR);
  for (const service of doc.services) {
    assert.ok(response.body.includes(escapeHtml(service.name_bn ?? '')), `service ${service.serial} is on the page`);
    if (service.documents_bn) assert.ok(response.body.includes(escapeHtml(service.documents_bn)), `service ${service.serial}'s documents`);
    if (service.officer?.name_bn) assert.ok(response.body.includes(escapeHtml(service.officer.name_bn)), `service ${service.serial}'s officer`);
  }
  assert.equal(response.body.match(/<td class="fee"/g)?.length, doc.services.length, 'a fee cell per service');
  assert.equal(response.body.match(/<td class="time"/g)?.length, doc.services.length, 'a time limit per service');
  assert.ok(response.body.includes('<link rel="stylesheet" href="/assets/charter-print.css">'), 'the print stylesheet');
  // the seed charters have no GRS ladder: no empty section for it
  assert.ok(!response.body.includes('print-grs'));
  const withLadder = (await get(`/offices/${HOSTILE}/print`)).body;
  assert.equal(withLadder.match(/<table class="print-table print-grs"[^]*?<\/table>/)?.[0].match(/<tr>/g)?.length, 2, 'the GRS ladder: its header and its one step');
});

test('the QR code and the address under it lead to the charter page at PUBLIC_URL, in the language printed', async () => {
  const bangla = (await get(`/offices/${JAINTIAPUR}/print`)).body;
  const address = `${PUBLIC_URL}/offices/${JAINTIAPUR}`;
  const qr = (await qrCodeSvg(address, 'x')).value.replace(/aria-label="x" /, '');
  assert.ok(bangla.replace(/aria-label="[^"]*" /, '').includes(qr), 'the QR code encodes the charter page address');
  assert.ok(bangla.includes(`<span class="print-url">${address}</span>`));
  const english = (await get(`/offices/${JAINTIAPUR}/print?lang=en`)).body;
  assert.ok(english.includes(`<span class="print-url">${escapeHtml(`${address}?lang=en`)}</span>`));
  assert.match(english, /<svg role="img" aria-label="QR code of the address of this charter on the web: https:\/\/protishruti\.example\.gov\.bd\/offices\/doict-jaintiapur-sylhet\?lang=en"/);
});

test('without PUBLIC_URL the QR code leads to the address the page was asked under, and no shared cache keeps it', async () => {
  const response = await get(`/offices/${JAINTIAPUR}/print`, bareApp, { host: 'portal.upazila.example:8080' });
  assert.ok(response.body.includes('<span class="print-url">http://portal.upazila.example:8080/offices/doict-jaintiapur-sylhet</span>'));
  assert.match(response.headers['cache-control'] as string, /^private/);
  const other = await get(`/offices/${JAINTIAPUR}/print`, bareApp, { host: 'other.example' });
  assert.ok(other.body.includes('http://other.example/offices/') && !other.body.includes('portal.upazila.example'), 'one host’s copy is never served to another');
  const withPublicUrl = await get(`/offices/${JAINTIAPUR}/print`, app, { host: 'other.example' });
  assert.ok(!withPublicUrl.body.includes('other.example'), 'PUBLIC_URL wins over the Host header');
  assert.match(withPublicUrl.headers['cache-control'] as string, /^public/);
});

test('the print page names the charter version and the day it is printed', async () => {
  const before = formatDate('bn', new Date());
  const body = (await get(`/offices/${JAINTIAPUR}/print`)).body;
  const after = formatDate('bn', new Date());
  assert.ok(body.includes('সংস্করণ ১, সর্বশেষ হালনাগাদ:'), 'the version number');
  assert.ok(body.includes(`প্রিন্টের তারিখ: ${before}`) || body.includes(`প্রিন্টের তারিখ: ${after}`), 'the print date');
  const englishBefore = formatDate('en', new Date());
  const english = (await get(`/offices/${JAINTIAPUR}/print?lang=en`)).body;
  const englishAfter = formatDate('en', new Date());
  assert.match(english, /Version 1, last updated \d{1,2} \w+ \d{4}/);
  assert.ok(english.includes(`Printed on ${englishBefore}`) || english.includes(`Printed on ${englishAfter}`));
});

test('?paper=a3 makes the notice-board copy; an unknown paper size is A4', async () => {
  const a3 = (await get(`/offices/${JAINTIAPUR}/print?paper=a3`)).body;
  assert.ok(a3.includes('<article class="print-charter paper-a3">'));
  assert.ok(a3.includes('href="/offices/doict-jaintiapur-sylhet/print?paper=a3" aria-current="page"'), 'the paper choice shows which is this page');
  const unknown = await get(`/offices/${JAINTIAPUR}/print?paper=letter`);
  assert.equal(unknown.statusCode, 200);
  assert.ok(unknown.body.includes('<article class="print-charter paper-a4">'));
});

test('the charter page links to its print and notice-board copies', async () => {
  const body = (await get(`/offices/${JAINTIAPUR}`)).body;
  assert.ok(body.includes(`<a href="/offices/${JAINTIAPUR}/print">প্রিন্ট বা পিডিএফ (এ৪ কাগজ)</a>`));
  assert.ok(body.includes(`<a href="/offices/${JAINTIAPUR}/print?paper=a3">`));
});

test('an office without a published charter has no print page', async () => {
  const response = await get('/offices/no-such-office/print');
  assert.equal(response.statusCode, 404);
});

test('a charter’s text is shown on the print page as text, never as markup', async () => {
  const body = (await get(`/offices/${HOSTILE}/print`)).body;
  assert.ok(!body.includes('<script>alert'), 'no script element');
  assert.ok(body.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
  assert.ok(!body.includes('"><script>'), 'the e-mail address stays inside its element');
});

test('each seed charter’s print page weighs under 30 KB gzipped, on A4 and A3, in Bangla and in English', async () => {
  for (const slug of [JAINTIAPUR, JESSORE]) {
    for (const lang of ['bn', 'en']) {
      for (const paper of ['a4', 'a3']) {
        const body = (await get(`/offices/${slug}/print?lang=${lang}&paper=${paper}`)).body;
        const size = gzipSync(body).length;
        assert.ok(size < 30 * 1024, `${slug} (${lang}, ${paper}) is ${size} bytes gzipped`);
      }
    }
  }
});
