// Directory pages are kept per directory revision: whatever changes what they show (a publish, a
// new office, a renamed place) shows at once, on every instance, and otherwise a page is served
// from memory with the validators and caching headers of the charter pages.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { buildApp } from '../app.ts';
import { exportCharter, importCharter, seedCharters } from '../charters/index.ts';
import { openDatabase, type Database } from '../core/db/connection.ts';
import { openTestDatabase, type TestDatabase } from '../core/db/test-database.ts';
import { normaliseSearchTerm } from './directory-cache.ts';
import { readDirectoryRevision } from './directory-repository.ts';

const JESSORE = 'doict-sadar-jessore';
const SEARCH = `/search?q=${encodeURIComponent('ICT Office')}`;
const DIRECTORY_PAGES = ['/', '/divisions/khulna', '/districts/jashore', '/upazilas/jashore-sadar', '/organisations', '/organisations/doict', SEARCH];

let database: TestDatabase;
let app: FastifyInstance;

before(async () => {
  database = await openTestDatabase();
  await seedCharters(database.db);
  app = await buildApp({ db: database.db });
});
after(async () => {
  await app.close();
  await database.drop();
});

function get(url: string, headers: Record<string, string> = {}, instance = app) {
  return instance.inject({ method: 'GET', url, headers });
}

/** How many offices a counted link on a page says its place has. */
function countOf(body: string, label: string): number | undefined {
  const digits = new RegExp(`>${label}</a> <span class="count">([০-৯]+)টি দপ্তর</span>`).exec(body)?.[1];
  return digits === undefined ? undefined : Number([...digits].map((digit) => '০১২৩৪৫৬৭৮৯'.indexOf(digit)).join(''));
}

let added = 0;
/** Publishes the Jessore Sadar charter as another office in Jessore Sadar; returns its slug. */
async function publishAnotherJessoreOffice(nameEn = 'Upazila ICT Office, another'): Promise<string> {
  const slug = `ict-copy-${++added}`;
  const doc = await exportCharter(database.db, JESSORE);
  // the same portal address places it in Jessore Sadar; the slug is its own
  await importCharter(database.db, doc, { officeSlug: slug, nameEn, publish: true });
  return slug;
}

const setRevision = (revision: number) => sql`update directory_revision set revision = ${revision}`.execute(database.db);

/**
 * Makes a change the directory shows, then puts the revision back as it was: a page kept in
 * memory still shows the old state, one rendered afresh shows the new. (Only a test does this.)
 */
async function changeBehindTheRevision(change: () => Promise<unknown>): Promise<void> {
  const revision = await readDirectoryRevision(database.db);
  await change();
  assert.ok((await readDirectoryRevision(database.db)) > revision, 'the change moved the revision');
  await setRevision(revision);
}

test('the revision moves once for each transaction that changes what the directory shows, and only then', async () => {
  const start = await readDirectoryRevision(database.db);
  await publishAnotherJessoreOffice();
  assert.equal(await readDirectoryRevision(database.db), start + 1, 'an import writes many rows in one transaction: one step');
  const doc = await exportCharter(database.db, JESSORE);
  await importCharter(database.db, doc, { officeSlug: JESSORE });
  assert.equal(await readDirectoryRevision(database.db), start + 1, 'a draft of an office whose details stay the same shows nowhere');
  await sql`update places set name_en = 'Jashore Sadar (renamed)' where slug = 'jashore-sadar'`.execute(database.db);
  assert.equal(await readDirectoryRevision(database.db), start + 2, 'a renamed place');
  await sql`update places set name_en = 'Jashore Sadar' where slug = 'jashore-sadar'`.execute(database.db);
  await sql`insert into organisations (kind, slug, name_bn) values ('department', 'revision-test', 'পরীক্ষা')`.execute(database.db);
  assert.equal(await readDirectoryRevision(database.db), start + 4, 'a new organisation');
  await database.db
    .transaction()
    .execute(async (trx) => {
      await sql`update offices set name_bn = 'ফিরিয়ে নেওয়া নাম' where slug = ${JESSORE}`.execute(trx);
      throw new Error('rolled back');
    })
    .catch(() => undefined);
  assert.equal(await readDirectoryRevision(database.db), start + 4, 'a transaction rolled back changes nothing');
});

test('a publish changes the counts on the home, division and district pages at once', async () => {
  const pages: [string, string][] = [
    ['/', 'খুলনা'],
    ['/divisions/khulna', 'যশোর'],
    ['/districts/jashore', 'যশোর সদর'],
  ];
  const before = await Promise.all(pages.map(([url]) => get(url)));
  await publishAnotherJessoreOffice();
  for (const [index, [url, label]] of pages.entries()) {
    const was = countOf(before[index]?.body ?? '', label);
    assert.ok(was !== undefined, `${url} counts ${label}`);
    const now = await get(url);
    assert.equal(countOf(now.body, label), was + 1, url);
    assert.notEqual(now.headers.etag, before[index]?.headers.etag, `${url}: a new ETag`);
  }
});

test('a second instance on the same database sees a publish made through the first, without being told', async () => {
  // on PostgreSQL the second instance has a connection pool of its own, as another process would
  const second: Database = database.url ? await openDatabase({ databaseUrl: database.url }) : database;
  const other = await buildApp({ db: second.db });
  try {
    for (let round = 0; round < 2; round++) {
      // both instances hold the current home page in memory
      const shown = countOf((await get('/')).body, 'খুলনা');
      assert.ok(shown !== undefined);
      assert.equal(countOf((await get('/', {}, other)).body, 'খুলনা'), shown, 'both instances show the same count');
      const slug = await publishAnotherJessoreOffice(`Newly published ${round}`);
      assert.equal(countOf((await get('/')).body, 'খুলনা'), shown + 1, 'this instance');
      assert.equal(countOf((await get('/', {}, other)).body, 'খুলনা'), shown + 1, 'the other instance');
      assert.ok((await get('/upazilas/jashore-sadar', {}, other)).body.includes(`/offices/${slug}`), 'the other instance lists the new office');
    }
  } finally {
    await other.close();
    if (second !== database) await second.close();
  }
});

test('directory pages are compressed once, answer If-None-Match with 304, and say how a CDN may keep them', async () => {
  for (const url of DIRECTORY_PAGES) {
    const page = await get(url, { 'accept-encoding': 'br' });
    assert.equal(page.statusCode, 200, url);
    assert.equal(page.headers['content-encoding'], 'br', url);
    assert.equal(page.headers['cache-control'], 'public, max-age=60, stale-while-revalidate=600', url);
    assert.equal(page.headers.vary, 'Accept-Encoding, Cookie', url);
    const etag = String(page.headers.etag);
    assert.match(etag, /^"[\w-]+"$/, `${url}: a strong ETag`);
    const notModified = await get(url, { 'accept-encoding': 'br', 'if-none-match': etag });
    assert.equal(notModified.statusCode, 304, url);
    assert.equal(notModified.rawPayload.length, 0, url);
    assert.equal((await get(url, { 'accept-encoding': 'br', 'if-none-match': '"another"' })).statusCode, 200, url);
  }
  const english = await get('/?lang=en');
  assert.ok(english.body.includes('<html lang="en">'));
  assert.equal(english.headers['cache-control'], 'private, max-age=60', 'the answer that sets the language cookie is private');
  assert.ok(english.body.includes('href="/?lang=bn"'));
});

test('a page is served from memory while the revision stands, and rendered again when it moves', async () => {
  const before = (await get('/upazilas/jashore-sadar')).body;
  await changeBehindTheRevision(() => publishAnotherJessoreOffice('Hidden until the revision moves'));
  assert.equal((await get('/upazilas/jashore-sadar')).body, before, 'the kept page');
  await setRevision((await readDirectoryRevision(database.db)) + 1);
  assert.notEqual((await get('/upazilas/jashore-sadar')).body, before, 'rendered again');
});

test('a search is kept per term, one page for the same term typed differently, and a publish shows in it', async () => {
  const first = (await get(SEARCH)).body;
  let hidden = '';
  await changeBehindTheRevision(async () => (hidden = await publishAnotherJessoreOffice('Upazila ICT Office, found later')));
  for (const variant of ['  ICT   Office ', 'ICT\tOffice']) {
    assert.equal((await get(`/search?q=${encodeURIComponent(variant)}`)).body, first, `"${variant}" is the same search, served from memory`);
  }
  assert.ok(!first.includes(`/offices/${hidden}`));
  await setRevision((await readDirectoryRevision(database.db)) + 1);
  const slug = await publishAnotherJessoreOffice('Upazila ICT Office, published now');
  const now = (await get(SEARCH)).body;
  assert.ok(now.includes(`/offices/${slug}`), 'the office published now is found');
  assert.ok(now.includes(`/offices/${hidden}`), 'and so is the one changed behind the revision, once it moved');
  assert.equal(normaliseSearchTerm('কার্যাল\u09DF'), normaliseSearchTerm('কার্যাল\u09AF\u09BC'), 'one Unicode form');
});

test('a page past the end of a list is answered but not kept; an unknown place is a 404 and keeps nothing', async () => {
  const pastTheEnd = `${SEARCH}&page=9`;
  const totalIn = (body: string) => /লিখে ([০-৯]+)টি ফলাফল/.exec(body)?.[1];
  const before = totalIn((await get(pastTheEnd)).body);
  assert.ok(before);
  await get(SEARCH); // page 1, kept
  await changeBehindTheRevision(() => publishAnotherJessoreOffice('Upazila ICT Office, past the end'));
  assert.equal(totalIn((await get(SEARCH)).body), before, 'page 1 is kept');
  assert.notEqual(totalIn((await get(pastTheEnd)).body), before, 'the page past the end was rendered again');
  for (const url of ['/upazilas/atlantis', '/divisions/atlantis', '/organisations/atlantis']) {
    assert.equal((await get(url)).statusCode, 404, url);
    assert.equal((await get(url)).statusCode, 404, `${url} again`);
  }
});
