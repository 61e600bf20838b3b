// The directory's search box echoes what was typed: inside value="…", in the result count and
// in the language link. Each of & < > " ' must come back as text, never close the attribute.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.ts';
import { openTestDatabase, type TestDatabase } from '../core/db/test-database.ts';

// written out by hand, not with escapeHtml: the test must not trust the code it checks
const EACH_METACHARACTER: [string, string][] = [
  ['&', '&amp;'],
  ['<', '&lt;'],
  ['>', '&gt;'],
  ['"', '&quot;'],
  ["'", '&#39;'],
];

let database: TestDatabase;
let app: FastifyInstance;

before(async () => {
  database = await openTestDatabase();
  app = await buildApp({ db: database.db });
});
after(async () => {
  await app.close();
  await database.drop();
});

async function search(query: string, lang?: 'bn' | 'en'): Promise<string> {
  const response = await app.inject({ method: 'GET', url: '/search', query: lang ? { q: query, lang } : { q: query } });
  assert.equal(response.statusCode, 200, `GET /search?q=${query}`);
  return response.body;
}

/** The search input's value attribute as written, up to the first double quote. */
function searchBoxValue(body: string): string | undefined {
  return /<input type="search" id="q" name="q" value="([^"]*)"/.exec(body)?.[1];
}

function unescapeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[name] ?? '');
}

test('each metacharacter typed into the search box comes back escaped inside its value attribute', async () => {
  for (const [char, entity] of EACH_METACHARACTER) {
    const body = await search(`ঢাকা${char}অফিস`);
    assert.equal(searchBoxValue(body), `ঢাকা${entity}অফিস`, `${char} in value="…"`);
  }
});

test('each metacharacter typed into the search box is escaped in the result line too', async () => {
  for (const lang of ['bn', 'en'] as const) {
    for (const [char, entity] of EACH_METACHARACTER) {
      const body = await search(`ঢাকা${char}অফিস`, lang);
      assert.ok(body.includes(`“ঢাকা${entity}অফিস”`), `${char} in the result line (${lang})`);
    }
  }
});

test('a query built to break out of the attribute stays one attribute value', async () => {
  const attack = `"><script>alert(1)</script><input value='x' onfocus="alert(2)`;
  const body = await search(attack);
  assert.equal(searchBoxValue(body), '&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;input value=&#39;x&#39; onfocus=&quot;alert(2)');
  assert.equal(unescapeEntities(searchBoxValue(body) ?? ''), attack);
  assert.ok(!body.includes('<script'), 'no script element');
  assert.ok(!body.includes('onfocus="'), 'no event attribute');
  assert.equal(body.match(/<input /g)?.length, 1, 'one input element: the search box');
});

test('the language link keeps the query, escaped, so switching language repeats the same search', async () => {
  const query = `Tom & Jerry's "<b>"`;
  const body = await search(query);
  const href = /<a class="lang-switch" href="([^"]*)"/.exec(body)?.[1];
  assert.ok(href, 'a language link');
  assert.doesNotMatch(href, /[<>"']|&(?!amp;)/, 'nothing unescaped in the href');
  const url = new URL(unescapeEntities(href), 'http://portal.example');
  assert.equal(url.searchParams.get('q'), query);
  assert.equal(url.searchParams.get('lang'), 'en');
});
