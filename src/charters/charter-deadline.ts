// When a service promised in a charter's words ("৩ কার্যদিবস") is due: the charter's reading
// of the text, counted by the calendar's engine. The CLI and the API both ask here.
import type { Kysely } from 'kysely';
import { dueFor, type DeadlineResult } from '../calendar/index.ts';
import type { DB } from '../core/db/schema.ts';
import { ChartersError } from './errors.ts';
import type { TimeLimit } from './model.ts';
import { parseTimeLimit } from './parse/time-limit.ts';
import { ruleOfTimeLimit } from './time-limit-rule.ts';

/**
 * Whether the words say something the engine can answer: a duration it counts, "immediately",
 * or a charter's own words for having no fixed limit ("চাহিদা অনুযায়ী", "শুনানি সাপেক্ষে").
 * Anything else ("abc", a name, a stray number with words) is a mistake to point out, not a
 * promise without a deadline.
 */
function isCountableOrSaysNoLimit(limit: TimeLimit): boolean {
  return limit.unit !== null || limit.immediate || limit.on_demand || limit.conditional;
}

export async function dueUnderTimeLimit(db: Kysely<DB>, officeId: number | null, receivedAt: Date, limitText: string): Promise<DeadlineResult> {
  const { limit } = parseTimeLimit(limitText);
  if (!isCountableOrSaysNoLimit(limit)) throw new ChartersError('time_limit_not_countable', limitText.trim().slice(0, 80), 'limit');
  return dueFor(db, officeId, receivedAt, ruleOfTimeLimit(limit));
}
