// When the officer is reminded: the opening of the working day before the due date, in the
// office's own calendar (Friday and Saturday off, holidays closed).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { WorkingCalendar } from '../calendar/index.ts';
import { previousWorkingDay, reminderMoment, reminderStart } from './reminder-moment.ts';

// 2026-12-16 is Victory Day (a Wednesday); 2026-12-18/19 are a Friday and a Saturday
const calendar = new WorkingCalendar({ holidays: [{ date: '2026-12-16', kind: 'general', name_bn: 'বিজয় দিবস' }] });
/** 17:00 in Dhaka (UTC+6) on that date */
const closingOn = (date: string) => new Date(`${date}T11:00:00Z`);

test('a request due on Sunday is reminded at Thursday\'s opening, across the weekend', () => {
  assert.equal(previousWorkingDay(calendar, '2026-12-20'), '2026-12-17');
  assert.equal(reminderMoment(calendar, closingOn('2026-12-20')).toISOString(), '2026-12-17T03:00:00.000Z');
});

test('a holiday the day before is passed over: due Thursday after Victory Day, reminded on Tuesday', () => {
  assert.equal(previousWorkingDay(calendar, '2026-12-17'), '2026-12-15');
  assert.equal(reminderMoment(calendar, closingOn('2026-12-17')).toISOString(), '2026-12-15T03:00:00.000Z');
});

test('an ordinary weekday is reminded the working day before, and a special working day counts', () => {
  assert.equal(reminderMoment(calendar, closingOn('2026-12-22')).toISOString(), '2026-12-21T03:00:00.000Z');
  const withSaturday = new WorkingCalendar({ holidays: [], specialWorkingDays: ['2026-12-19'] });
  assert.equal(previousWorkingDay(withSaturday, '2026-12-20'), '2026-12-19');
});

test('less than a working day before the due moment the reminder goes at once; earlier it waits', () => {
  const due = closingOn('2026-12-20');
  assert.equal(reminderStart(calendar, due, new Date('2026-12-17T05:00:00Z')), undefined, 'Thursday 11:00 is past Thursday\'s opening');
  assert.equal(reminderStart(calendar, due, new Date('2026-12-14T05:00:00Z'))?.toISOString(), '2026-12-17T03:00:00.000Z');
});
