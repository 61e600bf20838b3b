import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { computeDeadline, type DeadlineResult } from './deadline.ts';
import { deadlineRule, type DeadlineRule, type DeadlineUnit } from './deadline-rule.ts';
import { addDays, minutesOfClockTime } from './local-date.ts';
import { dhaka, nationalCalendar } from './test-support.ts';
import { WorkingCalendar, type WorkingCalendarInput } from './working-calendar.ts';

const national = nationalCalendar();
const START = '2026-01-01';
const DAYS_SPANNED = 400;

const date = fc.integer({ min: 0, max: DAYS_SPANNED }).map((offset) => addDays(START, offset));

/** Random office calendars: holidays, special working days, weekly holidays and office hours. */
const calendarInput: fc.Arbitrary<WorkingCalendarInput> = fc.record({
  holidays: fc.array(date.map((holiday) => ({ date: holiday, kind: 'general' })), { maxLength: 40 }),
  specialWorkingDays: fc.array(date, { maxLength: 5 }),
  weeklyHolidays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { maxLength: 3 }),
  opening: fc.constantFrom('08:00', '09:00', '10:30'),
  closing: fc.constantFrom('15:00', '17:00', '18:45'),
});

const calendar: fc.Arbitrary<{ calendar: WorkingCalendar; input: WorkingCalendarInput | null }> = fc.oneof(
  calendarInput.map((input) => ({ calendar: new WorkingCalendar(input), input })),
  fc.constant({ calendar: national, input: null }),
);

/** An instant somewhere in 2026, to the minute. */
const receivedAt = fc.integer({ min: 0, max: 365 * 24 * 60 - 1 }).map((minute) => new Date(dhaka('2026-01-01 00:00').getTime() + minute * 60_000));

const unit = fc.constantFrom<DeadlineUnit>('working_day', 'calendar_day', 'month', 'hour');
const amount = (forUnit: DeadlineUnit) => (forUnit === 'month' ? fc.integer({ min: 0, max: 6 }) : fc.integer({ min: 0, max: 60 }));

function limit(forUnit: DeadlineUnit, expected: number, due: number, immediate = false): DeadlineRule {
  return deadlineRule({ unit: forUnit, expected, due, immediate });
}

function dueMs(result: DeadlineResult): number {
  assert.equal(result.kind, 'due');
  return result.kind === 'due' ? result.dueAt.getTime() : NaN;
}

test('the deadline is never before the receipt, and the expected moment lies between them', () => {
  fc.assert(
    fc.property(calendar, receivedAt, unit.chain((u) => fc.tuple(fc.constant(u), amount(u), amount(u), fc.boolean())), ({ calendar: office }, received, [u, a, b, immediate]) => {
      const result = computeDeadline(office, { receivedAt: received, rule: limit(u, Math.min(a, b), Math.max(a, b), immediate) });
      assert.equal(result.kind, 'due');
      if (result.kind !== 'due') return;
      assert.ok(result.dueAt.getTime() >= received.getTime());
      assert.ok(result.expectedAt.getTime() >= received.getTime());
      assert.ok(result.expectedAt.getTime() <= result.dueAt.getTime());
    }),
  );
});

test('more days never give an earlier deadline', () => {
  fc.assert(
    fc.property(calendar, receivedAt, unit.chain((u) => fc.tuple(fc.constant(u), amount(u), amount(u))), ({ calendar: office }, received, [u, a, b]) => {
      const [fewer, more] = [Math.min(a, b), Math.max(a, b)];
      const early = dueMs(computeDeadline(office, { receivedAt: received, rule: limit(u, fewer, fewer) }));
      const late = dueMs(computeDeadline(office, { receivedAt: received, rule: limit(u, more, more) }));
      assert.ok(early <= late);
    }),
  );
});

test('adding a holiday never makes a deadline earlier', () => {
  fc.assert(
    fc.property(calendarInput, date, receivedAt, unit.chain((u) => fc.tuple(fc.constant(u), amount(u))), (input, extra, received, [u, n]) => {
      const before = new WorkingCalendar(input);
      const after = new WorkingCalendar({ ...input, holidays: [...input.holidays, { date: extra, kind: 'local' }] });
      const lim = limit(u, n, n);
      assert.ok(dueMs(computeDeadline(before, { receivedAt: received, rule: lim })) <= dueMs(computeDeadline(after, { receivedAt: received, rule: lim })));
    }),
  );
});

test('a pause of k working days moves the due date by exactly k working days', () => {
  fc.assert(
    fc.property(
      calendar,
      receivedAt,
      fc.integer({ min: 1, max: 30 }),
      fc.integer({ min: 0, max: 29 }),
      fc.integer({ min: 0, max: 15 }),
      fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
      ({ calendar: office }, received, n, startOffset, k, timeOfDay) => {
        const result = computeDeadline(office, { receivedAt: received, rule: limit('working_day', n, n) });
        if (result.kind !== 'due') return assert.fail('expected a due date');
        // The pause starts on a working day after day 0 and no later than the due day, inside office hours.
        const pauseDay = office.addWorkingDays(result.dayZero, 1 + (startOffset % n));
        const opening = minutesOfClockTime(office.opening);
        const minute = opening + Math.floor(timeOfDay * (minutesOfClockTime(office.closing) - opening));
        const from = new Date(office.openingOf(pauseDay).getTime() + (minute - opening) * 60_000);
        const to = new Date(office.openingOf(office.addWorkingDays(pauseDay, k)).getTime() + (minute - opening) * 60_000);

        const paused = computeDeadline(office, { receivedAt: received, rule: limit('working_day', n, n), pauses: [{ from, to }] });
        if (paused.kind !== 'due') return assert.fail('expected a due date');
        const dueDay = office.localDate(result.dueAt);
        assert.equal(paused.dueAt.getTime(), office.closingOf(office.addWorkingDays(dueDay, k)).getTime());
      },
    ),
  );
});

test('a pause never makes a deadline earlier', () => {
  fc.assert(
    fc.property(
      calendar,
      receivedAt,
      unit.chain((u) => fc.tuple(fc.constant(u), amount(u))),
      fc.integer({ min: 0, max: 60 * 24 * 60 }),
      fc.integer({ min: 0, max: 20 * 24 * 60 }),
      ({ calendar: office }, received, [u, n], startAfter, length) => {
        const from = new Date(received.getTime() + startAfter * 60_000);
        const to = new Date(from.getTime() + length * 60_000);
        const lim = limit(u, n, n);
        const plain = dueMs(computeDeadline(office, { receivedAt: received, rule: lim }));
        const paused = dueMs(computeDeadline(office, { receivedAt: received, rule: lim, pauses: [{ from, to }] }));
        assert.ok(paused >= plain);
      },
    ),
  );
});
