// The officers and GRS pages of the charter editor, the charter file upload (multipart, with its
// CSRF check) and the stale-form check, as an office administrator uses them, on a real database.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { createTestUser } from '../../accounts/test-support.ts';
import { buildApp } from '../../app.ts';
import { openTestDatabase, type TestDatabase } from '../../core/db/test-database.ts';
import { exportCharter, seedCharters } from '../index.ts';

const OWN = 'doict-sadar-jessore';
const EDIT = `/offices/${OWN}/edit`;

let database: TestDatabase;
let app: FastifyInstance;
let session: Record<string, string>;

const form = (fields: Record<string, string>) => ({
  payload: new URLSearchParams(fields).toString(),
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
});

/** A multipart/form-data body as a browser sends the upload form, with an optional file. */
function multipart(fields: Record<string, string>, file?: { name: string; type: string; content: Buffer }) {
  const boundary = `----protishruti-test-${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = Object.entries(fields).map(([name, value]) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
  );
  if (file) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`), file.content, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const cookiesOf = (response: LightMyRequestResponse) => Object.fromEntries(response.cookies.map((cookie) => [cookie.name, cookie.value]));
const csrfOf = (body: string) => /name="_csrf" value="([^"]+)"/.exec(body)?.[1] ?? '';
const revisionOf = (body: string) => /name="revision" value="([^"]+)"/.exec(body)?.[1] ?? '';
const decode = (text: string) => text.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** Every named input and textarea of the page's form (hidden ones too), as a browser would send them. */
function formFields(body: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const match of body.matchAll(/<input (?:id="[^"]*" )?(?:type="hidden" )?name="([^"]+)"(?: type="[^"]+")? value="([^"]*)"/g)) fields[match[1] ?? ''] = decode(match[2] ?? '');
  for (const match of body.matchAll(/<textarea id="f-[^"]*" name="([^"]+)"[^>]*>\n([^<]*)<\/textarea>/g)) fields[match[1] ?? ''] = decode(match[2] ?? '');
  const category = /<option value="(\w+)" selected>/.exec(body)?.[1];
  if (category) fields.category = category;
  return fields;
}

/** Opens a page: its body, and the cookies and fields to post its form with. */
async function open(url: string) {
  const page = await app.inject({ url, cookies: session });
  assert.equal(page.statusCode, 200, `${url}: ${page.body.slice(0, 300)}`);
  return { body: page.body, cookies: { ...session, ...cookiesOf(page) }, fields: formFields(page.body) };
}

/** Opens the page and posts its form with changes, as a browser does. */
async function submit(pageUrl: string, action: string, changes: Record<string, string>) {
  const page = await open(pageUrl);
  return app.inject({ method: 'POST', url: action, cookies: page.cookies, ...form({ ...page.fields, ...changes }) });
}

async function auditSince(since: number) {
  return database.db.selectFrom('audit_log').select(['action', 'subject_id', 'before', 'after']).where('id', '>', since).where('action', 'like', 'charter.%').orderBy('id').execute();
}

async function lastAuditId(): Promise<number> {
  const row = await database.db.selectFrom('audit_log').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst();
  return Number(row?.id ?? 0);
}

async function publish() {
  const response = await submit(EDIT, `${EDIT}/publish`, {});
  assert.equal(response.statusCode, 303, response.body.slice(0, 300));
}

before(async () => {
  database = await openTestDatabase();
  await seedCharters(database.db);
  app = await buildApp({ db: database.db });
  const admin = await createTestUser(database.db, 'office_admin', { kind: 'office', slug: OWN });
  const login = await app.inject({ url: '/login' });
  const signedIn = await app.inject({
    method: 'POST',
    url: '/login',
    cookies: cookiesOf(login),
    ...form({ email: admin.email, password: admin.password, _csrf: csrfOf(login.body) }),
  });
  assert.equal(signedIn.statusCode, 303);
  session = { ...cookiesOf(login), ...cookiesOf(signedIn) };
});
after(async () => {
  await app.close();
  await database.drop();
});

test('the officers page lists each officer with the services that name them; an edit there changes every one of those services', async () => {
  const doc = await exportCharter(database.db, OWN);
  const named = doc.services.filter((service) => service.officer?.name_bn?.includes('ফারুক'));
  assert.ok(named.length > 1, 'the seed names one officer in several services');
  const list = await open(`${EDIT}/officers`);
  assert.match(list.body, /ফারুক হোসেন/);
  assert.match(list.body, new RegExp(`/edit/services/${named[0]?.code}"`));

  const since = await lastAuditId();
  const edited = await submit(`${EDIT}/officers/1`, `${EDIT}/officers/1`, { mobile: '01711-000111' });
  assert.equal(edited.statusCode, 303, edited.body.slice(0, 500));
  assert.equal(edited.headers.location, `${EDIT}/officers?done=officer_saved`);
  await publish();
  const after = await exportCharter(database.db, OWN);
  for (const service of after.services.filter((candidate) => named.some((old) => old.code === candidate.code))) {
    assert.equal(service.officer?.mobile, '+8801711000111', `${service.code} names the changed officer`);
  }
  const audit = await auditSince(since);
  const update = audit.find((row) => row.action === 'charter.officer.update');
  assert.ok(update);
  assert.deepEqual((update.after as { services: string[] }).services.sort(), named.map((service) => service.code).sort());
  assert.equal((update.before as { mobile: string }).mobile, named[0]?.officer?.mobile);

  const history = await app.inject({ url: `/offices/${OWN}/history?lang=en`, cookies: session });
  assert.match(history.body, /ফারুক হোসেন: mobile “\+8801734954256” → “\+8801711000111”/);
});

test('an officer no service names is added, shown on the public charter once published, and removed; one still named cannot be removed', async () => {
  const since = await lastAuditId();
  const added = await submit(`${EDIT}/officers/new`, `${EDIT}/officers/new`, {
    name_bn: 'রাশিদা বেগম',
    designation_bn: 'অভিযোগ নিষ্পত্তি কর্মকর্তা',
    phone: '0421-68001',
    email: 'grs@jessore.gov.bd',
  });
  assert.equal(added.statusCode, 303, added.body.slice(0, 500));
  const list = await open(`${EDIT}/officers`);
  assert.match(list.body, /রাশিদা বেগম/);
  assert.match(list.body, /No service names this officer|কোনো সেবায় এই কর্মকর্তার নাম নেই/);
  assert.doesNotMatch((await app.inject({ url: `/offices/${OWN}` })).body, /রাশিদা বেগম/, 'the draft is not public');

  // the same officer again is refused, naming the one on the list
  const again = await submit(`${EDIT}/officers/new?lang=en`, `${EDIT}/officers/new`, { name_bn: 'রাশিদা বেগম', email: 'grs@jessore.gov.bd' });
  assert.equal(again.statusCode, 409, again.body.slice(0, 2000));
  assert.match(again.body, /already on the list as number 2/);

  // an edit of a service keeps the officer added on her own
  const code = (await exportCharter(database.db, OWN)).services[0]?.code ?? '';
  assert.equal((await submit(`${EDIT}/services/${code}`, `${EDIT}/services/${code}`, { time_limit: '২ কার্যদিবস', action: 'save' })).statusCode, 303);
  await publish();
  const charter = await app.inject({ url: `/offices/${OWN}` });
  assert.match(charter.body, /রাশিদা বেগম/, 'the public charter lists the new officer');
  assert.match(charter.body, /ফারুক হোসেন/);

  // the remove page offers no button for an officer still named; a post anyway is refused
  const removePage = await open(`${EDIT}/officers/1/remove?lang=en`);
  assert.doesNotMatch(removePage.body, /Yes, remove them/);
  assert.match(removePage.body, /cannot be removed: these services still name them/);
  const refused = await submit(`${EDIT}?lang=en`, `${EDIT}/officers/1/remove`, {});
  assert.equal(refused.statusCode, 409);
  assert.match(refused.body, /cannot be removed: these services still name them/);
  assert.match(refused.body, new RegExp(`\\(${code}\\)`));

  const removed = await submit(`${EDIT}/officers/2/remove`, `${EDIT}/officers/2/remove`, {});
  assert.equal(removed.statusCode, 303, removed.body.slice(0, 500));
  await publish();
  assert.doesNotMatch((await app.inject({ url: `/offices/${OWN}` })).body, /রাশিদা বেগম/);
  const history = await app.inject({ url: `/offices/${OWN}/history?lang=en`, cookies: session });
  assert.match(history.body, /Officer removed: রাশিদা বেগম, অভিযোগ নিষ্পত্তি কর্মকর্তা/);
  assert.match(history.body, /New officer: রাশিদা বেগম/);
  assert.deepEqual(
    (await auditSince(since)).map((row) => row.action).filter((action) => action.startsWith('charter.officer')),
    ['charter.officer.add', 'charter.officer.remove'],
  );
});

test('GRS contacts are added, checked, edited and removed in the draft, and the history says what changed', async () => {
  const since = await lastAuditId();
  const checked = await submit(`${EDIT}/grs/new`, `${EDIT}/grs/new`, { role_bn: 'আপিল কর্মকর্তা', contact_bn: 'জেলা প্রশাসক, যশোর\n০৪২১-৬৮০০০', time_limit: '২০ কার্যদিবস', action: 'check' });
  assert.equal(checked.statusCode, 200);
  assert.match(checked.body, /<span lang="bn">২০ কার্যদিবস<\/span> → <strong>/);
  const added = await submit(`${EDIT}/grs/new`, `${EDIT}/grs/new`, { level: '1', role_bn: 'অভিযোগ নিষ্পত্তি কর্মকর্তা (অনিক)', contact_bn: 'সহকারী প্রোগ্রামার\n০১৭৩৪-৯৫৪২৫৬', time_limit: '৩০ কার্যদিবস', action: 'save' });
  assert.equal(added.statusCode, 303, added.body.slice(0, 500));
  const appeal = await submit(`${EDIT}/grs/new`, `${EDIT}/grs/new`, { level: '2', role_bn: 'আপিল কর্মকর্তা', contact_bn: 'জেলা প্রশাসক, যশোর', time_limit: '২০ কার্যদিবস', action: 'save' });
  assert.equal(appeal.statusCode, 303);
  const missing = await submit(`${EDIT}/grs/new?lang=en`, `${EDIT}/grs/new`, { level: 'x', role_bn: '', contact_bn: '', action: 'save' });
  assert.equal(missing.statusCode, 400);
  assert.match(missing.body, /Enter the step as a whole number/);
  assert.match(missing.body, /Enter whom to contact and how/);
  await publish();

  const list = await open(`${EDIT}/grs`);
  assert.match(list.body, /আপিল কর্মকর্তা/);
  const contacts = (await exportCharter(database.db, OWN)).grs_contacts;
  const appealNumber = contacts.findIndex((contact) => contact.role_bn === 'আপিল কর্মকর্তা') + 1;
  const edited = await submit(`${EDIT}/grs/${appealNumber}`, `${EDIT}/grs/${appealNumber}`, { time_limit: '১৫ কার্যদিবস', action: 'save' });
  assert.equal(edited.statusCode, 303, edited.body.slice(0, 500));
  const first = contacts.findIndex((contact) => contact.role_bn === 'অভিযোগ নিষ্পত্তি কর্মকর্তা (অনিক)') + 1;
  assert.equal((await submit(`${EDIT}/grs/${first}/remove`, `${EDIT}/grs/${first}/remove`, {})).statusCode, 303);
  await publish();

  const after = (await exportCharter(database.db, OWN)).grs_contacts;
  assert.equal(after.find((contact) => contact.role_bn === 'আপিল কর্মকর্তা')?.time_limit.max, 15);
  assert.ok(!after.some((contact) => contact.role_bn === 'অভিযোগ নিষ্পত্তি কর্মকর্তা (অনিক)'));
  const history = await app.inject({ url: `/offices/${OWN}/history?lang=en`, cookies: session });
  assert.match(history.body, /GRS contact, step 2: time limit 20 → 15 working days/);
  assert.match(history.body, /GRS contact removed: অভিযোগ নিষ্পত্তি কর্মকর্তা \(অনিক\)/);
  assert.match(history.body, /New GRS contact: আপিল কর্মকর্তা · জেলা প্রশাসক, যশোর · ২০ কার্যদিবস/);
  const bn = await app.inject({ url: `/offices/${OWN}/history`, cookies: session });
  assert.match(bn.body, /জিআরএস যোগাযোগ, ধাপ ২: সময়সীমা ২০ → ১৫ কার্যদিবস/);
  assert.deepEqual(
    (await auditSince(since)).map((row) => row.action).filter((action) => action.startsWith('charter.grs')),
    ['charter.grs.add', 'charter.grs.add', 'charter.grs.update', 'charter.grs.remove'],
  );
});

test('a charter file is read through the same importer: its text comes back in the box, then is used as the draft', async () => {
  const seed = await readFile(new URL('../../../data/charters/jessore-sadar.txt', import.meta.url));
  const page = await open(`${EDIT}/upload`);
  assert.match(page.body, /enctype="multipart\/form-data"/);
  assert.match(page.body, /<input id="f-file" name="file" type="file"/);
  const checked = await app.inject({
    method: 'POST',
    url: `${EDIT}/upload`,
    cookies: page.cookies,
    ...multipart({ _csrf: page.fields._csrf ?? '', revision: page.fields.revision ?? '', text: '', action: 'check' }, { name: 'jessore-sadar.txt', type: 'text/plain', content: seed }),
  });
  assert.equal(checked.statusCode, 200, checked.body.slice(0, 500));
  assert.match(checked.body, /jessore-sadar\.txt ফাইল থেকে পড়া হয়েছে/);
  assert.match(checked.body, /name="action" value="use"/);
  const fields = formFields(checked.body);
  assert.ok(fields.text?.includes('আইসিটি অধিদপ্তর সংক্রান্ত তথ্য প্রদান'), 'the file’s text is in the box');

  const since = await lastAuditId();
  const used = await app.inject({ method: 'POST', url: `${EDIT}/upload`, cookies: page.cookies, ...multipart({ ...fields, action: 'use' }, { name: '', type: 'application/octet-stream', content: Buffer.alloc(0) }) });
  assert.equal(used.statusCode, 303, used.body.slice(0, 500));
  assert.deepEqual((await auditSince(since)).map((row) => row.action), ['charter.upload']);
});

test('a PDF is refused with the importer’s message, an oversize file with a clear 413 page, and nothing changes', async () => {
  const since = await lastAuditId();
  const page = await open(`${EDIT}/upload?lang=en`);
  const meta = { _csrf: page.fields._csrf ?? '', revision: page.fields.revision ?? '', action: 'check' };
  const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'), Buffer.from([0, 1, 2, 3, 0, 0, 5, 6, 7, 0x1b, 0])]);
  const binary = await app.inject({ method: 'POST', url: `${EDIT}/upload?lang=en`, cookies: page.cookies, ...multipart(meta, { name: 'charter.pdf', type: 'application/pdf', content: pdf }) });
  assert.equal(binary.statusCode, 400);
  assert.match(binary.body, /This is not a text file/);
  const bn = await app.inject({ method: 'POST', url: `${EDIT}/upload?lang=bn`, cookies: page.cookies, ...multipart(meta, { name: 'charter.pdf', type: 'application/pdf', content: pdf }) });
  assert.match(bn.body, /টেক্সট/);

  const big = Buffer.alloc(2 * 1024 * 1024 + 1, 'ক');
  const oversize = await app.inject({ method: 'POST', url: `${EDIT}/upload?lang=en`, cookies: page.cookies, ...multipart({ ...meta, text: 'what was typed' }, { name: 'huge.txt', type: 'text/plain', content: big }) });
  assert.equal(oversize.statusCode, 413);
  assert.match(oversize.body, /The file is larger than 2 MB, so it was not read/);
  assert.match(oversize.body, /what was typed/, 'the text box keeps what was in it');
  const oversizeBn = await app.inject({ method: 'POST', url: `${EDIT}/upload?lang=bn`, cookies: page.cookies, ...multipart(meta, { name: 'huge.txt', type: 'text/plain', content: big }) });
  assert.match(oversizeBn.body, /ফাইলটি ২ মেগাবাইটের বেশি বড়/);
  assert.deepEqual(await auditSince(since), []);
});

test('a multipart post without the page’s CSRF token, or with a wrong one, is refused and changes nothing', async () => {
  const since = await lastAuditId();
  const page = await open(`${EDIT}/upload`);
  const text = await readFile(new URL('../../../data/charters/jessore-sadar.txt', import.meta.url), 'utf8');
  const without = await app.inject({ method: 'POST', url: `${EDIT}/upload`, cookies: page.cookies, ...multipart({ text, action: 'use' }) });
  assert.equal(without.statusCode, 403);
  const wrong = await app.inject({ method: 'POST', url: `${EDIT}/upload`, cookies: page.cookies, ...multipart({ _csrf: 'x'.repeat(40), text, action: 'use' }) });
  assert.equal(wrong.statusCode, 403);
  const right = await app.inject({ method: 'POST', url: `${EDIT}/upload`, cookies: page.cookies, ...multipart({ _csrf: page.fields._csrf ?? '', text, action: 'check' }) });
  assert.equal(right.statusCode, 200, 'the same post with the token is read');
  assert.deepEqual(await auditSince(since), []);
});

test('a form saved after someone else changed the draft comes back with what is there now and the text kept; saved again, it is kept', async () => {
  const code = (await exportCharter(database.db, OWN)).services[1]?.code ?? '';
  const url = `${EDIT}/services/${code}`;
  const mine = await open(`${url}?lang=en`);
  // another admin changes the same service meanwhile
  assert.equal((await submit(url, url, { fee: '৫০ টাকা', action: 'save' })).statusCode, 303);

  const since = await lastAuditId();
  const stale = await app.inject({ method: 'POST', url: `${url}?lang=en`, cookies: mine.cookies, ...form({ ...mine.fields, documents_bn: 'আমার লেখা কাগজপত্র', action: 'save' }) });
  assert.equal(stale.statusCode, 409);
  assert.match(stale.body, /Someone else changed this draft since you opened it/);
  assert.match(stale.body, /What is there now/);
  assert.match(stale.body, /<dd lang="bn">৫০ টাকা<\/dd>/, 'the other change is shown');
  assert.match(stale.body, /আমার লেখা কাগজপত্র/, 'the text typed is kept');
  assert.deepEqual(await auditSince(since), [], 'nothing was saved');
  const bn = await app.inject({ method: 'POST', url: `${url}?lang=bn`, cookies: mine.cookies, ...form({ ...mine.fields, action: 'save' }) });
  assert.match(bn.body, /আপনি খোলার পর অন্য কেউ এই খসড়াটি বদলেছেন/);

  // the page now carries the draft's revision: saving again is a deliberate choice
  const again = await app.inject({ method: 'POST', url, cookies: mine.cookies, ...form({ ...formFields(stale.body), action: 'save' }) });
  assert.equal(again.statusCode, 303, again.body.slice(0, 500));
  const service = (await database.db.selectFrom('charter_services').select(['documents_bn', 'fee_text']).where('code', '=', code).orderBy('id', 'desc').executeTakeFirstOrThrow());
  assert.equal(service.documents_bn, 'আমার লেখা কাগজপত্র');
});

test('the details, officer, GRS, move and remove forms are refused the same way when the draft changed under them', async () => {
  const details = await open(`${EDIT}/office`);
  const officer = await open(`${EDIT}/officers/1`);
  const overview = await open(EDIT);
  const code = (await exportCharter(database.db, OWN)).services[0]?.code ?? '';
  const removePage = await open(`${EDIT}/services/${code}/remove`);
  assert.ok(revisionOf(details.body) && revisionOf(details.body) === revisionOf(overview.body));
  // someone else adds a GRS step, which changes the draft's revision
  assert.equal((await submit(`${EDIT}/grs/new`, `${EDIT}/grs/new`, { level: '3', role_bn: 'মন্ত্রিপরিষদ বিভাগ', contact_bn: 'অভিযোগ ব্যবস্থাপনা সেল', time_limit: '৬০ কার্যদিবস', action: 'save' })).statusCode, 303);
  const since = await lastAuditId();

  const post = (page: Awaited<ReturnType<typeof open>>, action: string, changes: Record<string, string>) =>
    app.inject({ method: 'POST', url: action, cookies: page.cookies, ...form({ ...page.fields, ...changes }) });
  const detailsAnswer = await post(details, `${EDIT}/office`, { vision_bn: 'আমার ভিশন' });
  assert.equal(detailsAnswer.statusCode, 409);
  assert.match(detailsAnswer.body, /আমার ভিশন/);
  const officerAnswer = await post(officer, `${EDIT}/officers/1`, { mobile: '01799-999999' });
  assert.equal(officerAnswer.statusCode, 409);
  assert.match(officerAnswer.body, /value="01799-999999"/);
  const moveAnswer = await post(overview, `${EDIT}/services/${code}/move`, { direction: 'down' });
  assert.equal(moveAnswer.statusCode, 409);
  assert.match(moveAnswer.body, /nothing was done|কিছুই করা হয়নি/);
  const removeAnswer = await post(removePage, `${EDIT}/services/${code}/remove`, {});
  assert.equal(removeAnswer.statusCode, 409);
  const grs = await open(`${EDIT}/grs/1`);
  assert.equal((await submit(`${EDIT}/grs/1`, `${EDIT}/grs/1`, { contact_bn: 'অন্য কারও পরিবর্তন', action: 'save' })).statusCode, 303);
  const grsAnswer = await post(grs, `${EDIT}/grs/1/remove`, {});
  assert.equal(grsAnswer.statusCode, 409);
  assert.deepEqual((await auditSince(since)).map((row) => row.action), ['charter.grs.update'], 'only the other admin’s change was saved');
});
