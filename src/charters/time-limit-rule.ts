// The one place a charter's time-limit cell becomes the deadline engine's rule.
import { deadlineRule, noFixedLimit, type PromiseRule } from '../calendar/index.ts';
import type { TimeLimit } from './model.ts';

/**
 * The rule a charter time limit promises. Day and month counts are rounded up (a charter's
 * "১.৫ কার্যদিবস" is kept in two); hours keep their fraction. A limit with no duration has no
 * fixed limit, "as needed" (on demand) or not.
 */
export function ruleOfTimeLimit(limit: TimeLimit): PromiseRule {
  if (limit.unit === null || limit.max === null) {
    if (limit.immediate) return deadlineRule({ unit: 'working_day', due: 0, immediate: true, label: limit.text });
    return noFixedLimit(limit.on_demand ? 'on_demand' : 'no_duration', limit.text);
  }
  const round = limit.unit === 'hour' ? (value: number) => value : Math.ceil;
  return deadlineRule({
    unit: limit.unit,
    due: round(limit.max),
    expected: round(limit.min ?? limit.max),
    immediate: limit.immediate,
    label: limit.text,
  });
}
