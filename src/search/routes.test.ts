// /search through HTTP: what a person typing into the box gets back, in Bangla and English,
// without JavaScript; the old /?q= address; the search box on a page not found.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.ts';
import { exportCharter, importCharter } from '../charters/index.ts';
import { openTestDatabase, type TestDatabase } from '../core/db/test-database.ts';
import { DC_JASHORE, importSearchCharters, JAINTIAPUR, JESSORE, sketchCharter, withoutCode } from './test-support.ts';

let database: TestDatabase;
let app: FastifyInstance;

before(async () => {
  database = await openTestDatabase();
  await importSearchCharters(database.db);
  app = await buildApp({ db: database.db });
});
after(async () => {
  await app.close();
  await database.drop();
});

const search = (query: string, extra = '') => app.inject({ method: 'GET', url: `/search?q=${encodeURIComponent(query)}${extra}` });

/** The results' links, in the order shown. */
function links(body: string): string[] {
  const list = /<ul class="offices search-results">(.*?)<\/ul>/s.exec(body)?.[1] ?? '';
  return [...list.matchAll(/<li><a href="([^"]+)">/g)].map((match) => match[1] ?? '');
}

test('the misspelt upazila জৈন্তাপুর finds the Jaintiapur office first, saying where it is', async () => {
  const response = await search('জৈন্তাপুর');
  assert.equal(response.statusCode, 200);
  assert.equal(links(response.body)[0], `/offices/${JAINTIAPUR}`);
  assert.ok(response.body.includes('জেন্টাপুর, সিলেট'), 'its upazila and district');
  assert.ok(response.body.includes('value="জৈন্তাপুর"'), 'the search stays in the box');
});

test('the district’s other English name finds its offices, named in English on the English page', async () => {
  const response = await search('Jashore', '&lang=en');
  const found = links(response.body);
  assert.ok(found.includes(`/offices/${JESSORE}`) && found.includes(`/offices/${DC_JASHORE}`), found.join(', '));
  assert.ok(response.body.includes('Upazila ICT Office, Jessore Sadar, Jessore'));
  assert.ok(response.body.includes('Jashore Sadar, Jashore'), 'where it is, in English');
});

test('a service word links to the service’s own page, which names that service', async () => {
  const response = await search('ডিজিটাল সার্টিফিকেট');
  const [first] = links(response.body);
  assert.match(first ?? '', new RegExp(`^/offices/${DC_JASHORE}/services/s\\d+$`));
  assert.ok(response.body.includes('সেবা · জেলা প্রশাসকের কার্যালয়, যশোর · যশোর'), 'the service says its office and district');
  const service = await app.inject(first ?? '');
  assert.equal(service.statusCode, 200);
  assert.ok(service.body.includes('ডিজিটাল সার্টিফিকেট প্রদান'));
});

test('Bangla digits in the search find the service numbered in them, and the count is in Bangla digits', async () => {
  const response = await search('ফরম ১০');
  assert.match(links(response.body)[0] ?? '', new RegExp(`^/offices/${DC_JASHORE}/services/s\\d+$`));
  assert.match(response.body, /“ফরম ১০” লিখে [০-৯]+টি ফলাফল পাওয়া গেছে/);
});

test('an empty search shows the labelled box and no results', async () => {
  for (const url of ['/search', '/search?q=', '/search?q=%20%20']) {
    const response = await app.inject(url);
    assert.equal(response.statusCode, 200, url);
    assert.ok(response.body.includes('<label for="q">'), `${url}: a label for the box`);
    assert.match(response.body, /<input type="search" id="q" name="q" value="" maxlength="200"/, url);
    assert.ok(!response.body.includes('class="result-count"'), `${url}: no result line`);
  }
});

test('a search over 200 characters is refused on the page, saying how long it may be, in either language', async () => {
  const long = 'ক'.repeat(201);
  const bangla = await search(long);
  assert.equal(bangla.statusCode, 400);
  assert.ok(bangla.body.includes('সর্বোচ্চ ২০০টি অক্ষর লিখুন'));
  assert.ok(bangla.body.includes(`value="${'ক'.repeat(200)}"`), 'the box keeps what it can take');
  const english = await search(long, '&lang=en');
  assert.ok(english.body.includes('Use at most 200 characters'));
  assert.equal((await search('ক'.repeat(200))).statusCode, 200, '200 is allowed');
});

test('SQL typed into the box is searched for as text: nothing found, with suggestions, and the tables stay', async () => {
  const query = "'; drop table offices; --";
  const response = await search(query, '&lang=en');
  assert.equal(response.statusCode, 200);
  assert.ok(response.body.includes('Nothing was found for “&#39;; drop table offices; --”.'));
  assert.ok(response.body.includes('href="/organisations"'), 'a way to browse instead');
  assert.deepEqual(links((await search('ICT')).body).length > 0, true);
});

test('a search of one letter asks for more', async () => {
  const response = await search('a', '&lang=en');
  assert.equal(response.statusCode, 200);
  assert.ok(response.body.includes('Type at least 2 letters or digits'));
});

test('the old /?q= address moves to /search with the same query, page and language', async () => {
  const response = await app.inject('/?q=jessore&page=2&lang=en');
  assert.equal(response.statusCode, 301);
  assert.equal(response.headers.location, '/search?q=jessore&lang=en&page=2');
  assert.equal((await app.inject('/')).statusCode, 200, 'the home page itself stays');
});

test('the home page’s search box sends its query to /search', async () => {
  const home = (await app.inject('/')).body;
  assert.ok(home.includes('<form class="search" method="get" action="/search" role="search">'));
});

test('a page not found offers the search box, labelled, working without JavaScript', async () => {
  for (const url of ['/no-such-page', '/offices/no-such-office']) {
    const response = await app.inject(url);
    assert.equal(response.statusCode, 404, url);
    assert.ok(response.body.includes('action="/search"'), `${url}: a search form`);
    assert.ok(response.body.includes('<label for="q">'), `${url}: labelled`);
    assert.ok(!response.body.includes('<script'), `${url}: no script`);
  }
  const json = await app.inject({ url: '/no-such-page', headers: { accept: 'application/json' } });
  assert.equal(json.statusCode, 404);
  assert.ok(!json.body.includes('<form'), 'not in a JSON answer');
});

test('a newly published charter’s services are found at once, though the search page is kept in memory', async () => {
  const query = 'মৎস্য চাষ প্রশিক্ষণ';
  const before = await search(query);
  assert.ok(before.body.includes('কিছু পাওয়া যায়নি'));
  const doc = await exportCharter(database.db, DC_JASHORE);
  const [first] = doc.services;
  assert.ok(first);
  await importCharter(database.db, { ...doc, services: [...doc.services, { ...withoutCode(first), serial: 99, name_bn: 'মৎস্য চাষ প্রশিক্ষণ', name_en: null }] }, { officeSlug: DC_JASHORE, publish: true });
  const after = await search(query);
  assert.match(links(after.body)[0] ?? '', new RegExp(`^/offices/${DC_JASHORE}/services/s\\d+$`));
});

test('a full page of results stays well under 30 KB compressed', async () => {
  const services = Array.from({ length: 25 }, (_, n): [string, string | null] => [`দীর্ঘ নামের পরীক্ষামূলক নাগরিক সেবা নম্বর ${n + 1}, যার নাম অনেক লম্বা`, `A long trial citizen service number ${n + 1}`]);
  await importCharter(
    database.db,
    sketchCharter({ name_bn: 'অনেক সেবার দপ্তর', address_bn: 'কালিয়াকৈর, গাজীপুর', website: 'http://many.kaliakair.gazipur.gov.bd/', services }),
    { officeSlug: 'many-services', publish: true },
  );
  const response = await app.inject({ url: `/search?q=${encodeURIComponent('trial citizen service')}`, headers: { 'accept-encoding': 'gzip' } });
  assert.equal(response.headers['content-encoding'], 'gzip');
  const body = gunzipSync(response.rawPayload).toString('utf8');
  assert.equal(links(body).length, 20, 'a full page');
  assert.ok(response.rawPayload.length < 30 * 1024, `${response.rawPayload.length} bytes`);
});
