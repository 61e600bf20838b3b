// When a promised service is expected and due, from its receipt, its time limit and its pauses (docs/deadlines.md).
import { calendarDateClock, wallClock, workingTimeClock, type DeadlineClock, type RemainingTime } from './deadline-clocks.ts';
import { explainDue, explainNoFixedLimit, explainPaused, type DayZeroReason } from './deadline-explanation.ts';
import { ruleText, type DeadlineUnit, type PromiseRule } from './deadline-rule.ts';
import { CalendarError } from './errors.ts';
import { addDays, addMonths, yearOf } from './local-date.ts';
import { normalisePauses, type Pause } from './pauses.ts';
import type { WorkingCalendar } from './working-calendar.ts';

export interface DeadlineInput {
  receivedAt: Date;
  rule: PromiseRule;
  pauses?: readonly Pause[];
}

interface Explained {
  /** Machine-readable: "working_days:3", "working_days:3-7", "immediate", "immediate/working_days:3", "hours:24", "no_fixed_limit". */
  rule: string;
  explanation_en: string;
  explanation_bn: string;
}

export interface DueDeadline extends Explained {
  kind: 'due';
  receivedAt: Date;
  /** The office-local date the count starts from. */
  dayZero: string;
  expectedAt: Date;
  dueAt: Date;
  /** The due moment had the item never waited for the citizen. */
  dueAtWithoutPauses: Date;
  /** Years the span touches for which no national holiday list is loaded: only weekly holidays were counted there. */
  uncoveredYears: number[];
}

export interface PausedDeadline extends Explained {
  kind: 'paused';
  receivedAt: Date;
  dayZero: string;
  pausedAt: Date;
  dueAtWithoutPauses: Date;
  /** What is left of the time limit; laid out again from the moment the item resumes. */
  remaining: RemainingTime;
}

export interface NoFixedLimit extends Explained {
  kind: 'no_fixed_limit';
  rule: 'no_fixed_limit';
  reason: 'on_demand' | 'no_duration';
}

export type DeadlineResult = DueDeadline | PausedDeadline | NoFixedLimit;

function clockFor(calendar: WorkingCalendar, receivedAt: Date, dayZero: string, unit: DeadlineUnit, amount: number): DeadlineClock {
  switch (unit) {
    case 'working_day':
      return workingTimeClock(calendar, calendar.closingOf(calendar.addWorkingDays(dayZero, amount)));
    case 'calendar_day':
      return calendarDateClock(calendar, addDays(dayZero, amount));
    case 'month':
      return calendarDateClock(calendar, addMonths(dayZero, amount));
    case 'hour':
      return wallClock(new Date(receivedAt.getTime() + Math.round(amount * 3_600_000)));
  }
}

function dayZeroReason(calendar: WorkingCalendar, receivedAt: Date, dayZero: string): DayZeroReason {
  const receivedOn = calendar.localDate(receivedAt);
  if (receivedOn === dayZero) return 'same_day';
  return calendar.isWorkingDay(receivedOn) ? 'after_closing' : 'non_working_day';
}

function uncoveredYears(calendar: WorkingCalendar, from: Date, to: Date): number[] {
  const years: number[] = [];
  for (let year = yearOf(calendar.localDate(from)); year <= yearOf(calendar.localDate(to)); year++) {
    if (!calendar.coveredYears.includes(year)) years.push(year);
  }
  return years;
}

export function computeDeadline(calendar: WorkingCalendar, input: DeadlineInput): DeadlineResult {
  const { receivedAt, rule } = input;
  if (!(receivedAt instanceof Date) || Number.isNaN(receivedAt.getTime())) {
    throw new CalendarError('invalid_date', 'the moment of receipt is not a valid date');
  }
  if (rule.unit === null) {
    return { kind: 'no_fixed_limit', rule: 'no_fixed_limit', reason: rule.reason, ...explainNoFixedLimit(rule) };
  }

  const dayZero = calendar.dayZero(receivedAt);
  let due = clockFor(calendar, receivedAt, dayZero, rule.unit, rule.due);
  let expected = rule.immediate
    ? workingTimeClock(calendar, calendar.closingOf(dayZero))
    : clockFor(calendar, receivedAt, dayZero, rule.unit, rule.expected);
  const dueAtWithoutPauses = due.at;
  const facts = { calendar, receivedAt, dayZero, dayZeroReason: dayZeroReason(calendar, receivedAt, dayZero), rule, dueAtWithoutPauses };

  for (const pause of normalisePauses(receivedAt, input.pauses ?? [])) {
    if (pause.to === null) {
      if (pause.from.getTime() >= due.at.getTime()) break;
      const remaining = due.remainingFrom(pause.from);
      return {
        kind: 'paused',
        rule: ruleText(rule),
        receivedAt,
        dayZero,
        pausedAt: pause.from,
        dueAtWithoutPauses,
        remaining,
        ...explainPaused({ ...facts, pausedAt: pause.from, remaining }),
      };
    }
    due = due.paused(pause.from, pause.to);
    expected = expected.paused(pause.from, pause.to);
  }

  const dueAt = due.at;
  const expectedAt = expected.at.getTime() < dueAt.getTime() ? expected.at : dueAt;
  const uncovered = uncoveredYears(calendar, receivedAt, dueAt);
  const closures = calendar.closuresBetween(dayZero, calendar.localDate(dueAt));
  return {
    kind: 'due',
    rule: ruleText(rule),
    receivedAt,
    dayZero,
    expectedAt,
    dueAt,
    dueAtWithoutPauses,
    uncoveredYears: uncovered,
    ...explainDue({ ...facts, expectedAt, dueAt, closures, uncoveredYears: uncovered }),
  };
}
