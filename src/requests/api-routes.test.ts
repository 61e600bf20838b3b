// The staff API as an integration uses it, with an office's own token: the queue, registering a
// request, its history, the actions, the staff list; bad input of every kind gets a clear 4xx;
// every answer is what /api/openapi.json says, and /api/docs lists every /api/v1 route.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { issueOfficeApiToken } from '../accounts/index.ts';
import { createTestUser, type TestUser } from '../accounts/test-support.ts';
import { systemActor } from '../core/actor.ts';
import { requireOfficeId } from '../offices/index.ts';
import { openSeededApp, type SeededApp } from '../test-support.ts';
import { receiveRequest } from './request-service.ts';

const JESSORE = 'doict-sadar-jessore';
const JAINTIAPUR = 'doict-jaintiapur-sylhet';
const TOKEN_NAME = 'e-service centre';

let seeded: SeededApp;
let jessoreAdmin: TestUser;
let jessoreStaff: TestUser;
let jaintiapurStaff: TestUser;
let officeToken = '';
let jaintiapurNumber = '';

// --- the OpenAPI document as a validator of answers ------------------------------------------

type Schema = Record<string, unknown>;
interface Operation {
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}
let paths: Record<string, Record<string, Operation>> = {};

/** OpenAPI 3.0's `nullable` as JSON Schema's null type, for ajv. */
function toJsonSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(toJsonSchema);
  if (schema === null || typeof schema !== 'object') return schema;
  const source = schema as Schema;
  const out: Schema = {};
  for (const [key, value] of Object.entries(source)) {
    if (key === 'nullable' || key === 'example') continue;
    out[key] = key === 'properties' ? Object.fromEntries(Object.entries(value as Schema).map(([k, v]) => [k, toJsonSchema(v)])) : toJsonSchema(value);
  }
  if (source.nullable === true) {
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    if (Array.isArray(out.enum)) out.enum = [...(out.enum as unknown[]), null];
  }
  return out;
}
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats.default(ajv);
const validators = new Map<Schema, ValidateFunction>();

/** Every answer checked: its status declared for the operation, its JSON body valid against that status's schema. */
const checked: string[] = [];
function checkAgainstDocument(method: string, path: string, response: LightMyRequestResponse) {
  const operation = paths[path]?.[method.toLowerCase()];
  assert.ok(operation, `${method} ${path} is in the document`);
  const declared = operation.responses[String(response.statusCode)];
  assert.ok(declared, `${method} ${path}: status ${response.statusCode} is declared (${response.body.slice(0, 200)})`);
  const schema = declared.content?.['application/json']?.schema;
  assert.ok(schema, `${method} ${path} ${response.statusCode}: a JSON schema`);
  let validate = validators.get(schema);
  if (!validate) validators.set(schema, (validate = ajv.compile(toJsonSchema(schema) as Schema)));
  assert.ok(validate(response.json()), `${method} ${path} ${response.statusCode}: ${JSON.stringify(validate.errors)} in ${response.body.slice(0, 300)}`);
  checked.push(`${method} ${path} ${response.statusCode}`);
}

/** Calls the API and checks the answer against the document; `path` is the document's path. */
async function call(method: 'GET' | 'POST', path: string, values: Record<string, string>, options: Omit<InjectOptions, 'method' | 'url'> & { token?: string } = {}) {
  const url = path.replace(/\{(\w+)\}/g, (_whole, name: string) => encodeURIComponent(values[name] ?? ''));
  const { token = officeToken, ...rest } = options;
  const response = await seeded.app.inject({ method, url, ...rest, headers: { authorization: `Bearer ${token}`, ...rest.headers } });
  checkAgainstDocument(method, path, response);
  return response;
}

const QUEUE = '/api/v1/offices/{slug}/requests';
const REQUEST = '/api/v1/offices/{slug}/requests/{number}';
const ACTIONS = '/api/v1/offices/{slug}/requests/{number}/actions';
const STAFF = '/api/v1/offices/{slug}/staff';

interface RequestJson {
  tracking_number: string;
  status: string;
  channel: string;
  assigned_user_id: number | null;
  office: string;
}
interface ErrorJson {
  error: string;
  field: string | null;
  message_en: string;
  message_bn: string;
}

const newRequest = (overrides: Record<string, unknown> = {}) => ({
  service_code: 's1',
  channel: 'api',
  received_at: new Date(Date.now() - 3600_000).toISOString(),
  citizen: { name: 'রহিম উদ্দিন', mobile: '০১৭১২৩৪৫৬৭৮', address: 'যশোর' },
  details: 'ইন্টারনেট সংযোগ প্রয়োজন',
  ...overrides,
});

async function register(overrides: Record<string, unknown> = {}): Promise<RequestJson> {
  const response = await call('POST', QUEUE, { slug: JESSORE }, { payload: newRequest(overrides) });
  assert.equal(response.statusCode, 201, response.body);
  return response.json() as RequestJson;
}

before(async () => {
  seeded = await openSeededApp();
  const { db } = seeded.database;
  jessoreAdmin = await createTestUser(db, 'office_admin', { kind: 'office', slug: JESSORE });
  jessoreStaff = await createTestUser(db, 'office_staff', { kind: 'office', slug: JESSORE });
  jaintiapurStaff = await createTestUser(db, 'office_staff', { kind: 'office', slug: JAINTIAPUR });
  officeToken = await issueOfficeApiToken(db, systemActor, await requireOfficeId(db, JESSORE), jessoreAdmin.id, TOKEN_NAME);
  const jaintiapur = { id: await requireOfficeId(db, JAINTIAPUR), slug: JAINTIAPUR };
  const intake = { office: jaintiapur, serviceCode: 's1', channel: 'in_person' as const, receivedAt: new Date(), citizen: { name: 'করিম', mobile: '01812345678' }, details: '' };
  jaintiapurNumber = (await receiveRequest(db, systemActor, intake)).tracking_number;
  paths = ((await seeded.app.inject('/api/openapi.json')).json() as { paths: typeof paths }).paths;
});
after(() => seeded.close());

// --- the tests --------------------------------------------------------------------------------

test('an office token registers a request through the API: 201 with the request, channel api, audited in the token\'s name', async () => {
  const created = await register();
  assert.equal(created.channel, 'api');
  assert.equal(created.status, 'submitted');
  assert.equal(created.office, JESSORE);
  assert.match(created.tracking_number, /^[A-Z]{2,6}-\d{4}-\d{6,}-\d$/);
  const audit = await seeded.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'request.receive').where('subject_id', '=', created.tracking_number).executeTakeFirstOrThrow();
  assert.equal(audit.actor_label, `token:${TOKEN_NAME} (${jessoreAdmin.email})`);
  const shown = await call('GET', REQUEST, { slug: JESSORE, number: created.tracking_number });
  assert.equal(shown.statusCode, 200);
  const body = shown.json() as { request: { citizen: { mobile: string } }; events: { action: string; by: string }[] };
  assert.equal(body.request.citizen.mobile, '01712345678', 'kept as 01XXXXXXXXX');
  assert.deepEqual(body.events.map((event) => [event.action, event.by]), [['received', `token:${TOKEN_NAME} (${jessoreAdmin.email})`]]);
});

test('the queue answers a tab and page with the counts of every tab', async () => {
  const created = await register();
  const response = await call('GET', QUEUE, { slug: JESSORE });
  assert.equal(response.statusCode, 200);
  const queue = response.json() as { view: string; counts: Record<string, number>; requests: { tracking_number: string }[] };
  assert.equal(queue.view, 'open');
  assert.ok(queue.requests.some((row) => row.tracking_number === created.tracking_number));
  assert.equal(queue.counts.open, queue.requests.length);
  const closedView = await seeded.app.inject({ url: `/api/v1/offices/${JESSORE}/requests?view=closed&page=1`, headers: { authorization: `Bearer ${officeToken}` } });
  checkAgainstDocument('GET', QUEUE, closedView);
  assert.deepEqual((closedView.json() as { requests: unknown[] }).requests, []);
  const badView = await seeded.app.inject({ url: `/api/v1/offices/${JESSORE}/requests?view=everything`, headers: { authorization: `Bearer ${officeToken}` } });
  checkAgainstDocument('GET', QUEUE, badView);
  assert.equal(badView.statusCode, 400);
  assert.equal((badView.json() as ErrorJson).field, 'view');
});

test('actions: accept, then accept again is 409; return without a note is 400; a note is internal but in the API\'s history', async () => {
  const { tracking_number: number } = await register();
  const accepted = await call('POST', ACTIONS, { slug: JESSORE, number }, { payload: { action: 'accept' } });
  assert.equal(accepted.statusCode, 200, accepted.body);
  assert.equal((accepted.json() as RequestJson).status, 'accepted');
  const again = await call('POST', ACTIONS, { slug: JESSORE, number }, { payload: { action: 'accept' } });
  assert.equal(again.statusCode, 409);
  assert.equal((again.json() as ErrorJson).error, 'action_not_allowed');
  const noNote = await call('POST', ACTIONS, { slug: JESSORE, number }, { payload: { action: 'return', note: '   ' } });
  assert.equal(noNote.statusCode, 400);
  assert.deepEqual([(noNote.json() as ErrorJson).error, (noNote.json() as ErrorJson).field], ['note_required', 'note']);
  assert.equal((await call('POST', ACTIONS, { slug: JESSORE, number }, { payload: { action: 'note', note: 'ফাইল খোঁজা হচ্ছে' } })).statusCode, 200);
  const history = (await call('GET', REQUEST, { slug: JESSORE, number })).json() as { events: { action: string; public: boolean; note: string | null }[] };
  assert.deepEqual(history.events.map((event) => [event.action, event.public, event.note]), [
    ['received', true, null],
    ['accept', true, null],
    ['note', false, 'ফাইল খোঁজা হচ্ছে'],
  ]);
});

test("assign takes an id from the office's staff list, and refuses someone of another office", async () => {
  const { tracking_number: number } = await register();
  const staff = (await call('GET', STAFF, { slug: JESSORE })).json() as { staff: Record<string, unknown>[] };
  assert.ok(staff.staff.every((member) => Object.keys(member).sort().join(',') === 'id,name_bn,name_en'), 'ids and names only');
  assert.ok(staff.staff.some((member) => member.id === jessoreStaff.id));
  assert.ok(!staff.staff.some((member) => member.id === jaintiapurStaff.id));
  const assigned = await call('POST', ACTIONS, { slug: JESSORE, number }, { payload: { action: 'assign', assignee_id: jessoreStaff.id } });
  assert.equal((assigned.json() as RequestJson).assigned_user_id, jessoreStaff.id);
  const stranger = await call('POST', ACTIONS, { slug: JESSORE, number }, { payload: { action: 'assign', assignee_id: jaintiapurStaff.id } });
  assert.equal(stranger.statusCode, 400);
  assert.deepEqual([(stranger.json() as ErrorJson).error, (stranger.json() as ErrorJson).field], ['assignee_not_in_office', 'assignee_id']);
  const nobody = await call('POST', ACTIONS, { slug: JESSORE, number }, { payload: { action: 'assign', assignee_id: null } });
  assert.equal((nobody.json() as RequestJson).assigned_user_id, null);
});

test("another office's request is 404 under this office's path, and the token gets 403 on the other office's path", async () => {
  const shown = await call('GET', REQUEST, { slug: JESSORE, number: jaintiapurNumber });
  assert.equal(shown.statusCode, 404);
  assert.ok(!shown.body.includes('করিম'));
  const acted = await call('POST', ACTIONS, { slug: JESSORE, number: jaintiapurNumber }, { payload: { action: 'accept' } });
  assert.equal(acted.statusCode, 404);
  const theirs = await call('GET', REQUEST, { slug: JAINTIAPUR, number: jaintiapurNumber });
  assert.equal(theirs.statusCode, 403);
  assert.equal((await call('GET', REQUEST, { slug: JESSORE, number: 'not-a-number' })).statusCode, 404);
  assert.equal((await call('GET', QUEUE, { slug: 'no-such-office' })).statusCode, 404);
  // their own staff, with a personal token, see it
  assert.equal((await call('GET', REQUEST, { slug: JAINTIAPUR, number: jaintiapurNumber }, { token: jaintiapurStaff.authorization.replace('Bearer ', '') })).statusCode, 200);
});

test('bad input gets a clear 4xx in the one error shape, never a 500', async () => {
  const cases: [string, Omit<InjectOptions, 'method' | 'url'>, number, string, string | null][] = [
    ['malformed JSON', { payload: '{"service_code": ', headers: { 'content-type': 'application/json' } }, 400, 'invalid_json_body', null],
    ['not JSON', { payload: '<request/>', headers: { 'content-type': 'application/xml' } }, 415, '', null],
    ['an unknown field', { payload: newRequest({ priority: 'high' }) }, 400, '', 'priority'],
    ['a wrong type', { payload: newRequest({ citizen: 'রহিম' }) }, 400, '', 'citizen'],
    ['an unknown channel', { payload: newRequest({ channel: 'online' }) }, 400, '', 'channel'],
    ['an unknown service', { payload: newRequest({ service_code: 's999' }) }, 404, 'service_not_offered', 'service_code'],
    ['no way to reach the citizen', { payload: newRequest({ citizen: { name: 'রহিম' } }) }, 400, 'contact_required', 'citizen.mobile'],
    ['a wrong mobile number', { payload: newRequest({ citizen: { name: 'রহিম', mobile: '12345' } }) }, 400, 'invalid_mobile', 'citizen.mobile'],
    ['a date in the future', { payload: newRequest({ received_at: new Date(Date.now() + 86_400_000).toISOString() }) }, 400, 'received_in_future', 'received_at'],
    ['a date that is not one', { payload: newRequest({ received_at: 'yesterday' }) }, 400, '', 'received_at'],
    ['a body too large', { payload: newRequest({ details: 'x'.repeat(1_100_000) }) }, 413, '', null],
  ];
  const wrong: string[] = [];
  for (const [label, request, status, code, field] of cases) {
    const response = await call('POST', QUEUE, { slug: JESSORE }, request);
    const body = response.json() as ErrorJson;
    if (response.statusCode !== status) wrong.push(`${label}: ${response.statusCode} ${response.body.slice(0, 200)}`);
    if (code && body.error !== code) wrong.push(`${label}: ${body.error}`);
    if (field !== null && body.field !== field) wrong.push(`${label}: blamed ${body.field}`);
    if (!body.message_en || !body.message_bn) wrong.push(`${label}: a message is missing`);
  }
  assert.deepEqual(wrong, []);
  const unknownAction = await call('POST', ACTIONS, { slug: JESSORE, number: jaintiapurNumber }, { payload: { action: 'approve' } });
  assert.deepEqual([unknownAction.statusCode, (unknownAction.json() as ErrorJson).field], [400, 'action']);
});

test('without a token, or with a made-up one, every route answers 401', async () => {
  for (const [method, path] of [['GET', QUEUE], ['POST', QUEUE], ['GET', STAFF]] as const) {
    const response = await call(method, path, { slug: JESSORE }, { token: 'pt_made-up', payload: method === 'POST' ? newRequest() : undefined });
    assert.equal(response.statusCode, 401);
  }
});

test('every API answer in these tests matched the document, for every operation', () => {
  const operations = new Set(checked.map((entry) => entry.replace(/ \d+$/, '')));
  assert.deepEqual([...operations].sort(), [`GET ${QUEUE}`, `GET ${REQUEST}`, `GET ${STAFF}`, `POST ${ACTIONS}`, `POST ${QUEUE}`].sort());
});

test('/api/openapi.json is the document (and /openapi.json still is); /api/docs lists every /api/v1 route, without scripts', async () => {
  const document = await seeded.app.inject('/api/openapi.json');
  assert.equal(document.statusCode, 200);
  assert.deepEqual(document.json(), (await seeded.app.inject('/openapi.json')).json());
  const routes = Object.entries(paths).flatMap(([path, methods]) => (path.startsWith('/api/v1/') ? Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`) : []));
  assert.ok(routes.length >= 6, routes.join(', '));
  for (const lang of ['en', 'bn']) {
    const page = await seeded.app.inject(`/api/docs?lang=${lang}`);
    assert.equal(page.statusCode, 200);
    assert.match(String(page.headers['content-type']), /text\/html/);
    const missing = routes.filter((route) => !page.body.includes(`<code>${route}</code>`));
    assert.deepEqual(missing, [], `${lang}: routes not on the page`);
    assert.ok(!/<script/i.test(page.body));
    assert.match(page.body, /Authorization: Bearer/);
    assert.match(page.body, /<code>citizen\.name<\/code>/, 'the body of a nested field is listed');
  }
  assert.match((await seeded.app.inject('/api/docs?lang=bn')).body, /এপিআই-তে সাইন ইন/);
});
