// The charter editor as an office administrator uses it: signed in with the form, every change
// posted with the page's CSRF token, published, and seen on the public pages at once.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { createTestUser, type TestUser } from '../../accounts/test-support.ts';
import { buildApp } from '../../app.ts';
import { openTestDatabase, type TestDatabase } from '../../core/db/test-database.ts';
import { exportCharter, seedCharters } from '../index.ts';

const OWN = 'doict-sadar-jessore';
const OTHER = 'doict-jaintiapur-sylhet';

let database: TestDatabase;
let app: FastifyInstance;
let admin: TestUser;
let session: Record<string, string>;

function form(fields: Record<string, string>) {
  return { payload: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } };
}

function cookiesOf(response: LightMyRequestResponse): Record<string, string> {
  return Object.fromEntries(response.cookies.map((cookie) => [cookie.name, cookie.value]));
}

const csrfOf = (body: string) => /name="_csrf" value="([^"]+)"/.exec(body)?.[1] ?? '';

/** Signs in through the form, as a browser does, and keeps the cookies. */
async function signIn(user: TestUser): Promise<Record<string, string>> {
  const page = await app.inject({ url: '/login' });
  const response = await app.inject({
    method: 'POST',
    url: '/login',
    cookies: cookiesOf(page),
    ...form({ email: user.email, password: user.password, _csrf: csrfOf(page.body) }),
  });
  assert.equal(response.statusCode, 303, response.body);
  return { ...cookiesOf(page), ...cookiesOf(response) };
}

/** Opens a page and posts its form with the page's own CSRF token. */
async function postFrom(pageUrl: string, action: string, fields: Record<string, string>) {
  const page = await app.inject({ url: pageUrl, cookies: session });
  assert.equal(page.statusCode, 200, `${pageUrl}: ${page.body.slice(0, 300)}`);
  const cookies = { ...session, ...cookiesOf(page) };
  return app.inject({ method: 'POST', url: action, cookies, ...form({ ...fields, _csrf: csrfOf(page.body) }) });
}

/** Every field of the service form as the page fills it in. */
function formFields(body: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const match of body.matchAll(/<input id="f-[^"]*" name="([^"]+)" type="[^"]+" value="([^"]*)"/g)) fields[match[1] ?? ''] = decode(match[2] ?? '');
  // a textarea's first line break is the markup's, not the value's
  for (const match of body.matchAll(/<textarea id="f-[^"]*" name="([^"]+)"[^>]*>\n([^<]*)<\/textarea>/g)) fields[match[1] ?? ''] = decode(match[2] ?? '');
  const category = /<option value="(\w+)" selected>/.exec(body)?.[1];
  if (category) fields.category = category;
  return fields;
}

const decode = (text: string) => text.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

async function saveTimeLimit(code: string, timeLimit: string) {
  const url = `/offices/${OWN}/edit/services/${code}`;
  const page = await app.inject({ url, cookies: session });
  const response = await app.inject({
    method: 'POST',
    url,
    cookies: { ...session, ...cookiesOf(page) },
    ...form({ ...formFields(page.body), time_limit: timeLimit, action: 'save', _csrf: csrfOf(page.body) }),
  });
  assert.equal(response.statusCode, 303, response.body.slice(0, 500));
}

async function publish() {
  const response = await postFrom(`/offices/${OWN}/edit`, `/offices/${OWN}/edit/publish`, {});
  assert.equal(response.statusCode, 303, response.body.slice(0, 300));
  assert.equal(response.headers.location, `/offices/${OWN}/edit?done=published`);
}

async function auditActions(since: number): Promise<{ action: string; subject_id: string | null; actor_user_id: number | null; ip: string | null; before: unknown; after: unknown }[]> {
  return database.db
    .selectFrom('audit_log')
    .select(['action', 'subject_id', 'actor_user_id', 'ip', 'before', 'after'])
    .where('id', '>', since)
    .where('action', 'like', 'charter.%')
    .orderBy('id')
    .execute();
}

async function lastAuditId(): Promise<number> {
  const row = await database.db.selectFrom('audit_log').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst();
  return Number(row?.id ?? 0);
}

before(async () => {
  database = await openTestDatabase();
  await seedCharters(database.db);
  app = await buildApp({ db: database.db });
  admin = await createTestUser(database.db, 'office_admin', { kind: 'office', slug: OWN });
  session = await signIn(admin);
});
after(async () => {
  await app.close();
  await database.drop();
});

test('an office admin changes a time limit and publishes; the public service page and the history show it at once', async () => {
  const doc = await exportCharter(database.db, OWN);
  const target = doc.services[4];
  assert.ok(target?.code);
  const code = target.code;
  const publicUrl = `/offices/${OWN}/services/${code}`;
  // read once, so the page sits in the page cache
  assert.ok((await app.inject({ url: publicUrl })).body.includes(target.time_limit.text ?? ''));
  const since = await lastAuditId();

  const overview = await app.inject({ url: `/offices/${OWN}/edit`, cookies: session });
  assert.equal(overview.statusCode, 200);
  assert.match(overview.headers['cache-control'] ?? '', /no-store/);
  assert.match(overview.body, new RegExp(`/offices/${OWN}/edit/services/${code}`));

  // "Check" reads the limit back and saves nothing
  const url = `/offices/${OWN}/edit/services/${code}`;
  const page = await app.inject({ url, cookies: session });
  const checked = await app.inject({
    method: 'POST',
    url,
    cookies: { ...session, ...cookiesOf(page) },
    ...form({ ...formFields(page.body), time_limit: '৩ কার্যদিবস', action: 'check', _csrf: csrfOf(page.body) }),
  });
  assert.equal(checked.statusCode, 200);
  assert.match(checked.body, /<span lang="bn">৩ কার্যদিবস<\/span> → <strong>সর্বোচ্চ ৩ কার্যদিবস<\/strong>/);
  assert.match(checked.body, /value="৩ কার্যদিবস"/, 'the form keeps what was typed');
  assert.deepEqual(await auditActions(since), [], 'checking writes nothing');

  await saveTimeLimit(code, '৭ কার্যদিবস');
  await publish();
  assert.match((await app.inject({ url: publicUrl })).body, /৭ কার্যদিবস/);
  await saveTimeLimit(code, '৫ কার্যদিবস');
  assert.doesNotMatch((await app.inject({ url: publicUrl })).body, /৫ কার্যদিবস/, 'a draft is not public');
  await publish();

  const shown = await app.inject({ url: publicUrl });
  assert.equal(shown.statusCode, 200);
  assert.match(shown.body, /৫ কার্যদিবস/);
  assert.match((await app.inject({ url: `${publicUrl}?lang=en` })).body, /At most 5 working days/);
  assert.match((await app.inject({ url: `/offices/${OWN}` })).body, /৫ কার্যদিবস/);

  const history = await app.inject({ url: `/offices/${OWN}/history`, cookies: session });
  assert.equal(history.statusCode, 200);
  assert.match(history.body, /সময়সীমা ৭ → ৫ কার্যদিবস/);
  assert.match((await app.inject({ url: `/offices/${OWN}/history?lang=en`, cookies: session })).body, /time limit 7 → 5 working days/);

  const audit = await auditActions(since);
  assert.deepEqual(
    audit.map((row) => [row.action, row.subject_id]),
    [
      ['charter.draft.create', '2'],
      ['charter.service.update', code],
      ['charter.publish', '2'],
      ['charter.draft.create', '3'],
      ['charter.service.update', code],
      ['charter.publish', '3'],
    ],
  );
  const update = audit[4];
  assert.ok(update);
  assert.equal(typeof update.actor_user_id, 'number');
  assert.ok(update.ip);
  assert.equal((update.before as { time_limit: { text: string } }).time_limit.text, '৭ কার্যদিবস');
  assert.equal((update.after as { time_limit: { text: string; max: number } }).time_limit.max, 5);
});

test('a service keeps its code, and every other service its code, across an edit and a publish', async () => {
  const before = await exportCharter(database.db, OWN);
  const edited = before.services[1];
  assert.ok(edited?.code);
  await saveTimeLimit(edited.code, '২ কার্যদিবস');
  await publish();
  const after = await exportCharter(database.db, OWN);
  assert.deepEqual(after.services.map((service) => [service.code, service.name_bn]), before.services.map((service) => [service.code, service.name_bn]));
  assert.equal(after.services[1]?.time_limit.max, 2);
});

test('a new service gets the next code; services move and are removed in the draft only until publishing', async () => {
  const before = await exportCharter(database.db, OWN);
  const highest = Math.max(...before.services.map((service) => Number(service.code?.slice(1))));
  const added = await postFrom(`/offices/${OWN}/edit/services/new`, `/offices/${OWN}/edit/services/new`, {
    name_bn: 'নতুন পরীক্ষামূলক সেবা',
    category: 'citizen',
    serial: '99',
    time_limit: 'তাৎক্ষণিক',
    fee: 'বিনামূল্যে',
    action: 'save',
  });
  assert.equal(added.statusCode, 303, added.body.slice(0, 300));
  const first = before.services[0]?.code ?? '';
  const moved = await postFrom(`/offices/${OWN}/edit`, `/offices/${OWN}/edit/services/${first}/move`, { direction: 'down' });
  assert.equal(moved.statusCode, 303);
  const removedCode = before.services[2]?.code ?? '';
  const removed = await postFrom(`/offices/${OWN}/edit/services/${removedCode}/remove`, `/offices/${OWN}/edit/services/${removedCode}/remove`, {});
  assert.equal(removed.statusCode, 303);
  assert.equal((await exportCharter(database.db, OWN)).services.length, before.services.length, 'the public charter is unchanged');

  await publish();
  const after = await exportCharter(database.db, OWN);
  const codes = after.services.map((service) => service.code);
  assert.equal(codes.at(-1), `s${highest + 1}`);
  assert.equal(codes[1], first);
  assert.ok(!codes.includes(removedCode));
  const history = await app.inject({ url: `/offices/${OWN}/history`, cookies: session });
  assert.match(history.body, /নতুন সেবা: <span lang="bn">নতুন পরীক্ষামূলক সেবা<\/span>/);
  assert.match(history.body, new RegExp(`সেবা বাদ: .*\\(${removedCode}\\)`));
});

test('a form with mistakes comes back with each mistake named at its field and what was typed kept', async () => {
  const code = (await exportCharter(database.db, OWN)).services[0]?.code ?? '';
  const url = `/offices/${OWN}/edit/services/${code}`;
  const page = await app.inject({ url: `${url}?lang=en`, cookies: session });
  const response = await app.inject({
    method: 'POST',
    url,
    cookies: { ...session, ...cookiesOf(page) },
    ...form({ ...formFields(page.body), name_bn: ' ', officer_phone: '12ab', time_limit: 'শুনানী সাপেক্ষে', action: 'save', _csrf: csrfOf(page.body) }),
  });
  assert.equal(response.statusCode, 400);
  assert.match(response.body, /Enter the service name in Bangla/);
  assert.match(response.body, /id="f-officer_phone-error">Enter a Bangladesh number/);
  assert.match(response.body, /value="12ab"/);
  assert.match(response.body, /no duration could be read/, 'an unreadable limit is a warning, not an error');
});

test('a time limit that cannot be counted is saved as written, as the importer keeps such limits', async () => {
  const code = (await exportCharter(database.db, OWN)).services[0]?.code ?? '';
  await saveTimeLimit(code, 'শুনানী সাপেক্ষে');
  const view = await app.inject({ url: `/offices/${OWN}/edit/services/${code}`, cookies: session });
  assert.match(view.body, /value="শুনানী সাপেক্ষে"/);
});

test('an office admin finds the way to their office\'s editor on their account page, and to no other', async () => {
  const account = await app.inject({ url: '/account', cookies: session });
  assert.equal(account.statusCode, 200);
  assert.match(account.body, new RegExp(`href="/offices/${OWN}/edit"`));
  assert.doesNotMatch(account.body, new RegExp(`/offices/${OTHER}/edit`));
});

test('the Jessore office admin cannot open or change Jaintiapur’s charter', async () => {
  const page = await app.inject({ url: `/offices/${OTHER}/edit`, cookies: session });
  assert.equal(page.statusCode, 403);
  const own = await app.inject({ url: `/offices/${OWN}/edit`, cookies: session });
  const posted = await app.inject({ method: 'POST', url: `/offices/${OTHER}/edit/publish`, cookies: { ...session, ...cookiesOf(own) }, ...form({ _csrf: csrfOf(own.body) }) });
  assert.equal(posted.statusCode, 403);
  const byToken = await app.inject({ url: `/offices/${OTHER}/edit/services/s1`, headers: { authorization: admin.authorization } });
  assert.equal(byToken.statusCode, 403);
});

test('signed out, the editor sends the visitor to sign in', async () => {
  const response = await app.inject({ url: `/offices/${OWN}/edit` });
  assert.equal(response.statusCode, 303);
  assert.match(response.headers.location ?? '', /^\/login\?next=/);
});

test('a form post without the page’s CSRF token is refused and changes nothing', async () => {
  const since = await lastAuditId();
  const code = (await exportCharter(database.db, OWN)).services[0]?.code ?? '';
  const response = await app.inject({ method: 'POST', url: `/offices/${OWN}/edit/services/${code}/remove`, cookies: session, ...form({}) });
  assert.equal(response.statusCode, 403);
  assert.deepEqual(await auditActions(since), []);
});

test('a pasted charter is read by the importer, its warnings shown with their lines, and used as the draft with codes matched', async () => {
  const before = await exportCharter(database.db, OWN);
  const { readFile } = await import('node:fs/promises');
  const seed = await readFile(new URL('../../../data/charters/jessore-sadar.txt', import.meta.url), 'utf8');
  // a line the importer cannot place, as text copied from a PDF has
  const text = seed.replace('২.১) নাগরিক সেবা', '২.১) নাগরিক সেবা\nএই লাইনটি কোথাও বসে না');
  const checked = await postFrom(`/offices/${OWN}/edit/upload`, `/offices/${OWN}/edit/upload`, { text, action: 'check' });
  assert.equal(checked.statusCode, 200);
  assert.match(checked.body, /সেবা ও/);
  assert.match(checked.body, /লাইন ২৩<\/strong>: <span lang="en">Line not understood/, 'warnings name their source line');
  assert.match(checked.body, /<pre class="source-line" lang="bn">এই লাইনটি কোথাও বসে না<\/pre>/);
  const used = await postFrom(`/offices/${OWN}/edit/upload`, `/offices/${OWN}/edit/upload`, { text, action: 'use' });
  assert.equal(used.statusCode, 303);
  await publish();
  const after = await exportCharter(database.db, OWN);
  // the seed text has every original service: each gets back the code it had
  const byName = new Map(before.services.map((service) => [service.name_bn, service.code]));
  for (const service of after.services) {
    if (byName.has(service.name_bn)) assert.equal(service.code, byName.get(service.name_bn), service.name_bn ?? '');
  }
  const refused = await postFrom(`/offices/${OWN}/edit/upload`, `/offices/${OWN}/edit/upload`, { text: 'hello', action: 'check' });
  assert.equal(refused.statusCode, 400);
});
