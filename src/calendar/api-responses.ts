// What the calendar's JSON API answers with: zod schemas (so /openapi.json says what is really
// returned) and the mapping from stored rows to them. Offices are named by slug, never by id.
import { z } from 'zod';
import type { MovedClock } from './clock-repository.ts';

const isoDate = z.iso.date().describe('YYYY-MM-DD');
const officeSlug = z.string().nullable().describe('The slug of the office this entry belongs to; null for a national one');

export const holidayResponse = z.object({
  id: z.number().int().describe('The handle the editing API takes: PATCH or DELETE /api/calendar/holidays/{id}'),
  date: isoDate,
  name_bn: z.string(),
  name_en: z.string().nullable(),
  kind: z.enum(['general', 'executive_order', 'optional', 'local_closure']),
  moon_dependent: z.boolean(),
  confirmed: z.boolean().describe('false while a moon-dependent date is not yet announced'),
  source: z.string().nullable(),
  office: officeSlug,
});

export const specialWorkingDayResponse = z.object({
  id: z.number().int().describe('The handle the editing API takes: DELETE /api/calendar/special-working-days/{id}'),
  date: isoDate,
  name_bn: z.string(),
  name_en: z.string().nullable(),
  source: z.string().nullable(),
  office: officeSlug,
});

export const calendarYearResponse = z
  .object({
    year: z.number().int(),
    holidays: z.array(holidayResponse),
    special_working_days: z.array(specialWorkingDayResponse),
  })
  .describe('The year’s holidays and declared working days, national and (with ?office=) the office’s own');

export const movedClockResponse = z.object({
  clock_id: z.number().int(),
  subject: z.string().describe('What the deadline belongs to, as type:id'),
  from: z.string().nullable().describe('The due moment before the change (ISO 8601), or null'),
  to: z.string().nullable().describe('The due moment after the change (ISO 8601), or null'),
});

const changeOutcome = {
  moved: z.array(movedClockResponse).describe('The open deadlines the change moved'),
  change_id: z.number().int().describe('The entry in /api/calendar/changes that records this change'),
};

export const holidayChangeResponse = z
  .object({ holiday: holidayResponse, ...changeOutcome })
  .describe('The holiday as it now stands (or as it was, when removed), the deadlines the change moved, and its change record');
export const specialWorkingDayChangeResponse = z
  .object({ special_working_day: specialWorkingDayResponse, ...changeOutcome })
  .describe('The declared working day, the deadlines the change moved, and its change record');
export const icsImportResponse = z
  .object({
    added: z.number().int(),
    skipped: z.number().int().describe('Holidays already in the calendar'),
    special_working_days_added: z.number().int(),
    ...changeOutcome,
  })
  .describe('How many holidays the file added and skipped, and the deadlines the import moved');
export const officeHoursChangeResponse = z
  .object({
    hours: z.object({
      office: z.string(),
      weekly_holidays: z.array(z.number().int().min(1).max(7)).describe('ISO weekdays: 1 Monday … 7 Sunday'),
      opening: z.string().describe('HH:mm'),
      closing: z.string().describe('HH:mm'),
    }),
    ...changeOutcome,
  })
  .describe("The office's hours as now set, and the deadlines the change moved");

export const calendarChangesResponse = z
  .array(
    z.object({
      id: z.number().int(),
      changed_at: z.iso.datetime(),
      actor: z.string(),
      action: z.string().describe('holiday.add, holiday.change, holiday.remove, special_working_day.add, ics.import, office_hours.set, …'),
      office: officeSlug,
      detail: z.record(z.string(), z.unknown()).describe('What changed, as recorded with the change (offices named by the change’s office)'),
      moved: z.array(movedClockResponse),
    }),
  )
  .describe('The latest calendar changes, newest first');

const explanation = {
  explanation_en: z.string().describe('How the deadline was counted, in English'),
  explanation_bn: z.string().describe('The same in Bangla'),
};

/** GET /api/sla/due: a computed deadline (see deadlineJson), or why there is none. */
export const deadlineResponse = z
  .union([
    z.object({
      kind: z.literal('due'),
      due_at: z.iso.datetime().describe('When the promise is broken (UTC)'),
      expected_at: z.iso.datetime().describe('When the service is usually done (UTC); equal to due_at unless the limit is a range'),
      due_at_dhaka: z.iso.datetime({ offset: true }).describe('due_at in Asia/Dhaka time'),
      expected_at_dhaka: z.iso.datetime({ offset: true }).describe('expected_at in Asia/Dhaka time'),
      rule: z.string().describe('The rule counted by: working_days:3, working_days:3-7, immediate, hours:24, …'),
      day_zero: z.iso.date().describe('The office-local date the count starts from'),
      uncovered_years: z.array(z.number().int()).describe('Years without a loaded national holiday list: only weekly holidays were counted there'),
      ...explanation,
    }),
    z.object({
      kind: z.enum(['no_fixed_limit', 'paused']).describe('no_fixed_limit: the time limit has no duration ("as needed"), so nothing is due'),
      due_at: z.null(),
      expected_at: z.null(),
      rule: z.string(),
      ...explanation,
    }),
  ])
  .describe('When the service is expected and due, with the reasoning; or why no due date can be given');

type HolidayJson = z.infer<typeof holidayResponse>;
type SpecialWorkingDayJson = z.infer<typeof specialWorkingDayResponse>;

interface StoredEntry {
  office_id: number | null;
}

/** A stored holiday as the API shows it; `slug` is the slug of its office, when it has one. */
export function holidayJson(row: Omit<HolidayJson, 'office'> & StoredEntry, slug: string | null): HolidayJson {
  const { id, date, name_bn, name_en, kind, moon_dependent, confirmed, source } = row;
  return { id, date, name_bn, name_en, kind, moon_dependent, confirmed, source, office: row.office_id === null ? null : slug };
}

export function specialWorkingDayJson(row: Omit<SpecialWorkingDayJson, 'office'> & StoredEntry, slug: string | null): SpecialWorkingDayJson {
  const { id, date, name_bn, name_en, source } = row;
  return { id, date, name_bn, name_en, source, office: row.office_id === null ? null : slug };
}

export function movedClocksJson(moved: readonly MovedClock[]): z.infer<typeof movedClockResponse>[] {
  return moved.map(({ clock_id, subject, from, to }) => ({ clock_id, subject, from, to }));
}

interface StoredChange extends StoredEntry {
  id: number;
  changed_at: Date | string;
  actor: string;
  action: string;
  detail: unknown;
  moved_clocks: unknown;
}

/** A recorded detail without internal office ids (the change names its office by slug). */
function withoutOfficeIds(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutOfficeIds);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'office_id').map(([key, v]) => [key, withoutOfficeIds(v)]));
}

export function calendarChangeJson(row: StoredChange, slug: string | null): z.infer<typeof calendarChangesResponse>[number] {
  const recorded = withoutOfficeIds(row.detail);
  const detail = recorded !== null && typeof recorded === 'object' && !Array.isArray(recorded) ? (recorded as Record<string, unknown>) : {};
  return {
    id: row.id,
    changed_at: new Date(row.changed_at).toISOString(),
    actor: row.actor,
    action: row.action,
    office: row.office_id === null ? null : slug,
    detail,
    moved: Array.isArray(row.moved_clocks) ? movedClocksJson(row.moved_clocks as MovedClock[]) : [],
  };
}
