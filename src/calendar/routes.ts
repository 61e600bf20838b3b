// The public holiday calendar (page, .ics feed, JSON), the deadline calculator API, and the
// token-guarded API that edits the calendar.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { parseTimeLimit } from '../charters/index.ts';
import { requireAdminToken } from '../http/admin-token.ts';
import { sendPage } from '../http/layout.ts';
import { findOfficeBySlug } from '../offices/index.ts';
import {
  addHoliday,
  addSpecialWorkingDay,
  changeHoliday,
  importIcs,
  listCalendarChanges,
  removeHoliday,
  removeSpecialWorkingDay,
  setOfficeHours,
} from './calendar-changes.ts';
import { calendarYear, calendarYearIcs, deadlineJson, dueFor, parseReceivedAt, YEAR_RANGE } from './calendar-queries.ts';
import { CalendarError } from './errors.ts';
import { isIsoDate } from './local-date.ts';
import { renderCalendarPage } from './pages/calendar-page.ts';

export interface CalendarRoutesOptions {
  adminApiToken: string | undefined;
}

const yearParam = z.object({ year: z.string().regex(/^\d{4}(\.ics)?$/) });
const isoDate = z.string().refine(isIsoDate, 'YYYY-MM-DD');
const officeQuery = z.object({ office: z.string().max(100).optional(), lang: z.enum(['bn', 'en']).optional().catch(undefined) });
const holidayBody = z
  .object({
    date: isoDate,
    name_bn: z.string().trim().min(1).max(200),
    name_en: z.string().trim().max(200).nullable().default(null),
    kind: z.enum(['general', 'executive_order', 'optional', 'local_closure']).default('general'),
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
const idParam = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });

function checkYear(text: string): number {
  const year = Number(text.slice(0, 4));
  if (year < YEAR_RANGE.min || year > YEAR_RANGE.max) throw new CalendarError('invalid_date', `year ${year}`);
  return year;
}

export async function calendarRoutes(fastify: FastifyInstance, options: CalendarRoutesOptions): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.addContentTypeParser('text/calendar', { parseAs: 'string', bodyLimit: 1024 * 1024 }, (_request, body, done) => done(null, body));

  async function officeIdOf(slug: string | undefined): Promise<number | null> {
    if (slug === undefined) return null;
    const office = await findOfficeBySlug(app.db, slug);
    if (!office) throw new CalendarError('office_not_found', slug);
    return office.id;
  }

  app.get('/calendar', { schema: { hide: true } }, async (_request, reply) =>
    reply.redirect(`/calendar/${new Date().getFullYear()}`),
  );

  app.get(
    '/calendar/:year',
    { schema: { summary: 'Holidays of a year: HTML page, or iCalendar for /calendar/YYYY.ics', params: yearParam, querystring: officeQuery } },
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
    { schema: { summary: 'Holidays and special working days of a year (national, plus an office’s own with ?office=)', params: yearParam, querystring: officeQuery } },
    async (request) => {
      const year = checkYear(request.params.year);
      const { holidays, specialWorkingDays } = await calendarYear(app.db, year, await officeIdOf(request.query.office));
      return { year, holidays, special_working_days: specialWorkingDays };
    },
  );

  app.get(
    '/api/sla/due',
    {
      schema: {
        summary: 'When a service received at `from` is expected and due under a charter time limit',
        querystring: z.object({ from: z.string().max(40), limit: z.string().max(500), office: z.string().max(100).optional() }),
      },
    },
    async (request) => {
      const { from, limit, office } = request.query;
      return deadlineJson(await dueFor(app.db, await officeIdOf(office), parseReceivedAt(from), parseTimeLimit(limit).limit));
    },
  );

  // Editing: token-guarded until accounts and roles exist. Bearer tokens are not sent by
  // browsers on their own, so these JSON endpoints need no CSRF token.
  const guarded = { preHandler: requireAdminToken(options.adminApiToken) };
  const actor = 'api:admin-token';

  app.post('/api/calendar/holidays', { ...guarded, schema: { summary: 'Add a holiday or an office closure', body: holidayBody } }, async (request, reply) => {
    const { office, ...holiday } = request.body;
    const officeId = await officeIdOf(office);
    if ((holiday.kind === 'local_closure') !== (officeId !== null)) {
      throw new CalendarError('invalid_calendar', 'an office closure (local_closure) needs an office, and only it');
    }
    const outcome = await addHoliday(app.db, actor, { ...holiday, office_id: officeId });
    return reply.status(201).send({ holiday: outcome.result, moved: outcome.moved, change_id: outcome.changeId });
  });

  app.patch(
    '/api/calendar/holidays/:id',
    { ...guarded, schema: { summary: 'Move or correct a holiday', params: idParam, body: holidayChange } },
    async (request) => {
      const outcome = await changeHoliday(app.db, actor, request.params.id, request.body);
      return { holiday: outcome.result, moved: outcome.moved, change_id: outcome.changeId };
    },
  );

  app.delete('/api/calendar/holidays/:id', { ...guarded, schema: { summary: 'Remove a holiday', params: idParam } }, async (request) => {
    const outcome = await removeHoliday(app.db, actor, request.params.id);
    return { holiday: outcome.result, moved: outcome.moved, change_id: outcome.changeId };
  });

  app.post(
    '/api/calendar/special-working-days',
    { ...guarded, schema: { summary: 'Declare a weekly holiday a working day', body: specialDayBody } },
    async (request, reply) => {
      const { office, ...day } = request.body;
      const outcome = await addSpecialWorkingDay(app.db, actor, { ...day, office_id: await officeIdOf(office) });
      return reply.status(201).send({ special_working_day: outcome.result, moved: outcome.moved, change_id: outcome.changeId });
    },
  );

  app.delete(
    '/api/calendar/special-working-days/:id',
    { ...guarded, schema: { summary: 'Remove a declared working day', params: idParam } },
    async (request) => {
      const outcome = await removeSpecialWorkingDay(app.db, actor, request.params.id);
      return { special_working_day: outcome.result, moved: outcome.moved, change_id: outcome.changeId };
    },
  );

  app.post(
    '/api/calendar/import-ics',
    { ...guarded, schema: { summary: 'Import holidays from an iCalendar file (text/calendar body)', querystring: officeQuery } },
    async (request) => {
      const officeId = await officeIdOf(request.query.office);
      if (typeof request.body !== 'string') throw new CalendarError('invalid_ics', 'send the .ics file as a text/calendar body');
      const outcome = await importIcs(app.db, actor, request.body, officeId);
      return { ...outcome.result, moved: outcome.moved, change_id: outcome.changeId };
    },
  );

  app.put(
    '/api/offices/:slug/hours',
    {
      ...guarded,
      schema: {
        summary: "Set an office's weekly holidays (ISO weekdays) and opening hours",
        params: z.object({ slug: z.string().max(100) }),
        body: z
          .object({
            weekly_holidays: z.array(z.number().int().min(1).max(7)).max(7),
            opening: z.string().regex(/^\d{2}:\d{2}$/),
            closing: z.string().regex(/^\d{2}:\d{2}$/),
          })
          .strict(),
      },
    },
    async (request) => {
      const officeId = (await officeIdOf(request.params.slug)) ?? 0;
      const outcome = await setOfficeHours(app.db, actor, officeId, request.body);
      return { hours: outcome.result, moved: outcome.moved, change_id: outcome.changeId };
    },
  );

  app.get('/api/calendar/changes', { ...guarded, schema: { summary: 'Who changed the calendar, what, and which deadlines moved' } }, async () =>
    listCalendarChanges(app.db, 100),
  );

}
