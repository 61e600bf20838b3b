// /admin/users with more users than a page holds: 50 a page, a search by name or address, both
// together, and the count said in the reader's language.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.ts';
import { seedCharters } from '../charters/index.ts';
import { openTestDatabase, type TestDatabase } from '../core/db/test-database.ts';
import { requireOfficeId } from '../offices/index.ts';
import { createTestUser, type TestUser } from './test-support.ts';

const OWN = 'doict-sadar-jessore';
const MANY = 1_150;
// every 20th is a Rahim (58 of them: two pages); every 10th holds a role at OWN (115)
const isRahim = (i: number) => i % 20 === 0;

let database: TestDatabase;
let app: FastifyInstance;
let admin: TestUser;
let officeAdmin: TestUser;
let total: number;

before(async () => {
  database = await openTestDatabase();
  await seedCharters(database.db);
  app = await buildApp({ db: database.db });
  admin = await createTestUser(database.db, 'system_admin');
  officeAdmin = await createTestUser(database.db, 'office_admin', { kind: 'office', slug: OWN });
  const pad = (i: number) => String(i).padStart(4, '0');
  const users = Array.from({ length: MANY }, (_, i) => ({
    email: `person-${pad(i)}@paging.gov.bd`,
    name_bn: isRahim(i) ? `রহিম উদ্দিন ${pad(i)}` : `করিম ${pad(i)}`,
    name_en: isRahim(i) ? `Rahim Uddin ${pad(i)}` : i === 7 ? 'Fifty%Percent_Man' : `Karim ${pad(i)}`,
    password_hash: null,
    status: 'invited' as const,
  }));
  const ids = await database.db.insertInto('users').values(users).returning(['id', 'email']).execute();
  const officeId = await requireOfficeId(database.db, OWN);
  const atOwn = ids.filter((row) => Number(/person-(\d+)/.exec(row.email)?.[1]) % 10 === 0);
  await database.db.insertInto('role_grants').values(atOwn.map((row) => ({ user_id: row.id, role: 'office_staff' as const, office_id: officeId }))).execute();
  total = Number((await database.db.selectFrom('users').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
});
after(async () => {
  await app.close();
  await database.drop();
});

const list = (url: string, who: TestUser = admin) => app.inject({ url, headers: { authorization: who.authorization } });
const rows = (body: string) => [...body.matchAll(/<tr>\s*<td>[^<]*<br><small>([^<]+)<\/small>/g)].map((match) => match[1] ?? '');
const group = (n: number) => n.toLocaleString('en-GB');

test('the list shows 50 users a page, says which ones of how many, and links to the pages either side', async () => {
  assert.ok(total > 1000);
  const first = await list('/admin/users?lang=en');
  assert.equal(first.statusCode, 200);
  assert.equal(rows(first.body).length, 50);
  assert.ok(first.body.includes(`Showing 1–50 of ${group(total)}`), `1–50 of ${group(total)}`);
  assert.match(first.body, /<a rel="next" href="\/admin\/users\?page=2">/);
  assert.doesNotMatch(first.body, /rel="prev"/);

  const second = await list('/admin/users?lang=en&page=2');
  assert.ok(second.body.includes(`Showing 51–100 of ${group(total)}`));
  assert.match(second.body, /<a rel="prev" href="\/admin\/users">/);
  assert.match(second.body, /<a rel="next" href="\/admin\/users\?page=3">/);
  const onFirst = new Set(rows(first.body));
  assert.ok(rows(second.body).every((email) => !onFirst.has(email)), 'pages do not overlap');

  const lastPage = Math.ceil(total / 50);
  const last = await list(`/admin/users?lang=en&page=${lastPage}`);
  assert.equal(rows(last.body).length, total - (lastPage - 1) * 50);
  assert.ok(last.body.includes(`Showing ${group((lastPage - 1) * 50 + 1)}–${group(total)} of ${group(total)}`));
  assert.doesNotMatch(last.body, /rel="next"/);
  const beyond = await list('/admin/users?lang=en&page=999');
  assert.deepEqual(rows(beyond.body), rows(last.body), 'a page past the end shows the last one');
  assert.equal((await list('/admin/users?lang=en&page=abc')).statusCode, 200, 'a page that is not a number shows the first');
});

test('in Bangla the count is written in Bangla digits', async () => {
  const page = await list('/admin/users?lang=bn&page=2');
  const bangla = (n: number) => n.toLocaleString('en-IN').replace(/[0-9]/g, (digit) => '০১২৩৪৫৬৭৮৯'.charAt(Number(digit)));
  assert.ok(page.body.includes(`${bangla(total)} জনের মধ্যে ৫১–১০০ দেখানো হচ্ছে`), bangla(total));
  assert.match(page.body, /পরের পাতা/);
});

test('the search finds part of a name or address in any case, and pages keep the search', async () => {
  const rahims = await list('/admin/users?lang=en&q=rAhIm');
  assert.ok(rahims.body.includes('Showing 1–50 of 58'));
  assert.ok(rows(rahims.body).every((email) => Number(/person-(\d+)/.exec(email)?.[1]) % 20 === 0));
  assert.match(rahims.body, /<a rel="next" href="\/admin\/users\?q=rAhIm&amp;page=2">/);
  assert.match(rahims.body, /<input id="q" name="q" type="search" maxlength="200" value="rAhIm">/);
  const second = await list('/admin/users?lang=en&q=rAhIm&page=2');
  assert.ok(second.body.includes('Showing 51–58 of 58'));
  assert.equal(rows(second.body).length, 8);

  assert.deepEqual(rows((await list('/admin/users?q=PERSON-0042%40PAGING')).body), ['person-0042@paging.gov.bd']);
  assert.ok((await list('/admin/users?lang=en&q=রহিম')).body.includes('Showing 1–50 of 58'), 'a Bangla name');
});

test('what is typed in the search is looked for as it is: % and _ are not wildcards, and quotes are only text', async () => {
  assert.deepEqual(rows((await list('/admin/users?q=%25')).body), ['person-0007@paging.gov.bd']);
  assert.deepEqual(rows((await list('/admin/users?q=t_M')).body), ['person-0007@paging.gov.bd']);
  const quoted = await list(`/admin/users?lang=en&q=${encodeURIComponent("x' or '1'='1")}`);
  assert.equal(quoted.statusCode, 200);
  assert.match(quoted.body, /No user matches &quot;x&#39; or &#39;1&#39;=&#39;1&quot;/);
});

test("an office administrator pages and searches only their office's users", async () => {
  const own = await list(`/admin/users?lang=en&office=${OWN}`, officeAdmin);
  // 115 made here, and the office administrator themself
  assert.ok(own.body.includes('Showing 1–50 of 116'));
  assert.match(own.body, new RegExp(`<a rel="next" href="/admin/users\\?office=${OWN}&amp;page=2">`));
  assert.match(own.body, new RegExp(`<input type="hidden" name="office" value="${OWN}">\\s*<label for="q">`));
  const rahims = await list(`/admin/users?lang=en&office=${OWN}&q=rahim`, officeAdmin);
  assert.ok(rahims.body.includes('Showing 1–50 of 58'), 'every Rahim holds a role at the office');
  const karims = await list(`/admin/users?lang=en&office=${OWN}&q=karim&page=2`, officeAdmin);
  assert.ok(karims.body.includes('Showing 51–57 of 57'));
  assert.equal((await list('/admin/users?q=rahim', officeAdmin)).statusCode, 403);
});
