// The calendar editing pages: national holidays and declared working days for system
// administrators (/admin/calendar/:year), an office's own closures, working days and hours for
// its administrators (/offices/:slug/calendar). Server-rendered forms with the CSRF token; every
// form has "Check" (the change made in a transaction that is rolled back, listing the deadlines
// it would move) and "Save" (303 to the list, which shows the deadlines that moved).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { t, type Lang, type MessageKey } from '../core/i18n/index.ts';
import { actorOf, NATIONAL, officeBySlug, type Access } from '../http/access.ts';
import { csrfToken } from '../http/csrf.ts';
import { privatePage } from '../http/layout.ts';
import {
  DAY_FIELDS,
  ENTRY_KINDS,
  hoursOrDefaults,
  readDayForm,
  readHoursForm,
  tickedWeekdays,
  type DayField,
  type DayFormValues,
  type DayReading,
  type EntryKind,
  type FormErrors,
  type HoursField,
} from './admin-forms.ts';
import { findMovedByChange, findOfficeHours, listScopeEntries } from './admin-repository.ts';
import {
  addHoliday,
  addSpecialWorkingDay,
  changeHoliday,
  changeSpecialWorkingDay,
  MAX_ID,
  removeHoliday,
  removeSpecialWorkingDay,
  setOfficeHours,
  type ChangeMode,
} from './calendar-changes.ts';
import { YEAR_RANGE } from './calendar-queries.ts';
import type { MovedClock } from './clock-repository.ts';
import { CalendarError } from './errors.ts';
import { findHoliday, findSpecialWorkingDay } from './holiday-repository.ts';
import { renderAdminCalendarPage } from './pages/admin-calendar-page.ts';
import { renderDayFormPage, renderRemovePage, type DayFormState } from './pages/admin-day-page.ts';
import { renderHoursPage } from './pages/admin-hours-page.ts';
import { listHref, type AdminScope } from './pages/admin-parts.ts';

export interface CalendarAdminRoutesOptions {
  /** the office with this slug (the calendar knows offices only by id: app.ts hands it this) */
  findOffice: (slug: string) => Promise<{ id: number; name_bn: string; name_en: string | null } | undefined>;
}

const DONE = ['added', 'saved', 'removed', 'hours'] as const;
type Done = (typeof DONE)[number];
const DONE_KEYS: Record<Done, MessageKey> = {
  added: 'calendar_admin.done.added',
  saved: 'calendar_admin.done.saved',
  removed: 'calendar_admin.done.removed',
  hours: 'calendar_admin.done.hours',
};

const lang = z.enum(['bn', 'en']).optional().catch(undefined);
const year = z.coerce.number().int().min(YEAR_RANGE.min).max(YEAR_RANGE.max);
const nationalParams = z.object({ year });
const officeParams = z.object({ slug: z.string().min(1).max(100) });
const entryParams = { entry: z.enum(ENTRY_KINDS), id: z.coerce.number().int().positive().max(MAX_ID) };
const formText = z.string().max(1000).optional();
const csrf = z.string().optional();
const dayBody = z.object({ ...Object.fromEntries(DAY_FIELDS.map((field) => [field, formText])), action: z.enum(['check', 'save']).optional(), _csrf: csrf });
const removeBody = z.object({ action: z.enum(['check', 'remove']).optional(), _csrf: csrf }).optional();
const hoursBody = z.object({
  weekly_holidays: z.union([z.string().max(2), z.array(z.string().max(2)).max(7)]).optional(),
  opening: formText,
  closing: formText,
  action: z.enum(['check', 'save']).optional(),
  _csrf: csrf,
});
const listQuery = z.object({
  lang,
  year: year.optional().catch(undefined),
  done: z.enum(DONE).optional().catch(undefined),
  change: z.coerce.number().int().positive().max(MAX_ID).optional().catch(undefined),
});

type Row = { id: number; date: string; name_bn: string; name_en: string | null; office_id: number | null; kind?: string };

/** How the national and the office pages differ: their address, who may use them, and the scope they edit. */
interface ScopeSpec {
  prefix: string;
  params: typeof nationalParams | typeof officeParams;
  config: { access: Access };
  /** the scope of a request; `year` when the page is about one (the office pages take ?year=) */
  scope: (request: FastifyRequest, year?: number) => Promise<AdminScope>;
}

const thisYear = () => new Date().getFullYear();
const yearOf = (date: string) => Number(date.slice(0, 4));
const officeIdOf = (scope: AdminScope) => (scope.kind === 'office' ? scope.officeId : null);


/** A calendar error that the form can show beside a field, or as a problem of the whole change; others go to the error page. */
function formProblem(lang: Lang, error: unknown): { field?: DayField | HoursField; key?: MessageKey; general?: string; status: number } | null {
  if (!(error instanceof CalendarError) || error.status === 404) return null;
  if (error.code === 'holiday_exists') return { field: 'date', key: 'calendar_admin.error.holiday_exists', status: 409 };
  if (error.code === 'special_working_day_exists') return { field: 'date', key: 'calendar_admin.error.working_day_exists', status: 409 };
  if (error.code === 'invalid_date') return { field: 'date', key: 'calendar_admin.error.date_format', status: 400 };
  if (error.code === 'no_working_day') return { field: 'weekly_holidays', key: 'calendar_admin.error.no_working_day', status: 400 };
  return { general: t(lang, 'calendar_admin.error.not_saved', { problem: t(lang, error.messageKey) }), status: error.status };
}

export async function calendarAdminRoutes(fastify: FastifyInstance, options: CalendarAdminRoutesOptions): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const hide = true;

  const officeScopeOf = async (request: FastifyRequest, pageYear = thisYear()): Promise<Extract<AdminScope, { kind: 'office' }>> => {
    const { slug } = request.params as { slug: string };
    const office = await options.findOffice(slug);
    if (!office) throw new CalendarError('office_not_found', slug, 'slug');
    const name = request.lang === 'en' ? (office.name_en ?? office.name_bn) : office.name_bn;
    return { kind: 'office', year: pageYear, officeId: office.id, slug, name };
  };
  const officeAccess = { access: { permission: 'calendar.edit', target: (request) => officeBySlug((request.params as { slug: string }).slug) } } as const satisfies { access: Access };
  const SCOPES: ScopeSpec[] = [
    {
      prefix: '/admin/calendar/:year',
      params: nationalParams,
      config: { access: { permission: 'calendar.edit', target: () => NATIONAL } },
      scope: async (request) => ({ kind: 'national', year: (request.params as { year: number }).year }),
    },
    { prefix: '/offices/:slug/calendar', params: officeParams, config: officeAccess, scope: officeScopeOf },
  ];

  /** The day asked for, when it is the scope's own (a national page never edits an office's closure, nor one office another's). */
  const loadDay = async (scope: AdminScope, entry: EntryKind, id: number): Promise<Row> => {
    const row: Row | undefined = entry === 'holidays' ? await findHoliday(app.db, id) : await findSpecialWorkingDay(app.db, id);
    if (!row || row.office_id !== officeIdOf(scope)) throw new CalendarError('holiday_not_found', `${entry} ${id}`);
    return row;
  };

  /** Adds (id null) or changes a day: saved, or only checked. */
  const changeDay = (request: FastifyRequest, scope: AdminScope, entry: EntryKind, id: number | null, day: NonNullable<DayReading['day']>, mode: ChangeMode) => {
    const actor = actorOf(request);
    const officeId = officeIdOf(scope);
    const names = { date: day.date, name_bn: day.name_bn, name_en: day.name_en };
    if (entry === 'working-days') {
      return id === null ? addSpecialWorkingDay(app.db, actor, { ...names, source: null, office_id: officeId }, mode) : changeSpecialWorkingDay(app.db, actor, id, names, mode);
    }
    if (id !== null) return changeHoliday(app.db, actor, id, { ...names, ...(day.kind ? { kind: day.kind } : {}) }, mode);
    const kind = day.kind ?? (officeId === null ? 'general' : 'local_closure');
    return addHoliday(app.db, actor, { ...names, kind, moon_dependent: false, confirmed: true, source: null, office_id: officeId }, mode);
  };

  /** The day form posted: shown again with its errors, or with the deadlines it would move, or saved. */
  const postDay = async (request: FastifyRequest, reply: FastifyReply, scope: AdminScope, entry: EntryKind, id: number | null, body: z.infer<typeof dayBody>) => {
    const values = Object.fromEntries(DAY_FIELDS.map((field) => [field, (body as Partial<Record<DayField, string>>)[field] ?? ''])) as DayFormValues;
    const reading = readDayForm(values, scope.kind === 'national' && entry === 'holidays');
    const show = (state: Partial<DayFormState>, status: number) =>
      privatePage(request, reply, renderDayFormPage(request.lang, { scope, entry, id, values, errors: reading.errors, ...state }, csrfToken(reply)), status);
    if (!reading.day) return show({}, 400);
    const mode = body.action === 'check' ? 'check' : 'save';
    let outcome: { moved: MovedClock[]; changeId: number | null };
    try {
      outcome = await changeDay(request, scope, entry, id, reading.day, mode);
    } catch (error) {
      const problem = formProblem(request.lang, error);
      if (!problem) throw error;
      const errors: FormErrors<DayField> = problem.field && problem.key ? { [problem.field]: problem.key } : {};
      return show({ errors, general: problem.general }, problem.status);
    }
    if (outcome.changeId === null) return show({ checked: outcome.moved }, 200);
    return reply.redirect(listHref(scope, yearOf(reading.day.date), { done: id === null ? 'added' : 'saved', change: outcome.changeId }), 303);
  };

  for (const spec of SCOPES) {
    const { prefix, params, config } = spec;
    const withEntry = params.extend(entryParams);

    app.get(prefix, { config, schema: { hide, params, querystring: listQuery } }, async (request, reply) => {
      const scope = await spec.scope(request, request.query.year);
      const officeId = officeIdOf(scope);
      const { holidays, specialWorkingDays } = await listScopeEntries(app.db, scope.year, officeId);
      const stored = officeId === null ? undefined : await findOfficeHours(app.db, officeId);
      const { done, change } = request.query;
      const moved = change === undefined ? null : await findMovedByChange(app.db, change, officeId);
      return privatePage(
        request,
        reply,
        renderAdminCalendarPage(request.lang, {
          scope,
          holidays,
          specialWorkingDays,
          ...(officeId === null ? {} : { hours: { values: hoursOrDefaults(stored), isDefault: stored === undefined } }),
          ...(done ? { done: { notice: t(request.lang, DONE_KEYS[done]), moved } } : {}),
        }),
      );
    });

    app.get(`${prefix}/:entry/new`, { config, schema: { hide, params: params.extend({ entry: entryParams.entry }), querystring: z.object({ lang }) } }, async (request, reply) => {
      const scope = await spec.scope(request);
      const values: DayFormValues = { date: '', name_bn: '', name_en: '', kind: 'general' };
      return privatePage(request, reply, renderDayFormPage(request.lang, { scope, entry: request.params.entry, id: null, values, errors: {} }, csrfToken(reply)));
    });

    app.post(`${prefix}/:entry/new`, { config, schema: { hide, params: params.extend({ entry: entryParams.entry }), body: dayBody } }, async (request, reply) =>
      postDay(request, reply, await spec.scope(request), request.params.entry, null, request.body),
    );

    app.get(`${prefix}/:entry/:id`, { config, schema: { hide, params: withEntry, querystring: z.object({ lang }) } }, async (request, reply) => {
      const { entry, id } = request.params;
      const scope = await spec.scope(request);
      const day = await loadDay(scope, entry, id);
      const values: DayFormValues = { date: day.date, name_bn: day.name_bn, name_en: day.name_en ?? '', kind: day.kind ?? '' };
      const pageScope = scope.kind === 'office' ? { ...scope, year: yearOf(day.date) } : scope;
      return privatePage(request, reply, renderDayFormPage(request.lang, { scope: pageScope, entry, id, values, errors: {} }, csrfToken(reply)));
    });

    app.post(`${prefix}/:entry/:id`, { config, schema: { hide, params: withEntry, body: dayBody } }, async (request, reply) => {
      const { entry, id } = request.params;
      const scope = await spec.scope(request);
      const day = await loadDay(scope, entry, id);
      return postDay(request, reply, scope.kind === 'office' ? { ...scope, year: yearOf(day.date) } : scope, entry, id, request.body);
    });

    app.get(`${prefix}/:entry/:id/remove`, { config, schema: { hide, params: withEntry, querystring: z.object({ lang }) } }, async (request, reply) => {
      const { entry, id } = request.params;
      const scope = await spec.scope(request);
      const day = await loadDay(scope, entry, id);
      const pageScope = scope.kind === 'office' ? { ...scope, year: yearOf(day.date) } : scope;
      return privatePage(request, reply, renderRemovePage(request.lang, { scope: pageScope, entry, day }, csrfToken(reply)));
    });

    app.post(`${prefix}/:entry/:id/remove`, { config, schema: { hide, params: withEntry, body: removeBody } }, async (request, reply) => {
      const { entry, id } = request.params;
      const scope = await spec.scope(request);
      const day = await loadDay(scope, entry, id);
      const pageScope = scope.kind === 'office' ? { ...scope, year: yearOf(day.date) } : scope;
      const mode: ChangeMode = request.body?.action === 'check' ? 'check' : 'save';
      const actor = actorOf(request);
      const outcome = entry === 'holidays' ? await removeHoliday(app.db, actor, id, mode) : await removeSpecialWorkingDay(app.db, actor, id, mode);
      if (outcome.changeId === null) return privatePage(request, reply, renderRemovePage(request.lang, { scope: pageScope, entry, day, checked: outcome.moved }, csrfToken(reply)));
      return reply.redirect(listHref(scope, yearOf(day.date), { done: 'removed', change: outcome.changeId }), 303);
    });
  }

  // An office's weekly holidays and hours: the calendar owns office_hours and setOfficeHours.
  app.get('/offices/:slug/calendar/hours', { config: officeAccess, schema: { hide, params: officeParams, querystring: z.object({ lang }) } }, async (request, reply) => {
    const scope = await officeScopeOf(request);
    const values = hoursOrDefaults(await findOfficeHours(app.db, scope.officeId));
    return privatePage(request, reply, renderHoursPage(request.lang, { scope, values, errors: {} }, csrfToken(reply)));
  });

  app.post('/offices/:slug/calendar/hours', { config: officeAccess, schema: { hide, params: officeParams, body: hoursBody } }, async (request, reply) => {
    const scope = await officeScopeOf(request);
    const { body } = request;
    const values = { weekly_holidays: tickedWeekdays(body.weekly_holidays), opening: body.opening ?? '', closing: body.closing ?? '' };
    const reading = readHoursForm(values);
    const show = (state: { errors?: FormErrors<HoursField>; general?: string | undefined; checked?: MovedClock[] }, status: number) =>
      privatePage(request, reply, renderHoursPage(request.lang, { scope, values, errors: reading.errors, ...state }, csrfToken(reply)), status);
    if (!reading.hours) return show({}, 400);
    let outcome: { moved: MovedClock[]; changeId: number | null };
    try {
      outcome = await setOfficeHours(app.db, actorOf(request), scope.officeId, reading.hours, body.action === 'check' ? 'check' : 'save');
    } catch (error) {
      const problem = formProblem(request.lang, error);
      if (!problem) throw error;
      return show({ errors: problem.field && problem.key ? { [problem.field]: problem.key } : {}, general: problem.general }, problem.status);
    }
    if (outcome.changeId === null) return show({ checked: outcome.moved }, 200);
    return reply.redirect(listHref(scope, thisYear(), { done: 'hours', change: outcome.changeId }), 303);
  });
}
