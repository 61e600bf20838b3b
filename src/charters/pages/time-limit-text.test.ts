import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TimeLimit } from '../model.ts';
import { helpfulTimeLimitReading, plainTimeLimit } from './time-limit-text.ts';

function limit(fields: Partial<TimeLimit>): TimeLimit {
  return { text: null, immediate: false, min: null, max: null, unit: null, conditional: false, on_demand: false, ...fields };
}

test('"৭ কার্যদিবস" reads as at most 7 working days, in Bangla digits on Bangla pages', () => {
  const sevenDays = limit({ text: '৭ কার্যদিবস', min: 7, max: 7, unit: 'working_day' });
  assert.equal(plainTimeLimit('bn', sevenDays), 'সর্বোচ্চ ৭ কার্যদিবস');
  assert.equal(plainTimeLimit('en', sevenDays), 'At most 7 working days');
});

test('"তাৎক্ষণিক/ ৩ কার্যদিবস (প্রযোজ্য ক্ষেত্রে)" reads as immediately, or at most 3 working days, where applicable', () => {
  const reading = plainTimeLimit('en', limit({ immediate: true, min: 0, max: 3, unit: 'working_day', conditional: true }));
  assert.equal(reading, 'Immediately, or at most 3 working days (where applicable)');
});

test('a range "৩-৭ কার্যদিবস" reads as usually 3, at most 7', () => {
  const range = limit({ min: 3, max: 7, unit: 'working_day' });
  assert.equal(plainTimeLimit('bn', range), 'সাধারণত ৩, সর্বোচ্চ ৭ কার্যদিবস');
  assert.equal(plainTimeLimit('en', range), 'Usually 3, at most 7 working days');
});

test('"৭ কার্যদিবস/ চাহিদা অনুযায়ী" keeps the "or as requested"', () => {
  const reading = plainTimeLimit('bn', limit({ min: 7, max: 7, unit: 'working_day', on_demand: true }));
  assert.equal(reading, 'সর্বোচ্চ ৭ কার্যদিবস, অথবা চাহিদা অনুযায়ী');
});

test('one unit is singular in English, and hours and months are named', () => {
  assert.equal(plainTimeLimit('en', limit({ min: 1, max: 1, unit: 'month' })), 'At most 1 month');
  assert.equal(plainTimeLimit('en', limit({ min: 24, max: 24, unit: 'hour' })), 'At most 24 hours');
  assert.equal(plainTimeLimit('bn', limit({ min: 120, max: 120, unit: 'calendar_day' })), 'সর্বোচ্চ ১২০ দিন');
});

test('a limit with no duration ("শুনানী সাপেক্ষে") has no plain reading, unless it is immediate or on demand', () => {
  assert.equal(plainTimeLimit('bn', limit({ text: 'শুনানী সাপেক্ষে', conditional: true })), null);
  assert.equal(plainTimeLimit('en', limit({ immediate: true })), 'Immediately');
  assert.equal(plainTimeLimit('en', limit({ on_demand: true })), 'As requested');
});

test('the reading is not repeated when it says only what the charter already says', () => {
  assert.equal(helpfulTimeLimitReading('bn', limit({ text: 'তাৎক্ষণিক', immediate: true })), null);
  assert.equal(helpfulTimeLimitReading('en', limit({ text: 'তাৎক্ষণিক', immediate: true })), 'Immediately');
});
