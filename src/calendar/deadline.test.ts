import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { computeDeadline, type DeadlineResult, type DueDeadline } from './deadline.ts';
import { deadlineRule, hours, immediateRule, noFixedLimit, workingDays, type PromiseRule } from './deadline-rule.ts';
import { dhaka, inDhaka, nationalCalendar, nationalHolidayFile } from './test-support.ts';
import { WorkingCalendar } from './working-calendar.ts';

const national = nationalCalendar();

function due(result: DeadlineResult): DueDeadline {
  assert.equal(result.kind, 'due', `expected a due date, got ${JSON.stringify(result)}`);
  return result as DueDeadline;
}

function dueAt(received: string, limit: PromiseRule, calendar = national): string {
  return inDhaka(due(computeDeadline(calendar, { receivedAt: dhaka(received), rule: limit })).dueAt);
}

interface Case {
  name: string;
  received: string;
  limit: PromiseRule;
  expected?: string;
  due: string;
  rule?: string;
}

const cases: Case[] = [
  { name: 'received at 10:00 on a working Thursday, three working days', received: '2026-12-03 10:00', limit: workingDays(3), due: '2026-12-08 17:00', rule: 'working_days:3' },
  { name: 'received after closing time counts from the next working day', received: '2026-12-03 18:30', limit: workingDays(3), due: '2026-12-09 17:00' },
  { name: 'received exactly at closing time counts as after hours', received: '2026-12-03 17:00', limit: workingDays(3), due: '2026-12-09 17:00' },
  { name: 'received before opening time counts from that day', received: '2026-12-03 07:30', limit: workingDays(3), due: '2026-12-08 17:00' },
  { name: 'received on a Friday counts from Sunday', received: '2026-12-04 11:00', limit: workingDays(3), due: '2026-12-09 17:00' },
  { name: 'received on a Saturday evening counts from Sunday', received: '2026-12-05 21:00', limit: workingDays(1), due: '2026-12-07 17:00' },
  { name: 'received on a holiday counts from the next working day', received: '2026-12-16 10:00', limit: workingDays(1), due: '2026-12-20 17:00' },
  { name: 'a holiday inside the span is skipped', received: '2026-12-15 10:00', limit: workingDays(1), due: '2026-12-17 17:00' },
  { name: 'the Eid-ul-Fitr break is skipped as a whole', received: '2026-03-16 10:00', limit: workingDays(2), due: '2026-03-25 17:00' },
  { name: 'a special working Saturday is counted', received: '2025-05-15 10:00', limit: workingDays(1), due: '2025-05-17 17:00' },
  { name: 'received on a special working Saturday counts from that day', received: '2025-05-17 10:00', limit: workingDays(0), due: '2025-05-17 17:00' },
  { name: 'a year without holiday data counts weekly holidays only', received: '2026-12-31 10:00', limit: workingDays(3), due: '2027-01-05 17:00' },
  { name: 'immediate is due at closing time of day 0', received: '2026-12-03 10:00', limit: immediateRule('তাৎক্ষণিক'), due: '2026-12-03 17:00', rule: 'immediate' },
  { name: 'immediate after hours is due at closing time of the next working day', received: '2026-12-03 18:00', limit: immediateRule('তাৎক্ষণিক'), due: '2026-12-06 17:00' },
  { name: 'a range is expected at its minimum and due at its maximum', received: '2026-12-03 10:00', limit: deadlineRule({ unit: 'working_day', expected: 3, due: 7 }), expected: '2026-12-08 17:00', due: '2026-12-14 17:00', rule: 'working_days:3-7' },
  {
    name: 'immediate or three working days is expected the same day and due in three',
    received: '2026-12-03 10:00',
    limit: deadlineRule({ unit: 'working_day', due: 3, immediate: true }),
    expected: '2026-12-03 17:00',
    due: '2026-12-08 17:00',
    rule: 'immediate/working_days:3',
  },
  { name: 'an hours limit runs by the clock across midnight and into the weekend', received: '2026-12-03 20:00', limit: deadlineRule({ unit: 'hour', due: 24 }), due: '2026-12-04 20:00', rule: 'hours:24' },
  { name: 'an hours limit runs through holidays', received: '2026-12-15 16:00', limit: deadlineRule({ unit: 'hour', due: 48 }), due: '2026-12-17 16:00' },
  { name: 'calendar days landing on a Friday move to Sunday', received: '2026-11-26 10:00', limit: deadlineRule({ unit: 'calendar_day', due: 15 }), due: '2026-12-13 17:00', rule: 'calendar_days:15' },
  { name: 'calendar days landing on a holiday move to the next working day', received: '2026-12-03 10:00', limit: deadlineRule({ unit: 'calendar_day', due: 13 }), due: '2026-12-17 17:00' },
  { name: 'calendar days count from day 0, not from an after-hours receipt', received: '2026-12-03 18:00', limit: deadlineRule({ unit: 'calendar_day', due: 1 }), due: '2026-12-07 17:00' },
  { name: 'one month after the 31st is the end of the shorter month', received: '2026-03-31 10:00', limit: deadlineRule({ unit: 'month', due: 1 }), due: '2026-04-30 17:00', rule: 'months:1' },
  { name: 'months landing on Friday the 31st move to the next working day', received: '2026-03-31 10:00', limit: deadlineRule({ unit: 'month', due: 4 }), due: '2026-08-02 17:00' },
  { name: 'a week is seven calendar days', received: '2026-12-06 10:00', limit: deadlineRule({ unit: 'calendar_day', due: 7 }), due: '2026-12-13 17:00', rule: 'calendar_days:7' },
];

for (const example of cases) {
  test(example.name, () => {
    const result = due(computeDeadline(national, { receivedAt: dhaka(example.received), rule: example.limit }));
    assert.equal(inDhaka(result.dueAt), example.due);
    assert.equal(inDhaka(result.expectedAt), example.expected ?? example.due);
    if (example.rule) assert.equal(result.rule, example.rule);
  });
}

test('the three examples of the specification hold', () => {
  assert.equal(dueAt('2026-12-03 10:00', workingDays(3)), '2026-12-08 17:00');
  assert.equal(dueAt('2026-12-03 18:30', workingDays(3)), '2026-12-09 17:00');
  assert.equal(dueAt('2026-12-15 10:00', workingDays(1)), '2026-12-17 17:00');
});

test('the due date is returned as a UTC instant', () => {
  const result = due(computeDeadline(national, { receivedAt: dhaka('2026-12-03 10:00'), rule: workingDays(3) }));
  assert.equal(result.dueAt.toISOString(), '2026-12-08T11:00:00.000Z');
  assert.equal(result.dayZero, '2026-12-03');
});

test('a holiday on day 1 of a year with data is skipped across the year boundary', () => {
  const synthetic = new WorkingCalendar({ holidays: [{ date: '2027-01-03', kind: 'general', name_en: 'Test holiday' }], coveredYears: [2026, 2027] });
  const result = due(computeDeadline(synthetic, { receivedAt: dhaka('2026-12-31 10:00'), rule: workingDays(1) }));
  assert.equal(inDhaka(result.dueAt), '2027-01-04 17:00');
  assert.deepEqual(result.uncoveredYears, []);
});

test('a deadline reaching into a year without holiday data says so', () => {
  const result = due(computeDeadline(national, { receivedAt: dhaka('2026-12-31 10:00'), rule: workingDays(3) }));
  assert.deepEqual(result.uncoveredYears, [2027]);
  assert.match(result.explanation_en, /No national holiday list is loaded for 2027/);
  assert.match(result.explanation_bn, /২০২৭ সালের জাতীয় ছুটির তালিকা নেই/);
});

test('an on-demand service has no fixed limit and no due date', () => {
  const result = computeDeadline(national, { receivedAt: dhaka('2026-12-03 10:00'), rule: noFixedLimit('on_demand', 'চাহিদা অনুযায়ী') });
  assert.equal(result.kind, 'no_fixed_limit');
  assert.equal(result.rule, 'no_fixed_limit');
  assert.equal(result.kind === 'no_fixed_limit' && result.reason, 'on_demand');
  assert.equal('dueAt' in result, false);
});

test('a limit without a duration has no fixed limit', () => {
  const result = computeDeadline(national, { receivedAt: dhaka('2026-12-03 10:00'), rule: noFixedLimit('no_duration', 'শুনানি সাপেক্ষে') });
  assert.equal(result.kind, 'no_fixed_limit');
  assert.equal(result.kind === 'no_fixed_limit' && result.reason, 'no_duration');
});

test('the explanation names day 0, the rule and the closures on the way, in English and Bangla', () => {
  const result = due(computeDeadline(national, { receivedAt: dhaka('2026-12-15 10:00'), rule: workingDays(1) }));
  assert.equal(
    result.explanation_en,
    'Received Tue 15 Dec 2026, 10:00; the count starts that day (day 0). Due at closing time of the 1st working day after day 0: Thu 17 Dec 2026, 17:00. The office is closed on the way: Wed 16 Dec 2026 (Victory Day).',
  );
  assert.equal(
    result.explanation_bn,
    'গ্রহণ মঙ্গলবার, ১৫ ডিসেম্বর ২০২৬, ১০:০০; গণনা শুরু সেদিন থেকেই (দিন ০)। দিন ০-এর পর ১ কার্যদিবস, অফিস সময় শেষে: বৃহস্পতিবার, ১৭ ডিসেম্বর ২০২৬, ১৭:০০। মাঝে অফিস বন্ধ: বুধবার, ১৬ ডিসেম্বর ২০২৬ (বিজয় দিবস)।',
  );
});

test('the explanation says why counting starts later', () => {
  const afterHours = due(computeDeadline(national, { receivedAt: dhaka('2026-12-03 18:30'), rule: workingDays(3) }));
  assert.match(afterHours.explanation_en, /after closing time, so the count starts on Sun 6 Dec 2026/);
  const weekend = due(computeDeadline(national, { receivedAt: dhaka('2026-12-04 18:30'), rule: workingDays(3) }));
  assert.match(weekend.explanation_en, /when the office was closed/);
  const moved = due(computeDeadline(national, { receivedAt: dhaka('2026-11-26 10:00'), rule: deadlineRule({ unit: 'calendar_day', due: 15 }) }));
  assert.match(moved.explanation_en, /closed on Fri 11 Dec 2026, so it moves to the next working day/);
});

test('an immediate limit with hours is never expected after it is due', () => {
  // Received just before the Eid-ul-Fitr break: closing time of day 0 is after the 24 hours.
  const rule = deadlineRule({ unit: 'hour', due: 24, immediate: true });
  const result = due(computeDeadline(national, { receivedAt: dhaka('2026-03-16 18:00'), rule }));
  assert.equal(result.rule, 'immediate/hours:24');
  assert.equal(inDhaka(result.dueAt), '2026-03-17 18:00');
  assert.equal(inDhaka(result.expectedAt), '2026-03-17 18:00');
});

test('fractions of hours are kept', () => {
  assert.equal(dueAt('2026-12-03 10:00', deadlineRule({ unit: 'hour', due: 0.5 })), '2026-12-03 10:30');
});

test('an impossible rule is refused, and so is an impossible receipt', () => {
  assert.throws(() => deadlineRule({ unit: 'working_day', due: -1 }), /invalid_limit/);
  assert.throws(() => deadlineRule({ unit: 'working_day', due: 1.5 }), /invalid_limit/);
  assert.throws(() => deadlineRule({ unit: 'month', due: Number.NaN }), /invalid_limit/);
  assert.throws(() => computeDeadline(national, { receivedAt: new Date('nonsense'), rule: workingDays(1) }), /invalid_date/);
});

test('a rule longer than three years is refused: no single promise may buy unbounded work', () => {
  assert.ok(workingDays(750));
  assert.throws(() => workingDays(751), /invalid_limit/);
  assert.throws(() => deadlineRule({ unit: 'calendar_day', due: 999_999 }), /invalid_limit/);
  assert.throws(() => deadlineRule({ unit: 'month', due: 37 }), /invalid_limit/);
});

test('statutory rules are built directly and explained without any charter', () => {
  const rti = workingDays(20, 'তথ্য অধিকার আইন ২০০৯, ধারা ৯');
  const result = due(computeDeadline(national, { receivedAt: dhaka('2026-12-03 10:00'), rule: rti }));
  assert.equal(result.rule, 'working_days:20');
  assert.match(result.explanation_en, /20th working day after day 0/);
  const lifeAndLiberty = due(computeDeadline(national, { receivedAt: dhaka('2026-12-03 10:00'), rule: hours(24) }));
  assert.equal(inDhaka(lifeAndLiberty.dueAt), '2026-12-04 10:00');
});

test('a 250-working-day limit across a year boundary lands where stepping one day at a time does', () => {
  // The reference reads the holiday files itself and steps with luxon, one calendar day at a time.
  const files = [nationalHolidayFile(2025), nationalHolidayFile(2026)];
  const closures = files.flatMap((file) => file.holidays).filter((holiday) => holiday.kind !== 'optional');
  const special = new Set(files.flatMap((file) => file.special_working_days.map((day) => day.date)));
  const isOpen = (day: DateTime) => {
    const date = day.toISODate() ?? '';
    return !closures.some((closure) => closure.date === date) && (special.has(date) || ![5, 6].includes(day.weekday));
  };
  let day = DateTime.fromISO('2025-09-14', { zone: 'utc' });
  for (let counted = 0; counted < 250; ) {
    day = day.plus({ days: 1 });
    if (isOpen(day)) counted++;
  }
  const onTheWay = closures
    .filter((closure) => closure.date > '2025-09-14' && closure.date <= (day.toISODate() ?? ''))
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((closure) => `${DateTime.fromISO(closure.date).setLocale('en').toFormat('ccc d LLL yyyy')} (${closure.name_en})`);

  const result = due(computeDeadline(national, { receivedAt: dhaka('2025-09-14 10:00'), rule: workingDays(250) }));
  assert.equal(result.dayZero, '2025-09-14');
  assert.equal(inDhaka(result.dueAt), `${day.toISODate()} 17:00`);
  assert.ok(day.year === 2026 && onTheWay.length > 10);
  assert.ok(result.explanation_en.includes(`The office is closed on the way: ${onTheWay.join(', ')}.`), result.explanation_en);
});
