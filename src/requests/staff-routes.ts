// The office's side of requests: the queue, registering a request at the desk, the request page
// and the actions on it, assignment among them. Thin handlers over request-service.ts; every page
// is the signed-in user's own (never cached) and offers only what the user may do (request.allows),
// every form carries the CSRF token and answers 303 when done.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { findUserNames, listOfficeStaff, type UserName } from '../accounts/index.ts';
import { loadPublishedCharter } from '../charters/index.ts';
import { t, type Lang } from '../core/i18n/index.ts';
import { actorOf, officeBySlug, type Access, type Permission } from '../http/access.ts';
import { csrfToken } from '../http/csrf.ts';
import { privatePage } from '../http/layout.ts';
import { assignRequest, displayName } from './assignment.ts';
import { attachmentItems } from './attachment-routes.ts';
import { listAttachments } from './attachments-repository.ts';
import { RequestsError } from './errors.ts';
import { countQueue, listQueue, QUEUE_VIEWS } from './repository.ts';
import { endOfDhakaDay } from './dhaka-clock.ts';
import { actOnRequest, loadOfficeRequest, receiveRequest, type RequestNotices } from './request-service.ts';
import { actionsFrom, canTake } from './request-states.ts';
import { pageOffice, requestNumberOf } from './route-params.ts';
import { DESK_FIELDS, deskFieldOf, emptyDeskForm, readDeskForm, renderDeskPage, type DeskErrors, type DeskValues } from './pages/desk-page.ts';
import { QUEUE_PAGE_SIZE, queueTabs, renderQueuePage, requestHref } from './pages/queue-page.ts';
import { PAGE_ACTIONS, renderRequestPage, type PageAction, type RequestPageView } from './pages/request-page.ts';

const access = (permission: Permission) =>
  ({ access: { permission, target: (request: FastifyRequest) => officeBySlug((request.params as { slug: string }).slug) } }) as const satisfies { access: Access };
const READ = access('requests.read');
const HANDLE = access('requests.handle');

const lang = z.enum(['bn', 'en']).optional().catch(undefined);
const officeParams = z.object({ slug: z.string().min(1).max(100) });
const requestParams = officeParams.extend({ number: z.string().min(1).max(40) });
const queueQuery = z.object({
  lang,
  view: z.enum(QUEUE_VIEWS).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});
const FORM_ACTIONS = [...PAGE_ACTIONS, 'assign'] as const;
const DONE = [...FORM_ACTIONS, 'registered'] as const;
const requestQuery = z.object({ lang, done: z.enum(DONE).optional().catch(undefined) });
const formText = z.string().max(20_000).optional();
const deskBody = z.object({ ...Object.fromEntries(DESK_FIELDS.map((field) => [field, formText])), _csrf: z.string().optional() });
const actionBody = z.object({
  action: z.enum(FORM_ACTIONS),
  note: z.string().max(5_000).optional(),
  /** assign: the user's id; empty or left out: nobody */
  assignee: z.string().max(20).optional(),
  _csrf: z.string().optional(),
});
/** Errors shown on the request page beside the form that caused them. */
const FORM_ERRORS: ReadonlySet<string> = new Set(['note_required', 'action_not_allowed', 'assignee_not_in_office']);

/** The assignee as the form sends it: a user id, or nothing for nobody. */
function assigneeOf(text: string | undefined): number | null {
  const value = text?.trim() ?? '';
  if (value === '') return null;
  if (!/^[0-9]{1,9}$/.test(value)) throw new RequestsError('assignee_not_in_office', value, 'assignee');
  return Number(value);
}


export interface RequestsStaffOptions {
  /** how the citizen is told of receipt and of what staff do (SMS, e-mail) */
  notices?: Omit<RequestNotices, 'officeName'> | undefined;
}

export async function requestsStaffRoutes(fastify: FastifyInstance, options: RequestsStaffOptions): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const hide = true;

  const officeOf = (request: FastifyRequest, slug: string) => pageOffice(app.db, request.lang, slug);

  /** The names of these users, from the office's staff already at hand and, for anyone else (a user since disabled, say), one look-up. */
  async function namesOf(lang: Lang, userIds: readonly (number | null)[], known: readonly UserName[]): Promise<Map<number, string>> {
    const wanted = new Set(userIds.filter((id) => id !== null));
    const names = new Map(known.filter((user) => wanted.has(user.id)).map((user) => [user.id, displayName(lang, user)]));
    const others = await findUserNames(app.db, [...wanted].filter((id) => !names.has(id)));
    for (const user of others) names.set(user.id, displayName(lang, user));
    return names;
  }


  async function requestPage(request: FastifyRequest, reply: FastifyReply, slug: string, number: string, extra: Pick<RequestPageView, 'notice' | 'actionError'>, status = 200) {
    const office = await officeOf(request, slug);
    const { request: row, events } = await loadOfficeRequest(app.db, office.id, requestNumberOf(number));
    const now = new Date();
    // a reader (a supervisor) sees the request without the forms they would be refused
    const mayHandle = await request.allows('requests.handle', office.target);
    const actions = mayHandle ? actionsFrom(row.status).filter((action): action is PageAction => PAGE_ACTIONS.some((shown) => shown === action)) : [];
    const assignees = mayHandle && canTake('assign', row.status) ? await listOfficeStaff(app.db, office.id) : null;
    const assigneeName = row.assigned_user_id === null ? null : ((await namesOf(request.lang, [row.assigned_user_id], assignees ?? [])).get(row.assigned_user_id) ?? null);
    const attachments = await attachmentItems(app.db, request.lang, await listAttachments(app.db, row.id));
    const view = { office: office.label, request: row, events, actions, assignees, assigneeName, attachments, now, endOfToday: endOfDhakaDay(now), csrf: csrfToken(reply), ...extra };
    return privatePage(request, reply, renderRequestPage(request.lang, view), status);
  }

  app.get('/offices/:slug/requests', { config: READ, schema: { hide, params: officeParams, querystring: queueQuery } }, async (request, reply) => {
    const office = await officeOf(request, request.params.slug);
    const userId = request.principal?.userId ?? null;
    const [staff, canRegister] = await Promise.all([listOfficeStaff(app.db, office.id), request.allows('requests.handle', office.target)]);
    // the responsible officer's own requests come first, for them
    const tabs = queueTabs(staff.some((member) => member.id === userId && member.roles.includes('officer')));
    const view = request.query.view ?? tabs[0] ?? 'open';
    const page = request.query.page ?? 1;
    const now = new Date();
    const endOfToday = endOfDhakaDay(now);
    const [rows, counts] = await Promise.all([
      listQueue(app.db, { officeId: office.id, view, userId, now, endOfToday, limit: QUEUE_PAGE_SIZE, offset: (page - 1) * QUEUE_PAGE_SIZE }),
      countQueue(app.db, office.id, now, endOfToday, userId),
    ]);
    const shown = rows.slice(0, QUEUE_PAGE_SIZE);
    const hasNext = rows.length > QUEUE_PAGE_SIZE;
    const assigneeNames = await namesOf(request.lang, shown.map((row) => row.assigned_user_id), staff);
    return privatePage(request, reply, renderQueuePage(request.lang, { office: office.label, view, tabs, counts, rows: shown, assigneeNames, canRegister, page, hasNext, now, endOfToday }));
  });

  async function deskPage(request: FastifyRequest, reply: FastifyReply, slug: string, values: DeskValues | null, errors: DeskErrors, status: number) {
    const charter = await loadPublishedCharter(app.db, slug);
    const office = await officeOf(request, slug);
    const services = charter.services.map((service) => ({
      code: service.code,
      name: `${request.lang === 'en' ? (service.name_en ?? service.name_bn ?? service.code) : (service.name_bn ?? service.name_en ?? service.code)}`,
    }));
    const view = { office: office.label, services, values: values ?? emptyDeskForm(request.lang, new Date()), errors, csrf: csrfToken(reply) };
    return privatePage(request, reply, renderDeskPage(request.lang, view), status);
  }

  app.get('/offices/:slug/requests/new', { config: HANDLE, schema: { hide, params: officeParams, querystring: z.object({ lang }) } }, async (request, reply) =>
    deskPage(request, reply, request.params.slug, null, {}, 200),
  );

  app.post('/offices/:slug/requests/new', { config: HANDLE, schema: { hide, params: officeParams, body: deskBody } }, async (request, reply) => {
    const { slug } = request.params;
    const body = request.body as Partial<Record<(typeof DESK_FIELDS)[number], string>>;
    const values = Object.fromEntries(DESK_FIELDS.map((field) => [field, body[field] ?? ''])) as DeskValues;
    const charter = await loadPublishedCharter(app.db, slug);
    const reading = readDeskForm(
      values,
      charter.services.map((service) => service.code),
      new Date(),
    );
    if (!reading.intake) return deskPage(request, reply, slug, values, reading.errors, 400);
    try {
      const office = { id: charter.office.id, slug: charter.office.slug };
      const officeName = { bn: charter.office.name_bn, en: charter.office.name_en };
      const received = await receiveRequest(app.db, actorOf(request), { ...reading.intake, office }, options.notices && { ...options.notices, officeName });
      return reply.redirect(`${requestHref(slug, received.tracking_number)}?done=registered`, 303);
    } catch (error) {
      const field = error instanceof RequestsError ? deskFieldOf(error.field) : null;
      if (!(error instanceof RequestsError) || !field) throw error;
      return deskPage(request, reply, slug, values, { [field]: error.messageKey }, error.status);
    }
  });

  app.get('/offices/:slug/requests/:number', { config: READ, schema: { hide, params: requestParams, querystring: requestQuery } }, async (request, reply) => {
    const { slug, number } = request.params;
    const { done } = request.query;
    const notice = done === 'registered' ? t(request.lang, 'office_requests.done.registered', { number }) : done ? t(request.lang, `office_requests.done.${done}`) : undefined;
    return requestPage(request, reply, slug, number, { notice });
  });

  app.post('/offices/:slug/requests/:number/actions', { config: HANDLE, schema: { hide, params: requestParams, body: actionBody } }, async (request, reply) => {
    const { slug, number } = request.params;
    const { action, note, assignee } = request.body;
    const office = await officeOf(request, slug);
    try {
      const trackingNumber = requestNumberOf(number);
      const updated =
        action === 'assign'
          ? await assignRequest(app.db, actorOf(request), office.id, trackingNumber, assigneeOf(assignee), await listOfficeStaff(app.db, office.id))
          : await actOnRequest(app.db, actorOf(request), office.id, trackingNumber, { action, note }, options.notices);
      return reply.redirect(`${requestHref(slug, updated.tracking_number)}?done=${action}`, 303);
    } catch (error) {
      if (!(error instanceof RequestsError) || !FORM_ERRORS.has(error.code)) throw error;
      return requestPage(request, reply, slug, number, { actionError: { action, error: error.messageKey, note: note ?? '' } }, error.status);
    }
  });
}

