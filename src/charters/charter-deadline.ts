// When a service promised in a charter's words ("৩ কার্যদিবস") is due: the charter's reading
// of the text, counted by the calendar's engine. The CLI and the API both ask here.
import type { Kysely } from 'kysely';
import { dueFor, type DeadlineResult } from '../calendar/index.ts';
import type { DB } from '../core/db/schema.ts';
import { parseTimeLimit } from './parse/time-limit.ts';
import { ruleOfTimeLimit } from './time-limit-rule.ts';

export function dueUnderTimeLimit(db: Kysely<DB>, officeId: number | null, receivedAt: Date, limitText: string): Promise<DeadlineResult> {
  return dueFor(db, officeId, receivedAt, ruleOfTimeLimit(parseTimeLimit(limitText).limit));
}
