import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.ts';
import { openTestDatabase, type TestDatabase } from '../core/db/test-database.ts';
import { escapeHtml } from '../http/html.ts';
import { parseCsv } from './csv-test-support.ts';
import { formatNumber } from '../core/format.ts';
import { CHARTER_CSV_COLUMNS } from './charter-csv.ts';
import { exportCharter, importCharter, readCharter, seedCharters, type CharterDocument } from './index.ts';
import { noTimeLimit } from './model.ts';

const JAINTIAPUR = 'doict-jaintiapur-sylhet';
const JESSORE = 'doict-sadar-jessore';
const HOSTILE = 'hostile-office';
const SCRIPT = '<script>alert(1)</script>';

let database: TestDatabase;
let app: FastifyInstance;

function hostileCharter(): CharterDocument {
  return {
    format: 'protishruti.charter/v1',
    office: { name_bn: `দপ্তর ${SCRIPT}`, name_en: null, parent_bn: SCRIPT, address_bn: SCRIPT, website: 'javascript:alert(1)' },
    vision_bn: SCRIPT,
    mission_bn: SCRIPT,
    services: [
      {
        category: 'citizen',
        serial: 1,
        name_bn: SCRIPT,
        name_en: SCRIPT,
        delivery_methods: [SCRIPT, '"><img src=x onerror=alert(1)>'],
        documents_bn: SCRIPT,
        fee: { text: SCRIPT, free: false, amount_bdt: null, schedule: [] },
        time_limit: noTimeLimit(SCRIPT),
        officer: {
          name_bn: SCRIPT,
          designation_bn: SCRIPT,
          phone: '+880"><script>alert(1)</script>',
          mobile: null,
          email: '"><script>alert(1)</script>@x.bd',
          inferred: false,
        },
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
  app = await buildApp({ db: database.db });
});
after(async () => {
  await app.close();
  await database.drop();
});

async function get(url: string, cookies: Record<string, string> = {}) {
  return app.inject({ method: 'GET', url, cookies });
}

test('the directory leads from the divisions down to both seed offices, with their service counts and charter dates', async () => {
  const response = await get('/');
  assert.equal(response.statusCode, 200);
  assert.match(response.headers['content-type'] as string, /^text\/html; charset=utf-8/);
  assert.ok(response.body.includes('href="/divisions/sylhet"') && response.body.includes('href="/divisions/khulna"'), 'links to the divisions');
  for (const [slug, upazila] of [[JAINTIAPUR, '/upazilas/sylhet-jaintiapur'], [JESSORE, '/upazilas/jashore-sadar']] as const) {
    const body = (await get(upazila)).body;
    const doc = await exportCharter(database.db, slug);
    assert.ok(body.includes(`href="/offices/${slug}"`), `links to ${slug}`);
    assert.ok(body.includes(escapeHtml(doc.office.name_bn ?? '')), `names ${slug}`);
    assert.ok(body.includes(`${formatNumber('bn', doc.services.length)}টি সেবা`), `counts the services of ${slug}`);
    assert.match(body, /হালনাগাদ [০-৯]/);
  }
  assert.ok((await get('/districts/sylhet')).body.includes('<h1>সিলেট জেলা</h1>'), 'under their districts');
});

test('searching the directory by a Bangla name finds that office only', async () => {
  const body = (await get(`/search?q=${encodeURIComponent('জেন্টাপুর')}`)).body;
  assert.ok(body.includes(`href="/offices/${JAINTIAPUR}"`));
  assert.ok(!body.includes(`href="/offices/${JESSORE}"`));
  assert.ok(body.includes('value="জেন্টাপুর"'), 'keeps the search in the box');
});

test('searching the directory by an English name finds that office only', async () => {
  const body = (await get('/search?q=jessore')).body;
  assert.ok(body.includes(`href="/offices/${JESSORE}"`));
  assert.ok(!body.includes(`href="/offices/${JAINTIAPUR}"`));
});

test('a search that matches nothing says so and offers the full list', async () => {
  const body = (await get('/search?q=nowhere-at-all')).body;
  assert.ok(body.includes('কিছু পাওয়া যায়নি'));
  assert.ok(body.includes('href="/"'));
});

test('the charter page shows every service of each category with its time limit and officer tel: and mailto: links', async () => {
  for (const slug of [JAINTIAPUR, JESSORE]) {
    const response = await get(`/offices/${slug}`);
    assert.equal(response.statusCode, 200);
    const body = response.body;
    const doc = await exportCharter(database.db, slug);
    for (const service of doc.services) {
      assert.ok(body.includes(escapeHtml(service.name_bn ?? '')), `shows ${slug} service ${service.serial}`);
      if (service.time_limit.text) assert.ok(body.includes(escapeHtml(service.time_limit.text)), `shows the time limit of ${service.serial}`);
      if (service.officer?.mobile) assert.ok(body.includes(`href="tel:${service.officer.mobile}"`));
      if (service.officer?.email) assert.ok(body.includes(`href="mailto:${service.officer.email}"`));
    }
    const rows = body.match(/<tr id="s\d+"><td class="serial"/g) ?? [];
    assert.equal(rows.length, doc.services.length, 'one table row per service');
    for (const category of new Set(doc.services.map((s) => s.category))) {
      const heading = { citizen: 'নাগরিক সেবা', institutional: 'প্রাতিষ্ঠানিক সেবা', internal: 'অভ্যন্তরীণ সেবা', multi_office: 'একাধিক দপ্তর সংশ্লিষ্ট সেবা' }[category];
      assert.ok(body.includes(heading), `has the ${category} table`);
    }
    assert.ok(body.includes('সর্বশেষ হালনাগাদ'));
    assert.ok(body.includes(`href="/offices/${slug}/charter.json"`) && body.includes(`href="/offices/${slug}/charter.csv"`));
    assert.ok(body.includes('<td class="serial" data-label="ক্রমিক নং">১</td>'), 'serials in Bangla digits');
  }
});

test('the Jaintiapur charter reads time limits plainly, has its multi-office services, and leaves the importer\'s "(inferred)" marks to staff', async () => {
  const body = (await get(`/offices/${JAINTIAPUR}`)).body;
  assert.ok(!body.includes('(অনুমিত)'));
  assert.ok(body.includes('সর্বোচ্চ ৩ কার্যদিবস'));
  assert.ok(body.includes('একাধিক দপ্তর সংশ্লিষ্ট সেবা'));
  assert.ok(body.includes('ভিশন') && body.includes('মিশন'));
});

test('each service name on the charter page links to a service page with every field and a way back', async () => {
  const charter = (await get(`/offices/${JAINTIAPUR}`)).body;
  const href = charter.match(/href="(\/offices\/doict-jaintiapur-sylhet\/services\/s\d+)"/)?.[1];
  assert.ok(href, 'service link present');
  const response = await get(href);
  assert.equal(response.statusCode, 200);
  const doc = await exportCharter(database.db, JAINTIAPUR);
  const first = doc.services[0];
  assert.ok(first);
  for (const text of [first.name_bn, first.documents_bn, first.fee.text, first.time_limit.text, ...first.delivery_methods]) {
    if (text) assert.ok(response.body.includes(escapeHtml(text)), `shows ${text}`);
  }
  assert.ok(response.body.includes(`href="/offices/${JAINTIAPUR}"`), 'links back to the charter');
  assert.ok(response.body.includes('href="tel:+8801936447955"'));
});

test('a service that is not in the office charter is a 404 page', async () => {
  for (const id of ['999999', 'abc', '0', '99999999999999', 's9999', 'S1']) {
    const response = await get(`/offices/${JAINTIAPUR}/services/${id}`);
    assert.equal(response.statusCode, 404, id);
    assert.ok(response.body.includes('এমন কোনো সেবা নেই'));
  }
});

test('charter.json is the canonical export and reads back and re-imports to the same document', async () => {
  const response = await get(`/offices/${JAINTIAPUR}/charter.json`);
  assert.equal(response.statusCode, 200);
  assert.equal(response.headers['content-type'], 'application/json; charset=utf-8');
  const expected = await exportCharter(database.db, JAINTIAPUR);
  assert.deepEqual(JSON.parse(response.body), expected);
  const reread = readCharter(Buffer.from(response.body, 'utf8'));
  assert.deepEqual(reread, expected);
  await importCharter(database.db, reread, { officeSlug: 'round-trip-copy', publish: false });
  assert.deepEqual(await exportCharter(database.db, 'round-trip-copy', 1), expected);
});

test('charter.csv starts with the BOM and has a header and one row per service', async () => {
  const response = await get(`/offices/${JAINTIAPUR}/charter.csv`);
  assert.equal(response.statusCode, 200);
  assert.equal(response.headers['content-type'], 'text/csv; charset=utf-8');
  assert.match(response.headers['content-disposition'] as string, /attachment; filename="doict-jaintiapur-sylhet-charter.csv"/);
  assert.ok(response.rawPayload.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])), 'UTF-8 BOM');
  const rows = parseCsv(response.body.slice(1));
  const doc = await exportCharter(database.db, JAINTIAPUR);
  assert.deepEqual(rows[0], [...CHARTER_CSV_COLUMNS]);
  assert.equal(rows.length, doc.services.length + 1);
  for (const row of rows) assert.equal(row.length, CHARTER_CSV_COLUMNS.length);
  assert.equal(rows[1]?.[2], doc.services[0]?.name_bn);
});

test('?lang=en switches the page to English and sets a cookie that later pages remember', async () => {
  const response = await get(`/offices/${JAINTIAPUR}?lang=en`);
  assert.equal(response.statusCode, 200);
  assert.ok(response.body.includes('<html lang="en">'));
  assert.ok(response.body.includes('Citizen services'));
  assert.ok(response.body.includes('Upazila ICT Office, Jaintiapur, Sylhet'));
  assert.ok(response.body.includes('Immediately, or at most 3 working days'));
  const cookie = response.cookies.find((c) => c.name === 'lang');
  assert.equal(cookie?.value, 'en');

  const later = await get('/upazilas/sylhet-jaintiapur', { lang: 'en' });
  assert.ok(later.body.includes('<html lang="en">'));
  assert.match(later.body, /\d+ services · updated/);
  const bangla = await get('/');
  assert.ok(bangla.body.includes('<html lang="bn">'), 'Bangla without the cookie');
});

test('an unknown office is a 404 page in Bangla', async () => {
  const response = await get('/offices/no-such-office');
  assert.equal(response.statusCode, 404);
  assert.match(response.headers['content-type'] as string, /^text\/html/);
  assert.ok(response.body.includes('<html lang="bn">'));
  assert.ok(response.body.includes('এই নামে কোনো দপ্তর পাওয়া যায়নি।'));
  assert.equal((await get('/offices/no-such-office/charter.json')).statusCode, 404);
  assert.equal((await get('/offices/no-such-office/charter.csv')).statusCode, 404);
});

test('a service named <script>alert(1)</script> shows as text on every page, never as markup', async () => {
  for (const url of ['/divisions/unrecorded', '/organisations/unrecorded', `/offices/${HOSTILE}`, `/offices/${HOSTILE}?lang=en`, `/search?q=${encodeURIComponent('দপ্তর')}`]) {
    const body = (await get(url)).body;
    assert.ok(!body.includes('<script'), `no script element on ${url}`);
    assert.ok(!body.includes('<img'), `no injected element on ${url}`);
    assert.ok(body.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), `shown as text on ${url}`);
  }
  const charter = (await get(`/offices/${HOSTILE}`)).body;
  assert.ok(!charter.includes('href="javascript:'), 'no javascript: link');
  const serviceHref = charter.match(/href="(\/offices\/hostile-office\/services\/s\d+)"/)?.[1];
  assert.ok(serviceHref);
  const service = (await get(serviceHref)).body;
  assert.ok(!service.includes('<script'));
  assert.ok(service.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
});

test('a charter with a remedy column, a GRS ladder and expectations shows all three', async () => {
  const body = (await get(`/offices/${HOSTILE}`)).body;
  assert.ok(body.includes('<th scope="col" class="remedy">সেবা প্রদানে ব্যর্থ হলে প্রতিকার</th>'));
  assert.ok(body.includes('<section id="grs"') && body.includes('নিষ্পত্তির সময়সীমা'));
  assert.ok(body.includes('<section id="expectations"') && body.includes('আপনার কাছে আমাদের প্রত্যাশা'));
  const seed = (await get(`/offices/${JAINTIAPUR}`)).body;
  assert.ok(!seed.includes('class="remedy"'), 'no remedy column when no service has one');
});

test('each seed charter page weighs under 30 KB gzipped, in Bangla and in English', async () => {
  for (const slug of [JAINTIAPUR, JESSORE]) {
    for (const lang of ['bn', 'en']) {
      const body = (await get(`/offices/${slug}?lang=${lang}`)).body;
      const size = gzipSync(body).length;
      assert.ok(size < 30 * 1024, `${slug} (${lang}) is ${size} bytes gzipped`);
    }
  }
});

test('/healthz answers 200', async () => {
  const response = await get('/healthz');
  assert.equal(response.statusCode, 200);
});
