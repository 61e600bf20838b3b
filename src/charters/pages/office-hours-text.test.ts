import assert from 'node:assert/strict';
import { test } from 'node:test';
import { officeHoursText } from './office-hours-text.ts';

test('an office closed on Friday and Saturday is open Sunday to Thursday, in either language', () => {
  const hours = { weeklyHolidays: [5, 6], opening: '09:00', closing: '17:00' };
  assert.equal(officeHoursText('bn', hours), 'রবিবার থেকে বৃহস্পতিবার, ০৯:০০–১৭:০০');
  assert.equal(officeHoursText('en', hours), 'Sunday to Thursday, 09:00–17:00');
});

test('open days that do not follow each other are named one by one', () => {
  assert.equal(officeHoursText('en', { weeklyHolidays: [2, 5, 6], opening: '10:00', closing: '16:00' }), 'Monday, Wednesday, Thursday, Sunday, 10:00–16:00');
});

test('an office open every day runs from Sunday to Saturday; one closed every day says no days are set', () => {
  assert.equal(officeHoursText('en', { weeklyHolidays: [], opening: '08:00', closing: '20:00' }), 'Sunday to Saturday, 08:00–20:00');
  assert.equal(officeHoursText('en', { weeklyHolidays: [1, 2, 3, 4, 5, 6, 7], opening: '09:00', closing: '17:00' }), 'No regular opening days are set');
});

test('a single weekly holiday on Friday leaves Saturday to Thursday', () => {
  assert.equal(officeHoursText('en', { weeklyHolidays: [5], opening: '09:00', closing: '17:00' }), 'Saturday to Thursday, 09:00–17:00');
});
