import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { addDays, dateOfDayNumber, dayNumberOf, daysBetween, isIsoDate, isoWeekday } from './local-date.ts';

const luxonDate = (date: string) => DateTime.fromISO(date, { zone: 'utc' });
/** Any date from 1900 to 2199. */
const someDate = fc.integer({ min: -25_567, max: 83_950 }).map((offset) => luxonDate('1970-01-01').plus({ days: offset }).toISODate() ?? '');

test('day numbers count days from 1 January 1970', () => {
  assert.equal(dayNumberOf('1970-01-01'), 0);
  assert.equal(dayNumberOf('1969-12-31'), -1);
  assert.equal(dayNumberOf('2026-12-03'), Date.UTC(2026, 11, 3) / 86_400_000);
  assert.equal(dateOfDayNumber(20_425), '2025-12-03');
});

test('a date survives the trip to a day number and back', () => {
  fc.assert(fc.property(someDate, (date) => assert.equal(dateOfDayNumber(dayNumberOf(date)), date)));
});

test('adding days, weekdays and the days between two dates agree with luxon', () => {
  fc.assert(
    fc.property(someDate, someDate, fc.integer({ min: -800, max: 800 }), (date, other, days) => {
      assert.equal(addDays(date, days), luxonDate(date).plus({ days }).toISODate());
      assert.equal(isoWeekday(date), luxonDate(date).weekday);
      assert.equal(daysBetween(date, other), luxonDate(other).diff(luxonDate(date), 'days').days);
    }),
  );
});

test('years before 100 are not read as 1900–1999', () => {
  assert.equal(addDays('0099-12-31', 1), '0100-01-01');
  assert.equal(addDays('0004-02-28', 1), '0004-02-29');
  assert.equal(daysBetween('0001-01-01', '1970-01-01'), 719_162);
});

test('only real dates written YYYY-MM-DD are dates', () => {
  for (const date of ['2024-02-29', '2000-02-29', '2026-12-31', '0001-01-01', '9999-12-31']) assert.equal(isIsoDate(date), true, date);
  for (const date of ['2026-02-29', '1900-02-29', '2026-04-31', '2026-00-10', '2026-13-01', '2026-12-00', '2026-1-01', '3 Dec 2026', '2026-12-03T10:00', '']) {
    assert.equal(isIsoDate(date), false, date);
  }
});
