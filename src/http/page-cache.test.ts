import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brotliDecompressSync } from 'node:zlib';
import { chooseEncoding, PageCache } from './page-cache.ts';

test('the encoding is the stored one the client weighs highest, br before gzip on a tie', () => {
  assert.equal(chooseEncoding(undefined), 'identity');
  assert.equal(chooseEncoding(''), 'identity');
  assert.equal(chooseEncoding('gzip, deflate, br, zstd'), 'br');
  assert.equal(chooseEncoding('gzip'), 'gzip');
  assert.equal(chooseEncoding('x-gzip'), 'gzip');
  assert.equal(chooseEncoding('BR;q=0.5, gzip;q=0.9'), 'gzip');
  assert.equal(chooseEncoding('br;q=0, gzip;q=0'), 'identity');
  assert.equal(chooseEncoding('*'), 'br');
  assert.equal(chooseEncoding('deflate'), 'identity');
  assert.equal(chooseEncoding('identity;q=0, gzip;q=0.1'), 'gzip');
});

test('the cache forgets the least recently used responses when it is over its byte budget', async () => {
  const cache = new PageCache({ maxBytes: 50_000 });
  // about 10 KB each (the compressed copies of this repetitive text are small): room for four
  const body = (seed: number) => `${seed}`.repeat(10_000 / String(seed).length);
  for (let i = 0; i < 6; i++) await cache.get(`page-${i}`, async () => ({ contentType: 'text/plain', body: body(i) }));
  assert.ok(cache.stats.bytes <= 50_000, `${cache.stats.bytes} bytes kept`);
  assert.ok(cache.stats.entries < 6);
  const misses = cache.stats.misses;
  await cache.get('page-5', async () => ({ contentType: 'text/plain', body: body(5) }));
  assert.equal(cache.stats.misses, misses, 'the newest is still there');
  await cache.get('page-0', async () => ({ contentType: 'text/plain', body: body(0) }));
  assert.equal(cache.stats.misses, misses + 1, 'the oldest was dropped');
});

test('a failed production is not kept: the next request tries again', async () => {
  const cache = new PageCache();
  await assert.rejects(cache.get('k', async () => Promise.reject(new Error('no such page'))), /no such page/);
  const response = await cache.get('k', async () => ({ contentType: 'text/plain', body: 'now it exists' }));
  assert.equal(response.bodies.identity.toString(), 'now it exists');
  assert.equal(cache.stats.misses, 2);
});

test('a response produced with keep: false answers its request but is not kept', async () => {
  const cache = new PageCache();
  let produced = 0;
  const produce = async () => ({ contentType: 'text/plain', body: `render ${++produced}`, keep: false });
  const [first, concurrent] = await Promise.all([cache.get('past-the-end', produce), cache.get('past-the-end', produce)]);
  assert.equal(first.bodies.identity.toString(), 'render 1');
  assert.equal(concurrent, first, 'a request arriving meanwhile shares the one production');
  assert.equal(cache.stats.entries, 0);
  const again = await cache.get('past-the-end', produce);
  assert.equal(again.bodies.identity.toString(), 'render 2', 'produced again, not served from memory');
});

test('a cache for content replaced often compresses at the brotli quality it is given, to the same text', async () => {
  const text = Array.from({ length: 400 }, (_, i) => `<li><a href="/offices/office-${i}">দপ্তর ${i * 7919}</a></li>`).join('\n');
  const strongest = await new PageCache().get('k', async () => ({ contentType: 'text/html', body: text }));
  const quick = await new PageCache({ brotliQuality: 1 }).get('k', async () => ({ contentType: 'text/html', body: text }));
  assert.equal(brotliDecompressSync(quick.bodies.br).toString('utf8'), text);
  assert.ok(quick.bodies.br.length > strongest.bodies.br.length, `quality 1: ${quick.bodies.br.length} bytes, 11: ${strongest.bodies.br.length}`);
  assert.equal(quick.hash, strongest.hash, 'the same content, so the same validators');
});
