import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeDeadline, type DueDeadline, type PausedDeadline } from './deadline.ts';
import type { Pause } from './pauses.ts';
import { deadlineRule, workingDays, type DeadlineRule } from './deadline-rule.ts';
import { dhaka, inDhaka, nationalCalendar } from './test-support.ts';

const national = nationalCalendar();

function pause(from: string, to: string | null): Pause {
  return { from: dhaka(from), to: to === null ? null : dhaka(to) };
}

function compute(received: string, rule: DeadlineRule, pauses: Pause[]) {
  return computeDeadline(national, { receivedAt: dhaka(received), rule, pauses });
}

function dueWith(received: string, rule: DeadlineRule, pauses: Pause[]): DueDeadline {
  const result = compute(received, rule, pauses);
  assert.equal(result.kind, 'due');
  return result as DueDeadline;
}

test('a pause across a holiday adds back only the working time that was left', () => {
  // Due Thu 17 Dec without the pause; paused Mon 14 Dec 10:00 to Thu 17 Dec 10:00, two working days with 16 Dec closed.
  const result = dueWith('2026-12-13 10:00', workingDays(3), [pause('2026-12-14 10:00', '2026-12-17 10:00')]);
  assert.equal(inDhaka(result.dueAtWithoutPauses), '2026-12-17 17:00');
  assert.equal(inDhaka(result.dueAt), '2026-12-21 17:00');
  assert.match(result.explanation_en, /without the pauses it would have been due Thu 17 Dec 2026, 17:00/);
});

test('a pause outside office hours moves nothing', () => {
  const result = dueWith('2026-12-03 10:00', workingDays(3), [pause('2026-12-03 18:00', '2026-12-06 08:00')]);
  assert.equal(inDhaka(result.dueAt), '2026-12-08 17:00');
});

test('a pause of an afternoon moves the due moment into the next working day', () => {
  const result = dueWith('2026-12-03 10:00', workingDays(3), [pause('2026-12-06 13:00', '2026-12-06 15:00')]);
  assert.equal(inDhaka(result.dueAt), '2026-12-09 11:00');
});

test('a pause that starts after the due moment does not excuse lateness', () => {
  const result = dueWith('2026-12-03 10:00', workingDays(3), [pause('2026-12-09 10:00', '2026-12-20 10:00')]);
  assert.equal(inDhaka(result.dueAt), '2026-12-08 17:00');
});

test('a pause before the receipt is ignored and one straddling it starts at the receipt', () => {
  assert.equal(inDhaka(dueWith('2026-12-03 10:00', workingDays(3), [pause('2026-12-01 10:00', '2026-12-02 10:00')]).dueAt), '2026-12-08 17:00');
  assert.equal(inDhaka(dueWith('2026-12-03 10:00', workingDays(3), [pause('2026-12-02 10:00', '2026-12-06 10:00')]).dueAt), '2026-12-09 17:00');
});

test('overlapping pauses count once', () => {
  const result = dueWith('2026-12-03 10:00', workingDays(3), [pause('2026-12-06 09:00', '2026-12-07 09:00'), pause('2026-12-06 12:00', '2026-12-08 09:00')]);
  assert.equal(inDhaka(result.dueAt), '2026-12-10 17:00');
});

test('the expected moment moves with the due moment', () => {
  const result = dueWith('2026-12-03 10:00', deadlineRule({ unit: 'working_day', expected: 1, due: 3 }), [pause('2026-12-03 12:00', '2026-12-06 12:00')]);
  assert.equal(inDhaka(result.expectedAt), '2026-12-07 17:00');
  assert.equal(inDhaka(result.dueAt), '2026-12-09 17:00');
});

test('an open pause reports the working time left instead of a due date', () => {
  const result = compute('2026-12-03 10:00', workingDays(3), [pause('2026-12-07 15:00', null)]);
  assert.equal(result.kind, 'paused');
  const paused = result as PausedDeadline;
  assert.deepEqual(paused.remaining, { unit: 'working_minutes', amount: 2 * 60 + 8 * 60 });
  assert.equal(inDhaka(paused.pausedAt), '2026-12-07 15:00');
  assert.equal(inDhaka(paused.dueAtWithoutPauses), '2026-12-08 17:00');
  assert.match(paused.explanation_en, /the clock is stopped with 10 h 0 min of office time left/);
  assert.match(paused.explanation_bn, /বাকি অফিস সময়ের ১০ ঘণ্টা ০ মিনিট/);
});

test('resuming an open pause gives the due date again', () => {
  const result = dueWith('2026-12-03 10:00', workingDays(3), [pause('2026-12-07 15:00', '2026-12-13 09:00')]);
  assert.equal(inDhaka(result.dueAt), '2026-12-14 11:00');
});

test('an hours limit pauses by the wall clock', () => {
  const limit = deadlineRule({ unit: 'hour', due: 24 });
  assert.equal(inDhaka(dueWith('2026-12-03 20:00', limit, [pause('2026-12-04 08:00', '2026-12-04 11:00')]).dueAt), '2026-12-04 23:00');
  const open = compute('2026-12-03 20:00', limit, [pause('2026-12-04 08:00', null)]);
  assert.deepEqual(open.kind === 'paused' && open.remaining, { unit: 'minutes', amount: 12 * 60 });
});

test('a calendar-day limit moves by the calendar days paused', () => {
  const limit = deadlineRule({ unit: 'calendar_day', due: 10 });
  // Nominal due Sun 13 Dec; paused 3 calendar days (6 → 9 Dec): nominal Wed 16 Dec is Victory Day, so Thu 17 Dec.
  const result = dueWith('2026-12-03 10:00', limit, [pause('2026-12-06 10:00', '2026-12-09 10:00')]);
  assert.equal(inDhaka(result.dueAtWithoutPauses), '2026-12-13 17:00');
  assert.equal(inDhaka(result.dueAt), '2026-12-17 17:00');
  assert.equal(inDhaka(dueWith('2026-12-03 10:00', limit, [pause('2026-12-06 10:00', '2026-12-06 16:00')]).dueAt), '2026-12-13 17:00');
  const open = compute('2026-12-03 10:00', limit, [pause('2026-12-06 10:00', null)]);
  assert.deepEqual(open.kind === 'paused' && open.remaining, { unit: 'calendar_days', amount: 7 });
});

test('a month limit resumed late never falls due before the resume', () => {
  const limit = deadlineRule({ unit: 'month', due: 1 });
  const result = dueWith('2026-11-01 10:00', limit, [pause('2026-12-01 09:00', '2026-12-01 18:00')]);
  assert.equal(inDhaka(result.dueAt), '2026-12-02 17:00');
});

test('pauses that make no sense are refused', () => {
  assert.throws(() => compute('2026-12-03 10:00', workingDays(3), [pause('2026-12-07 10:00', '2026-12-06 10:00')]), /invalid_pause: pause 1 .* ends before it starts/);
  assert.throws(() => compute('2026-12-03 10:00', workingDays(3), [pause('2026-12-06 10:00', null), pause('2026-12-07 10:00', null)]), /invalid_pause: 2 pauses are open/);
  assert.throws(() => compute('2026-12-03 10:00', workingDays(3), [pause('2026-12-06 10:00', null), pause('2026-12-07 10:00', '2026-12-08 10:00')]), /invalid_pause/);
});

test('an item still waiting after it fell due stays due, not paused', () => {
  const result = compute('2026-12-03 10:00', workingDays(3), [pause('2026-12-09 10:00', null)]);
  assert.equal(result.kind, 'due');
  assert.equal(result.kind === 'due' && inDhaka(result.dueAt), '2026-12-08 17:00');
});
