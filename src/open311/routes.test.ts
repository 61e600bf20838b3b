// An Open311 GeoReport v2 client against the seeded portal: it lists Jessore Sadar's services,
// posts a request with its api_key, reads it back by number and in the list under each filter,
// and every bad input is refused in the specification's error format, never with a 500.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { createTestUser, type TestUser } from '../accounts/test-support.ts';
import { loadPublishedCharter } from '../charters/index.ts';
import { systemActor } from '../core/actor.ts';
import { requireOfficeId } from '../offices/index.ts';
import { actOnRequest, receiveRequest } from '../requests/index.ts';
import { openSeededApp, type SeededApp } from '../test-support.ts';

const JESSORE = 'doict-sadar-jessore';
const JAINTIAPUR = 'doict-jaintiapur-sylhet';
const V2 = '/open311/v2';

let seeded: SeededApp;
let jessoreStaff: TestUser;
let jaintiapurStaff: TestUser;
let nobody: TestUser;
let supervisor: TestUser;

const keyOf = (user: TestUser) => user.authorization.replace(/^Bearer /, '');

before(async () => {
  seeded = await openSeededApp();
  const { db } = seeded.database;
  jessoreStaff = await createTestUser(db, 'office_staff', { kind: 'office', slug: JESSORE });
  jaintiapurStaff = await createTestUser(db, 'office_staff', { kind: 'office', slug: JAINTIAPUR });
  nobody = await createTestUser(db, null);
  // reads the requests of every office of Jessore district, handles none
  supervisor = await createTestUser(db, 'supervisor', { kind: 'district', slug: 'jashore' });
});
after(() => seeded.close());

const inject = (options: InjectOptions) => seeded.app.inject(options);
const get = (path: string, query: Record<string, string> = {}) => inject({ method: 'GET', url: `${V2}${path}?${new URLSearchParams(query).toString()}` });

function postJson(fields: Record<string, unknown>, query: Record<string, string> = {}) {
  return inject({ method: 'POST', url: `${V2}/requests.json?${new URLSearchParams(query).toString()}`, payload: fields as Record<string, string> });
}

const citizen = {
  first_name: 'রহিম',
  last_name: 'উদ্দিন',
  phone: '০১৭১২-৩৪৫৬৭৮',
  email: 'rahim@example.com',
  description: 'ইন্টারনেট সংযোগ প্রয়োজন',
  address_string: 'বাড়ি ১২, রোড ৩, যশোর',
};

/** A refusal in GeoReport v2's shape: one {code, description} with the HTTP status, in English and Bangla. */
function assertOpen311Error(response: LightMyRequestResponse, status: number, words: RegExp) {
  assert.equal(response.statusCode, status, response.body);
  assert.match(String(response.headers['content-type']), /^application\/json/);
  const body = response.json() as { code: number; description: string }[];
  assert.equal(body.length, 1, response.body);
  assert.equal(body[0]?.code, status);
  assert.match(body[0]?.description ?? '', words);
  assert.match(body[0]?.description ?? '', /[\u0980-\u09FF]/, 'the description says it in Bangla too');
}

interface Open311Request {
  service_request_id: string;
  status: string;
  status_notes: string | null;
  service_code: string;
  description?: string | null;
  address?: string | null;
  agency_responsible: string;
  requested_datetime: string;
  expected_datetime: string | null;
}

async function postedRequest(fields: Record<string, unknown> = {}): Promise<string> {
  const response = await postJson({ jurisdiction_id: JESSORE, api_key: keyOf(jessoreStaff), service_code: 's1', ...citizen, ...fields });
  assert.equal(response.statusCode, 201, response.body);
  const [answer] = response.json() as { service_request_id: string }[];
  return answer?.service_request_id ?? '';
}

test("services.json lists every service of Jessore Sadar's published charter with the specification's fields", async () => {
  const response = await get('/services.json', { jurisdiction_id: JESSORE });
  assert.equal(response.statusCode, 200, response.body);
  const services = response.json() as Record<string, unknown>[];
  const charter = await loadPublishedCharter(seeded.database.db, JESSORE);
  assert.deepEqual(
    services.map((service) => service.service_code),
    charter.services.map((service) => service.code),
  );
  const first = services[0] ?? {};
  assert.deepEqual(Object.keys(first).sort(), ['description', 'group', 'keywords', 'metadata', 'service_code', 'service_name', 'type']);
  assert.equal(first.metadata, false);
  assert.equal(first.type, 'realtime');
  assert.equal(first.service_name, charter.services[0]?.name_bn ?? '');
  assert.match(String(first.description), /সময়সীমা \/ Time limit: /);
  assert.match(String(first.group), /Citizen services|Institutional services|Internal services|several offices/);
});

test('a service definition by its code has no attributes; an unknown code, office or format is refused', async () => {
  const definition = await get('/services/s1.json', { jurisdiction_id: JESSORE });
  assert.equal(definition.statusCode, 200, definition.body);
  assert.deepEqual(definition.json(), { service_code: 's1', attributes: [] });
  assertOpen311Error(await get('/services/s9999.json', { jurisdiction_id: JESSORE }), 404, /No such service/);
  assertOpen311Error(await get('/services.json', { jurisdiction_id: 'no-such-office' }), 404, /jurisdiction_id/);
  assertOpen311Error(await get('/services.json'), 400, /jurisdiction_id is missing/);
  assertOpen311Error(await get('/services.xml', { jurisdiction_id: JESSORE }), 400, /Only JSON/);
  assertOpen311Error(await get('/services/s1.xml', { jurisdiction_id: JESSORE }), 400, /Only JSON/);
  assertOpen311Error(await get('/nothing-here.json', { jurisdiction_id: JESSORE }), 404, /not found/);
});

test('an Open311 client posts a request with its api_key and reads it back by its number and in the list under each filter', async () => {
  const response = await postJson({ jurisdiction_id: JESSORE, api_key: keyOf(jessoreStaff), service_code: 's1', ...citizen, lat: 23.16, long: 89.2, 'attribute[x]': 'y' });
  assert.equal(response.statusCode, 201, response.body);
  const [answer] = response.json() as { service_request_id: string; service_notice: string; account_id: null }[];
  assert.match(answer?.service_request_id ?? '', /^[A-Z]{2,6}-\d{4}-\d{6,}-\d$/);
  assert.match(answer?.service_notice ?? '', /Received/);
  assert.equal(answer?.account_id, null);
  const number = answer?.service_request_id ?? '';

  const one = await get(`/requests/${number}.json`, { jurisdiction_id: JESSORE, api_key: keyOf(jessoreStaff) });
  assert.equal(one.statusCode, 200, one.body);
  const [read] = one.json() as Open311Request[];
  assert.equal(read?.service_request_id, number);
  assert.equal(read?.status, 'open');
  assert.equal(read?.service_code, 's1');
  assert.equal(read?.description, citizen.description);
  assert.equal(read?.address, citizen.address_string);
  assert.match(read?.requested_datetime ?? '', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+06:00$/);
  assert.match(read?.agency_responsible ?? '', /যশোর|Jessore|Jashore/);

  // the request as staff see it: received on the API channel, by the key's holder
  const { db } = seeded.database;
  const row = await db.selectFrom('service_requests').select(['channel', 'citizen_name', 'citizen_mobile', 'created_by_user_id']).where('tracking_number', '=', number).executeTakeFirstOrThrow();
  assert.deepEqual(row, { channel: 'api', citizen_name: 'রহিম উদ্দিন', citizen_mobile: '01712345678', created_by_user_id: jessoreStaff.id });
  const audit = await db.selectFrom('audit_log').select(['action', 'actor_user_id', 'actor_label']).where('subject_id', '=', number).execute();
  assert.deepEqual(audit, [{ action: 'request.receive', actor_user_id: jessoreStaff.id, actor_label: jessoreStaff.email }]);

  const listed = async (query: Record<string, string>) =>
    ((await get('/requests.json', { jurisdiction_id: JESSORE, ...query })).json() as Open311Request[]).map((item) => item.service_request_id);
  assert.ok((await listed({})).includes(number), 'the last 90 days by default');
  assert.ok((await listed({ service_code: 's1' })).includes(number));
  assert.ok(!(await listed({ service_code: 's2' })).includes(number));
  assert.ok((await listed({ service_code: 's2,s1' })).includes(number));
  assert.ok((await listed({ status: 'open' })).includes(number));
  assert.ok(!(await listed({ status: 'closed' })).includes(number));
  const hourAgo = new Date(Date.now() - 3600_000).toISOString();
  const hourAhead = new Date(Date.now() + 3600_000).toISOString();
  assert.ok((await listed({ start_date: hourAgo })).includes(number));
  assert.ok(!(await listed({ start_date: hourAhead })).includes(number));
  assert.ok((await listed({ end_date: hourAhead })).includes(number));
  assert.ok(!(await listed({ end_date: hourAgo })).includes(number));
  assert.ok((await listed({ start_date: '2020-01-01T00:00:00+06:00', end_date: hourAhead.replace('Z', '+00:00') })).includes(number));
  assert.deepEqual(await listed({ service_request_id: `${number},XYZ-2026-000001-0` }), [number]);
});

test('a client posts the fields as a form, as the specification has it', async () => {
  const fields = { jurisdiction_id: JESSORE, api_key: keyOf(jessoreStaff), service_code: 's1', ...citizen, lat: '23.16', long: '89.2', 'attribute[x]': 'y' };
  const response = await inject({
    method: 'POST',
    url: `${V2}/requests.json`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(fields).toString(),
  });
  assert.equal(response.statusCode, 201, response.body);
  const [answer] = response.json() as { service_request_id: string }[];
  const [read] = (await get(`/requests/${answer?.service_request_id ?? ''}.json`, { jurisdiction_id: JESSORE, api_key: keyOf(jessoreStaff) })).json() as Open311Request[];
  assert.equal(read?.address, citizen.address_string);
});

test('without an api_key, with an unknown one, or with a key of another office or of a reader only, posting is refused with 403', async () => {
  const fields = { jurisdiction_id: JESSORE, service_code: 's1', ...citizen };
  assertOpen311Error(await postJson(fields), 403, /api_key/);
  assertOpen311Error(await postJson({ ...fields, api_key: 'pt_not-a-token' }), 403, /api_key is missing or not valid/);
  assertOpen311Error(await postJson({ ...fields, api_key: keyOf(jaintiapurStaff) }), 403, /may not/);
  assertOpen311Error(await postJson({ ...fields, api_key: keyOf(nobody) }), 403, /may not/);
  assertOpen311Error(await postJson({ ...fields, api_key: keyOf(supervisor) }), 403, /may not/);
  // the key in the query string works as well as in the body
  const byQuery = await postJson(fields, { api_key: keyOf(jessoreStaff) });
  assert.equal(byQuery.statusCode, 201, byQuery.body);
});

test("a public read shows the request's progress and never the citizen's data; a reader's key shows the description and address", async () => {
  const number = await postedRequest();
  const fields = ['first_name', 'last_name', 'phone', 'email', 'description', 'address', 'address_string'];
  const publicReads: Record<string, string>[] = [{}, { api_key: keyOf(nobody) }, { api_key: keyOf(jaintiapurStaff) }];
  for (const query of publicReads) {
    for (const response of [await get(`/requests/${number}.json`, { jurisdiction_id: JESSORE, ...query }), await get('/requests.json', { jurisdiction_id: JESSORE, ...query })]) {
      assert.equal(response.statusCode, 200, response.body);
      const item = (response.json() as Record<string, unknown>[]).find((request) => request.service_request_id === number) ?? {};
      assert.equal(item.service_request_id, number);
      for (const field of fields) assert.ok(!(field in item), `${field} is not public`);
      for (const secret of ['রহিম', '345678', 'rahim@example.com', 'ইন্টারনেট', 'রোড ৩']) assert.ok(!response.body.includes(secret), `${secret} leaked`);
    }
  }
  const read = await get(`/requests/${number}.json`, { jurisdiction_id: JESSORE, api_key: keyOf(supervisor) });
  const [item] = read.json() as Open311Request[];
  assert.equal(item?.description, citizen.description);
  assert.ok(!read.body.includes('rahim@example.com') && !read.body.includes('345678'), 'never the contacts, even to a reader');
  assertOpen311Error(await get(`/requests/${number}.json`, { jurisdiction_id: JESSORE, api_key: 'pt_wrong' }), 403, /api_key/);
});

test("another office's tracking number is not found under this jurisdiction, like a number never given", async () => {
  const { db } = seeded.database;
  const jaintiapur = { id: await requireOfficeId(db, JAINTIAPUR), slug: JAINTIAPUR };
  const theirs = await receiveRequest(db, systemActor, { office: jaintiapur, serviceCode: 's1', channel: 'in_person', receivedAt: new Date(), citizen: { name: 'করিম', mobile: '01812345678' }, details: '' });
  assertOpen311Error(await get(`/requests/${theirs.tracking_number}.json`, { jurisdiction_id: JESSORE }), 404, /No request/);
  assert.equal((await get(`/requests/${theirs.tracking_number}.json`, { jurisdiction_id: JAINTIAPUR })).statusCode, 200);
  assertOpen311Error(await get('/requests/not-a-number.json', { jurisdiction_id: JESSORE }), 404, /No request/);
  assert.deepEqual((await get('/requests.json', { jurisdiction_id: JESSORE, service_request_id: theirs.tracking_number })).json(), []);
});

test('status_notes is the note of the latest public step, and a refused request is closed', async () => {
  const number = await postedRequest();
  const { db } = seeded.database;
  const jessoreId = await requireOfficeId(db, JESSORE);
  await actOnRequest(db, systemActor, jessoreId, number, { action: 'note', note: 'অভ্যন্তরীণ নোট' });
  const [open] = (await get(`/requests/${number}.json`, { jurisdiction_id: JESSORE })).json() as Open311Request[];
  assert.equal(open?.status_notes, null, 'an internal note is never shown');
  await actOnRequest(db, systemActor, jessoreId, number, { action: 'reject', note: 'এই দপ্তরের সেবা নয়' });
  const [closed] = (await get(`/requests/${number}.json`, { jurisdiction_id: JESSORE })).json() as Open311Request[];
  assert.equal(closed?.status, 'closed');
  assert.equal(closed?.status_notes, 'এই দপ্তরের সেবা নয়');
  const closedList = (await get('/requests.json', { jurisdiction_id: JESSORE, status: 'closed' })).json() as Open311Request[];
  assert.ok(closedList.some((item) => item.service_request_id === number));
});

test('bad input is refused with a clear 4xx in the specification format, never a 500', async () => {
  const key = keyOf(jessoreStaff);
  const base = { jurisdiction_id: JESSORE, api_key: key, service_code: 's1', ...citizen };
  const broken = await inject({ method: 'POST', url: `${V2}/requests.json`, headers: { 'content-type': 'application/json' }, payload: '{"service_code":' });
  assertOpen311Error(broken, 400, /not valid JSON/);
  assertOpen311Error(await inject({ method: 'POST', url: `${V2}/requests.json`, headers: { 'content-type': 'application/xml' }, payload: '<request/>' }), 415, /form|JSON/);
  assertOpen311Error(await postJson({ ...base, service_code: 's9999' }), 404, /does not offer/);
  assertOpen311Error(await postJson({ ...base, service_code: undefined }), 400, /service_code is missing/);
  assertOpen311Error(await postJson({ ...base, jurisdiction_id: undefined }), 400, /jurisdiction_id is missing/);
  assertOpen311Error(await postJson({ ...base, jurisdiction_id: 'nowhere' }), 404, /jurisdiction_id/);
  assertOpen311Error(await postJson({ ...base, phone: '12345' }), 400, /mobile number/);
  assertOpen311Error(await postJson({ ...base, phone: undefined, email: undefined }), 400, /mobile number or an e-mail/);
  assertOpen311Error(await postJson({ ...base, email: 'not-an-address' }), 400, /e-mail address/);
  assertOpen311Error(await postJson({ ...base, first_name: undefined, last_name: undefined }), 400, /name/);
  assertOpen311Error(await postJson({ ...base, description: 'x'.repeat(4001) }), 400, /description must be text up to 4000 characters/);
  assertOpen311Error(await postJson({ ...base, first_name: ['a', 'b'] }), 400, /first_name/);
  assertOpen311Error(await inject({ method: 'POST', url: `${V2}/requests.xml`, payload: base }), 400, /Only JSON/);
  const list = (query: Record<string, string>) => get('/requests.json', { jurisdiction_id: JESSORE, ...query });
  assertOpen311Error(await list({ start_date: 'yesterday' }), 400, /start_date and end_date must be ISO 8601/);
  assertOpen311Error(await list({ end_date: '2026-11-25' }), 400, /ISO 8601/);
  assertOpen311Error(await list({ start_date: '2026-02-30T10:00:00+06:00x' }), 400, /ISO 8601/);
  assertOpen311Error(await list({ start_date: '2026-11-25T10:00:00+06:00', end_date: '2026-11-01T10:00:00+06:00' }), 400, /must not come after/);
  assertOpen311Error(await list({ status: 'pending' }), 400, /open or closed/);
  assertOpen311Error(await get('/requests.json'), 400, /jurisdiction_id is missing/);
  assertOpen311Error(await get('/requests.xml', { jurisdiction_id: JESSORE }), 400, /Only JSON/);
  // unknown parameters are tolerated
  assert.equal((await list({ extensions: 'true', page: '2' })).statusCode, 200);
});

test('/openapi.json documents the five Open311 operations under the open311 tag', async () => {
  const doc = (await inject({ method: 'GET', url: '/openapi.json' })).json() as { paths: Record<string, Record<string, { tags?: string[] }>> };
  const operations = Object.entries(doc.paths)
    .filter(([path]) => path.startsWith(V2))
    .flatMap(([path, methods]) => Object.entries(methods).map(([method, operation]) => ({ key: `${method.toUpperCase()} ${path}`, tags: operation.tags })));
  assert.deepEqual(operations.map((operation) => operation.key).sort(), [
    `GET ${V2}/requests.{format}`,
    `GET ${V2}/requests/{file}`,
    `GET ${V2}/services.{format}`,
    `GET ${V2}/services/{file}`,
    `POST ${V2}/requests.{format}`,
  ]);
  for (const operation of operations) assert.deepEqual(operation.tags, ['open311'], operation.key);
});
