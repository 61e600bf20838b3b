// The calendar editing pages as a system administrator and an office administrator use them:
// signed in with the form, every change posted with the page's CSRF token. "Check" lists the open
// deadlines a change would move and writes nothing; "Save" moves them and the next page lists them.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { createTestUser } from '../accounts/test-support.ts';
import { buildApp } from '../app.ts';
import { formatMoment } from '../core/format.ts';
import { openTestDatabase, type TestDatabase } from '../core/db/test-database.ts';
import { findClock, loadHolidayData, startClock, workingDays } from './index.ts';
import { dhaka, insertTestOffice } from './test-support.ts';

const OWN = 'calendar-admin-own';
const OTHER = 'calendar-admin-other';

let database: TestDatabase;
let app: FastifyInstance;
let ownId: number;
let otherId: number;
let national: Record<string, string>;
let officeAdmin: Record<string, string>;

const cookiesOf = (response: LightMyRequestResponse): Record<string, string> => Object.fromEntries(response.cookies.map((cookie) => [cookie.name, cookie.value]));
const csrfOf = (body: string) => /name="_csrf" value="([^"]+)"/.exec(body)?.[1] ?? '';
const form = (fields: Record<string, string | string[]>) => {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) for (const one of Array.isArray(value) ? value : [value]) params.append(name, one);
  return { payload: params.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } };
};

async function signIn(email: string, password: string): Promise<Record<string, string>> {
  const page = await app.inject({ url: '/login' });
  const response = await app.inject({ method: 'POST', url: '/login', cookies: cookiesOf(page), ...form({ email, password, _csrf: csrfOf(page.body) }) });
  assert.equal(response.statusCode, 303, response.body.slice(0, 300));
  return { ...cookiesOf(page), ...cookiesOf(response) };
}

/** Opens a page as a browser would and posts its form with the page's own CSRF token. */
async function postFrom(session: Record<string, string>, pageUrl: string, action: string, fields: Record<string, string | string[]>) {
  const page = await app.inject({ url: pageUrl, cookies: session });
  assert.equal(page.statusCode, 200, `${pageUrl}: ${page.body.slice(0, 300)}`);
  return app.inject({ method: 'POST', url: action, cookies: { ...session, ...cookiesOf(page) }, ...form({ ...fields, _csrf: csrfOf(page.body) }) });
}

const count = async (table: 'audit_log' | 'calendar_changes' | 'holidays' | 'special_working_days') =>
  Number((await database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
const snapshot = async () => ({
  audit: await count('audit_log'),
  changes: await count('calendar_changes'),
  holidays: await count('holidays'),
  workingDays: await count('special_working_days'),
  clocks: await database.db.selectFrom('deadline_clocks').select(['id', 'due_at']).orderBy('id').execute(),
  hours: await database.db.selectFrom('office_hours').selectAll().execute(),
});
const dueOf = async (subjectId: string) => (await findClock(database.db, { subjectType: 'test-request', subjectId }))?.due_at ?? null;

before(async () => {
  database = await openTestDatabase();
  await loadHolidayData(database.db);
  ownId = await insertTestOffice(database.db, OWN);
  otherId = await insertTestOffice(database.db, OTHER);
  app = await buildApp({ db: database.db });
  const admin = await createTestUser(database.db, 'system_admin');
  const ownAdmin = await createTestUser(database.db, 'office_admin', { kind: 'office', slug: OWN });
  national = await signIn(admin.email, admin.password);
  officeAdmin = await signIn(ownAdmin.email, ownAdmin.password);
  // open requests received on Sunday 1 November 2026, due three working days later
  for (const [subjectId, officeId] of [['OWN-1', ownId], ['OTHER-1', otherId]] as const) {
    await startClock(database.db, { subjectType: 'test-request', subjectId, officeId, receivedAt: dhaka('2026-11-01 10:00'), rule: workingDays(3), source: 'test' });
  }
});
after(async () => {
  await app.close();
  await database.drop();
});

test('a system administrator sees the year’s national holidays, in Bangla and in English, on a page no cache keeps', async () => {
  const page = await app.inject({ url: '/admin/calendar/2026', cookies: national });
  assert.equal(page.statusCode, 200);
  assert.match(page.headers['cache-control'] ?? '', /no-store/);
  assert.match(page.body, /জাতীয় ছুটি ও কর্মদিবস, ২০২৬/);
  assert.match(page.body, /বিজয় দিবস/);
  assert.match(page.body, /href="\/admin\/calendar\/2026\/holidays\/new"/);
  const english = await app.inject({ url: '/admin/calendar/2026?lang=en', cookies: national });
  assert.match(english.body, /National holidays and working days, 2026/);
  assert.match(english.body, /Victory Day/);
  assert.equal((await app.inject({ url: '/admin/calendar/1999', cookies: national })).statusCode, 400);
  const account = await app.inject({ url: '/account', cookies: national });
  assert.match(account.body, new RegExp(`<a href="/admin/calendar/${new Date().getFullYear()}">জাতীয় ছুটি ও কর্মদিবস</a>`));
});

test('"Check" on a new national holiday lists the deadlines it would move and changes nothing; "Save" moves them and says which', async () => {
  const url = '/admin/calendar/2026/holidays/new';
  const dueBefore = await dueOf('OWN-1');
  assert.ok(dueBefore);
  const before = await snapshot();

  const checked = await postFrom(national, url, url, { date: '2026-11-03', name_bn: 'পরীক্ষার ছুটি', name_en: 'Test holiday', kind: 'executive_order', action: 'check' });
  assert.equal(checked.statusCode, 200, checked.body.slice(0, 500));
  assert.match(checked.body, /চলমান ২টি সময়সীমা সরে যাবে/);
  assert.match(checked.body, /<code>test-request:OWN-1<\/code>/);
  assert.match(checked.body, /<code>test-request:OTHER-1<\/code>/);
  assert.ok(checked.body.includes(formatMoment('bn', dueBefore)), 'the due moment before is shown');
  assert.match(checked.body, /এখনও কিছু সংরক্ষণ করা হয়নি/);
  assert.match(checked.body, /value="পরীক্ষার ছুটি"/, 'the form keeps what was typed');
  assert.deepEqual(await snapshot(), before, 'a check writes nothing: no holiday, no moved deadline, no calendar change, no audit row');

  const saved = await postFrom(national, url, url, { date: '2026-11-03', name_bn: 'পরীক্ষার ছুটি', name_en: 'Test holiday', kind: 'executive_order', action: 'save' });
  assert.equal(saved.statusCode, 303, saved.body.slice(0, 500));
  const location = saved.headers.location ?? '';
  assert.match(location, /^\/admin\/calendar\/2026\?done=added&change=\d+$/);
  const dueAfter = await dueOf('OWN-1');
  assert.ok(dueAfter && dueAfter.getTime() > dueBefore.getTime(), 'the deadline moved later');

  const next = await app.inject({ url: location, cookies: national });
  assert.equal(next.statusCode, 200);
  assert.match(next.body, /তালিকায় যোগ করা হয়েছে/);
  assert.match(next.body, /চলমান ২টি সময়সীমা সরে গেছে/);
  assert.ok(next.body.includes(formatMoment('bn', dueBefore)) && next.body.includes(formatMoment('bn', dueAfter)));
  assert.match(next.body, /পরীক্ষার ছুটি/);
  const audit = await database.db.selectFrom('audit_log').select(['action', 'actor_label']).orderBy('id', 'desc').executeTakeFirstOrThrow();
  assert.equal(audit.action, 'calendar.holiday.add');
  assert.match(audit.actor_label, /^system_admin-/);
  const english = await app.inject({ url: `${location}&lang=en`, cookies: national });
  assert.match(english.body, /Open deadlines that moved \(2\):/);
});

test('a national holiday is edited and removed through its forms; the remove page checks first', async () => {
  const holiday = await database.db.selectFrom('holidays').selectAll().where('name_bn', '=', 'পরীক্ষার ছুটি').executeTakeFirstOrThrow();
  const url = `/admin/calendar/2026/holidays/${holiday.id}`;
  const form = await app.inject({ url, cookies: national });
  assert.match(form.body, /value="2026-11-03"/);
  assert.match(form.body, /<option value="executive_order" selected>/);

  const renamed = await postFrom(national, url, url, { date: '2026-11-03', name_bn: 'পরীক্ষার ছুটি', name_en: 'Renamed', kind: 'general', action: 'save' });
  assert.equal(renamed.statusCode, 303, renamed.body.slice(0, 300));
  const next = await app.inject({ url: renamed.headers.location ?? '', cookies: national });
  assert.match(next.body, /পরিবর্তন সংরক্ষণ করা হয়েছে/);
  assert.match(next.body, /চলমান কোনো সময়সীমা সরেনি/);
  const stored = await database.db.selectFrom('holidays').selectAll().where('id', '=', holiday.id).executeTakeFirstOrThrow();
  assert.deepEqual([stored.name_en, stored.kind], ['Renamed', 'general']);

  const dueWithHoliday = await dueOf('OWN-1');
  const before = await snapshot();
  const checked = await postFrom(national, `${url}/remove`, `${url}/remove`, { action: 'check' });
  assert.equal(checked.statusCode, 200);
  assert.match(checked.body, /এই ছুটি বাদ দেবেন\?/);
  assert.match(checked.body, /চলমান ২টি সময়সীমা সরে যাবে/);
  assert.deepEqual(await snapshot(), before, 'checking a removal removes nothing');

  const removed = await postFrom(national, `${url}/remove`, `${url}/remove`, { action: 'remove' });
  assert.equal(removed.statusCode, 303);
  assert.match(removed.headers.location ?? '', /done=removed&change=\d+/);
  assert.equal(await database.db.selectFrom('holidays').select('id').where('id', '=', holiday.id).executeTakeFirst(), undefined);
  assert.ok(((await dueOf('OWN-1'))?.getTime() ?? 0) < (dueWithHoliday?.getTime() ?? 0), 'the deadline came back earlier');
  assert.equal((await app.inject({ url, cookies: national })).statusCode, 404);
});

test('a form with mistakes comes back as typed, naming each field, in Bangla and in English; Bangla digits are read', async () => {
  const url = '/admin/calendar/2026/holidays/new';
  const before = await snapshot();
  const wrong = await postFrom(national, url, url, { date: '2026-13-45', name_bn: '  ', name_en: '', kind: 'general', action: 'save' });
  assert.equal(wrong.statusCode, 400);
  assert.match(wrong.body, /<a href="#f-date">তারিখ: ১৯৭১ থেকে ২১০০ সালের মধ্যে একটি সঠিক তারিখ/);
  assert.match(wrong.body, /<a href="#f-name_bn">বাংলায় নাম: বাংলায় নাম লিখুন।/);
  assert.match(wrong.body, /value="2026-13-45"/);
  const english = await postFrom(national, url, `${url}?lang=en`, { date: '16/12/2026', name_bn: 'x', kind: 'general', action: 'save' });
  assert.equal(english.statusCode, 400);
  assert.match(english.body, /Date: Write a real date as year-month-day, like 2026-12-16/);
  const badKind = await postFrom(national, url, url, { date: '2026-12-20', name_bn: 'ছুটি', kind: 'local_closure', action: 'save' });
  assert.equal(badKind.statusCode, 400);
  assert.match(badKind.body, /ছুটির ধরন: তালিকার একটি ধরন বেছে নিন/);
  // the same holiday twice: refused on its date
  const twice = await postFrom(national, url, url, { date: '২০২৬-১২-১৬', name_bn: 'বিজয় দিবস', kind: 'general', action: 'save' });
  assert.equal(twice.statusCode, 409, twice.body.slice(0, 300));
  assert.match(twice.body, /<a href="#f-date">তারিখ: এই তারিখে এই নামের ছুটি আগে থেকেই তালিকায় আছে।/);
  assert.deepEqual(await snapshot(), before);
});

test('declared working days are added, corrected and removed on the national page', async () => {
  const url = '/admin/calendar/2026/working-days/new';
  const added = await postFrom(national, url, url, { date: '2026-11-07', name_bn: 'ঘোষিত কর্মদিবস', name_en: 'Working Saturday', action: 'save' });
  assert.equal(added.statusCode, 303, added.body.slice(0, 300));
  const day = await database.db.selectFrom('special_working_days').selectAll().where('date', '=', '2026-11-07').executeTakeFirstOrThrow();
  assert.equal(day.office_id, null);
  const list = await app.inject({ url: added.headers.location ?? '', cookies: national });
  assert.match(list.body, /ঘোষিত কর্মদিবস/);
  assert.match(list.body, new RegExp(`/admin/calendar/2026/working-days/${day.id}/remove`));

  const editUrl = `/admin/calendar/2026/working-days/${day.id}`;
  const edited = await postFrom(national, editUrl, editUrl, { date: '2026-11-14', name_bn: 'ঘোষিত কর্মদিবস', name_en: '', action: 'save' });
  assert.equal(edited.statusCode, 303, edited.body.slice(0, 300));
  const stored = await database.db.selectFrom('special_working_days').selectAll().where('id', '=', day.id).executeTakeFirstOrThrow();
  assert.deepEqual([stored.date, stored.name_en], ['2026-11-14', null]);
  const audit = await database.db.selectFrom('audit_log').select('action').orderBy('id', 'desc').executeTakeFirstOrThrow();
  assert.equal(audit.action, 'calendar.special_working_day.change');

  const removed = await postFrom(national, `${editUrl}/remove`, `${editUrl}/remove`, { action: 'remove' });
  assert.equal(removed.statusCode, 303);
  assert.equal(await database.db.selectFrom('special_working_days').select('id').where('id', '=', day.id).executeTakeFirst(), undefined);
});

test('an office administrator adds a closure of the office: only its own deadlines move', async () => {
  const list = await app.inject({ url: `/offices/${OWN}/calendar?year=2026`, cookies: officeAdmin });
  assert.equal(list.statusCode, 200, list.body.slice(0, 300));
  assert.match(list.body, /এই অফিস যেসব দিন বন্ধ/);
  assert.doesNotMatch(list.body, /বিজয় দিবস/, 'national holidays are not the office’s to edit');
  assert.doesNotMatch(list.body, /<select/, 'a closure has no kind to choose');
  const account = await app.inject({ url: '/account', cookies: officeAdmin });
  assert.match(account.body, new RegExp(`<a href="/offices/${OWN}/calendar">অফিসের ছুটির তালিকা ও সময় — ${OWN}</a>`));

  const url = `/offices/${OWN}/calendar/holidays/new`;
  const before = await snapshot();
  const otherDue = await dueOf('OTHER-1');
  const checked = await postFrom(officeAdmin, url, url, { date: '2026-11-02', name_bn: 'অফিস সংস্কার', action: 'check' });
  assert.equal(checked.statusCode, 200, checked.body.slice(0, 500));
  assert.match(checked.body, /চলমান ১টি সময়সীমা সরে যাবে/);
  assert.match(checked.body, /test-request:OWN-1/);
  assert.doesNotMatch(checked.body, /test-request:OTHER-1/);
  assert.deepEqual(await snapshot(), before);

  const saved = await postFrom(officeAdmin, url, url, { date: '2026-11-02', name_bn: 'অফিস সংস্কার', action: 'save' });
  assert.equal(saved.statusCode, 303);
  assert.equal(saved.headers.location?.startsWith(`/offices/${OWN}/calendar?`), true, saved.headers.location);
  const closure = await database.db.selectFrom('holidays').selectAll().where('name_bn', '=', 'অফিস সংস্কার').executeTakeFirstOrThrow();
  assert.deepEqual([closure.office_id, closure.kind], [ownId, 'local_closure']);
  assert.deepEqual(await dueOf('OTHER-1'), otherDue);
  const next = await app.inject({ url: saved.headers.location ?? '', cookies: officeAdmin });
  assert.match(next.body, /চলমান ১টি সময়সীমা সরে গেছে/);
  assert.match(next.body, /অফিস সংস্কার/);
});

test('an office administrator sets the weekly holidays and hours, checking first', async () => {
  const url = `/offices/${OWN}/calendar/hours`;
  const page = await app.inject({ url, cookies: officeAdmin });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /name="weekly_holidays" value="5" checked/);
  assert.match(page.body, /value="০৯:০০"/);

  const wrong = await postFrom(officeAdmin, url, url, { weekly_holidays: ['5', '6'], opening: '17:00', closing: '9:00', action: 'save' });
  assert.equal(wrong.statusCode, 400);
  assert.match(wrong.body, /অফিস বন্ধের সময়: বন্ধের সময় খোলার সময়ের পরে হতে হবে।/);
  const allWeek = await postFrom(officeAdmin, url, url, { weekly_holidays: ['1', '2', '3', '4', '5', '6', '7'], opening: '09:00', closing: '17:00', action: 'save' });
  assert.match(allWeek.body, /সপ্তাহে অন্তত একটি দিন কর্মদিবস থাকতে হবে/);

  const before = await snapshot();
  // Sunday off as well: the deadline of the request received on Sunday moves
  const checked = await postFrom(officeAdmin, url, url, { weekly_holidays: ['5', '6', '7'], opening: '০৮:৩০', closing: '16:30', action: 'check' });
  assert.equal(checked.statusCode, 200, checked.body.slice(0, 500));
  assert.match(checked.body, /চলমান ১টি সময়সীমা সরে যাবে/);
  assert.deepEqual(await snapshot(), before);

  const saved = await postFrom(officeAdmin, url, url, { weekly_holidays: ['5', '6', '7'], opening: '০৮:৩০', closing: '16:30', action: 'save' });
  assert.equal(saved.statusCode, 303, saved.body.slice(0, 300));
  const hours = await database.db.selectFrom('office_hours').selectAll().where('office_id', '=', ownId).executeTakeFirstOrThrow();
  assert.deepEqual([hours.weekly_holidays, hours.opening, hours.closing], [[5, 6, 7], '08:30', '16:30']);
  const next = await app.inject({ url: saved.headers.location ?? '', cookies: officeAdmin });
  assert.match(next.body, /সাপ্তাহিক ছুটি ও অফিসের সময় সংরক্ষণ করা হয়েছে/);
  assert.match(next.body, /চলমান ১টি সময়সীমা সরে গেছে/);
  assert.match(next.body, /সাপ্তাহিক ছুটি: শুক্রবার, শনিবার, রবিবার। অফিস খোলা ০৮:৩০ থেকে ১৬:৩০ পর্যন্ত।/);
});

test('an office administrator cannot edit another office’s calendar, the national one, or another office’s day through their own', async () => {
  const otherClosure = await database.db
    .insertInto('holidays')
    .values({ date: '2026-11-10', name_bn: 'অন্য অফিস', name_en: null, kind: 'local_closure', moon_dependent: false, confirmed: true, source: null, office_id: otherId })
    .returning('id')
    .executeTakeFirstOrThrow();
  assert.equal((await app.inject({ url: `/offices/${OTHER}/calendar`, cookies: officeAdmin })).statusCode, 403);
  assert.equal((await app.inject({ url: `/offices/${OTHER}/calendar/hours`, cookies: officeAdmin })).statusCode, 403);
  assert.equal((await app.inject({ url: '/admin/calendar/2026', cookies: officeAdmin })).statusCode, 403);
  // through their own office's address, another office's closure is not found
  assert.equal((await app.inject({ url: `/offices/${OWN}/calendar/holidays/${otherClosure.id}`, cookies: officeAdmin })).statusCode, 404);
  const before = await snapshot();
  const own = await app.inject({ url: `/offices/${OWN}/calendar/holidays/new`, cookies: officeAdmin });
  const refused = await app.inject({
    method: 'POST',
    url: `/offices/${OWN}/calendar/holidays/${otherClosure.id}/remove`,
    cookies: { ...officeAdmin, ...cookiesOf(own) },
    ...form({ action: 'remove', _csrf: csrfOf(own.body) }),
  });
  assert.equal(refused.statusCode, 404);
  // and a form posted without the page's token is refused
  const forged = await app.inject({ method: 'POST', url: `/offices/${OWN}/calendar/holidays/new`, cookies: officeAdmin, ...form({ date: '2026-11-11', name_bn: 'x', action: 'save' }) });
  assert.equal(forged.statusCode, 403);
  assert.deepEqual(await snapshot(), before);
  // nor may the national page be opened by its change id for an office's change
  const officeChange = await database.db.selectFrom('calendar_changes').select('id').where('office_id', '=', ownId).orderBy('id', 'desc').executeTakeFirstOrThrow();
  const page = await app.inject({ url: `/admin/calendar/2026?done=saved&change=${officeChange.id}`, cookies: national });
  assert.doesNotMatch(page.body, /test-request:OWN-1/);
});
