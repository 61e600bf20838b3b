import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.ts';
import { openDatabase, type Database } from '../core/db/connection.ts';
import { openTestDatabase, type TestDatabase } from '../core/db/test-database.ts';
import { PageCache } from '../http/page-cache.ts';
import { exportCharter, importCharter, seedCharters } from './index.ts';

const JESSORE = 'doict-sadar-jessore';
const JAINTIAPUR = 'doict-jaintiapur-sylhet';
const PAGE = `/offices/${JESSORE}`;

let database: TestDatabase;
let cache: PageCache;
let app: FastifyInstance;

before(async () => {
  database = await openTestDatabase();
  await seedCharters(database.db);
  cache = new PageCache();
  app = await buildApp({ db: database.db, pageCache: cache });
});
after(async () => {
  await app.close();
  await database.drop();
});

function get(url: string, headers: Record<string, string> = {}, instance = app) {
  return instance.inject({ method: 'GET', url, headers });
}

/** Publishes a new version of an office's charter whose first service has this name. */
async function republish(slug: string, firstServiceName: string): Promise<void> {
  const doc = await exportCharter(database.db, slug);
  const [first, ...rest] = doc.services;
  assert.ok(first);
  await importCharter(database.db, { ...doc, services: [{ ...first, name_bn: firstServiceName }, ...rest] }, { officeSlug: slug, publish: true });
}

test('a charter page is rendered once; the next request is served from memory', async () => {
  const before = cache.stats;
  const first = await get(PAGE);
  const second = await get(PAGE);
  assert.equal(first.statusCode, 200);
  assert.equal(second.body, first.body);
  assert.equal(cache.stats.misses - before.misses, 1, 'rendered once');
  assert.equal(cache.stats.hits - before.hits, 1, 'then served from the cache');
});

test('the same page in br, gzip and identity decodes to the same HTML, each with its own ETag', async () => {
  const identity = await get(PAGE, { 'accept-encoding': 'identity' });
  const br = await get(PAGE, { 'accept-encoding': 'gzip, deflate, br' });
  const gzip = await get(PAGE, { 'accept-encoding': 'gzip' });
  assert.equal(identity.headers['content-encoding'], undefined);
  assert.equal(br.headers['content-encoding'], 'br');
  assert.equal(gzip.headers['content-encoding'], 'gzip');
  assert.ok(identity.body.startsWith('<!doctype html>'));
  assert.equal(brotliDecompressSync(br.rawPayload).toString('utf8'), identity.body);
  assert.equal(gunzipSync(gzip.rawPayload).toString('utf8'), identity.body);
  assert.ok(br.rawPayload.length < identity.rawPayload.length / 4, 'compressed, and only once: a second compression would not decode to HTML');
  assert.equal(new Set([identity.headers.etag, br.headers.etag, gzip.headers.etag]).size, 3);
  assert.equal(Number(br.headers['content-length']), br.rawPayload.length);
});

test('a client that refuses br (q=0) gets gzip; one that accepts nothing we store gets identity', async () => {
  assert.equal((await get(PAGE, { 'accept-encoding': 'br;q=0, gzip' })).headers['content-encoding'], 'gzip');
  assert.equal((await get(PAGE, { 'accept-encoding': 'gzip;q=0.5, br;q=1.0' })).headers['content-encoding'], 'br');
  assert.equal((await get(PAGE, { 'accept-encoding': 'deflate' })).headers['content-encoding'], undefined);
});

test('If-None-Match with the current ETag answers 304 with no body; a stale one gets the page', async () => {
  const page = await get(PAGE, { 'accept-encoding': 'br' });
  const etag = String(page.headers.etag);
  assert.match(etag, /^"[\w-]+"$/, 'a strong ETag');
  const notModified = await get(PAGE, { 'accept-encoding': 'br', 'if-none-match': etag });
  assert.equal(notModified.statusCode, 304);
  assert.equal(notModified.rawPayload.length, 0);
  assert.equal(notModified.headers.etag, etag);
  assert.equal(notModified.headers['cache-control'], page.headers['cache-control']);
  assert.equal(notModified.headers.vary, 'Accept-Encoding, Cookie');
  const listed = await get(PAGE, { 'accept-encoding': 'br', 'if-none-match': `"other", W/${etag}` });
  assert.equal(listed.statusCode, 304, 'a list, and the weak form, match too');
  const stale = await get(PAGE, { 'accept-encoding': 'br', 'if-none-match': '"not-this-one"' });
  assert.equal(stale.statusCode, 200);
});

test('pages and downloads say how a CDN may keep them, and what they vary by', async () => {
  for (const url of [PAGE, `${PAGE}/services/s1`, `${PAGE}/charter.json`, `${PAGE}/charter.csv`]) {
    const response = await get(url, { 'accept-encoding': 'br' });
    assert.equal(response.statusCode, 200, url);
    assert.equal(response.headers['cache-control'], 'public, max-age=60, stale-while-revalidate=600', url);
    assert.equal(response.headers.vary, 'Accept-Encoding, Cookie', url);
    assert.ok(response.headers.etag, url);
    assert.equal(response.headers['content-encoding'], 'br', url);
    assert.equal(response.headers['x-content-type-options'], 'nosniff', `${url} keeps the security headers`);
  }
  const csv = await get(`${PAGE}/charter.csv`);
  assert.equal(csv.headers['content-disposition'], `attachment; filename="${JESSORE}-charter.csv"`);
  assert.equal(JSON.parse((await get(`${PAGE}/charter.json`)).body).format, 'protishruti.charter/v1');
});

test('the language cookie and ?lang choose the cached copy; an answer that sets the cookie is private', async () => {
  const bangla = await get(PAGE);
  const english = await get(PAGE, { cookie: 'lang=en' });
  assert.ok(bangla.body.includes('<html lang="bn">'));
  assert.ok(english.body.includes('<html lang="en">'));
  assert.notEqual(english.headers.etag, bangla.headers.etag);
  const chosen = await get(`${PAGE}?lang=en`);
  assert.ok(chosen.body.includes('<html lang="en">'));
  assert.match(String(chosen.headers['set-cookie']), /lang=en/);
  assert.equal(chosen.headers['cache-control'], 'private, max-age=60');
  // one copy serves every address of the page: its language switch names the page, not the request
  const odd = await get(`${PAGE}?lang=en&x=1`);
  assert.equal(odd.body, chosen.body);
  assert.ok(chosen.body.includes(`href="/offices/${JESSORE}?lang=bn"`));
});

test('a republished charter is served at once, with a new ETag; the old one no longer matches', async () => {
  const old = await get(PAGE, { 'accept-encoding': 'br' });
  const oldService = await get(`${PAGE}/services/s1`);
  const oldJson = await get(`${PAGE}/charter.json`);
  const oldApplyForm = await get(`${PAGE}/services/s1/apply`);
  await republish(JESSORE, 'নতুন সেবার নাম');
  const fresh = await get(PAGE, { 'accept-encoding': 'br', 'if-none-match': String(old.headers.etag) });
  assert.equal(fresh.statusCode, 200);
  assert.notEqual(fresh.headers.etag, old.headers.etag);
  assert.ok(brotliDecompressSync(fresh.rawPayload).toString('utf8').includes('নতুন সেবার নাম'));
  assert.ok((await get(`${PAGE}/services/s1`)).body.includes('নতুন সেবার নাম'));
  assert.ok(!oldService.body.includes('নতুন সেবার নাম'));
  assert.equal(JSON.parse((await get(`${PAGE}/charter.json`)).body).services[0].name_bn, 'নতুন সেবার নাম');
  assert.notEqual(JSON.parse(oldJson.body).services[0].name_bn, 'নতুন সেবার নাম');
  assert.ok((await get(`${PAGE}/services/s1/apply`)).body.includes('নতুন সেবার নাম'), 'the apply form names the service as published now');
  assert.ok(!oldApplyForm.body.includes('নতুন সেবার নাম'));
});

test('two instances on one database both serve a republish made by either, without telling each other', async () => {
  // on PostgreSQL the second instance has a connection pool of its own, as another process would
  const second: Database = database.url ? await openDatabase({ databaseUrl: database.url }) : database;
  const other = await buildApp({ db: second.db, pageCache: new PageCache() });
  try {
    const url = `/offices/${JAINTIAPUR}`;
    for (const name of ['প্রথম পুনঃপ্রকাশ', 'দ্বিতীয় পুনঃপ্রকাশ']) {
      await get(url); // both instances hold the current version in memory
      await get(url, {}, other);
      await republish(JAINTIAPUR, name);
      assert.ok((await get(url)).body.includes(name), `this instance shows "${name}"`);
      assert.ok((await get(url, {}, other)).body.includes(name), `the other instance shows "${name}"`);
    }
  } finally {
    await other.close();
    if (second !== database) await second.close();
  }
});

test('a service code that names no service is a 404 and is not kept; old numeric addresses still redirect', async () => {
  const entries = cache.stats.entries;
  assert.equal((await get(`${PAGE}/services/s999`)).statusCode, 404);
  assert.equal(cache.stats.entries, entries);
  // the seed imports Jaintiapur first, so its first service was row 1
  const redirect = await get(`/offices/${JAINTIAPUR}/services/1?lang=en`);
  assert.equal(redirect.statusCode, 301);
  assert.match(String(redirect.headers.location), new RegExp(`^/offices/${JAINTIAPUR}/services/s\\d+\\?lang=en$`));
  assert.equal((await get('/offices/no-such-office')).statusCode, 404);
});

test('concurrent first requests for one page render it once', async () => {
  await republish(JESSORE, 'একসাথে অনুরোধ');
  const before = cache.stats.misses;
  const answers = await Promise.all(Array.from({ length: 8 }, () => get(PAGE)));
  assert.ok(answers.every((answer) => answer.body === answers[0]?.body && answer.body.includes('একসাথে অনুরোধ')));
  assert.equal(cache.stats.misses - before, 1);
});
