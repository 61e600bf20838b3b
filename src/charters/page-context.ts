// What the public charter pages show from other features: the office's hours (calendar) and its
// organisation's names (offices), read through their index.ts, with the part of a cached page's
// key they make: new office hours must not be served from an older copy.
import type { Kysely } from 'kysely';
import type { DB } from '../core/db/schema.ts';
import { readWorkingCalendar } from '../calendar/index.ts';
import { findScopeNames } from '../offices/index.ts';
import type { CharterPageContext } from './pages/charter-page.ts';

export async function loadCharterPageContext(
  db: Kysely<DB>,
  office: { id: number; organisation_id: number | null },
): Promise<{ context: CharterPageContext; key: string }> {
  const [calendar, names] = await Promise.all([
    readWorkingCalendar(db, office.id),
    office.organisation_id === null
      ? undefined
      : findScopeNames(db, { officeIds: [], placeIds: [], organisationIds: [office.organisation_id] }),
  ]);
  const hours = { weeklyHolidays: calendar.weeklyHolidays, opening: calendar.opening, closing: calendar.closing };
  const organisation = office.organisation_id === null ? null : (names?.organisations.get(office.organisation_id) ?? null);
  return { context: { hours, organisation }, key: `${hours.weeklyHolidays.join(',')}/${hours.opening}-${hours.closing}` };
}
