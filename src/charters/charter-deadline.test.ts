// A charter's time-limit words, read by the charter parser and counted by the calendar engine.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.ts';
import { loadHolidayData } from '../calendar/index.ts';
import { openTestDatabase, type TestDatabase } from '../core/db/test-database.ts';
import { parseTimeLimit } from './parse/time-limit.ts';
import { seedCharters } from './seed.ts';
import { ruleOfTimeLimit } from './time-limit-rule.ts';

const ruleOf = (text: string) => ruleOfTimeLimit(parseTimeLimit(text).limit);

test('a charter time limit becomes the engine rule it promises', () => {
  assert.deepEqual(ruleOf('৩ কার্যদিবস'), { unit: 'working_day', expected: 3, due: 3, immediate: false, label: '৩ কার্যদিবস' });
  assert.deepEqual(ruleOf('৩-৭ কার্যদিবস'), { unit: 'working_day', expected: 3, due: 7, immediate: false, label: '৩-৭ কার্যদিবস' });
  assert.deepEqual(ruleOf('তাৎক্ষণিক'), { unit: 'working_day', expected: 0, due: 0, immediate: true, label: 'তাৎক্ষণিক' });
  assert.deepEqual(ruleOf('২৪ ঘণ্টা'), { unit: 'hour', expected: 24, due: 24, immediate: false, label: '২৪ ঘণ্টা' });
  assert.deepEqual(ruleOf('১ সপ্তাহ'), { unit: 'calendar_day', expected: 7, due: 7, immediate: false, label: '১ সপ্তাহ' });
  const immediateOrThree = ruleOf('তাৎক্ষণিক/ ৩ কার্যদিবস (প্রযোজ্য ক্ষেত্রে)');
  assert.equal(immediateOrThree.unit === 'working_day' && immediateOrThree.immediate && immediateOrThree.due, 3);
});

test('fractions of days are rounded up and fractions of hours kept', () => {
  const halfHour = ruleOf('৩০ মিনিট');
  assert.equal(halfHour.unit === 'hour' && halfHour.due, 0.5);
  const rule = ruleOfTimeLimit({ ...parseTimeLimit('৩ কার্যদিবস').limit, min: 1.5, max: 1.5 });
  assert.equal(rule.unit === 'working_day' && rule.due, 2);
});

test('a limit given as needed, or with no duration, has no fixed limit and keeps its words', () => {
  assert.deepEqual(ruleOf('চাহিদা অনুযায়ী'), { unit: null, reason: 'on_demand', label: 'চাহিদা অনুযায়ী' });
  assert.deepEqual(ruleOf('শুনানি সাপেক্ষে'), { unit: null, reason: 'no_duration', label: 'শুনানি সাপেক্ষে' });
});

let database: TestDatabase;
let app: FastifyInstance;

before(async () => {
  database = await openTestDatabase();
  await seedCharters(database.db);
  await loadHolidayData(database.db);
  app = await buildApp({ db: database.db });
});
after(async () => {
  await app.close();
  await database.drop();
});

test('the deadline API gives the documented examples', async () => {
  const due = async (from: string, limit: string) =>
    (await app.inject({ url: '/api/sla/due', query: { from, limit } })).json() as { due_at: string | null; rule: string };
  assert.equal((await due('2026-12-03T10:00', '৩ কার্যদিবস')).due_at, '2026-12-08T11:00:00.000Z');
  assert.equal((await due('2026-12-03T18:30+06:00', '৩ কার্যদিবস')).due_at, '2026-12-09T11:00:00.000Z');
  assert.equal((await due('2026-12-15T10:00', '১ কার্যদিবস')).due_at, '2026-12-17T11:00:00.000Z');
  const hearing = await due('2026-12-15T10:00', 'শুনানী সাপেক্ষে');
  assert.equal(hearing.due_at, null);
  assert.equal(hearing.rule, 'no_fixed_limit');
  const bad = await app.inject({ url: '/api/sla/due', query: { from: 'yesterday', limit: '৩ কার্যদিবস' } });
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().error, 'invalid_date');
});

test('the deadline API counts an office’s own closures, and names an unknown office', async () => {
  const known = await app.inject({ url: '/api/sla/due', query: { from: '2026-12-03T10:00', limit: '৩ কার্যদিবস', office: 'doict-sadar-jessore' } });
  assert.equal(known.statusCode, 200);
  const unknown = await app.inject({ url: '/api/sla/due', query: { from: '2026-12-03T10:00', limit: '৩ কার্যদিবস', office: 'no-such-office' } });
  assert.equal(unknown.statusCode, 404);
  assert.equal(unknown.json().error, 'office_not_found');
});

test('words that are no time limit are a 400 on the limit field; words for "no fixed limit" still answer', async () => {
  for (const limit of ['abc', 'জনাব করিম', 'দেখা যাক ৫']) {
    const refused = await app.inject({ url: '/api/sla/due', query: { from: '2026-12-03T10:00', limit } });
    assert.equal(refused.statusCode, 400, limit);
    const body = refused.json() as { error: string; field: string; message_en: string; message_bn: string };
    assert.equal(body.error, 'time_limit_not_countable');
    assert.equal(body.field, 'limit');
    assert.match(body.message_en, /no duration that can be counted/);
    assert.match(body.message_bn, /গণনা করা যায়/);
  }
  for (const limit of ['চাহিদা অনুযায়ী', 'শুনানি সাপেক্ষে', 'as needed']) {
    const answered = await app.inject({ url: '/api/sla/due', query: { from: '2026-12-03T10:00', limit } });
    assert.equal(answered.statusCode, 200, limit);
    assert.equal((answered.json() as { rule: string }).rule, 'no_fixed_limit');
  }
  const immediate = await app.inject({ url: '/api/sla/due', query: { from: '2026-12-03T10:00', limit: 'তাৎক্ষণিক' } });
  assert.equal((immediate.json() as { due_at: string }).due_at, '2026-12-03T11:00:00.000Z');
});
