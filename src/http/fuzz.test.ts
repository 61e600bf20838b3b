// Hostile input to every operation in /openapi.json: odd, overlong, NUL and non-BMP strings in path
// and query parameters, huge numbers and impossible years, broken JSON, JSON of the wrong types, odd
// content types, with and without the editing token. No answer may be a 5xx, every JSON refusal has
// the one error shape, and every answer carries the security headers. Bounded and seeded: a
// failure prints the seed and the request, and FUZZ_SEED=<seed> replays it.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { openSeededApp, type SeededApp } from '../test-support.ts';
import { open311Errors } from '../open311/index.ts';
import { errorResponse } from './api-schemas.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 13_2026);
const RUNS_PER_OPERATION = 30;
let TOKEN = '';

interface Operation {
  parameters?: { name: string; in: string }[];
  requestBody?: { content: Record<string, { schema?: { properties?: Record<string, unknown> } }> };
}
type OpenApiPaths = Record<string, Record<string, Operation>>;

let seeded: SeededApp;
let app: FastifyInstance;
let paths: OpenApiPaths;

before(async () => {
  seeded = await openSeededApp();
  ({ app } = seeded);
  TOKEN = seeded.adminAuthorization.replace(/^Bearer /, '');
  paths = ((await app.inject('/openapi.json')).json() as { paths: OpenApiPaths }).paths;
});
after(async () => {
  await seeded.close();
});

// --- what a hostile client sends ------------------------------------------------------------

const NASTY = [
  '',
  '\u0000',
  'a\u0000b',
  '%00',
  '\uD800',
  '\uFFFF',
  '😀'.repeat(50),
  'x'.repeat(5000),
  '9'.repeat(40),
  '2147483648',
  '-1',
  '0',
  '1e309',
  'NaN',
  '0000',
  '99999',
  '0000-01-01',
  '99999-12-31',
  '2026-02-30',
  '1900-01-01T10:00',
  '+099999-01-01T00:00',
  '৯৯৯৯৯৯ কার্যদিবস',
  '999999 working days',
  '../../../etc/passwd',
  '//evil.example',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '{"a":',
  'doict-sadar-jessore',
  '2026',
  '2026.ics',
  '2026-12-03T10:00',
];
const hostileText = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40, unit: 'binary' }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 300, unit: 'grapheme' }) },
  { weight: 1, arbitrary: fc.bigInt().map(String) },
);
const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  hostileText,
  fc.constantFrom(null, true, 0, -1, 2 ** 31, Number.MAX_SAFE_INTEGER, 1e308, [], {}, [[[[]]]], { $ne: 1 }, { __proto__: { x: 1 } }),
  fc.jsonValue({ maxDepth: 3 }),
);

/** Percent-encoding that does not throw on a lone surrogate (encodeURIComponent does). */
function encode(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return [...text].map((c) => (c.charCodeAt(0) >= 0xd800 && c.charCodeAt(0) <= 0xdfff ? '%ED%A0%80' : encodeURIComponent(c))).join('');
  }
}

type Body = { payload?: string; contentType?: string };
const CONTENT_TYPES = ['application/json', 'text/calendar', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', 'application/json; charset=latin1', ''];

function bodies(operation: Operation): fc.Arbitrary<Body> {
  const properties = Object.keys(operation.requestBody?.content['application/json']?.schema?.properties ?? {});
  const objectWithHostileFields =
    properties.length > 0
      ? fc.dictionary(fc.constantFrom(...properties, 'surprise', '\u0000'), hostileJson, { maxKeys: properties.length + 1 }).map((o) => JSON.stringify(o))
      : fc.constant('{}');
  const payload = fc.oneof(
    objectWithHostileFields,
    hostileJson.map((value) => JSON.stringify(value) ?? 'null'),
    fc.constantFrom('{"date":', '{', '[', '"', '{"name_bn":"\\u0000"}', 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:00000101\r\nSUMMARY:x\u0000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n'),
    hostileText,
  );
  return fc.oneof(fc.constant({}), fc.record({ payload, contentType: fc.constantFrom(...CONTENT_TYPES) }));
}

function requests(path: string, method: string, operation: Operation): fc.Arbitrary<InjectOptions> {
  const pathNames = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '');
  const queryNames = (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
  return fc
    .record({
      pathValues: fc.tuple(...pathNames.map(() => hostileText)),
      query: fc.dictionary(fc.constantFrom(...queryNames, 'lang', 'q', 'zzz'), hostileText, { maxKeys: 4 }),
      body: bodies(operation),
      token: fc.boolean(),
      json: fc.boolean(),
    })
    .map(({ pathValues, query, body, token, json }) => {
      let i = 0;
      const url = path.replace(/\{(\w+)\}/g, () => encode(pathValues[i++] ?? ''));
      const search = Object.entries(query).map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&');
      const headers: Record<string, string> = {};
      if (token) headers.authorization = `Bearer ${TOKEN}`;
      if (json) headers.accept = 'application/json';
      if (body.contentType) headers['content-type'] = body.contentType;
      return {
        method: method.toUpperCase() as InjectOptions['method'],
        url: search ? `${url}?${search}` : url,
        headers,
        ...(body.payload === undefined ? {} : { payload: body.payload }),
      };
    });
}

// --- the test -------------------------------------------------------------------------------

const SECURITY = ['content-security-policy', 'x-content-type-options', 'referrer-policy', 'x-frame-options'];

test(`hostile input to every operation in /openapi.json is never a 5xx (seed ${SEED})`, async () => {
  const operations = Object.entries(paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, operation]) => ({ path, method, operation })));
  assert.ok(operations.length >= 10, `the document lists only ${operations.length} operations`);
  // and the methods no route takes on these paths
  const wrongMethods = Object.keys(paths).map((path) => ({ path, method: 'options', operation: {} as Operation }));
  let sent = 0;
  for (const { path, method, operation } of [...operations, ...wrongMethods]) {
    await fc.assert(
      fc.asyncProperty(requests(path, method, operation), async (request) => {
        const response = await app.inject(request);
        sent++;
        const where = `seed ${SEED}: ${String(request.method)} ${String(request.url).slice(0, 300)} ${String(request.payload ?? '').slice(0, 300)} → ${response.statusCode}`;
        assert.ok(response.statusCode < 500, `${where}: ${response.body.slice(0, 500)}`);
        for (const header of SECURITY) assert.ok(response.headers[header], `${where} lacks ${header}`);
        if (response.statusCode >= 400 && String(response.headers['content-type']).startsWith('application/json')) {
          // Open311 answers in its specification's error shape, every other API in ours
          const shape = path.startsWith('/open311/') ? open311Errors : errorResponse.strict();
          const parsed = shape.safeParse(JSON.parse(response.body));
          assert.ok(parsed.success, `${where}: not the error shape: ${response.body.slice(0, 500)}`);
        }
      }),
      { seed: SEED, numRuns: RUNS_PER_OPERATION, endOnFailure: true },
    );
  }
  assert.ok(sent >= RUNS_PER_OPERATION * operations.length);
});
