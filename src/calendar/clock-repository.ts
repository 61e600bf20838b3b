// The deadline clocks of open items (requests, grievances, RTI requests): started when an item
// is received, recomputed whenever the calendar that governs them changes.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../core/db/schema.ts';
import { computeDeadline, type DeadlineResult } from './deadline.ts';
import { promiseRuleFrom, type PromiseRule } from './deadline-rule.ts';
import { readWorkingCalendar, readWorkingCalendars } from './calendar-cache.ts';
import { loadWorkingCalendar } from './holiday-repository.ts';
import type { Pause } from './pauses.ts';
import type { WorkingCalendar } from './working-calendar.ts';

type Executor = Kysely<DB> | Transaction<DB>;

export interface ClockSubject {
  subjectType: string;
  subjectId: string;
}

export interface MovedClock {
  clock_id: number;
  subject: string;
  from: string | null;
  to: string | null;
}

interface StoredPause {
  from: string;
  to: string | null;
}

function dueColumns(result: DeadlineResult) {
  return {
    rule: result.rule,
    due_at: result.kind === 'due' ? result.dueAt : null,
    expected_at: result.kind === 'due' ? result.expectedAt : null,
  };
}

const toPauses = (stored: unknown): Pause[] =>
  (stored as StoredPause[]).map((p) => ({ from: new Date(p.from), to: p.to === null ? null : new Date(p.to) }));

export interface NewClock extends ClockSubject {
  officeId: number;
  receivedAt: Date;
  rule: PromiseRule;
  /** where the rule came from, for whoever audits the deadline later ("charter v3, service s4: ৩ কার্যদিবস", "RTI Act 2009 s. 9(1)") */
  source: string | null;
}

export async function startClock(db: Executor, clock: NewClock): Promise<DeadlineResult> {
  const [result] = await startClocks(db, [clock]);
  if (!result) throw new Error('the clock was not started');
  return result;
}

/** Starts several clocks (a batch of receipts) in one insert; their deadlines in the order given. */
export async function startClocks(db: Executor, clocks: readonly NewClock[]): Promise<DeadlineResult[]> {
  if (clocks.length === 0) return [];
  const calendars = await readWorkingCalendars(db, clocks.map((clock) => clock.officeId));
  const results = clocks.map((clock, index) => {
    const calendar = calendars[index];
    if (!calendar) throw new Error(`no working calendar for office ${clock.officeId}`);
    return computeDeadline(calendar, { receivedAt: clock.receivedAt, rule: clock.rule });
  });
  await db
    .insertInto('deadline_clocks')
    .values(
      clocks.map((clock, index) => ({
        subject_type: clock.subjectType,
        subject_id: clock.subjectId,
        office_id: clock.officeId,
        received_at: clock.receivedAt,
        deadline_rule: JSON.stringify(clock.rule),
        rule_source: clock.source,
        ...dueColumns(results[index] as DeadlineResult),
      })),
    )
    .execute();
  return results;
}

/**
 * Recomputes the open clocks of one office (or of every office, for a national change) and
 * returns those whose due moment moved.
 */
export async function recomputeOpenClocks(trx: Transaction<DB>, officeId: number | null): Promise<MovedClock[]> {
  let query = trx.selectFrom('deadline_clocks').selectAll().where('status', '=', 'open').orderBy('id').forUpdate();
  if (officeId !== null) query = query.where('office_id', '=', officeId);
  const clocks = await query.execute();
  const calendars = new Map<number, WorkingCalendar>();
  const moved: MovedClock[] = [];
  for (const clock of clocks) {
    let calendar = calendars.get(clock.office_id);
    if (!calendar) {
      calendar = await loadWorkingCalendar(trx, clock.office_id);
      calendars.set(clock.office_id, calendar);
    }
    const result = computeDeadline(calendar, {
      receivedAt: clock.received_at,
      rule: promiseRuleFrom(clock.deadline_rule),
      pauses: toPauses(clock.pauses),
    });
    const next = dueColumns(result);
    const before = clock.due_at?.toISOString() ?? null;
    const after = next.due_at?.toISOString() ?? null;
    if (before === after && (clock.expected_at?.getTime() ?? null) === (next.expected_at?.getTime() ?? null)) continue;
    await trx.updateTable('deadline_clocks').set({ ...next, updated_at: new Date() }).where('id', '=', clock.id).execute();
    if (before !== after) moved.push({ clock_id: clock.id, subject: `${clock.subject_type}:${clock.subject_id}`, from: before, to: after });
  }
  return moved;
}

export async function findClock(db: Executor, subject: ClockSubject) {
  return db
    .selectFrom('deadline_clocks')
    .selectAll()
    .where('subject_type', '=', subject.subjectType)
    .where('subject_id', '=', subject.subjectId)
    .executeTakeFirst();
}

async function updatePauses(
  trx: Transaction<DB>,
  subject: ClockSubject,
  change: (pauses: StoredPause[]) => StoredPause[],
): Promise<DeadlineResult | null> {
  const clock = await trx
    .selectFrom('deadline_clocks')
    .selectAll()
    .where('subject_type', '=', subject.subjectType)
    .where('subject_id', '=', subject.subjectId)
    .where('status', '=', 'open')
    .forUpdate()
    .executeTakeFirst();
  if (!clock) return null;
  const pauses = change(clock.pauses as StoredPause[]);
  const calendar = await readWorkingCalendar(trx, clock.office_id);
  const result = computeDeadline(calendar, { receivedAt: clock.received_at, rule: promiseRuleFrom(clock.deadline_rule), pauses: toPauses(pauses) });
  await trx
    .updateTable('deadline_clocks')
    .set({ ...dueColumns(result), pauses: JSON.stringify(pauses), updated_at: new Date() })
    .where('id', '=', clock.id)
    .execute();
  return result;
}

/** The item waits for the citizen from `at`: its clock stops. A clock already stopped stays as it is. */
export function pauseClock(trx: Transaction<DB>, subject: ClockSubject, at: Date) {
  return updatePauses(trx, subject, (pauses) =>
    pauses.some((p) => p.to === null) ? pauses : [...pauses, { from: at.toISOString(), to: null }],
  );
}

/** The citizen answered at `at`: the clock runs again with the time that was left. */
export function resumeClock(trx: Transaction<DB>, subject: ClockSubject, at: Date) {
  return updatePauses(trx, subject, (pauses) => pauses.map((p) => (p.to === null ? { ...p, to: at.toISOString() } : p)));
}

export async function closeClock(db: Executor, subject: ClockSubject, at: Date): Promise<void> {
  await db
    .updateTable('deadline_clocks')
    .set({ status: 'closed', closed_at: at, updated_at: new Date() })
    .where('subject_type', '=', subject.subjectType)
    .where('subject_id', '=', subject.subjectId)
    .execute();
}
