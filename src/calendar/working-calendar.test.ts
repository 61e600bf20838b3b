import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { CalendarError } from './errors.ts';
import { addDays } from './local-date.ts';
import { dhaka, inDhaka, nationalCalendar } from './test-support.ts';
import { WorkingCalendar } from './working-calendar.ts';

const december = new WorkingCalendar({ holidays: [{ date: '2026-12-16', kind: 'general', name_en: 'Victory Day' }] });

test('Friday and Saturday are the weekly holidays by default', () => {
  assert.equal(december.isWorkingDay('2026-12-03'), true);
  assert.equal(december.isWorkingDay('2026-12-04'), false);
  assert.equal(december.isWorkingDay('2026-12-05'), false);
  assert.equal(december.isWorkingDay('2026-12-06'), true);
});

test('a national holiday is not a working day', () => {
  assert.equal(december.isWorkingDay('2026-12-16'), false);
  assert.equal(december.closuresOn('2026-12-16')[0]?.name_en, 'Victory Day');
});

test('an office may keep its own weekly holidays', () => {
  const fridayOnly = new WorkingCalendar({ holidays: [], weeklyHolidays: [5] });
  assert.equal(fridayOnly.isWorkingDay('2026-12-05'), true);
  assert.equal(fridayOnly.isWorkingDay('2026-12-04'), false);
});

test('a declared special working Saturday is a working day', () => {
  const calendar = new WorkingCalendar({ holidays: [], specialWorkingDays: ['2025-05-17'] });
  assert.equal(calendar.isWorkingDay('2025-05-17'), true);
  assert.equal(calendar.isWorkingDay('2025-05-10'), false);
});

test('a closure on a special working day keeps the office closed', () => {
  const calendar = new WorkingCalendar({ holidays: [{ date: '2025-05-17', kind: 'local' }], specialWorkingDays: ['2025-05-17'] });
  assert.equal(calendar.isWorkingDay('2025-05-17'), false);
});

test('optional holidays do not close the office', () => {
  const calendar = new WorkingCalendar({ holidays: [{ date: '2026-04-13', kind: 'optional' }] });
  assert.equal(calendar.isWorkingDay('2026-04-13'), true);
});

test('the next working day skips weekends and holidays', () => {
  assert.equal(december.nextWorkingDay('2026-12-03'), '2026-12-06');
  assert.equal(december.nextWorkingDay('2026-12-15'), '2026-12-17');
  assert.equal(december.addWorkingDays('2026-12-03', 3), '2026-12-08');
  assert.equal(december.addWorkingDays('2026-12-03', 0), '2026-12-03');
  assert.equal(december.workingDaysBetween('2026-12-03', '2026-12-17'), 9);
});

test('day 0 is the day of receipt when it is a working day before closing time', () => {
  assert.equal(december.dayZero(dhaka('2026-12-03 10:00')), '2026-12-03');
  assert.equal(december.dayZero(dhaka('2026-12-03 07:15')), '2026-12-03');
  assert.equal(december.dayZero(dhaka('2026-12-03 16:59')), '2026-12-03');
});

test('day 0 is the next working day after closing time, on weekends and on holidays', () => {
  assert.equal(december.dayZero(dhaka('2026-12-03 17:00')), '2026-12-06');
  assert.equal(december.dayZero(dhaka('2026-12-03 23:59')), '2026-12-06');
  assert.equal(december.dayZero(dhaka('2026-12-05 11:00')), '2026-12-06');
  assert.equal(december.dayZero(dhaka('2026-12-16 11:00')), '2026-12-17');
});

test('day 0 uses the Dhaka date even when the UTC date is different', () => {
  // 2026-12-02T19:30Z is 01:30 on Thursday 3 December in Dhaka.
  assert.equal(december.dayZero(new Date('2026-12-02T19:30:00Z')), '2026-12-03');
});

test('working minutes count only office hours on working days', () => {
  assert.equal(december.workingMinutesBetween(dhaka('2026-12-03 10:00'), dhaka('2026-12-06 10:00')), 8 * 60);
  assert.equal(december.workingMinutesBetween(dhaka('2026-12-15 08:00'), dhaka('2026-12-17 12:00')), 8 * 60 + 3 * 60);
  assert.equal(december.workingMinutesBetween(dhaka('2026-12-03 18:00'), dhaka('2026-12-05 23:00')), 0);
  assert.equal(december.workingMinutesBetween(dhaka('2026-12-06 10:00'), dhaka('2026-12-03 10:00')), -8 * 60);
});

test('adding working minutes lands inside office hours, on closing time when a day is used up', () => {
  assert.equal(inDhaka(december.addWorkingMinutes(dhaka('2026-12-03 16:00'), 60)), '2026-12-03 17:00');
  assert.equal(inDhaka(december.addWorkingMinutes(dhaka('2026-12-03 16:00'), 120)), '2026-12-06 10:00');
  assert.equal(inDhaka(december.addWorkingMinutes(dhaka('2026-12-15 20:00'), 30)), '2026-12-17 09:30');
  assert.equal(inDhaka(december.addWorkingMinutes(dhaka('2026-12-04 12:00'), 0)), '2026-12-04 12:00');
});

test('office hours can be set per office', () => {
  const calendar = new WorkingCalendar({ holidays: [], opening: '10:00', closing: '16:00' });
  assert.equal(inDhaka(calendar.closingOf('2026-12-03')), '2026-12-03 16:00');
  assert.equal(calendar.dayZero(dhaka('2026-12-03 16:30')), '2026-12-06');
  assert.equal(calendar.workingMinutesBetween(dhaka('2026-12-03 00:00'), dhaka('2026-12-04 00:00')), 6 * 60);
});

test('adding working minutes and measuring them back agree', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 365 * 24 * 60 }), fc.integer({ min: 0, max: 20 * 8 * 60 }), (offset, minutes) => {
      const from = new Date(dhaka('2026-01-01 00:00').getTime() + offset * 60_000);
      const to = december.addWorkingMinutes(from, minutes);
      assert.equal(december.workingMinutesBetween(from, to), minutes);
    }),
  );
});

test('the years with national holiday data are known', () => {
  assert.deepEqual(nationalCalendar().coveredYears, [2025, 2026]);
  assert.equal(nationalCalendar().isCovered('2027-01-03'), false);
  assert.deepEqual(december.coveredYears, [2026]);
  assert.deepEqual(new WorkingCalendar({ holidays: [], coveredYears: [2027] }).coveredYears, [2027]);
});

test('bad calendar settings are refused with a clear error', () => {
  const cases: [() => unknown, string][] = [
    [() => new WorkingCalendar({ holidays: [], opening: '17:00', closing: '09:00' }), 'invalid_calendar'],
    [() => new WorkingCalendar({ holidays: [], opening: '9am' }), 'invalid_time'],
    [() => new WorkingCalendar({ holidays: [], weeklyHolidays: [8] }), 'invalid_calendar'],
    [() => new WorkingCalendar({ holidays: [], zone: 'Mars/Olympus' }), 'invalid_calendar'],
    [() => new WorkingCalendar({ holidays: [{ date: '2026-02-30' }] }), 'invalid_date'],
    [() => december.isWorkingDay('3 Dec 2026'), 'invalid_date'],
  ];
  for (const [make, code] of cases) {
    assert.throws(make, (error: unknown) => error instanceof CalendarError && error.code === code);
  }
});

test('a calendar without any working day says so instead of searching forever', () => {
  const closed = new WorkingCalendar({ holidays: [], weeklyHolidays: [1, 2, 3, 4, 5, 6, 7] });
  assert.throws(() => closed.nextWorkingDay('2026-12-03'), (error: unknown) => error instanceof CalendarError && error.code === 'no_working_day');
});

test('opening and closing times follow daylight saving in the office time zone', () => {
  const newYork = new WorkingCalendar({ holidays: [], zone: 'America/New_York', weeklyHolidays: [6, 7] });
  // Daylight saving started on Sunday 8 March 2026.
  assert.equal(newYork.closingOf('2026-03-06').toISOString(), '2026-03-06T22:00:00.000Z');
  assert.equal(newYork.closingOf('2026-03-09').toISOString(), '2026-03-09T21:00:00.000Z');
  assert.equal(newYork.workingMinutesBetween(newYork.openingOf('2026-03-06'), newYork.closingOf('2026-03-09')), 16 * 60);
});

test('changing a Date handed out by the calendar does not change the calendar', () => {
  const calendar = new WorkingCalendar({ holidays: [] });
  calendar.closingOf('2026-12-03').setTime(0);
  calendar.openingOf('2026-12-03').setTime(0);
  assert.equal(inDhaka(calendar.closingOf('2026-12-03')), '2026-12-03 17:00');
  assert.equal(inDhaka(calendar.openingOf('2026-12-03')), '2026-12-03 09:00');
});

test('adding working days lands where stepping one calendar day at a time does', () => {
  const day = fc.integer({ min: 0, max: 800 }).map((offset) => addDays('2025-06-01', offset));
  fc.assert(
    fc.property(
      fc.array(day, { maxLength: 60 }),
      fc.array(day, { maxLength: 6 }),
      fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { maxLength: 5 }),
      day,
      fc.integer({ min: 0, max: 300 }),
      (closed, special, weekly, start, count) => {
        const calendar = new WorkingCalendar({ holidays: closed.map((date) => ({ date })), specialWorkingDays: special, weeklyHolidays: weekly });
        const isOpen = (date: DateTime) => {
          const iso = date.toISODate() ?? '';
          return !closed.includes(iso) && (special.includes(iso) || !weekly.includes(date.weekday));
        };
        let stepped = DateTime.fromISO(start, { zone: 'utc' });
        for (let counted = 0; counted < count; ) {
          stepped = stepped.plus({ days: 1 });
          if (isOpen(stepped)) counted++;
        }
        assert.equal(calendar.addWorkingDays(start, count), stepped.toISODate());
      },
    ),
  );
});

// --- long spans jump whole weeks: the same answers as stepping one day at a time ------------

/** The old way, one calendar day at a time through the public per-day answers. */
const stepping = {
  workingDaysBetween(calendar: WorkingCalendar, from: string, to: string): number {
    let count = 0;
    for (let date = addDays(from, 1); date <= to; date = addDays(date, 1)) if (calendar.isWorkingDay(date)) count++;
    return count;
  },
  workingMinutesBetween(calendar: WorkingCalendar, from: Date, to: Date): number {
    if (to < from) return -stepping.workingMinutesBetween(calendar, to, from);
    let total = 0;
    for (let date = calendar.localDate(from); date <= calendar.localDate(to); date = addDays(date, 1)) {
      if (!calendar.isWorkingDay(date)) continue;
      const end = Math.min(to.getTime(), calendar.closingOf(date).getTime());
      const start = Math.max(from.getTime(), calendar.openingOf(date).getTime());
      if (end > start) total += end - start;
    }
    return total / 60_000;
  },
  addWorkingMinutes(calendar: WorkingCalendar, from: Date, minutes: number): Date {
    let remaining = Math.round(minutes * 60_000);
    if (remaining === 0) return from;
    let date = calendar.localDate(from);
    if (!calendar.isWorkingDay(date)) date = calendar.nextWorkingDay(date);
    for (;;) {
      const closing = calendar.closingOf(date).getTime();
      const start = Math.max(from.getTime(), calendar.openingOf(date).getTime());
      if (closing > start) {
        if (remaining <= closing - start) return new Date(start + remaining);
        remaining -= closing - start;
      }
      date = calendar.nextWorkingDay(date);
    }
  },
  closuresBetween(calendar: WorkingCalendar, after: string, until: string) {
    const found = [];
    for (let date = addDays(after, 1); date <= until; date = addDays(date, 1)) found.push(...calendar.closuresOn(date));
    return found;
  },
};

// Spans around Dhaka's summer time of 2009 (clocks went forward at 23:00 on 19 June) and New York's and London's changes.
const SPAN_START = '2009-02-15';
const SPAN_DAYS = 280;
const spanDay = fc.integer({ min: 0, max: SPAN_DAYS }).map((offset) => addDays(SPAN_START, offset));
const clock = fc.integer({ min: 0, max: 23 * 60 + 59 }).map((minute) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`);
const officeCalendar = fc
  .record({
    closed: fc.array(spanDay, { maxLength: 80 }),
    special: fc.array(spanDay, { maxLength: 10 }),
    weekly: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { maxLength: 5 }),
    zone: fc.constantFrom('Asia/Dhaka', 'America/New_York', 'Europe/London', 'UTC'),
    hours: fc.tuple(clock, clock).filter(([a, b]) => a !== b).map(([a, b]) => (a < b ? [a, b] : [b, a])),
  })
  .map(({ closed, special, weekly, zone, hours }) => {
    const [opening, closing] = hours as [string, string];
    return new WorkingCalendar({ holidays: closed.map((date) => ({ date })), specialWorkingDays: special, weeklyHolidays: weekly, zone, opening, closing });
  });
/** An instant in the span, to the minute. */
const spanInstant = fc.integer({ min: 0, max: SPAN_DAYS * 24 * 60 }).map((minute) => new Date(Date.parse(`${SPAN_START}T00:00:00Z`) + minute * 60_000));
// a failure is reported as found (the reference is slow to shrink with); the seed reproduces it
const RUNS = { numRuns: 40, seed: 13_2026, endOnFailure: true };

test('working days between two dates are counted as stepping day by day counts them', () => {
  fc.assert(
    fc.property(officeCalendar, spanDay, spanDay, (calendar, from, to) => {
      assert.equal(calendar.workingDaysBetween(from, to), stepping.workingDaysBetween(calendar, from, to));
      assert.deepEqual(calendar.closuresBetween(from, to), stepping.closuresBetween(calendar, from, to));
    }),
    RUNS,
  );
});

test('working minutes between two instants are counted as stepping day by day counts them, across clock changes', () => {
  fc.assert(
    fc.property(officeCalendar, spanInstant, spanInstant, (calendar, from, to) => {
      assert.equal(calendar.workingMinutesBetween(from, to), stepping.workingMinutesBetween(calendar, from, to));
    }),
    RUNS,
  );
});

test('adding working minutes lands where stepping day by day lands, across clock changes', () => {
  fc.assert(
    fc.property(officeCalendar, spanInstant, fc.integer({ min: 0, max: 120 * 8 * 60 }), (calendar, from, minutes) => {
      assert.equal(calendar.addWorkingMinutes(from, minutes).toISOString(), stepping.addWorkingMinutes(calendar, from, minutes).toISOString());
    }),
    RUNS,
  );
});

test('a calendar without any working day is refused however the days are counted', () => {
  const closed = new WorkingCalendar({ holidays: [], weeklyHolidays: [1, 2, 3, 4, 5, 6, 7] });
  const noWorkingDay = (error: unknown) => error instanceof CalendarError && error.code === 'no_working_day';
  assert.throws(() => closed.addWorkingDays('2026-12-03', 750), noWorkingDay);
  assert.throws(() => closed.addWorkingMinutes(dhaka('2026-12-03 10:00'), 60), noWorkingDay);
  assert.equal(closed.workingDaysBetween('2026-01-01', '2028-12-31'), 0);
  assert.equal(closed.workingMinutesBetween(dhaka('2026-01-01 10:00'), dhaka('2028-12-31 10:00')), 0);
});

test('three years of working time are counted in whole weeks: the national calendar of 2025–2026 and beyond', () => {
  const calendar = nationalCalendar();
  const from = dhaka('2025-01-01 10:00');
  const to = dhaka('2027-12-30 16:00'); // a Thursday
  const minutes = stepping.workingMinutesBetween(calendar, from, to);
  assert.equal(calendar.workingMinutesBetween(from, to), minutes);
  assert.equal(calendar.addWorkingMinutes(from, minutes).toISOString(), to.toISOString());
  assert.equal(calendar.workingDaysBetween('2025-01-01', '2027-12-31'), stepping.workingDaysBetween(calendar, '2025-01-01', '2027-12-31'));
});
