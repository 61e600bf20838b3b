// The staff API under /api/v1: what an office's staff do on the queue, desk and request pages,
// as JSON, for programs holding an API token (personal, or the office's own). Thin handlers over
// the same services as staff-routes.ts; every answer holds the one office's data only, and a
// request number of another office is not found under this office's path.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listOfficeStaff } from '../accounts/index.ts';
import { actorOf, officeBySlug, type Access, type Permission } from '../http/access.ts';
import { guardedErrorResponses } from '../http/api-schemas.ts';
import { assignRequest } from './assignment.ts';
import { endOfDhakaDay } from './dhaka-clock.ts';
import { RequestsError } from './errors.ts';
import { QUEUE_PAGE_SIZE } from './pages/queue-page.ts';
import { countQueue, listEvents, listQueue, QUEUE_VIEWS, type Channel, type QueueRow, type RequestRow } from './repository.ts';
import { actOnRequest, loadOfficeRequest, receiveRequest, type RequestNotices } from './request-service.ts';
import { REQUEST_ACTIONS, REQUEST_STATUSES, type RequestStatus } from './request-states.ts';
import { requestNumberOf, requireOffice } from './route-params.ts';

const access = (permission: Permission) =>
  ({ access: { permission, target: (request: FastifyRequest) => officeBySlug((request.params as { slug: string }).slug) } }) as const satisfies { access: Access };
const READ = access('requests.read');
const HANDLE = access('requests.handle');
const tags = ['requests'];

// the channels staff record; `online` is the citizen's own form
const STAFF_CHANNELS = ['api', 'in_person', 'phone', 'email', 'letter', 'rti_form'] as const satisfies readonly Channel[];
const ALL_CHANNELS = ['online', ...STAFF_CHANNELS] as const satisfies readonly Channel[];

const officeParams = z.object({ slug: z.string().min(1).max(100).describe("The office's address on the portal, e.g. doict-sadar-jessore") });
const requestParams = officeParams.extend({ number: z.string().min(1).max(40).describe('The tracking number, e.g. DSJ-2026-000123-6') });
const instant = z.iso.datetime();

const serviceObject = z.object({ code: z.string(), name_bn: z.string(), name_en: z.string().nullable() }).describe('As the charter in force at receipt named it');
const requestObject = z
  .object({
    tracking_number: z.string(),
    office: z.string().describe("The office's slug"),
    service: serviceObject,
    channel: z.enum(ALL_CHANNELS),
    status: z.enum(REQUEST_STATUSES),
    received_at: instant,
    due_at: instant.nullable().describe('When the promise falls due (UTC); null with no fixed time limit, or while returned to the citizen'),
    has_time_limit: z.boolean(),
    closed_at: instant.nullable(),
    on_time: z.boolean().nullable().describe('Delivered by the due moment; null while open, when rejected, or with no fixed time limit'),
    assigned_user_id: z.number().int().nullable().describe('Who handles it (an id from /staff); null: nobody yet'),
    citizen: z.object({ name: z.string(), mobile: z.string().nullable(), email: z.string().nullable(), address: z.string().nullable() }),
    details: z.string(),
    rejection_reason: z.string().nullable(),
  })
  .describe('A service request of this office');
const eventObject = z.object({
  at: instant,
  action: z.string().describe('received, accept, return, resume, start, deliver, reject, assign, note'),
  status_after: z.enum(REQUEST_STATUSES),
  public: z.boolean().describe('Shown to the citizen; assign and note are internal'),
  by: z.string().describe('Who did it, as the record names them'),
  note: z.string().nullable(),
});
const queueRowObject = z.object({
  tracking_number: z.string(),
  service: serviceObject,
  channel: z.enum(ALL_CHANNELS),
  received_at: instant,
  citizen_name: z.string(),
  status: z.enum(REQUEST_STATUSES),
  assigned_user_id: z.number().int().nullable(),
  due_at: instant.nullable(),
  closed_at: instant.nullable(),
  on_time: z.boolean().nullable(),
});
const countsObject = z.object(Object.fromEntries(QUEUE_VIEWS.map((view) => [view, z.number().int()])) as Record<(typeof QUEUE_VIEWS)[number], z.ZodNumber>);

const queueQuery = z.object({
  view: z.enum(QUEUE_VIEWS).default('open').describe('Which tab of the queue: open (by due moment), mine (assigned to the token\'s holder), overdue, due_today, returned, no_limit, closed'),
  page: z.coerce.number().int().min(1).max(100_000).default(1).describe(`Pages of ${QUEUE_PAGE_SIZE}`),
});
const registerBody = z
  .object({
    service_code: z.string().min(1).max(40).describe("The service's code in the office's published charter, e.g. s1"),
    channel: z.enum(STAFF_CHANNELS).describe('How the office received it; api for requests from another system'),
    received_at: z.iso.datetime({ offset: true }).optional().describe('When the office received it (ISO 8601, with Z or an offset), never in the future; default now'),
    citizen: z
      .object({
        name: z.string().min(1).max(200),
        mobile: z.string().max(40).optional().describe('Bangladeshi mobile number, any common form (01…, +880…, Bangla digits)'),
        email: z.email().max(254).optional(),
        address: z.string().max(1000).optional(),
      })
      .strict()
      .describe('A mobile number or an e-mail address is needed, except for a letter'),
    details: z.string().max(20_000).optional().describe('What the citizen asks for'),
  })
  .strict();
const actionBody = z
  .object({
    action: z.enum(REQUEST_ACTIONS).describe('What is allowed depends on the state (see docs/requests.md); 409 when not now'),
    note: z.string().max(5_000).optional().describe('Needed for return (what is missing), reject (the reason) and note'),
    assignee_id: z.number().int().min(1).max(2_147_483_647).nullable().optional().describe('assign: a user id from /staff; null or left out: nobody'),
  })
  .strict();

const iso = (date: Date | null) => date?.toISOString() ?? null;
const serviceOf = (row: Pick<RequestRow, 'service_code' | 'service_name_bn' | 'service_name_en'>) => ({ code: row.service_code, name_bn: row.service_name_bn, name_en: row.service_name_en });

function requestJson(row: RequestRow, officeSlug: string) {
  return {
    tracking_number: row.tracking_number,
    office: officeSlug,
    service: serviceOf(row),
    channel: row.channel,
    status: row.status,
    received_at: row.received_at.toISOString(),
    due_at: iso(row.due_at),
    has_time_limit: row.has_time_limit,
    closed_at: iso(row.closed_at),
    on_time: row.on_time,
    assigned_user_id: row.assigned_user_id,
    citizen: { name: row.citizen_name, mobile: row.citizen_mobile, email: row.citizen_email, address: row.citizen_address },
    details: row.details,
    rejection_reason: row.rejection_reason,
  };
}

function queueRowJson(row: QueueRow) {
  const { tracking_number, channel, citizen_name, status, assigned_user_id, on_time } = row;
  return { tracking_number, service: serviceOf(row), channel, received_at: row.received_at.toISOString(), citizen_name, status, assigned_user_id, due_at: iso(row.due_at), closed_at: iso(row.closed_at), on_time };
}

type EventRow = Awaited<ReturnType<typeof listEvents>>[number];
function asStatus(text: string): RequestStatus {
  const status = REQUEST_STATUSES.find((known) => known === text);
  if (!status) throw new Error(`unknown request status ${text}`);
  return status;
}
const eventJson = (event: EventRow) => ({ at: event.at.toISOString(), action: event.action, status_after: asStatus(event.status_after), public: event.public, by: event.actor_label, note: event.note });

// the services name the fields of the desk form; the API's body names them like this
const BODY_FIELDS: Record<string, string> = { service: 'service_code', name: 'citizen.name', mobile: 'citizen.mobile', assignee: 'assignee_id' };

/** The same refusal, blaming the field by the name the JSON body gives it. */
function inBodyTerms(error: unknown): unknown {
  if (!(error instanceof RequestsError) || error.field === undefined || !(error.field in BODY_FIELDS)) return error;
  return new RequestsError(error.code, error.detail, BODY_FIELDS[error.field]);
}

async function rethrowInBodyTerms<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    throw inBodyTerms(error);
  }
}

export interface RequestsApiOptions {
  /** how the citizen is told of receipt and of what staff do (SMS, e-mail) */
  notices?: Omit<RequestNotices, 'officeName'> | undefined;
}

export async function requestsApiRoutes(fastify: FastifyInstance, options: RequestsApiOptions): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.addHook('onSend', async (_request, reply) => {
    // one office's requests and citizens: never kept by a shared cache
    reply.header('cache-control', 'no-store');
  });

  const officeOf = (slug: string) => requireOffice(app.db, slug);

  app.get(
    '/api/v1/offices/:slug/requests',
    {
      config: READ,
      schema: {
        tags,
        summary: "The office's queue of requests, one tab and page at a time, with how many each tab holds",
        params: officeParams,
        querystring: queueQuery,
        response: {
          200: z
            .object({ office: z.string(), view: z.enum(QUEUE_VIEWS), page: z.number().int(), page_size: z.number().int(), has_next: z.boolean(), counts: countsObject, requests: z.array(queueRowObject) })
            .describe('One page of the tab, and how many requests each tab holds'),
          ...guardedErrorResponses(400, 404),
        },
      },
    },
    async (request) => {
      const office = await officeOf(request.params.slug);
      const { view, page } = request.query;
      const userId = request.principal?.userId ?? null;
      const now = new Date();
      const endOfToday = endOfDhakaDay(now);
      const [rows, counts] = await Promise.all([
        listQueue(app.db, { officeId: office.id, view, userId, now, endOfToday, limit: QUEUE_PAGE_SIZE, offset: (page - 1) * QUEUE_PAGE_SIZE }),
        countQueue(app.db, office.id, now, endOfToday, userId),
      ]);
      const requests = rows.slice(0, QUEUE_PAGE_SIZE).map(queueRowJson);
      return { office: office.slug, view, page, page_size: QUEUE_PAGE_SIZE, has_next: rows.length > QUEUE_PAGE_SIZE, counts, requests };
    },
  );

  app.post(
    '/api/v1/offices/:slug/requests',
    {
      config: HANDLE,
      schema: {
        tags,
        summary: 'Register a request the office received (at the desk, by phone, letter, e-mail or from another system)',
        description: "Takes the service from the office's published charter, gives the tracking number and starts the deadline clock from received_at. 404 for a service the charter does not offer.",
        params: officeParams,
        body: registerBody,
        response: { 201: requestObject, ...guardedErrorResponses(400, 404, 413, 415) },
      },
    },
    async (request, reply) => {
      const office = await officeOf(request.params.slug);
      const { service_code, channel, received_at, citizen, details } = request.body;
      const notices = options.notices && { ...options.notices, officeName: { bn: office.name_bn, en: office.name_en } };
      const intake = { office: { id: office.id, slug: office.slug }, serviceCode: service_code, channel, receivedAt: received_at ? new Date(received_at) : new Date(), citizen, details: details ?? '' };
      const received = await rethrowInBodyTerms(receiveRequest(app.db, actorOf(request), intake, notices));
      return reply.status(201).send(requestJson(received, office.slug));
    },
  );

  app.get(
    '/api/v1/offices/:slug/requests/:number',
    {
      config: READ,
      schema: {
        tags,
        summary: 'A request of the office and its whole history, internal notes included',
        params: requestParams,
        response: { 200: z.object({ request: requestObject, events: z.array(eventObject).describe('Oldest first') }).describe('The request and its history'), ...guardedErrorResponses(400, 404) },
      },
    },
    async (request) => {
      const office = await officeOf(request.params.slug);
      const { request: row, events } = await loadOfficeRequest(app.db, office.id, requestNumberOf(request.params.number));
      return { request: requestJson(row, office.slug), events: events.map(eventJson) };
    },
  );

  app.post(
    '/api/v1/offices/:slug/requests/:number/actions',
    {
      config: HANDLE,
      schema: {
        tags,
        summary: 'Take one action on a request: accept, return, resume, start, deliver, reject, note or assign',
        description: '409 when the request\'s state does not allow the action now; 400 when a note is needed (return, reject, note) and missing, or the assignee does not work in the office.',
        params: requestParams,
        body: actionBody,
        response: { 200: requestObject, ...guardedErrorResponses(400, 404, 409, 413, 415) },
      },
    },
    async (request) => {
      const office = await officeOf(request.params.slug);
      const number = requestNumberOf(request.params.number);
      const { action, note, assignee_id } = request.body;
      const actor = actorOf(request);
      const updated = await rethrowInBodyTerms(
        action === 'assign'
          ? listOfficeStaff(app.db, office.id).then((staff) => assignRequest(app.db, actor, office.id, number, assignee_id ?? null, staff))
          : actOnRequest(app.db, actor, office.id, number, { action, note }, options.notices),
      );
      return requestJson(updated, office.slug);
    },
  );

  app.get(
    '/api/v1/offices/:slug/staff',
    {
      config: HANDLE,
      schema: {
        tags,
        summary: "Who the office's requests can be assigned to",
        params: officeParams,
        response: {
          200: z.object({ staff: z.array(z.object({ id: z.number().int(), name_bn: z.string(), name_en: z.string().nullable() })) }).describe("The office's active staff, by Bangla name"),
          ...guardedErrorResponses(400, 404),
        },
      },
    },
    async (request) => {
      const office = await officeOf(request.params.slug);
      const staff = await listOfficeStaff(app.db, office.id);
      return { staff: staff.map(({ id, name_bn, name_en }) => ({ id, name_bn, name_en })) };
    },
  );
}
