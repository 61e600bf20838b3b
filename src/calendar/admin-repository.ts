// What the calendar editing pages read and write beyond holiday-repository.ts: one scope's own
// entries of a year, a declared working day's correction, an office's hours as set, and the
// record of a change (to list the deadlines it moved on the page after saving).
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../core/db/schema.ts';
import type { MovedClock } from './clock-repository.ts';
import type { NewSpecialWorkingDay } from './holiday-repository.ts';

type Executor = Kysely<DB> | Transaction<DB>;

/** The holidays and declared working days of a year that belong to the scope itself: national ones, or one office's own. */
export async function listScopeEntries(db: Executor, year: number, officeId: number | null) {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const holidays = await db
    .selectFrom('holidays')
    .selectAll()
    .where('date', '>=', from)
    .where('date', '<=', to)
    .where((eb) => (officeId === null ? eb('office_id', 'is', null) : eb('office_id', '=', officeId)))
    .orderBy('date')
    .orderBy('id')
    .execute();
  const specialWorkingDays = await db
    .selectFrom('special_working_days')
    .selectAll()
    .where('date', '>=', from)
    .where('date', '<=', to)
    .where((eb) => (officeId === null ? eb('office_id', 'is', null) : eb('office_id', '=', officeId)))
    .orderBy('date')
    .orderBy('id')
    .execute();
  return { holidays, specialWorkingDays };
}

export async function updateSpecialWorkingDay(db: Executor, id: number, changes: Partial<Pick<NewSpecialWorkingDay, 'date' | 'name_bn' | 'name_en'>>) {
  return db.updateTable('special_working_days').set(changes).where('id', '=', id).returningAll().executeTakeFirst();
}

/** The office's own weekly holidays and hours, or undefined while the national defaults apply. */
export async function findOfficeHours(db: Executor, officeId: number) {
  return db.selectFrom('office_hours').selectAll().where('office_id', '=', officeId).executeTakeFirst();
}

/** The deadlines a recorded change moved, when the change was made in this scope (national, or this office). */
export async function findMovedByChange(db: Executor, changeId: number, officeId: number | null): Promise<MovedClock[] | null> {
  const row = await db.selectFrom('calendar_changes').select(['office_id', 'moved_clocks']).where('id', '=', changeId).executeTakeFirst();
  if (!row || row.office_id !== officeId) return null;
  return row.moved_clocks as unknown as MovedClock[];
}
