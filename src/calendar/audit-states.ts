// How a calendar change reads in the audit log: the changed thing before and after, keyed by
// what it is ({holiday: …}, {office_hours: …}; null inside: it was not there), and beside it
// the open deadlines the change moved, with their due times before and after.
import type { Selectable } from 'kysely';
import type { SpecialWorkingDays } from '../core/db/schema.ts';
import type { MovedClock } from './clock-repository.ts';
import type { HolidayRow } from './holiday-repository.ts';

export type AuditState = Record<string, unknown>;

/** A holiday as the audit log keeps it: every field a person set, not the row's own timestamps. */
export function holidayState({ created_at: _created, updated_at: _updated, ...fields }: HolidayRow): AuditState {
  return { holiday: fields };
}

export function specialWorkingDayState({ created_at: _created, ...fields }: Selectable<SpecialWorkingDays>): AuditState {
  return { special_working_day: fields };
}

/** The open deadlines that moved, as they were (`from`) or are now (`to`), beside the changed thing. */
export function withDeadlines(state: AuditState | null, moved: readonly MovedClock[], side: 'from' | 'to'): AuditState | null {
  if (moved.length === 0) return state;
  return { ...state, deadlines: moved.map((m) => ({ clock_id: m.clock_id, subject: m.subject, due_at: m[side] })) };
}

/** The calendar years a batch of entries falls in, for the record of a holiday file or an .ics import. */
export function yearsOf(entries: readonly { date: string }[]): number[] {
  return [...new Set(entries.map((entry) => Number(entry.date.slice(0, 4))))].sort((a, b) => a - b);
}
