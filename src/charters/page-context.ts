// What the public charter page shows from other features, read through their index.ts: the
// office's hours (calendar), read on every request because they are part of the cached page's
// key (new hours must not be served from an older copy), and its organisation's names (offices),
// read only when the page is rendered: organisations are added, never renamed.
import type { Kysely } from 'kysely';
import type { DB } from '../core/db/schema.ts';
import { readWorkingCalendar } from '../calendar/index.ts';
import { findScopeNames } from '../offices/index.ts';
import type { CharterPageContext } from './pages/charter-page.ts';

type OfficeHours = NonNullable<CharterPageContext['hours']>;

export async function loadOfficeHours(db: Kysely<DB>, officeId: number): Promise<{ hours: OfficeHours; key: string }> {
  const calendar = await readWorkingCalendar(db, officeId);
  const hours = { weeklyHolidays: calendar.weeklyHolidays, opening: calendar.opening, closing: calendar.closing };
  return { hours, key: `${hours.weeklyHolidays.join(',')}/${hours.opening}-${hours.closing}` };
}

export async function loadOrganisationNames(db: Kysely<DB>, organisationId: number | null): Promise<CharterPageContext['organisation']> {
  if (organisationId === null) return null;
  const names = await findScopeNames(db, { officeIds: [], placeIds: [], organisationIds: [organisationId] });
  return names.organisations.get(organisationId) ?? null;
}
