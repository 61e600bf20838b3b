// Open311 GeoReport v2 under /open311/v2: an office's charter services, and its service requests
// posted and read by other systems. jurisdiction_id is the office's address on the portal,
// service_code the charter's service code, service_request_id our tracking number. Handlers
// read the input and call the requests and charters features; georeport.ts shapes the answers.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { findOfficeBySlug } from '../offices/index.ts';
import { findApiKeyPrincipal } from '../accounts/index.ts';
import { loadPublishedCharter, loadPublishedService } from '../charters/index.ts';
import { PUBLIC, actorOf, officeBySlug, type Permission } from '../http/access.ts';
import {
  findOfficeRequestByNumber,
  listOfficeRequests,
  parseTrackingNumber,
  receiveRequest,
  RequestsError,
  type ListedRequest,
  type RequestNotices,
} from '../requests/index.ts';
import { Open311Error, open311Errors, sendOpen311Error, sendOpen311NotFound } from './errors.ts';
import { receiptNotice, serviceDefinition, serviceEntry, serviceRequestView } from './georeport.ts';
import { commaList, DEFAULT_WINDOW_DAYS, MAX_REQUESTS, parseStatusFilter, receiptWindow } from './request-filters.ts';

const tags = ['open311'];
const text = (max: number) => z.string().max(max);
const jurisdiction = text(100).describe("The office's address on the portal, like doict-sadar-jessore");
const apiKey = text(200).describe("An API token of the office's staff (the specification's api_key)");
/** `json` (or `xml`, refused: only JSON is served) */
const format = text(10).describe('json; xml is refused with 400, only JSON is served');
const errors = { 400: open311Errors, 403: open311Errors, 404: open311Errors, 500: open311Errors };

const serviceSchema = z.object({
  service_code: z.string(),
  service_name: z.string().describe('Bangla, then English when the charter gives one'),
  description: z.string().describe('The documents, the fee and the time limit the charter promises'),
  metadata: z.literal(false),
  type: z.literal('realtime'),
  keywords: z.string().describe('How the service is delivered'),
  group: z.string().describe("The charter's category of the service"),
});

const requestSchema = z.object({
  service_request_id: z.string().describe('The tracking number, like DSJ-2026-000123-6'),
  status: z.enum(['open', 'closed']),
  status_notes: z.string().nullable().describe("The note of the latest public step: what is missing, or why it was refused"),
  service_name: z.string(),
  service_code: z.string(),
  description: z.string().nullable().optional().describe("The citizen's description: only with an api_key of a reader of the office's requests"),
  agency_responsible: z.string(),
  service_notice: z.null(),
  requested_datetime: z.string(),
  updated_datetime: z.string(),
  expected_datetime: z.string().nullable().describe('When the promise falls due; null with no fixed time limit, or while the request waits for the citizen'),
  address: z.string().nullable().optional().describe("The citizen's address: only with an api_key of a reader of the office's requests"),
  address_id: z.null(),
  zipcode: z.null(),
  lat: z.null(),
  long: z.null(),
  media_url: z.null(),
});

const postBody = z.looseObject({
  jurisdiction_id: jurisdiction.optional().describe('Required here or in the query'),
  api_key: apiKey.optional().describe('Required here or in the query'),
  service_code: text(40),
  first_name: text(100).optional(),
  last_name: text(100).optional(),
  phone: text(40).optional().describe('A Bangladesh mobile number; a phone or an email is required'),
  email: text(254).optional(),
  description: text(4000).optional(),
  address_string: text(500).optional(),
});

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Only the .json form is served; any other ending names no resource. */
function requireJson(format: string) {
  if (format === 'xml') throw new Open311Error('json_only', format, 'format');
  if (format !== 'json') throw new Open311Error('not_found', format);
}

/** `DSJ-2026-000123-6.json` → the number and the format. */
function splitFile(file: string): { name: string; format: string } {
  const dot = file.lastIndexOf('.');
  if (dot <= 0) throw new Open311Error('not_found', file);
  return { name: file.slice(0, dot), format: file.slice(dot + 1) };
}

export interface Open311Options {
  /** how the citizen is told of receipt (SMS, e-mail) */
  notices?: Omit<RequestNotices, 'officeName'> | undefined;
}

async function open311V2(fastify: FastifyInstance, options: Open311Options): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.setErrorHandler(sendOpen311Error);
  app.setNotFoundHandler(sendOpen311NotFound);

  async function requireJurisdiction(slug: string | undefined) {
    if (slug === undefined || slug.trim() === '') throw new Open311Error('jurisdiction_required', undefined, 'jurisdiction_id');
    const office = await findOfficeBySlug(app.db, slug.trim());
    if (!office) throw new Open311Error('jurisdiction_not_found', slug, 'jurisdiction_id');
    return office;
  }

  /**
   * Whether the api_key's holder may do this at the office. Open311 sends the key as a field, not
   * as `Authorization`, so these routes are public to the authorisation layer and ask its policy
   * here, with the key's holder as the request's principal. A key given but unknown is refused.
   */
  async function keyAllows(request: FastifyRequest, key: string | undefined, permission: Permission, slug: string): Promise<boolean> {
    if (key === undefined || key === '') return false;
    const principal = await findApiKeyPrincipal(app.db, key);
    if (!principal) throw new Open311Error('api_key_invalid', undefined, 'api_key');
    request.principal = principal;
    return request.allows(permission, officeBySlug(slug));
  }

  app.get(
    '/services.:format',
    {
      config: PUBLIC,
      schema: {
        tags,
        summary: "The services of an office's published charter",
        params: z.object({ format }),
        querystring: z.looseObject({ jurisdiction_id: jurisdiction }),
        response: { 200: z.array(serviceSchema), ...errors },
      },
    },
    async (request) => {
      requireJson(request.params.format);
      const office = await requireJurisdiction(request.query.jurisdiction_id);
      if (office.published_charter_version_id === null) return [];
      const charter = await loadPublishedCharter(app.db, office.slug);
      return charter.services.map(serviceEntry);
    },
  );

  app.get(
    '/services/:file',
    {
      config: PUBLIC,
      schema: {
        tags,
        summary: 'A service definition: the charter asks no attributes of its own',
        params: z.object({ file: text(60).describe('The service code and the format, like s1.json') }),
        querystring: z.looseObject({ jurisdiction_id: jurisdiction }),
        response: { 200: z.object({ service_code: z.string(), attributes: z.array(z.never()) }), ...errors },
      },
    },
    async (request) => {
      const { name, format } = splitFile(request.params.file);
      requireJson(format);
      const office = await requireJurisdiction(request.query.jurisdiction_id);
      const { service } = await loadPublishedService(app.db, office.slug, name);
      return serviceDefinition(service);
    },
  );

  app.post(
    '/requests.:format',
    {
      // public to the authorisation layer: the api_key is a field, not Authorization (see keyAllows);
      // no CSRF token either: no cookie is read, so a forged form has no one's rights to borrow
      config: { ...PUBLIC, csrf: false },
      schema: {
        tags,
        summary: 'Submit a service request with an api_key of the office (form or JSON)',
        description:
          'Fields as the specification names them; lat, long, address_id, attribute[…], device_id, account_id and media_url are accepted and not kept. Every api_key problem is 403.',
        params: z.object({ format }),
        querystring: z.looseObject({ jurisdiction_id: jurisdiction.optional(), api_key: apiKey.optional() }),
        body: postBody,
        response: {
          201: z.array(z.object({ service_request_id: z.string(), service_notice: z.string(), account_id: z.null() })),
          ...errors,
          413: open311Errors,
          415: open311Errors,
        },
      },
    },
    async (request, reply) => {
      requireJson(request.params.format);
      const { body, query } = request;
      const office = await requireJurisdiction(body.jurisdiction_id ?? query.jurisdiction_id);
      const key = body.api_key ?? query.api_key;
      if (!key) throw new Open311Error('api_key_invalid', undefined, 'api_key');
      if (!(await keyAllows(request, key, 'requests.handle', office.slug))) throw new Open311Error('api_key_not_allowed', office.slug, 'api_key');
      const email = body.email?.trim();
      if (email && !EMAIL.test(email)) throw new Open311Error('invalid_email', undefined, 'email');
      const received = await receiveRequest(
        app.db,
        actorOf(request),
        {
          office: { id: office.id, slug: office.slug },
          serviceCode: body.service_code.trim(),
          channel: 'api',
          receivedAt: new Date(),
          citizen: { name: [body.first_name, body.last_name].filter(Boolean).join(' '), mobile: body.phone, email, address: body.address_string },
          details: body.description ?? '',
        },
        options.notices && { ...options.notices, officeName: { bn: office.name_bn, en: office.name_en } },
      );
      reply.status(201).header('cache-control', 'no-store');
      return [{ service_request_id: received.tracking_number, service_notice: receiptNotice(received.due_at), account_id: null }];
    },
  );

  app.get(
    '/requests.:format',
    {
      config: PUBLIC,
      schema: {
        tags,
        summary: "An office's service requests, newest first",
        description: `Received in the last ${DEFAULT_WINDOW_DAYS} days unless start_date or end_date say otherwise; at most ${MAX_REQUESTS}. The citizen's description and address only with an api_key of a reader of the office's requests; never their name or contacts.`,
        params: z.object({ format }),
        querystring: z.looseObject({
          jurisdiction_id: jurisdiction,
          api_key: apiKey.optional(),
          service_request_id: text(2000).optional().describe('Tracking numbers, comma separated; overrides every other filter'),
          service_code: text(400).optional().describe('Service codes, comma separated'),
          status: text(20).optional().describe('open or closed'),
          start_date: text(40).optional().describe('Received at or after, ISO 8601 with an offset'),
          end_date: text(40).optional().describe('Received at or before, ISO 8601 with an offset'),
        }),
        response: { 200: z.array(requestSchema), ...errors },
      },
    },
    async (request, reply) => {
      requireJson(request.params.format);
      const { query } = request;
      const office = await requireJurisdiction(query.jurisdiction_id);
      const withCitizenData = await keyAllows(request, query.api_key, 'requests.read', office.slug);
      let found: ListedRequest[];
      if (query.service_request_id !== undefined) {
        const numbers = commaList(query.service_request_id).slice(0, 100);
        const each = await Promise.all(numbers.map((number) => findByNumber(office.id, number)));
        found = each.filter((item): item is ListedRequest => item !== undefined);
      } else {
        const state = parseStatusFilter(query.status);
        const { from, to } = receiptWindow(query.start_date, query.end_date, new Date());
        found = await listOfficeRequests(app.db, { officeId: office.id, serviceCodes: commaList(query.service_code), state, receivedFrom: from, receivedTo: to, limit: MAX_REQUESTS });
      }
      reply.header('cache-control', 'no-store');
      return found.map((item) => serviceRequestView(item, office, { withCitizenData }));
    },
  );

  async function findByNumber(officeId: number, number: string) {
    const parsed = parseTrackingNumber(number);
    return parsed.ok ? findOfficeRequestByNumber(app.db, officeId, parsed.text) : undefined;
  }

  app.get(
    '/requests/:file',
    {
      config: PUBLIC,
      schema: {
        tags,
        summary: 'One service request by its tracking number, as a list of one',
        params: z.object({ file: text(80).describe('The tracking number and the format, like DSJ-2026-000123-6.json') }),
        querystring: z.looseObject({ jurisdiction_id: jurisdiction, api_key: apiKey.optional() }),
        response: { 200: z.array(requestSchema), ...errors },
      },
    },
    async (request, reply) => {
      const { name, format } = splitFile(request.params.file);
      requireJson(format);
      const office = await requireJurisdiction(request.query.jurisdiction_id);
      const withCitizenData = await keyAllows(request, request.query.api_key, 'requests.read', office.slug);
      // another office's number is not found here, like a number that was never given
      const found = await findByNumber(office.id, name);
      if (!found) throw new RequestsError('request_not_found', name);
      reply.header('cache-control', 'no-store');
      return [serviceRequestView(found, office, { withCitizenData })];
    },
  );
}

export async function open311Routes(fastify: FastifyInstance, options: Open311Options): Promise<void> {
  // its own scope, so that its errors and its 404 answer in the specification's shape
  await fastify.register(open311V2, { ...options, prefix: '/open311/v2' });
}
