import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { buildApp } from '../app.ts';
import type { TestDatabase } from '../core/db/test-database.ts';
import { openSeededApp, type SeededApp } from '../test-support.ts';
import { errorResponse, type ErrorResponse } from './api-schemas.ts';
import { createTestUser } from '../accounts/test-support.ts';

let TOKEN = '';
const auth = { authorization: '' };
let seeded: SeededApp;
let database: TestDatabase;
let app: FastifyInstance;
let outsider = { authorization: '' };

before(async () => {
  seeded = await openSeededApp();
  ({ database, app } = seeded);
  TOKEN = seeded.adminAuthorization.replace(/^Bearer /, '');
  auth.authorization = `Bearer ${TOKEN}`;
  // signed in, but holding no role
  outsider = { authorization: (await createTestUser(database.db, null)).authorization };
});
after(async () => {
  await seeded.close();
});

/** The answer's body, checked to be exactly the one error shape. */
function errorOf(response: { statusCode: number; body: string; headers: Record<string, unknown> }): ErrorResponse {
  assert.match(String(response.headers['content-type']), /^application\/json/, response.body);
  return errorResponse.strict().parse(JSON.parse(response.body));
}

test('a deadline asked from "yesterday" blames the from field, in both languages, with an example', async () => {
  const response = await app.inject({ url: '/api/sla/due', query: { from: 'yesterday', limit: '৩ কার্যদিবস' } });
  assert.equal(response.statusCode, 400);
  assert.deepEqual(errorOf(response), {
    error: 'invalid_date',
    field: 'from',
    message_en: 'from must be a date like 2026-12-03 or 2026-12-03T10:00, from 1971 to 2100',
    message_bn: 'from হিসেবে 2026-12-03 বা 2026-12-03T10:00 এর মতো একটি তারিখ, ১৯৭১ থেকে ২১০০ সালের মধ্যে দিন',
  });
});

test('a missing query field is named as missing, with what it must be', async () => {
  const error = errorOf(await app.inject({ url: '/api/sla/due', query: { from: '2026-12-03T10:00' } }));
  assert.equal(error.error, 'missing_field');
  assert.equal(error.field, 'limit');
  assert.match(error.message_en, /^limit is missing: it must be a charter time limit like ৩ কার্যদিবস/);
  assert.match(error.message_bn, /^limit দেওয়া হয়নি/);
});

test('a body field of the wrong kind names the field and what it takes', async () => {
  const response = await app.inject({ method: 'POST', url: '/api/calendar/holidays', headers: auth, payload: { date: '3 Dec', name_bn: 'x' } });
  assert.equal(response.statusCode, 400);
  const error = errorOf(response);
  assert.deepEqual([error.error, error.field], ['invalid_input', 'date']);
  assert.equal(error.message_en, 'date must be a date like 2026-12-16 (YYYY-MM-DD), from 1971 to 2100');
  assert.match(error.message_bn, /^date হিসেবে 2026-12-16/);
});

test('an unknown body key is named, with the keys the request takes', async () => {
  const error = errorOf(
    await app.inject({ method: 'PUT', url: '/api/offices/doict-sadar-jessore/hours', headers: auth, payload: { weekly_holidays: [5], opening: '09:00', closing: '17:00', lunch: '13:00' } }),
  );
  assert.deepEqual([error.error, error.field], ['unknown_field', 'lunch']);
  assert.equal(error.message_en, 'lunch is not a field this request takes; it takes weekly_holidays, opening, closing');
  assert.match(error.message_bn, /^lunch নামে কোনো ঘর/);
});

test('a field without a hint of its own still names the field and the kind of value it takes', async () => {
  const bare = await buildApp({ db: database.db });
  try {
    const body = z.object({ widget_count: z.number().int().max(5), colour: z.enum(['red', 'blue']), label: z.string().max(12) });
    bare.withTypeProvider<ZodTypeProvider>().post('/api/test/widgets', { config: { access: 'public' }, schema: { body } }, async () => ({}));
    const ask = async (payload: object) => errorOf(await bare.inject({ method: 'POST', url: '/api/test/widgets', payload }));
    const valid = { widget_count: 1, colour: 'red', label: 'x' };
    const tooMany = await ask({ ...valid, widget_count: 9 });
    assert.equal(tooMany.message_en, 'widget_count must be a number no greater than 5');
    assert.equal(tooMany.message_bn, 'widget_count হিসেবে ৫ বা তার কম একটি সংখ্যা দিন');
    assert.equal((await ask({ ...valid, widget_count: 'many' })).message_en, 'widget_count must be a number');
    assert.equal((await ask({ ...valid, widget_count: 1.5 })).message_en, 'widget_count must be a whole number');
    assert.equal((await ask({ ...valid, colour: 'green' })).message_en, 'colour must be one of red, blue');
    assert.equal((await ask({ ...valid, label: 'x'.repeat(13) })).message_en, 'label must be text up to 12 characters');
  } finally {
    await bare.close();
  }
});

test('a domain error without a field, a broken body and an unknown address use the same shape', async () => {
  const missing = await app.inject({ method: 'DELETE', url: '/api/calendar/holidays/999999', headers: auth });
  assert.equal(missing.statusCode, 404);
  assert.deepEqual({ ...errorOf(missing), message_bn: '' }, { error: 'holiday_not_found', field: null, message_en: 'No such holiday.', message_bn: '' });
  const broken = await app.inject({ method: 'POST', url: '/api/calendar/holidays', headers: { ...auth, 'content-type': 'application/json' }, payload: '{"date":' });
  assert.deepEqual([broken.statusCode, errorOf(broken).error], [400, 'invalid_json_body']);
  const nowhere = await app.inject('/api/nothing-here');
  assert.deepEqual([nowhere.statusCode, errorOf(nowhere).error], [404, 'not_found']);
  const badEscape = await app.inject('/offices/%E0%A4%A/charter.json');
  assert.deepEqual([badEscape.statusCode, errorOf(badEscape).error], [400, 'bad_url']);
});

test('a missing or unknown token answers 401, a user without the role 403, in the one shape', async () => {
  const wrong = await app.inject({ url: '/api/calendar/changes', headers: { authorization: 'Bearer nope' } });
  assert.equal(wrong.statusCode, 401);
  assert.equal(errorOf(wrong).error, 'sign_in_required');
  assert.equal(wrong.headers['www-authenticate'], 'Bearer');
  const off = await app.inject({ url: '/api/calendar/changes', headers: outsider });
  assert.equal(off.statusCode, 403);
  assert.equal(errorOf(off).error, 'forbidden');
  assert.match(errorOf(off).message_bn, /অনুমতি|পারে না/);
});

test('a page asked for JSON answers its errors in JSON; a browser gets a page with the field’s hint', async () => {
  const json = await app.inject({ url: '/calendar/abcd', headers: { accept: 'application/json' } });
  assert.deepEqual([json.statusCode, errorOf(json).field], [400, 'year']);
  const page = await app.inject('/calendar/1999?lang=en');
  assert.equal(page.statusCode, 400);
  assert.match(String(page.headers['content-type']), /^text\/html/);
  assert.match(page.body, /<p>year must be a year from 2000 to 2100, like 2026<\/p>/);
  const bn = await app.inject('/calendar/abcd');
  assert.match(bn.body, /year হিসেবে ২০০০ থেকে ২১০০ সালের মধ্যে একটি বছর/);
});
