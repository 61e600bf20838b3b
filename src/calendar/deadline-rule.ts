// The promise a deadline is counted by: a duration in some unit, or no fixed duration at all.
// Charters convert their time-limit cells into rules; RTI and GRS build statutory ones directly.
import { CalendarError } from './errors.ts';

export type DeadlineUnit = 'working_day' | 'calendar_day' | 'month' | 'hour';

export const DEADLINE_UNITS: readonly DeadlineUnit[] = ['working_day', 'calendar_day', 'month', 'hour'];

export interface DeadlineRule {
  unit: DeadlineUnit;
  /** when the item is usually done; equal to `due` unless the promise is a range */
  expected: number;
  /** when the promise is broken */
  due: number;
  /** promised at once (expected at closing time of day 0), perhaps with `due` as the outer bound */
  immediate: boolean;
  /** the promise as its source words it ("৩ কার্যদিবস", "RTI Act 2009, section 9(1)"), quoted in explanations */
  label: string | null;
}

/** A promise without a duration ("as needed", "subject to hearing"): no due date, reported apart. */
export interface NoFixedLimitRule {
  unit: null;
  reason: 'on_demand' | 'no_duration';
  label: string | null;
}

export type PromiseRule = DeadlineRule | NoFixedLimitRule;

/**
 * The longest promise the engine counts: three years, longer than any charter or statute
 * asks for, so one request can never buy unbounded work.
 */
export const MAX_RULE_AMOUNT: Record<DeadlineUnit, number> = {
  working_day: 750,
  calendar_day: 1096,
  month: 36,
  hour: 1096 * 24,
};

function checkAmount(unit: DeadlineUnit, value: number, label: string | null): void {
  const whole = unit === 'hour' || Number.isInteger(value);
  if (!Number.isFinite(value) || value < 0 || !whole || value > MAX_RULE_AMOUNT[unit]) {
    // the field is the time limit as the API and the CLI take it (--limit, ?limit=)
    throw new CalendarError('invalid_limit', `${JSON.stringify(label)}: ${value} ${unit} (0 to ${MAX_RULE_AMOUNT[unit]}, whole days and months)`, 'limit');
  }
}

export interface RuleSpec {
  unit: DeadlineUnit;
  due: number;
  expected?: number;
  immediate?: boolean;
  label?: string | null;
}

/** A checked rule: amounts finite, not negative, whole for days and months, and `expected` never after `due`. */
export function deadlineRule(spec: RuleSpec): DeadlineRule {
  const label = spec.label ?? null;
  const immediate = spec.immediate ?? false;
  checkAmount(spec.unit, spec.due, label);
  const expected = immediate ? 0 : Math.min(spec.due, spec.expected ?? spec.due);
  checkAmount(spec.unit, expected, label);
  return { unit: spec.unit, expected, due: spec.due, immediate, label };
}

/** Promised at once: due at closing time of day 0. */
export function immediateRule(label: string | null = null): DeadlineRule {
  return deadlineRule({ unit: 'working_day', due: 0, immediate: true, label });
}

export function noFixedLimit(reason: NoFixedLimitRule['reason'], label: string | null = null): NoFixedLimitRule {
  return { unit: null, reason, label };
}

export function workingDays(count: number, label: string | null = null): DeadlineRule {
  return deadlineRule({ unit: 'working_day', due: count, label });
}

export function hours(count: number, label: string | null = null): DeadlineRule {
  return deadlineRule({ unit: 'hour', due: count, label });
}

export function calendarDays(count: number, label: string | null = null): DeadlineRule {
  return deadlineRule({ unit: 'calendar_day', due: count, label });
}

const UNIT_NAMES: Record<DeadlineUnit, string> = {
  working_day: 'working_days',
  calendar_day: 'calendar_days',
  month: 'months',
  hour: 'hours',
};

/** Machine-readable: "working_days:3", "working_days:3-7", "immediate", "immediate/working_days:3", "hours:24", "no_fixed_limit". */
export function ruleText(rule: PromiseRule): string {
  if (rule.unit === null) return 'no_fixed_limit';
  const unit = UNIT_NAMES[rule.unit];
  if (rule.immediate) return rule.due === 0 && rule.unit === 'working_day' ? 'immediate' : `immediate/${unit}:${rule.due}`;
  return rule.expected < rule.due ? `${unit}:${rule.expected}-${rule.due}` : `${unit}:${rule.due}`;
}

const stored = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** A rule read back from storage (a clock's JSON), checked as if it were new. */
export function promiseRuleFrom(value: unknown): PromiseRule {
  if (!stored(value)) throw new CalendarError('invalid_limit', 'a stored rule is not an object');
  const label = typeof value.label === 'string' ? value.label : null;
  if (value.unit === null) {
    if (value.reason !== 'on_demand' && value.reason !== 'no_duration') throw new CalendarError('invalid_limit', 'a stored rule has no reason');
    return noFixedLimit(value.reason, label);
  }
  if (!DEADLINE_UNITS.includes(value.unit as DeadlineUnit) || typeof value.due !== 'number') {
    throw new CalendarError('invalid_limit', `a stored rule has the unit ${String(value.unit)}`);
  }
  return deadlineRule({
    unit: value.unit as DeadlineUnit,
    due: value.due,
    expected: typeof value.expected === 'number' ? value.expected : value.due,
    immediate: value.immediate === true,
    label,
  });
}
