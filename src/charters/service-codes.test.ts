// A service keeps its code, and so its address, when the office republishes its charter.
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { buildApp } from '../app.ts';
import { openDatabase } from '../core/db/connection.ts';
import { migrate, MIGRATIONS_DIR } from '../core/db/migrate.ts';
import { openTestDatabase, type TestDatabase } from '../core/db/test-database.ts';
import { DATA_ROOT } from '../core/paths.ts';
import { escapeHtml } from '../http/html.ts';
import {
  ChartersError,
  exportCharter,
  findServiceByCode,
  importCharter,
  readCharter,
  seedCharters,
  type CharterDocument,
  type ImportResult,
  type Service,
} from './index.ts';

const JAINTIAPUR = 'doict-jaintiapur-sylhet';
const JESSORE = 'doict-sadar-jessore';
const PROJECTS = 'আইসিটি প্রকল্পের তথ্য প্রদান';
const PROJECTS_RENAMED = 'আইসিটি প্রকল্প সংক্রান্ত তথ্য প্রদান';
const WEB_PORTAL = 'উপজেলা ওয়েব পোর্টালে তথ্য প্রকাশ সংক্রান্ত';
const NEW_SERVICE = 'ডিজিটাল সেন্টারের উদ্যোক্তাদের প্রশিক্ষণ';

let database: TestDatabase;
let app: FastifyInstance;
/** Jaintiapur's first charter as exported (with codes), and the row ids its pages used to link to */
let first: CharterDocument;
let firstRowIds: Map<string, number>;
let republished: ImportResult;

const seed = (file: string) => readCharter(readFileSync(path.join(DATA_ROOT, 'charters', file)));
const codeOf = (doc: CharterDocument, name: string) => doc.services.find((s) => s.name_bn === name)?.code;

async function rowIds(slug: string, versionNo: number): Promise<Map<string, number>> {
  const rows = await database.db
    .selectFrom('charter_services as s')
    .innerJoin('charter_versions as v', 'v.id', 's.charter_version_id')
    .innerJoin('offices as o', 'o.id', 'v.office_id')
    .select(['s.id', 's.code'])
    .where('o.slug', '=', slug)
    .where('v.version_no', '=', versionNo)
    .execute();
  return new Map(rows.map((row) => [row.code, row.id]));
}

/** The seed charter as the office might reissue it: one service renamed, one dropped, one added, the rows reordered. */
function reissued(): CharterDocument {
  const doc = seed('jaintiapur.txt');
  const rename = (s: Service): Service => (s.name_bn === PROJECTS ? { ...s, name_bn: PROJECTS_RENAMED } : s);
  const citizen = doc.services.filter((s) => s.category === 'citizen').map(rename);
  const added: Service = { ...(citizen[0] as Service), serial: citizen.length + 1, name_bn: NEW_SERVICE, source_line: null };
  const institutional = doc.services
    .filter((s) => s.category === 'institutional' && s.name_bn !== WEB_PORTAL)
    .reverse()
    .map((s, i) => ({ ...s, serial: i + 1 }));
  const multiOffice = doc.services.filter((s) => s.category === 'multi_office');
  return { ...doc, services: [...multiOffice, ...citizen, added, ...institutional] };
}

before(async () => {
  database = await openTestDatabase();
  await seedCharters(database.db);
  first = await exportCharter(database.db, JAINTIAPUR);
  firstRowIds = await rowIds(JAINTIAPUR, 1);
  republished = await importCharter(database.db, reissued(), { officeSlug: JAINTIAPUR, publish: true });
  app = await buildApp({ db: database.db });
});
after(async () => {
  await app.close();
  await database.drop();
});

const get = (url: string) => app.inject({ method: 'GET', url });

test("an office's first charter numbers its services s1, s2, … in charter order", () => {
  assert.deepEqual(
    first.services.map((s) => s.code),
    first.services.map((_, i) => `s${i + 1}`),
  );
});

test('republishing keeps the code and the address of every service still offered', async () => {
  const current = await exportCharter(database.db, JAINTIAPUR);
  assert.equal(current.services.length, first.services.length);
  for (const before of first.services) {
    if (before.name_bn === WEB_PORTAL) continue;
    const name = before.name_bn === PROJECTS ? PROJECTS_RENAMED : before.name_bn;
    const after = current.services.find((s) => s.name_bn === name);
    assert.equal(after?.code, before.code, `${name} keeps ${before.code}`);
    const page = await get(`/offices/${JAINTIAPUR}/services/${before.code}`);
    assert.equal(page.statusCode, 200, `${before.code} still answers`);
    assert.ok(page.body.includes(escapeHtml(name ?? '')), `${before.code} shows ${name}`);
  }
});

test('the charter page links each service by its code', async () => {
  const body = (await get(`/offices/${JAINTIAPUR}`)).body;
  const current = await exportCharter(database.db, JAINTIAPUR);
  for (const service of current.services) assert.ok(body.includes(`href="/offices/${JAINTIAPUR}/services/${service.code}"`), service.code);
  assert.doesNotMatch(body, /\/services\/\d/);
});

test('a service added by the new version gets the next code, and the import says what changed', async () => {
  const current = await exportCharter(database.db, JAINTIAPUR);
  assert.equal(codeOf(current, NEW_SERVICE), `s${first.services.length + 1}`);
  const warnings = (code: string) => republished.identityWarnings.filter((w) => w.code === code);
  const [added, ...moreAdded] = warnings('service_added');
  assert.deepEqual(moreAdded, []);
  assert.match(added?.message ?? '', new RegExp(`${NEW_SERVICE}.*code s${first.services.length + 1}`));
  const [retired, ...moreRetired] = warnings('service_retired');
  assert.deepEqual(moreRetired, []);
  assert.match(retired?.message ?? '', new RegExp(`\\(${codeOf(first, WEB_PORTAL)}\\)`));
  assert.ok(warnings('service_matched').some((w) => w.message.includes(PROJECTS_RENAMED) && w.message.includes('renamed')));
  // the reversed institutional services moved; the unchanged multi-office ones are not mentioned
  assert.ok(warnings('service_matched').some((w) => /was institutional 1\b/.test(w.message)));
  assert.ok(!republished.identityWarnings.some((w) => w.message.includes('multi_office')));
  const stored = await exportCharter(database.db, JAINTIAPUR);
  assert.deepEqual(stored.warnings, reissued().warnings, "the document's own warnings are stored unchanged");
});

test('a retired service is a 404, and its code is never given to another service', async () => {
  const retired = codeOf(first, WEB_PORTAL);
  assert.ok(retired);
  const response = await get(`/offices/${JAINTIAPUR}/services/${retired}`);
  assert.equal(response.statusCode, 404);
  assert.ok(response.body.includes('এমন কোনো সেবা নেই'));

  // the next version adds the retired service's name back and one more new service: fresh codes both
  const doc = await exportCharter(database.db, JAINTIAPUR);
  const [template] = doc.services;
  assert.ok(template);
  const uncoded: Service = { ...template };
  delete uncoded.code;
  const extra = (name: string, serial: number): Service => ({ ...uncoded, category: 'internal', serial, name_bn: name });
  const third = { ...doc, services: [...doc.services, extra(WEB_PORTAL, 1), extra('নতুন অভ্যন্তরীণ সেবা', 2)] };
  const result = await importCharter(database.db, third, { officeSlug: JAINTIAPUR });
  const draft = await exportCharter(database.db, JAINTIAPUR, result.versionNo);
  const everUsed = first.services.length + 1;
  assert.deepEqual(draft.services.slice(-2).map((s) => s.code), [`s${everUsed + 1}`, `s${everUsed + 2}`]);
  assert.ok(!draft.services.some((s) => s.code === retired));
});

test('an old numeric service address redirects permanently to the code, keeping the query', async () => {
  for (const [code, id] of firstRowIds) {
    const response = await get(`/offices/${JAINTIAPUR}/services/${id}?lang=en`);
    assert.equal(response.statusCode, 301, `row ${id}`);
    assert.equal(response.headers.location, `/offices/${JAINTIAPUR}/services/${code}?lang=en`);
  }
  const [code, id] = [...firstRowIds][0] ?? [];
  assert.equal((await get(`/offices/${JAINTIAPUR}/services/${id}`)).headers.location, `/offices/${JAINTIAPUR}/services/${code}`);
  // a row of the current version redirects too
  for (const [code, id] of await rowIds(JAINTIAPUR, 2)) {
    assert.equal((await get(`/offices/${JAINTIAPUR}/services/${id}`)).headers.location, `/offices/${JAINTIAPUR}/services/${code}`);
  }
});

test("another office's service row is a 404 here, never a redirect across offices", async () => {
  const [jessoreRow] = (await rowIds(JESSORE, 1)).values();
  assert.ok(jessoreRow);
  const response = await get(`/offices/${JAINTIAPUR}/services/${jessoreRow}`);
  assert.equal(response.statusCode, 404);
  assert.equal(response.headers.location, undefined);
  assert.equal((await get(`/offices/${JESSORE}/services/${jessoreRow}`)).statusCode, 301);
});

test('codes that are not in the published charter, and things that are not codes, are 404s', async () => {
  for (const code of ['s999', 's0', 'S1', 's01', 'x1', '0', '2147483648', 's1;drop']) {
    const response = await get(`/offices/${JAINTIAPUR}/services/${encodeURIComponent(code)}`);
    assert.equal(response.statusCode, 404, code);
  }
  assert.equal((await get('/offices/no-such-office/services/s1')).statusCode, 404);
  assert.equal((await get('/offices/no-such-office/services/1')).statusCode, 404);
});

test('export, edit and import keep every identity the document gives, even for a renamed service', async () => {
  const doc = await exportCharter(database.db, JAINTIAPUR);
  const [firstService] = doc.services;
  assert.ok(firstService?.code);
  const edited = {
    ...doc,
    services: doc.services.map((s, i) => (i === 0 ? { ...s, name_bn: 'সম্পূর্ণ নতুন নামের সেবা' } : s)),
  };
  const result = await importCharter(database.db, readCharter(Buffer.from(JSON.stringify(edited))), { officeSlug: JAINTIAPUR });
  assert.deepEqual(await exportCharter(database.db, JAINTIAPUR, result.versionNo), edited);
});

test('an office moved to another server keeps its codes', async () => {
  const doc = await exportCharter(database.db, JAINTIAPUR);
  const moved = await importCharter(database.db, doc, { officeSlug: 'moved-office', publish: true });
  assert.deepEqual(moved.identityWarnings, []);
  assert.deepEqual(await exportCharter(database.db, 'moved-office'), doc);
  const code = codeOf(doc, NEW_SERVICE);
  assert.equal((await get(`/offices/moved-office/services/${code}`)).statusCode, 200);
});

test('a document that gives two services the same code is refused and nothing is written', async () => {
  const doc = await exportCharter(database.db, JESSORE);
  const [a, b] = doc.services;
  assert.ok(a && b);
  const twice = { ...doc, services: [a, { ...b, code: a.code }, ...doc.services.slice(2)] };
  const isDuplicate = (e: unknown) => e instanceof ChartersError && e.code === 'duplicate_service_code' && /s1 is given to/.test(e.detail ?? '');
  assert.throws(() => readCharter(Buffer.from(JSON.stringify(twice))), isDuplicate);
  await assert.rejects(importCharter(database.db, twice, { officeSlug: 'twice-coded' }), isDuplicate);
  const office = await database.db.selectFrom('offices').select('id').where('slug', '=', 'twice-coded').executeTakeFirst();
  assert.equal(office, undefined);
});

test('other features find a service by office and code, in the published or a given version', async () => {
  const office = await database.db.selectFrom('offices').select('id').where('slug', '=', JAINTIAPUR).executeTakeFirstOrThrow();
  const other = await database.db.selectFrom('offices').select('id').where('slug', '=', JESSORE).executeTakeFirstOrThrow();
  const renamedCode = codeOf(first, PROJECTS);
  assert.ok(renamedCode);
  const published = await findServiceByCode(database.db, office.id, renamedCode);
  assert.equal(published?.service.name_bn, PROJECTS_RENAMED);
  assert.equal(published?.service.code, renamedCode);
  assert.equal(published?.versionNo, republished.versionNo);
  assert.equal(published?.versionId, republished.versionId);

  const versionOne = await database.db
    .selectFrom('charter_versions')
    .select('id')
    .where('office_id', '=', office.id)
    .where('version_no', '=', 1)
    .executeTakeFirstOrThrow();
  const retired = codeOf(first, WEB_PORTAL) ?? '';
  assert.equal(await findServiceByCode(database.db, office.id, retired), undefined, 'not in the published charter');
  const inForce = await findServiceByCode(database.db, office.id, retired, { versionId: versionOne.id });
  assert.equal(inForce?.service.name_bn, WEB_PORTAL);
  assert.equal(inForce?.versionNo, 1);
  assert.equal(await findServiceByCode(database.db, other.id, renamedCode, { versionId: versionOne.id }), undefined, "another office's version");
});

test('the database refuses a malformed code and a code twice in one version', async () => {
  const version = await database.db.selectFrom('charter_versions').select('id').where('version_no', '=', 1).executeTakeFirstOrThrow();
  const insert = (code: string, position: number) =>
    sql`insert into charter_services (charter_version_id, position, category, serial, code)
        values (${version.id}, ${position}, 'citizen', 1, ${code})`.execute(database.db);
  await assert.rejects(insert('S1', 1000), /charter_services_code_format/);
  await assert.rejects(insert('12', 1001), /charter_services_code_format/);
  await assert.rejects(insert('s1', 1002), /charter_services_version_code_key/);
});

test('the migration gives services already stored codes per office, in order of first appearance', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'protishruti-migrations-'));
  const { db, close } = await openDatabase({});
  try {
    for (const file of ['0001_initial.sql', '0002_calendar.sql']) copyFileSync(path.join(MIGRATIONS_DIR, file), path.join(dir, file));
    await migrate(db, dir);
    await sql`
      insert into offices (slug, name_bn) values ('a', 'ক'), ('b', 'খ');
      insert into charter_versions (office_id, version_no, status, published_at) values
        (1, 2, 'published', now()), (1, 1, 'archived', now()), (2, 1, 'draft', null);
      insert into charter_services (charter_version_id, position, category, serial, name_bn) values
        (1, 1, 'citizen', 2, 'দুই'), (1, 0, 'citizen', 1, 'এক'), (2, 0, 'citizen', 1, 'এক'), (3, 0, 'citizen', 1, 'এক');
    `.execute(db);
    copyFileSync(path.join(MIGRATIONS_DIR, '0003_service_codes.sql'), path.join(dir, '0003_service_codes.sql'));
    assert.deepEqual(await migrate(db, dir), ['0003_service_codes.sql']);
    const rows = await db
      .selectFrom('charter_services as s')
      .innerJoin('charter_versions as v', 'v.id', 's.charter_version_id')
      .select(['v.office_id', 'v.version_no', 's.position', 's.code'])
      .orderBy('v.office_id')
      .orderBy('v.version_no')
      .orderBy('s.position')
      .execute();
    assert.deepEqual(rows, [
      { office_id: 1, version_no: 1, position: 0, code: 's1' },
      { office_id: 1, version_no: 2, position: 0, code: 's2' },
      { office_id: 1, version_no: 2, position: 1, code: 's3' },
      { office_id: 2, version_no: 1, position: 0, code: 's1' },
    ]);
  } finally {
    await close();
    rmSync(dir, { recursive: true, force: true });
  }
});
