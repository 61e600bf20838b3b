// The public holiday calendar (page, .ics feed, JSON) and the API that edits it: national
// holidays by system administrators, an office's own closures by its administrators.
// The calendar knows offices only by id: app.ts hands it the way to find one by its slug.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, NATIONAL, officeBySlug, PUBLIC, type AccessTarget } from '../http/access.ts';
import { errorResponses, guardedErrorResponses } from '../http/api-schemas.ts';
import { sendPage } from '../http/layout.ts';
import {
  addHoliday,
  addSpecialWorkingDay,
  changeHoliday,
  importIcs,
  listCalendarChanges,
  MAX_ID,
  removeHoliday,
  removeSpecialWorkingDay,
} from './calendar-changes.ts';
import {
  calendarChangeJson,
  calendarChangesResponse,
  calendarYearResponse,
  holidayChangeResponse,
  holidayJson,
  icsImportResponse,
  movedClocksJson,
  specialWorkingDayChangeResponse,
  specialWorkingDayJson,
} from './api-responses.ts';
import { calendarYear, calendarYearIcs, YEAR_RANGE } from './calendar-queries.ts';
import { CalendarError } from './errors.ts';
import { findHoliday, findSpecialWorkingDay } from './holiday-repository.ts';
import { isIsoDate } from './local-date.ts';
import { renderCalendarPage } from './pages/calendar-page.ts';

export interface CalendarRoutesOptions {
  /** the id of the office with this slug; throws a not-found error when there is none */
  officeIdBySlug: (slug: string) => Promise<number>;
  /** the slug of the office with this id, for answers (the API names offices by slug) */
  officeSlugById: (id: number) => Promise<string | null>;
}

const yearParam = z.object({ year: z.string().regex(/^\d{4}(\.ics)?$/) });
const isoDate = z.string().refine(isIsoDate, 'YYYY-MM-DD');
const officeQuery = z.object({ office: z.string().max(100).optional(), lang: z.enum(['bn', 'en']).optional().catch(undefined) });
const holidayBody = z
  .object({
    date: isoDate,
    name_bn: z.string().trim().min(1).max(200),
    name_en: z.string().trim().max(200).nullable().default(null),
    kind: z.enum(['general', 'executive_order', 'optional', 'local_closure']).optional(),
    moon_dependent: z.boolean().default(false),
    confirmed: z.boolean().default(true),
    source: z.string().trim().max(1000).nullable().default(null),
    office: z.string().max(100).optional(),
  })
  .strict();
const holidayChange = holidayBody.omit({ office: true }).partial().strict();
const specialDayBody = z
  .object({
    date: isoDate,
    name_bn: z.string().trim().min(1).max(200),
    name_en: z.string().trim().max(200).nullable().default(null),
    source: z.string().trim().max(1000).nullable().default(null),
    office: z.string().max(100).optional(),
  })
  .strict();
const idParam = z.object({ id: z.coerce.number().int().positive().max(MAX_ID) });

function checkYear(text: string): number {
  const year = Number(text.slice(0, 4));
  if (year < YEAR_RANGE.min || year > YEAR_RANGE.max) throw new CalendarError('invalid_date', `year ${year}`, 'year');
  return year;
}

export async function calendarRoutes(fastify: FastifyInstance, options: CalendarRoutesOptions): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.addContentTypeParser('text/calendar', { parseAs: 'string', bodyLimit: 1024 * 1024 }, (_request, body, done) => done(null, body));

  const officeIdOf = async (slug: string | undefined): Promise<number | null> =>
    slug === undefined ? null : options.officeIdBySlug(slug);
  const slugOf = async (officeId: number | null): Promise<string | null> => (officeId === null ? null : options.officeSlugById(officeId));

  app.get('/calendar', { config: PUBLIC, schema: { hide: true } }, async (_request, reply) =>
    reply.redirect(`/calendar/${new Date().getFullYear()}`),
  );

  app.get(
    '/calendar/:year',
    { config: PUBLIC, schema: { summary: 'Holidays of a year: HTML page, or iCalendar for /calendar/YYYY.ics', params: yearParam, querystring: officeQuery } },
    async (request, reply) => {
      const year = checkYear(request.params.year);
      const officeId = await officeIdOf(request.query.office);
      if (request.params.year.endsWith('.ics')) {
        return reply
          .type('text/calendar; charset=utf-8')
          .header('content-disposition', `attachment; filename="holidays-${year}.ics"`)
          .send(await calendarYearIcs(app.db, year, officeId));
      }
      return sendPage(request, reply, renderCalendarPage(request.lang, await calendarYear(app.db, year, officeId)));
    },
  );

  app.get(
    '/api/calendar/:year',
    {
      config: PUBLIC,
      schema: {
        summary: 'Holidays and special working days of a year (national, plus an office’s own with ?office=)',
        params: yearParam,
        querystring: officeQuery,
        response: { 200: calendarYearResponse, ...errorResponses(400, 404) },
      },
    },
    async (request) => {
      const year = checkYear(request.params.year);
      const { office } = request.query;
      const { holidays, specialWorkingDays } = await calendarYear(app.db, year, await officeIdOf(office));
      return {
        year,
        holidays: holidays.map((row) => holidayJson(row, office ?? null)),
        special_working_days: specialWorkingDays.map((row) => specialWorkingDayJson(row, office ?? null)),
      };
    },
  );

  // Editing: a national holiday is the system administrators', an office's closure its own
  // administrators'. The target is known from the body, or from the row being changed.
  const byOffice = (office: string | undefined): AccessTarget => (office === undefined ? NATIONAL : officeBySlug(office));
  const byOfficeId = (officeId: number | null): AccessTarget => (officeId === null ? NATIONAL : { kind: 'office', officeId });
  const editing = (target: (request: FastifyRequest) => AccessTarget | Promise<AccessTarget>) => ({ access: { permission: 'calendar.edit' as const, target } });
  const officeInBody = editing((request) => byOffice((request.body as { office?: string }).office));
  const holidayById = editing(async (request) => {
    const holiday = await findHoliday(app.db, (request.params as { id: number }).id);
    if (!holiday) throw new CalendarError('holiday_not_found');
    return byOfficeId(holiday.office_id);
  });
  const specialDayById = editing(async (request) => {
    const day = await findSpecialWorkingDay(app.db, (request.params as { id: number }).id);
    if (!day) throw new CalendarError('holiday_not_found');
    return byOfficeId(day.office_id);
  });

  app.post(
    '/api/calendar/holidays',
    {
      config: officeInBody,
      schema: {
        summary: 'Add a holiday or an office closure',
        body: holidayBody,
        response: { 201: holidayChangeResponse, ...guardedErrorResponses(400, 404, 409, 413, 415) },
      },
    },
    async (request, reply) => {
      const { office, ...holiday } = request.body;
      const outcome = await addHoliday(app.db, actorOf(request), { ...holiday, office_id: await officeIdOf(office) });
      return reply
        .status(201)
        .send({ holiday: holidayJson(outcome.result, office ?? null), moved: movedClocksJson(outcome.moved), change_id: outcome.changeId });
    },
  );

  app.patch(
    '/api/calendar/holidays/:id',
    {
      config: holidayById,
      schema: {
        summary: 'Move or correct a holiday',
        params: idParam,
        body: holidayChange,
        response: { 200: holidayChangeResponse, ...guardedErrorResponses(400, 404, 409, 413, 415) },
      },
    },
    async (request) => {
      const outcome = await changeHoliday(app.db, actorOf(request), request.params.id, request.body);
      const holiday = holidayJson(outcome.result, await slugOf(outcome.result.office_id));
      return { holiday, moved: movedClocksJson(outcome.moved), change_id: outcome.changeId };
    },
  );

  app.delete(
    '/api/calendar/holidays/:id',
    { config: holidayById, schema: { summary: 'Remove a holiday', params: idParam, response: { 200: holidayChangeResponse, ...guardedErrorResponses(400, 404) } } },
    async (request) => {
      const outcome = await removeHoliday(app.db, actorOf(request), request.params.id);
      const holiday = holidayJson(outcome.result, await slugOf(outcome.result.office_id));
      return { holiday, moved: movedClocksJson(outcome.moved), change_id: outcome.changeId };
    },
  );

  app.post(
    '/api/calendar/special-working-days',
    {
      config: officeInBody,
      schema: {
        summary: 'Declare a weekly holiday a working day',
        body: specialDayBody,
        response: { 201: specialWorkingDayChangeResponse, ...guardedErrorResponses(400, 404, 409, 413, 415) },
      },
    },
    async (request, reply) => {
      const { office, ...day } = request.body;
      const outcome = await addSpecialWorkingDay(app.db, actorOf(request), { ...day, office_id: await officeIdOf(office) });
      const specialWorkingDay = specialWorkingDayJson(outcome.result, office ?? null);
      return reply.status(201).send({ special_working_day: specialWorkingDay, moved: movedClocksJson(outcome.moved), change_id: outcome.changeId });
    },
  );

  app.delete(
    '/api/calendar/special-working-days/:id',
    {
      config: specialDayById,
      schema: { summary: 'Remove a declared working day', params: idParam, response: { 200: specialWorkingDayChangeResponse, ...guardedErrorResponses(400, 404) } },
    },
    async (request) => {
      const outcome = await removeSpecialWorkingDay(app.db, actorOf(request), request.params.id);
      const specialWorkingDay = specialWorkingDayJson(outcome.result, await slugOf(outcome.result.office_id));
      return { special_working_day: specialWorkingDay, moved: movedClocksJson(outcome.moved), change_id: outcome.changeId };
    },
  );

  app.post(
    '/api/calendar/import-ics',
    {
      config: editing((request) => byOffice((request.query as { office?: string }).office)),
      schema: {
        summary: 'Import holidays from an iCalendar file (text/calendar body)',
        querystring: officeQuery,
        response: { 200: icsImportResponse, ...guardedErrorResponses(400, 404, 413, 415) },
      },
    },
    async (request) => {
      const officeId = await officeIdOf(request.query.office);
      if (typeof request.body !== 'string') throw new CalendarError('invalid_ics', 'send the .ics file as a text/calendar body');
      const { result, moved, changeId } = await importIcs(app.db, actorOf(request), request.body, officeId);
      return {
        added: result.added,
        skipped: result.skipped,
        special_working_days_added: result.addedSpecialWorkingDays,
        moved: movedClocksJson(moved),
        change_id: changeId,
      };
    },
  );


  app.get(
    '/api/calendar/changes',
    {
      config: { access: { permission: 'audit.read', target: () => NATIONAL } },
      schema: { summary: 'Who changed the calendar, what, and which deadlines moved (the latest 100)', response: { 200: calendarChangesResponse, ...guardedErrorResponses() } },
    },
    async () => {
      const changes = await listCalendarChanges(app.db, 100);
      const slugs = new Map<number, string | null>();
      for (const officeId of new Set(changes.flatMap((change) => (change.office_id === null ? [] : [change.office_id])))) {
        slugs.set(officeId, await slugOf(officeId));
      }
      return changes.map((change) => calendarChangeJson(change, change.office_id === null ? null : (slugs.get(change.office_id) ?? null)));
    },
  );

}
