import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.ts';
import { openTestDatabase, type TestDatabase } from '../core/db/test-database.ts';
import { loadHolidayData, parseIcsHolidays } from './index.ts';
import { createTestUser } from '../accounts/test-support.ts';

let TOKEN = '';
let database: TestDatabase;
let app: FastifyInstance;
let outsider = { authorization: '' };

before(async () => {
  database = await openTestDatabase();
  await loadHolidayData(database.db);
  app = await buildApp({ db: database.db });
  TOKEN = (await createTestUser(database.db, 'system_admin')).authorization.replace(/^Bearer /, '');
  auth.authorization = `Bearer ${TOKEN}`;
  // signed in, but holding no role
  outsider = { authorization: (await createTestUser(database.db, null)).authorization };
});
after(async () => {
  await app.close();
  await database.drop();
});

const auth = { authorization: '' };

test('the 2026 holiday page lists Victory Day in Bangla with Bangla digits, and in English', async () => {
  const bn = await app.inject('/calendar/2026');
  assert.equal(bn.statusCode, 200);
  assert.match(bn.body, /বিজয় দিবস/);
  assert.match(bn.body, /১৬ ডিসেম্বর/);
  assert.match(bn.body, /সরকারি ছুটির তালিকা ২০২৬/);
  const en = await app.inject('/calendar/2026?lang=en');
  assert.match(en.body, /Victory Day/);
  assert.match(en.body, /16 December/);
});

test('the holiday page shows one card per date: the two holidays of 20 March 2026 share one', async () => {
  const body = (await app.inject('/calendar/2026?lang=en')).body;
  const dates = [...body.matchAll(/<time datetime="(\d{4}-\d{2}-\d{2})">/g)].map((match) => match[1]);
  assert.ok(dates.length > 20, 'the year has its holidays');
  assert.equal(new Set(dates).size, dates.length, 'no date has two cards');
  const card = body.slice(body.indexOf('<time datetime="2026-03-20">'), body.indexOf('</tr>', body.indexOf('<time datetime="2026-03-20">')));
  assert.equal(card.match(/<li/g)?.length, 2, 'both holidays of the day are in its card');
});

test('/calendar goes to this year, and a year without data says so', async () => {
  const response = await app.inject('/calendar');
  assert.equal(response.statusCode, 302);
  assert.equal(response.headers.location, `/calendar/${new Date().getFullYear()}`);
  assert.match((await app.inject('/calendar/2031')).body, /এখনও যোগ করা হয়নি/);
  assert.equal((await app.inject('/calendar/1999')).statusCode, 400);
  assert.equal((await app.inject('/calendar/abcd')).statusCode, 400);
});

test('the .ics feed holds every holiday of the year and reads back', async () => {
  const response = await app.inject('/calendar/2026.ics');
  assert.equal(response.statusCode, 200);
  assert.match(String(response.headers['content-type']), /^text\/calendar/);
  assert.ok(response.body.includes('\r\n'));
  const json = (await app.inject('/api/calendar/2026')).json() as { holidays: { date: string }[] };
  const parsed = parseIcsHolidays(response.body);
  assert.deepEqual(parsed.holidays.map((h) => h.date).sort(), json.holidays.map((h) => h.date).sort());
});

test('editing is refused without a token, with a wrong one, and to a user without the role', async () => {
  const body = { date: '2026-11-11', name_bn: 'পরীক্ষা' };
  const off = await app.inject({ method: 'POST', url: '/api/calendar/holidays', payload: body, headers: outsider });
  assert.equal(off.statusCode, 403);
  const wrong = await app.inject({ method: 'POST', url: '/api/calendar/holidays', payload: body, headers: { authorization: 'Bearer nope' } });
  assert.equal(wrong.statusCode, 401);
  const none = await app.inject({ method: 'DELETE', url: '/api/calendar/holidays/1' });
  assert.equal(none.statusCode, 401);
  assert.equal((await app.inject('/api/calendar/changes')).statusCode, 401);
});

test('with the token a holiday is added, moved and removed, and each change is listed', async () => {
  const added = await app.inject({
    method: 'POST',
    url: '/api/calendar/holidays',
    headers: auth,
    payload: { date: '2026-11-11', name_bn: 'পরীক্ষার ছুটি', name_en: 'Test day', kind: 'executive_order', source: 'test' },
  });
  assert.equal(added.statusCode, 201, added.body);
  const id = (added.json() as { holiday: { id: number } }).holiday.id;
  const moved = await app.inject({ method: 'PATCH', url: `/api/calendar/holidays/${id}`, headers: auth, payload: { date: '2026-11-12' } });
  assert.equal((moved.json() as { holiday: { date: string } }).holiday.date, '2026-11-12');
  assert.equal((await app.inject({ method: 'DELETE', url: `/api/calendar/holidays/${id}`, headers: auth })).statusCode, 200);
  assert.equal((await app.inject({ method: 'DELETE', url: `/api/calendar/holidays/${id}`, headers: auth })).statusCode, 404);
  const changes = (await app.inject({ url: '/api/calendar/changes', headers: auth })).json() as { action: string; actor: string }[];
  assert.deepEqual(changes.slice(0, 3).map((c) => c.action), ['holiday.remove', 'holiday.change', 'holiday.add']);
  assert.ok(changes.every((c) => c.actor));
});

test('bad holiday input is refused with a clear error and nothing is written', async () => {
  const before = ((await app.inject('/api/calendar/2026')).json() as { holidays: unknown[] }).holidays.length;
  for (const payload of [
    { date: '2026-02-30', name_bn: 'x' },
    { date: '2026-11-11', name_bn: '' },
    { date: '2026-11-11', name_bn: 'x', kind: 'local_closure' },
    { date: '2026-11-11', name_bn: 'x', office: 'no-such-office', kind: 'local_closure' },
    { date: '2026-11-11', name_bn: 'x', surprise: true },
  ]) {
    const response = await app.inject({ method: 'POST', url: '/api/calendar/holidays', headers: auth, payload });
    assert.ok(response.statusCode === 400 || response.statusCode === 404, `${JSON.stringify(payload)} → ${response.statusCode}`);
    const error = response.json() as { error: string; field: string | null; message_en: string; message_bn: string };
    assert.ok(error.error && error.message_en && error.message_bn, response.body);
  }
  assert.equal(((await app.inject('/api/calendar/2026')).json() as { holidays: unknown[] }).holidays.length, before);
});

test('an .ics file can be imported over the API; holidays already there are skipped', async () => {
  const ics = (await app.inject('/calendar/2026.ics')).body;
  const response = await app.inject({ method: 'POST', url: '/api/calendar/import-ics', headers: { ...auth, 'content-type': 'text/calendar' }, payload: ics });
  assert.equal(response.statusCode, 200, response.body);
  const result = response.json() as { added: number; skipped: number };
  assert.equal(result.added, 0);
  assert.ok(result.skipped > 20);
  const broken = await app.inject({ method: 'POST', url: '/api/calendar/import-ics', headers: { ...auth, 'content-type': 'text/calendar' }, payload: 'not a calendar' });
  assert.equal(broken.statusCode, 400);
});
