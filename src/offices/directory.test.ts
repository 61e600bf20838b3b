// The office directory as a drill-down: home → division → district → upazila → office, by
// organisation, and search, each a small page however many offices there are.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.ts';
import { importCharter, noTimeLimit, seedCharters, type CharterDocument } from '../charters/index.ts';
import { openTestDatabase, type TestDatabase } from '../core/db/test-database.ts';

const JAINTIAPUR = 'doict-jaintiapur-sylhet';
const JESSORE = 'doict-sadar-jessore';
const MANY = 120; // more than two pages of 50

let database: TestDatabase;
let app: FastifyInstance;

function charter(name_bn: string, address_bn: string | null, website: string | null, parent_bn: string | null = null): CharterDocument {
  return {
    format: 'protishruti.charter/v1',
    office: { name_bn, name_en: null, parent_bn, address_bn, website },
    vision_bn: null,
    mission_bn: null,
    services: [
      {
        category: 'citizen',
        serial: 1,
        name_bn: 'তথ্য প্রদান',
        name_en: null,
        delivery_methods: [],
        documents_bn: null,
        fee: { text: 'বিনামূল্যে', free: true, amount_bdt: null, schedule: [] },
        time_limit: noTimeLimit('তাৎক্ষণিক'),
        officer: null,
        remedy_bn: null,
        source_line: null,
      },
    ],
    grs_contacts: [],
    expectations_bn: [],
    warnings: [],
  };
}

before(async () => {
  database = await openTestDatabase();
  await seedCharters(database.db);
  // many offices in one upazila of Dhaka district (a district named like its division)
  for (let i = 1; i <= MANY; i++) {
    const n = String(i).padStart(3, '0');
    await importCharter(database.db, charter(`সাভার কৃষি দপ্তর ${n}`, 'সাভার, ঢাকা', 'http://dae.savar.dhaka.gov.bd'), { officeSlug: `dae-savar-${n}`, publish: true });
  }
  await importCharter(database.db, charter('সিভিল সার্জনের কার্যালয়, সিলেট', 'সিভিল সার্জনের কার্যালয়, সিলেট', 'http://dghs.sylhet.gov.bd'), { publish: true });
  await importCharter(database.db, charter('খসড়া দপ্তর', 'সাভার, ঢাকা', null), { officeSlug: 'draft-only' });
  app = await buildApp({ db: database.db });
});
after(async () => {
  await app.close();
  await database.drop();
});

const get = (url: string) => app.inject({ method: 'GET', url });
const links = (body: string, prefix: string) => [...body.matchAll(new RegExp(`href="(${prefix}[^"?]*)"`, 'g'))].map((m) => m[1]);

test('the home page shows the eight divisions with counts of published charters, and the search box', async () => {
  const body = (await get('/')).body;
  assert.deepEqual(links(body, '/divisions/').sort(), ['/divisions/dhaka', '/divisions/khulna', '/divisions/sylhet'], 'the divisions with charters are links');
  for (const [division, count] of [['সিলেট', '২'], ['খুলনা', '১'], ['ঢাকা', '১২০']] as const) {
    assert.match(body, new RegExp(`>${division}</a> <span class="count">${count}টি দপ্তর</span>`), division);
  }
  assert.match(body, /<span class="empty">বরিশাল<\/span> <span class="count">০টি দপ্তর<\/span>/, 'a division with no charter is listed, not linked');
  assert.ok(body.includes('<input type="search" id="q" name="q"'));
  assert.ok(!body.includes('/offices/'), 'no office is listed on the home page');
  assert.ok(body.includes('href="/organisations"'));
});

test('division → district → upazila → office, with breadcrumbs back up', async () => {
  const division = (await get('/divisions/sylhet')).body;
  assert.match(division, /<h1>সিলেট বিভাগ<\/h1>/);
  assert.match(division, /<a href="\/districts\/sylhet">সিলেট<\/a> <span class="count">২টি দপ্তর<\/span>/, 'the district Sylhet is its own entry under the division Sylhet');

  const district = (await get('/districts/sylhet')).body;
  assert.match(district, /<h1>সিলেট জেলা<\/h1>/);
  assert.ok(district.includes('<li><a href="/divisions/sylhet">সিলেট বিভাগ</a></li>'), 'breadcrumb to the division');
  assert.deepEqual(links(district, '/upazilas/'), ['/upazilas/sylhet-jaintiapur']);
  assert.ok(district.includes('href="/offices/dghs-sylhet"'), "the civil surgeon's office is a district office of Sylhet");
  assert.ok(!district.includes(`href="/offices/${JAINTIAPUR}"`), 'upazila offices are one level down');

  const upazila = (await get('/upazilas/sylhet-jaintiapur')).body;
  assert.ok(upazila.includes('<li><a href="/districts/sylhet">সিলেট জেলা</a></li>'));
  assert.ok(upazila.includes(`href="/offices/${JAINTIAPUR}"`));
  assert.match(upazila, /১৯টি সেবা · হালনাগাদ [০-৯]/, 'service count and date in Bangla digits');

  const english = (await get('/upazilas/jashore-sadar?lang=en')).body;
  assert.ok(english.includes('<h1>Jashore Sadar Upazila</h1>'));
  assert.ok(english.includes('>Khulna Division</a>'));
  assert.ok(english.includes(`href="/offices/${JESSORE}"`));
  assert.match(english, /17 services · updated \d/);
});

test('an upazila with many offices is paginated, 50 to a page, with links that need no JavaScript', async () => {
  const first = (await get('/upazilas/dhaka-savar')).body;
  assert.equal(links(first, '/offices/').length, 50);
  assert.ok(first.includes('href="/offices/dae-savar-001"') && !first.includes('href="/offices/dae-savar-051"'), 'in name order');
  assert.ok(first.includes('<a rel="next" href="/upazilas/dhaka-savar?page=2">'));
  assert.ok(first.includes('পৃষ্ঠা ১ / ৩'));
  assert.ok(!first.includes('draft-only'), 'an office without a published charter is not listed');
  const last = (await get('/upazilas/dhaka-savar?page=3')).body;
  assert.equal(links(last, '/offices/').length, MANY - 100);
  assert.ok(last.includes('<a rel="prev" href="/upazilas/dhaka-savar?page=2">') && !last.includes('rel="next"'));
  assert.equal(links((await get('/upazilas/dhaka-savar?page=9')).body, '/offices/').length, 0, 'past the last page: no offices');
  assert.equal((await get('/upazilas/dhaka-savar?page=0')).statusCode, 400);
  assert.equal((await get('/upazilas/dhaka-savar?page=x')).statusCode, 400);
});

test('search finds offices by Bangla or English name fragments, a page at a time, keeping the term in the page links', async () => {
  const bangla = (await get(`/search?q=${encodeURIComponent('জেন্টাপুর')}`)).body;
  assert.equal(links(bangla, '/offices/')[0], `/offices/${JAINTIAPUR}`, 'the office first, then its services that name the place');
  assert.ok(!links(bangla, '/offices/').includes(`/offices/${JESSORE}`));
  assert.ok(bangla.includes('value="জেন্টাপুর"'));
  const many = (await get(`/search?q=${encodeURIComponent('সাভার')}`)).body;
  assert.ok(many.includes('“সাভার” লিখে ১২০টি ফলাফল পাওয়া গেছে'));
  assert.equal(links(many, '/offices/').length, 20);
  assert.ok(many.includes(`href="/search?q=${encodeURIComponent('সাভার')}&amp;page=2"`));
  assert.match(many, /সাভার, ঢাকা · ১টি সেবা/, 'each result says where the office is');
  const page6 = (await get(`/search?q=${encodeURIComponent('সাভার')}&page=6`)).body;
  assert.equal(links(page6, '/offices/').length, 20);
  const past = (await get(`/search?q=${encodeURIComponent('সাভার')}&page=7`)).body;
  assert.ok(past.includes('১২০টি ফলাফল'), 'past the last page the total is still right');
  assert.equal(links(past, '/offices/').length, 0);
  assert.ok((await get('/search?q=%25')).body.includes('অন্তত ২টি অক্ষর'), 'a lone % is no wildcard: it asks for letters');
  assert.equal(links((await get('/search?q=100%25')).body, '/offices/')[0], '/offices/dae-savar-100', 'the number is searched, the % is not');
});

test('by organisation: ministry → division → department → offices', async () => {
  const top = (await get('/organisations')).body;
  assert.ok(top.includes('href="/organisations/posts-telecom-ict-ministry"'));
  assert.ok(top.includes('href="/organisations/health-ministry"'));
  assert.ok(top.includes('href="/organisations/agriculture-ministry"'));
  const ministry = (await get('/organisations/posts-telecom-ict-ministry')).body;
  assert.deepEqual(links(ministry, '/organisations/ict'), ['/organisations/ict-division']);
  const doict = (await get('/organisations/doict')).body;
  assert.ok(doict.includes('<li><a href="/organisations/ict-division">তথ্য ও যোগাযোগ প্রযুক্তি বিভাগ</a></li>'));
  assert.deepEqual(links(doict, '/offices/').sort(), [`/offices/${JAINTIAPUR}`, `/offices/${JESSORE}`]);
  const dae = (await get('/organisations/dae?page=2')).body;
  assert.equal(links(dae, '/offices/').length, 50);
  assert.ok(dae.includes('>কৃষি মন্ত্রণালয়</a>'));
  assert.ok((await get('/organisations/dghs')).body.includes('href="/offices/dghs-sylhet"'));
});

test('unknown places and organisations are 404 pages', async () => {
  for (const url of ['/divisions/atlantis', '/districts/atlantis', '/upazilas/atlantis', '/organisations/atlantis', '/districts/sylhet-jaintiapur']) {
    const response = await get(url);
    assert.equal(response.statusCode, 404, url);
    assert.ok(response.body.includes('<html lang="bn">'), url);
  }
});

test('every directory page stays under 30 KB gzipped', async () => {
  const urls = ['/', '/divisions/dhaka', '/districts/dhaka', '/upazilas/dhaka-savar', '/upazilas/dhaka-savar?page=2', `/search?q=${encodeURIComponent('সাভার')}`, '/organisations', '/organisations/dae', '/?lang=en'];
  for (const url of urls) {
    const response = await get(url);
    assert.equal(response.statusCode, 200, `${url}: ${response.body.slice(0, 300)}`);
    const size = gzipSync(response.rawPayload).length;
    assert.ok(size < 30 * 1024, `${url}: ${size} bytes gzipped`);
  }
});
