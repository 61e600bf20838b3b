// A charter time limit reduced to what the deadline arithmetic needs, and its short name.
import type { TimeLimit } from '../charters/index.ts';
import { CalendarError } from './errors.ts';

export type DeadlineUnit = 'working_day' | 'calendar_day' | 'month' | 'hour';

/** A time limit reduced to what the deadline arithmetic needs. */
export interface DeadlineRule {
  unit: DeadlineUnit;
  expected: number;
  due: number;
  immediate: boolean;
}

const UNIT_NAMES: Record<DeadlineUnit, string> = {
  working_day: 'working_days',
  calendar_day: 'calendar_days',
  month: 'months',
  hour: 'hours',
};

function checkAmount(value: number | null, text: string | null): void {
  if (value !== null && (!Number.isFinite(value) || value < 0)) {
    throw new CalendarError('invalid_limit', `time limit ${JSON.stringify(text)} has the amount ${value}`);
  }
}

/** The rule a time limit stands for, or null when it has no fixed duration. Day and month counts are rounded up. */
export function deadlineRuleOf(limit: TimeLimit): DeadlineRule | null {
  checkAmount(limit.min, limit.text);
  checkAmount(limit.max, limit.text);
  if (limit.unit === null || limit.max === null) {
    return limit.immediate ? { unit: 'working_day', expected: 0, due: 0, immediate: true } : null;
  }
  const round = limit.unit === 'hour' ? (value: number) => value : Math.ceil;
  const due = round(limit.max);
  const expected = limit.immediate ? 0 : Math.min(due, round(limit.min ?? limit.max));
  return { unit: limit.unit, expected, due, immediate: limit.immediate };
}

export function ruleText(rule: DeadlineRule): string {
  const unit = UNIT_NAMES[rule.unit];
  if (rule.immediate) return rule.due === 0 && rule.unit === 'working_day' ? 'immediate' : `immediate/${unit}:${rule.due}`;
  return rule.expected < rule.due ? `${unit}:${rule.expected}-${rule.due}` : `${unit}:${rule.due}`;
}
