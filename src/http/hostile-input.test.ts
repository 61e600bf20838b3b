// Hostile input over HTTP gets a 4xx in the one error shape, with the security headers, never a 500.
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, test } from 'node:test';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { buildApp } from '../app.ts';
import type { TestDatabase } from '../core/db/test-database.ts';
import { openSeededApp, type SeededApp } from '../test-support.ts';
import { errorResponse, type ErrorResponse } from './api-schemas.ts';
import { fieldWithNul } from './hostile-input.ts';
import { withLang } from './layout.ts';

let TOKEN = '';
const auth = { authorization: '' };
const JESSORE = 'doict-sadar-jessore';
let seeded: SeededApp;
let database: TestDatabase;
let app: FastifyInstance;

before(async () => {
  seeded = await openSeededApp();
  ({ database, app } = seeded);
  TOKEN = seeded.adminAuthorization.replace(/^Bearer /, '');
  auth.authorization = `Bearer ${TOKEN}`;
});
after(async () => {
  await seeded.close();
});

function errorOf(response: { statusCode: number; body: string; headers: Record<string, unknown> }): ErrorResponse {
  assert.match(String(response.headers['content-type']), /^application\/json/, response.body);
  return errorResponse.strict().parse(JSON.parse(response.body));
}

const ics = (summary: string) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'BEGIN:VEVENT', 'DTSTART;VALUE=DATE:20261111', `SUMMARY:${summary}`, 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');

test('a NUL character in the path, the query, a JSON body or an .ics upload is a 400 naming the field', async () => {
  const cases: { request: InjectOptions; field: string | null }[] = [
    { request: { url: '/?q=%00' }, field: 'q' },
    { request: { url: '/offices/%00' }, field: 'slug' },
    { request: { url: `/offices/${JESSORE}/services/s%001` }, field: 'code' },
    { request: { url: '/api/calendar/2026?office=a%00b' }, field: 'office' },
    { request: { url: '/api/sla/due?from=2026-12-03&limit=3%00' }, field: 'limit' },
    { request: { method: 'POST', url: '/api/calendar/holidays', headers: auth, payload: { date: '2026-11-11', name_bn: 'ছুটি\u0000' } }, field: 'name_bn' },
    { request: { method: 'POST', url: '/api/calendar/holidays', headers: auth, payload: { date: '2026-11-11', name_bn: 'x', '\u0000': 1 } }, field: null },
    { request: { method: 'POST', url: '/api/calendar/import-ics', headers: { ...auth, 'content-type': 'text/calendar' }, payload: ics('ছুটি\u0000') }, field: null },
  ];
  for (const { request, field } of cases) {
    const response = await app.inject({ ...request, headers: { accept: 'application/json', ...request.headers } });
    assert.equal(response.statusCode, 400, `${String(request.url)}: ${response.body}`);
    const error = errorOf(response);
    assert.deepEqual([error.error, error.field], ['nul_character', field], String(request.url));
    assert.match(error.message_en, /NUL/);
  }
  const page = await app.inject('/?q=%00');
  assert.equal(page.statusCode, 400);
  assert.match(String(page.headers['content-type']), /^text\/html/);
});

test('a broken multipart body is a 400 saying so, as JSON to an API call and as a page to a browser', async () => {
  for (const payload of ['//evil.example', '--x\r\ngarbage', '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1']) {
    const headers = { ...auth, 'content-type': 'multipart/form-data; boundary=x' };
    const api = await app.inject({ method: 'PUT', url: `/api/offices/${JESSORE}/hours`, headers, payload });
    assert.equal(api.statusCode, 400, `${JSON.stringify(payload)}: ${api.body}`);
    assert.equal(errorOf(api).error, 'invalid_multipart');
  }
  const page = await app.inject({ method: 'POST', url: '/login', headers: { 'content-type': 'multipart/form-data' }, payload: 'x' });
  assert.equal(page.statusCode, 400);
  assert.match(String(page.headers['content-type']), /^text\/html/);
  assert.match(page.body, /ফর্মটি ভাঙা/);
});

test('the NUL search walks deep JSON without recursion and names the top-level field', () => {
  let deep: unknown = 'x\u0000';
  for (let level = 0; level < 100_000; level++) deep = [deep];
  assert.equal(fieldWithNul({ ok: 'fine', nested: deep }), 'nested');
  assert.equal(fieldWithNul({ a: [{ b: 'c' }], d: 1, e: null }), null);
  assert.equal(fieldWithNul('text\u0000'), '');
});

test('impossible dates are refused with 400 naming the field, on every route that takes one', async () => {
  const holiday = (date: string) => ({ method: 'POST' as const, url: '/api/calendar/holidays', headers: auth, payload: { date, name_bn: 'পরীক্ষা' } });
  const day = (date: string) => ({ method: 'POST' as const, url: '/api/calendar/special-working-days', headers: auth, payload: { date, name_bn: 'পরীক্ষা' } });
  const cases: [InjectOptions, string][] = [
    [holiday('0000-03-03'), 'date'],
    [holiday('1900-03-03'), 'date'],
    [holiday('1970-12-31'), 'date'],
    [holiday('2101-01-01'), 'date'],
    [holiday('2026-02-30'), 'date'],
    [day('0000-01-01'), 'date'],
    [day('2200-01-01'), 'date'],
    [{ method: 'PATCH', url: '/api/calendar/holidays/1', headers: auth, payload: { date: '0000-01-01' } }, 'date'],
    [{ url: '/api/sla/due?from=0000-01-01&limit=3%20days' }, 'from'],
    [{ url: '/api/sla/due?from=1900-01-01T10:00&limit=3%20days' }, 'from'],
    [{ url: '/api/sla/due?from=%2B099999-01-01&limit=3%20days' }, 'from'],
    [{ url: '/api/sla/due?from=2026-02-30&limit=3%20days' }, 'from'],
    [{ url: '/api/calendar/0000' }, 'year'],
    [{ url: '/api/calendar/9999' }, 'year'],
  ];
  for (const [request, field] of cases) {
    const response = await app.inject(request);
    assert.equal(response.statusCode, 400, `${String(request.url)} ${JSON.stringify(request.payload)}: ${response.body}`);
    const error = errorOf(response);
    assert.equal(error.field, field, response.body);
    assert.ok(error.message_en.includes(field) && error.message_bn.includes(field), response.body);
  }
  const ok = await app.inject({ url: '/api/sla/due?from=1971-01-01T10:00&limit=3%20days' });
  assert.equal(ok.statusCode, 200, ok.body);
});

test('ids beyond PostgreSQL integers are refused with 400 before any SQL', async () => {
  for (const id of ['2147483648', '99999999999999999999', '1e300', '-1']) {
    const response = await app.inject({ method: 'DELETE', url: `/api/calendar/holidays/${id}`, headers: auth });
    assert.equal(response.statusCode, 400, `${id}: ${response.body}`);
    assert.equal(errorOf(response).field, 'id');
  }
});

test('adding a holiday or a special working day that is already there is a 409 naming the date', async () => {
  const holiday = { date: '2026-11-19', name_bn: 'দ্বিতীয়বার' };
  assert.equal((await app.inject({ method: 'POST', url: '/api/calendar/holidays', headers: auth, payload: holiday })).statusCode, 201);
  const again = await app.inject({ method: 'POST', url: '/api/calendar/holidays', headers: auth, payload: holiday });
  assert.equal(again.statusCode, 409, again.body);
  assert.deepEqual([errorOf(again).error, errorOf(again).field], ['holiday_exists', 'date']);

  // moving another holiday onto it collides as well
  const other = await app.inject({ method: 'POST', url: '/api/calendar/holidays', headers: auth, payload: { ...holiday, date: '2026-11-26' } });
  const id = (other.json() as { holiday: { id: number } }).holiday.id;
  const moved = await app.inject({ method: 'PATCH', url: `/api/calendar/holidays/${id}`, headers: auth, payload: { date: '2026-11-19' } });
  assert.equal(moved.statusCode, 409, moved.body);

  const day = { date: '2026-11-21', name_bn: 'কর্মদিবস' };
  assert.equal((await app.inject({ method: 'POST', url: '/api/calendar/special-working-days', headers: auth, payload: day })).statusCode, 201);
  const sameDay = await app.inject({ method: 'POST', url: '/api/calendar/special-working-days', headers: auth, payload: { ...day, name_bn: 'অন্য নাম' } });
  assert.equal(sameDay.statusCode, 409, sameDay.body);
  assert.deepEqual([errorOf(sameDay).error, errorOf(sameDay).field], ['special_working_day_exists', 'date']);
});

test('a time limit longer than three years is a 400 that names limit and says the maximum in both languages', async () => {
  const response = await app.inject({ url: '/api/sla/due', query: { from: '2026-12-03T10:00', limit: '৯৯৯৯৯৯ কার্যদিবস' } });
  assert.equal(response.statusCode, 400, response.body);
  const error = errorOf(response);
  assert.deepEqual([error.error, error.field], ['invalid_limit', 'limit']);
  assert.match(error.message_en, /^limit must be .*at most 3 years \(750 working days, 1096 days or 36 months\)/);
  assert.match(error.message_bn, /^limit হিসেবে .*সর্বোচ্চ ৩ বছর \(৭৫০ কার্যদিবস, ১০৯৬ দিন বা ৩৬ মাস\)/);
  const longest = await app.inject({ url: '/api/sla/due', query: { from: '2026-12-03T10:00', limit: '৭৫০ কার্যদিবস' } });
  assert.equal(longest.statusCode, 200, longest.body);
});

test('a wrong method on a known address is a 405 with Allow; an unknown address stays 404', async () => {
  const page = await app.inject({ method: 'POST', url: `/offices/${JESSORE}` });
  assert.equal(page.statusCode, 405);
  assert.equal(page.headers.allow, 'GET, HEAD');
  assert.match(String(page.headers['content-type']), /^text\/html/);

  const api = await app.inject({ method: 'PUT', url: '/api/calendar/holidays/5', headers: auth });
  assert.equal(api.statusCode, 405);
  assert.equal(api.headers.allow, 'PATCH, DELETE');
  const error = errorOf(api);
  assert.equal(error.error, 'method_not_allowed');
  assert.match(error.message_en, /PUT .*PATCH, DELETE/);
  assert.match(error.message_bn, /PUT .*PATCH, DELETE/);

  assert.equal((await app.inject({ method: 'DELETE', url: '/api/sla/due' })).headers.allow, 'GET, HEAD');
  const unknown = await app.inject({ method: 'POST', url: '/no/such/page' });
  assert.equal(unknown.statusCode, 404);
  assert.equal(unknown.headers.allow, undefined);
});

const SECURITY = ['content-security-policy', 'x-content-type-options', 'referrer-policy', 'x-frame-options'];

test("every answer carries the security headers, Fastify's own refusals included", async () => {
  const answers = await Promise.all([
    app.inject('/no/such/page'),
    app.inject({ method: 'POST', url: '/offices/x' }),
    app.inject('/offices/%zz'),
    app.inject(`/offices/${'a'.repeat(300)}`),
    app.inject({ method: 'POST', url: '/api/calendar/holidays', headers: { ...auth, 'content-type': 'application/json' }, payload: '{"date":' }),
    app.inject({ method: 'POST', url: '/api/calendar/holidays', headers: { ...auth, 'content-type': 'application/xml' }, payload: '<x/>' }),
    app.inject({ method: 'POST', url: '/api/calendar/holidays', headers: { ...auth, 'content-type': 'application/json' }, payload: `"${'x'.repeat(2_000_000)}"` }),
    app.inject('/?q=%00'),
  ]);
  assert.deepEqual(
    answers.map((r) => r.statusCode),
    [404, 405, 400, 414, 400, 415, 413, 400],
  );
  for (const response of answers) for (const header of SECURITY) assert.ok(response.headers[header], `${response.statusCode} lacks ${header}`);
});

/** A raw request over a socket, for what Node's HTTP parser answers before Fastify sees it. */
async function rawRequest(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(text));
    let received = '';
    socket.on('data', (chunk) => (received += chunk.toString('utf8')));
    socket.on('close', () => resolve(received));
    socket.on('error', reject);
  });
}

test('431 for headers too large and 400 for a malformed request come with the headers and the one error shape', async () => {
  const server = await buildApp({ db: database.db });
  await server.listen({ port: 0, host: '127.0.0.1' });
  try {
    const { port } = server.server.address() as { port: number };
    for (const [text, status, code] of [
      [`GET / HTTP/1.1\r\nHost: x\r\nCookie: ${'a'.repeat(20_000)}\r\n\r\n`, 431, 'headers_too_large'],
      ['NONSENSE\r\n\r\n', 400, 'bad_request'],
    ] as const) {
      const answer = await rawRequest(port, text);
      const [head = '', body = ''] = answer.split('\r\n\r\n');
      assert.match(head, new RegExp(`^HTTP/1.1 ${status} `), answer);
      for (const header of SECURITY) assert.match(head, new RegExp(`^${header}: .+$`, 'im'), `${status} lacks ${header}`);
      const error = errorResponse.strict().parse(JSON.parse(body));
      assert.equal(error.error, code);
      assert.ok(error.message_en && error.message_bn);
    }
  } finally {
    await server.close();
  }
});

test('the language switch never links to another host', async () => {
  for (const path of ['/.//evil.example', '//evil.example/x?a=1', '/\\evil.example', '/./\\/evil.example', '/a/..//evil.example']) {
    const link = withLang(path, 'en');
    assert.match(link, /^\/(?![/\\])/, `${path} → ${link}`);
    assert.equal(new URL(link, 'http://portal.example').host, 'portal.example', `${path} → ${link}`);
  }
  assert.equal(withLang('/offices/x?q=a&lang=bn', 'en'), '/offices/x?q=a&lang=en');
  const page = await app.inject('/.//evil.example');
  const href = /class="lang-switch" href="([^"]*)"/.exec(page.body)?.[1] ?? '';
  assert.equal(new URL(href.replaceAll('&amp;', '&'), 'http://portal.example').host, 'portal.example', href);
});
