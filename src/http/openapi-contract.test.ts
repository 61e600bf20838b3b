// The API does what /openapi.json says: every operation in the document is called on seeded
// data, and every JSON answer — success or error — matches the schema declared for its status.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { requireOfficeId } from '../offices/index.ts';
import { systemActor } from '../core/actor.ts';
import { actOnRequest, receiveRequest } from '../requests/index.ts';
import { openSeededApp, type SeededApp } from '../test-support.ts';
import { errorResponse } from './api-schemas.ts';

let TOKEN = '';
const auth = { authorization: '' };
const JESSORE = 'doict-sadar-jessore';

// --- the parts of an OpenAPI 3.0 document this test reads --------------------------------

type JsonSchema = Record<string, unknown>;
interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonSchema;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema?: JsonSchema }> };
  responses: Record<string, { description?: string; content?: Record<string, { schema?: JsonSchema }> }>;
}
interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
}

/** OpenAPI 3.0 schema → JSON Schema (draft-07) for ajv: `nullable` and boolean exclusive bounds. */
function toJsonSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(toJsonSchema);
  if (schema === null || typeof schema !== 'object') return schema;
  const source = schema as JsonSchema;
  // 3.0 writes an exclusive bound as { minimum: 0, exclusiveMinimum: true }; draft-07 as { exclusiveMinimum: 0 }
  const exclusive = new Map([
    ['minimum', 'exclusiveMinimum'],
    ['maximum', 'exclusiveMaximum'],
  ]);
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(source)) {
    if (key === 'nullable' || key === 'example' || [...exclusive.values()].includes(key)) continue;
    const asExclusive = exclusive.get(key);
    if (asExclusive && source[asExclusive] === true) out[asExclusive] = value;
    else if (key === 'properties') out[key] = Object.fromEntries(Object.entries(value as JsonSchema).map(([k, v]) => [k, toJsonSchema(v)]));
    else out[key] = toJsonSchema(value);
  }
  for (const key of exclusive.values()) if (typeof source[key] === 'number') out[key] = source[key];
  if (source.nullable === true) {
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
    if (out.type === undefined) return { anyOf: [out, { type: 'null' }] };
  }
  return out;
}

const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
addFormats.default(ajv);
const validators = new Map<unknown, ValidateFunction>();
function validatorFor(schema: JsonSchema): ValidateFunction {
  let validate = validators.get(schema);
  if (!validate) {
    validate = ajv.compile(toJsonSchema(schema) as JsonSchema);
    validators.set(schema, validate);
  }
  return validate;
}

const mediaTypeOf = (response: LightMyRequestResponse) => String(response.headers['content-type'] ?? '').replace(/;.*/, '').trim();

/** What is wrong with an answer, measured against the operation's declared responses; [] when nothing. */
export function contractProblems(operation: Operation, response: LightMyRequestResponse): string[] {
  const status = String(response.statusCode);
  const declared = operation.responses[status] ?? operation.responses[`${status[0]}XX`] ?? operation.responses.default;
  const mediaType = mediaTypeOf(response);
  if (!declared) return [`status ${status} (${mediaType}) is not declared; declared: ${Object.keys(operation.responses).join(', ')}`];
  if (mediaType === 'application/json') {
    const schema = declared.content?.['application/json']?.schema;
    if (!schema) return [`status ${status} answers JSON but declares no JSON schema for it`];
    const validate = validatorFor(schema);
    if (validate(JSON.parse(response.body))) return [];
    return (validate.errors ?? []).map((e) => `status ${status}: ${e.instancePath || '(body)'} ${e.message} ${JSON.stringify(e.params)}`);
  }
  if (declared.content && !declared.content[mediaType]) {
    return [`status ${status} answers ${mediaType}, declared only ${Object.keys(declared.content).join(', ')}`];
  }
  return [];
}

/** Every JSON error has the one shape, and a message that names the field it blames. */
function errorShapeProblems(response: LightMyRequestResponse): string[] {
  if (mediaTypeOf(response) !== 'application/json') return [`an error answered ${mediaTypeOf(response)}, not JSON`];
  const parsed = errorResponse.strict().safeParse(JSON.parse(response.body));
  if (!parsed.success) return [`not the error shape: ${response.body}`];
  const { field, message_en, message_bn } = parsed.data;
  if (/could not be understood/.test(message_en)) return [`a bare message: ${message_en}`];
  if (field !== null && !(message_en.includes(field) && message_bn.includes(field))) return [`the messages do not name ${field}: ${response.body}`];
  return [];
}

// --- the seeded app and the requests that exercise it ---------------------------------------

let seeded: SeededApp;
let app: FastifyInstance;
let doc: OpenApiDocument;
/** values the valid requests need, filled from the seed and from earlier answers */
const seen: { serviceCode?: string; holidayId?: number; specialWorkingDayId?: number; ics?: string; trackingNumber?: string; deliveredNumber?: string } = {};

before(async () => {
  seeded = await openSeededApp();
  ({ app } = seeded);
  TOKEN = seeded.adminAuthorization.replace(/^Bearer /, '');
  auth.authorization = `Bearer ${TOKEN}`;
  doc = (await app.inject('/openapi.json')).json() as OpenApiDocument;
  const charter = (await app.inject(`/offices/${JESSORE}/charter.json`)).json() as { services: { code?: string }[] };
  seen.serviceCode = charter.services.find((s) => s.code)?.code;
  seen.ics = (await app.inject('/calendar/2026.ics')).body;
  // a request to track, made as a citizen does, from an address of its own
  const office = { id: await requireOfficeId(seeded.database.db, JESSORE), slug: JESSORE };
  const citizen = { userId: null, label: 'citizen', ip: '127.0.0.9' };
  const citizenMobile = { name: 'চুক্তি পরীক্ষা', mobile: '01712345678' };
  const request = await receiveRequest(seeded.database.db, citizen, { office, serviceCode: seen.serviceCode ?? 's1', channel: 'online', receivedAt: new Date(), citizen: citizenMobile, details: '' });
  seen.trackingNumber = request.tracking_number;
  // and one delivered, for the citizen to rate
  const delivered = await receiveRequest(seeded.database.db, { ...citizen, ip: '127.0.0.10' }, { office, serviceCode: seen.serviceCode ?? 's1', channel: 'online', receivedAt: new Date(), citizen: { ...citizenMobile, mobile: '01812345678' }, details: '' });
  await actOnRequest(seeded.database.db, systemActor, office.id, delivered.tracking_number, { action: 'deliver' });
  seen.deliveredNumber = delivered.tracking_number;
});
after(async () => {
  await seeded.close();
});

/** Values for path and required query parameters, by name (and by path where the name is ambiguous). */
function parameterValue(path: string, name: string): string | undefined {
  switch (name) {
    case 'slug':
    case 'office':
      return JESSORE;
    case 'division':
      return 'khulna';
    case 'district':
      return 'jashore';
    case 'upazila':
      return 'jashore-sadar';
    case 'organisation':
      return 'doict';
    case 'year':
      return '2026';
    case 'from':
      return '2026-12-03T10:00';
    case 'limit':
      return '৩ কার্যদিবস';
    case 'code':
      return seen.serviceCode;
    case 'number':
      return seen.trackingNumber;
    case 'id':
      return String(path.includes('special-working-days') ? seen.specialWorkingDayId : seen.holidayId);
    default:
      return undefined;
  }
}

/** A valid body for each operation that takes one. */
const VALID_BODIES: Record<string, () => Pick<InjectOptions, 'payload' | 'headers'>> = {
  'POST /api/calendar/holidays': () => ({
    payload: { date: '2026-11-11', name_bn: 'চুক্তি পরীক্ষার ছুটি', name_en: 'Contract test day', kind: 'executive_order', source: 'contract test' },
  }),
  'PATCH /api/calendar/holidays/{id}': () => ({ payload: { date: '2026-11-12', confirmed: false } }),
  'POST /api/calendar/special-working-days': () => ({ payload: { date: '2026-11-14', name_bn: 'চুক্তি পরীক্ষার কর্মদিবস' } }),
  'POST /api/calendar/import-ics': () => ({ headers: { 'content-type': 'text/calendar' }, payload: seen.ics ?? '' }),
  'PUT /api/offices/{slug}/hours': () => ({ payload: { weekly_holidays: [5, 6], opening: '09:00', closing: '17:00' } }),
  'POST /api/v1/track': () => ({ payload: { tracking_number: seen.trackingNumber ?? '', mobile_last4: '5678' } }),
  'POST /api/v1/offices/{slug}/requests': () => ({ payload: { service_code: seen.serviceCode ?? 's1', channel: 'api', citizen: { name: 'চুক্তি পরীক্ষা', mobile: '01712345678' } } }),
  'POST /api/v1/offices/{slug}/requests/{number}/actions': () => ({ payload: { action: 'note', note: 'contract test' } }),
  // (rating: a valid body here)
  'POST /api/v1/track/rating': () => ({ payload: { tracking_number: seen.deliveredNumber ?? '', mobile_last4: '5678', rating: 5, comment: 'contract test' } }),
};

/** More valid requests where one does not reach every answer shape. */
const VARIANTS: Record<string, string[]> = {
  'GET /api/calendar/{year}': ['/api/calendar/2026?office=doict-sadar-jessore', '/api/calendar/2031'],
  'GET /api/sla/due': [`/api/sla/due?from=2026-12-15T10:00&limit=${encodeURIComponent('শুনানী সাপেক্ষে')}`, '/api/sla/due?from=2026-12-03T18:30%2B06:00&limit=3%20working%20days&office=doict-sadar-jessore'],
  'GET /calendar/{year}': ['/calendar/2026.ics', '/calendar/2026?office=doict-sadar-jessore'],
};

/** Known answers to remember for later requests (ids the editing API hands out). */
function remember(key: string, response: LightMyRequestResponse) {
  if (key === 'POST /api/calendar/holidays') seen.holidayId = (response.json() as { holiday: { id: number } }).holiday.id;
  if (key === 'POST /api/calendar/special-working-days') seen.specialWorkingDayId = (response.json() as { special_working_day: { id: number } }).special_working_day.id;
}

const METHOD_ORDER = ['post', 'put', 'patch', 'get', 'delete'];
const isGuarded = (operation: Operation) => '401' in operation.responses;
const urlOf = (path: string, values: Record<string, string>, query: Record<string, string>) => {
  const filled = path.replace(/\{(\w+)\}/g, (_whole, name: string) => encodeURIComponent(values[name] ?? ''));
  const search = new URLSearchParams(query).toString();
  return search ? `${filled}?${search}` : filled;
};

// Open311 answers in its specification's shapes (errors as [{code, description}], unknown fields
// tolerated, the format inside a path segment): src/open311/routes.test.ts holds it to them
const isOpen311 = (path: string) => path.startsWith('/open311/');

function operations(): { key: string; path: string; method: string; operation: Operation }[] {
  return Object.entries(doc.paths)
    .filter(([path]) => !isOpen311(path))
    .flatMap(([path, methods]) => Object.entries(methods).map(([method, operation]) => ({ key: `${method.toUpperCase()} ${path}`, path, method, operation })))
    .sort((a, b) => METHOD_ORDER.indexOf(a.method) - METHOD_ORDER.indexOf(b.method));
}

/** The request that should succeed: path params and required query from the seed, the body from the table. */
function validRequest(key: string, path: string, method: string, operation: Operation): InjectOptions {
  const pathValues: Record<string, string> = {};
  const query: Record<string, string> = {};
  for (const parameter of operation.parameters ?? []) {
    if (parameter.in !== 'path' && !(parameter.in === 'query' && parameter.required)) continue;
    const value = parameterValue(path, parameter.name);
    assert.ok(value !== undefined && value !== 'undefined', `${key}: no value for the ${parameter.in} parameter ${parameter.name}`);
    (parameter.in === 'path' ? pathValues : query)[parameter.name] = value;
  }
  const body = VALID_BODIES[key];
  assert.ok(!operation.requestBody || body, `${key} takes a body, but the contract test has no valid body for it`);
  const extra = body?.() ?? {};
  return {
    method: method.toUpperCase() as InjectOptions['method'],
    url: urlOf(path, pathValues, query),
    ...extra,
    headers: { ...(isGuarded(operation) ? auth : {}), ...extra.headers },
  };
}

/** A value the parameter's schema refuses, when one can be made from it. */
function invalidValue(schema: JsonSchema | undefined): string | undefined {
  if (!schema) return undefined;
  if (schema.type === 'integer' || schema.type === 'number') return 'abc';
  if (typeof schema.maxLength === 'number') return 'x'.repeat(schema.maxLength + 1);
  if (typeof schema.pattern === 'string') return '!!';
  return undefined;
}

/** Requests each operation must refuse, each with the field the answer must blame (null: none). */
function badRequests(key: string, valid: InjectOptions, operation: Operation): { label: string; request: InjectOptions; field: string | null }[] {
  const bad: { label: string; request: InjectOptions; field: string | null }[] = [];
  const url = new URL(String(valid.url), 'http://x');
  for (const parameter of operation.parameters ?? []) {
    const wrong = invalidValue(parameter.schema);
    if (parameter.in === 'query' && parameter.required) {
      const missing = new URL(url);
      missing.searchParams.delete(parameter.name);
      bad.push({ label: `without ${parameter.name}`, request: { ...valid, url: `${missing.pathname}${missing.search}` }, field: parameter.name });
    }
    if (wrong === undefined) continue;
    if (parameter.in === 'query') {
      const changed = new URL(url);
      changed.searchParams.set(parameter.name, wrong);
      bad.push({ label: `bad ${parameter.name}`, request: { ...valid, url: `${changed.pathname}${changed.search}` }, field: parameter.name });
    }
    if (parameter.in === 'path') {
      const segments = url.pathname.split('/');
      const at = key.replace(/^\S+ /, '').split('/').indexOf(`{${parameter.name}}`);
      segments[at] = encodeURIComponent(wrong);
      bad.push({ label: `bad ${parameter.name}`, request: { ...valid, url: segments.join('/') + url.search }, field: parameter.name });
    }
  }
  const jsonBody = operation.requestBody?.content['application/json']?.schema;
  if (jsonBody && typeof valid.payload === 'object') {
    bad.push({ label: 'an unknown body field', request: { ...valid, payload: { ...(valid.payload as object), surprise: true } }, field: 'surprise' });
    bad.push({ label: 'broken JSON', request: { ...valid, payload: '{"date":', headers: { ...valid.headers, 'content-type': 'application/json' } }, field: null });
    bad.push({ label: 'an XML body', request: { ...valid, payload: '<holiday/>', headers: { ...valid.headers, 'content-type': 'application/xml' } }, field: null });
    const required = (jsonBody.required as string[] | undefined) ?? [];
    if (required[0]) bad.push({ label: `without ${required[0]}`, request: { ...valid, payload: {} }, field: required[0] });
    for (const [name, property] of Object.entries((jsonBody.properties as Record<string, JsonSchema>) ?? {})) {
      // a list where the schema wants a scalar, a string where it wants a list
      const wrong = property.type === 'array' ? 'not a list' : [];
      bad.push({ label: `bad ${name}`, request: { ...valid, payload: { ...(valid.payload as object), [name]: wrong } }, field: name });
    }
  }
  if (isGuarded(operation)) {
    const headers = Object.fromEntries(Object.entries(valid.headers ?? {}).filter(([name]) => name !== 'authorization'));
    bad.push({ label: 'without the token', request: { ...valid, headers }, field: null });
  }
  return bad;
}

// --- the tests ------------------------------------------------------------------------------

test('every operation in /openapi.json answers as documented, and refuses bad input in the one error shape', async () => {
  const exercised = new Set<string>();
  const problems: string[] = [];
  let refusals = 0;
  for (const { key, path, method, operation } of operations()) {
    const valid = validRequest(key, path, method, operation);
    // refusals first: they must leave the data as it was for the valid request that follows.
    // A page answers its errors in JSON when asked to; the document describes it as a page.
    const answersJson = Object.values(operation.responses).some((r) => r.content?.['application/json']);
    for (const { label, request, field } of badRequests(key, valid, operation)) {
      const response = await app.inject(answersJson ? request : { ...request, headers: { ...request.headers, accept: 'application/json' } });
      const where = `${key} (${label}) → ${response.statusCode}`;
      refusals++;
      if (response.statusCode < 400 || response.statusCode >= 500) problems.push(`${where}: expected a refusal, got ${response.body.slice(0, 200)}`);
      if (answersJson) problems.push(...contractProblems(operation, response).map((p) => `${where}: ${p}`));
      problems.push(...errorShapeProblems(response).map((p) => `${where}: ${p}`));
      const blamed = mediaTypeOf(response) === 'application/json' ? (response.json() as { field?: unknown }).field : undefined;
      if (blamed !== field && field !== null) problems.push(`${where}: blamed ${String(blamed)}, not ${field}`);
    }
    for (const request of [valid, ...(VARIANTS[key] ?? []).map((url) => ({ ...valid, url }))]) {
      const response = await app.inject(request);
      const where = `${key} ${request.url} → ${response.statusCode}`;
      if (response.statusCode >= 400) problems.push(`${where}: a valid request failed: ${response.body.slice(0, 300)}`);
      problems.push(...contractProblems(operation, response).map((p) => `${where}: ${p}`));
      if (request === valid && response.statusCode < 400) {
        exercised.add(key);
        remember(key, response);
      }
    }
  }
  assert.deepEqual(problems, []);
  assert.ok(refusals >= 2 * operations().length, `only ${refusals} bad requests were tried`);
  const all = operations().map((o) => o.key);
  assert.deepEqual(all.filter((key) => !exercised.has(key)), [], 'operations in the document that no request exercised');
  assert.ok(all.includes('GET /api/sla/due') && all.includes('POST /api/calendar/holidays'), `the document lists the API: ${all.join(', ')}`);
});

test('every JSON route declares its success and error answers with schemas', () => {
  for (const { key, operation } of operations()) {
    const json = Object.entries(operation.responses).filter(([, r]) => r.content?.['application/json']);
    if (json.length === 0) continue;
    const statuses = json.map(([status]) => status);
    assert.ok(Object.keys(operation.responses).some((s) => s.startsWith('2')), `${key} declares no success answer`);
    assert.ok(statuses.includes('500'), `${key} declares no 500 answer`);
    const takesInput = (operation.parameters ?? []).length > 0 || operation.requestBody !== undefined;
    if (takesInput) assert.ok(statuses.includes('400'), `${key} takes input but declares no 400 answer`);
    if (isGuarded(operation)) assert.ok(statuses.includes('403'), `${key} is guarded but declares no 403`);
  }
});

test('the contract check itself fails on an undeclared status and on a body that breaks its schema', () => {
  const fake = (statusCode: number, body: unknown) =>
    ({ statusCode, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(body) }) as unknown as LightMyRequestResponse;
  const operation: Operation = {
    responses: {
      200: { content: { 'application/json': { schema: { type: 'object', properties: { year: { type: 'integer' } }, required: ['year'], additionalProperties: false } } } },
      404: { description: 'no schema' },
    },
  };
  assert.deepEqual(contractProblems(operation, fake(200, { year: 2026 })), []);
  assert.equal(contractProblems(operation, fake(200, { year: 2026, office_id: 3 })).length, 1, 'an undeclared property');
  assert.equal(contractProblems(operation, fake(200, { year: '2026' })).length, 1, 'a wrong type');
  assert.equal(contractProblems(operation, fake(409, { error: 'x' })).length, 1, 'an undeclared status');
  assert.equal(contractProblems(operation, fake(404, { error: 'x' })).length, 1, 'a JSON answer without a schema');
});
