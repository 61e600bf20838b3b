// A charter of any size either imports whole or is refused before anything is written.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openTestDatabase, type TestDatabase } from '../core/db/test-database.ts';
import { ChartersError } from './errors.ts';
import { CHARTER_LIMITS, exportCharter, importCharter, readCharter, type CharterDocument, type Service } from './index.ts';

let database: TestDatabase;

before(async () => {
  database = await openTestDatabase();
});
after(() => database.drop());

function generatedService(i: number): Service {
  return {
    category: 'citizen',
    serial: i + 1,
    name_bn: `সেবা নম্বর ${i + 1}`,
    name_en: `Service number ${i + 1}`,
    delivery_methods: ['সরাসরি', 'অনলাইন'],
    documents_bn: 'আবেদনপত্র',
    fee: { text: 'বিনামূল্যে', free: true, amount_bdt: null, schedule: [] },
    time_limit: { text: '৩ কার্যদিবস', immediate: false, min: 3, max: 3, unit: 'working_day', conditional: false, on_demand: false },
    // a few officers, so the officers' table is written too
    officer: {
      name_bn: `কর্মকর্তা ${i % 7}`,
      designation_bn: 'সহকারী প্রোগ্রামার',
      phone: null,
      mobile: `+88017000000${String(i % 7).padStart(2, '0')}`,
      email: null,
      inferred: false,
    },
    remedy_bn: null,
    source_line: i + 10,
  };
}

/** A charter with `count` services, and GRS contacts and expectations enough to need chunks of their own. */
function generatedCharter(count: number, extras = 0): CharterDocument {
  const limit = { text: '১০ কার্যদিবস', immediate: false, min: 10, max: 10, unit: 'working_day' as const, conditional: false, on_demand: false };
  return {
    format: 'protishruti.charter/v1',
    office: { name_bn: 'বড় অফিস', name_en: 'A big office', parent_bn: null, address_bn: null, website: null },
    vision_bn: null,
    mission_bn: null,
    services: Array.from({ length: count }, (_, i) => generatedService(i)),
    grs_contacts: Array.from({ length: extras }, (_, i) => ({ level: i + 1, role_bn: `স্তর ${i + 1}`, contact_bn: null, time_limit: limit })),
    expectations_bn: Array.from({ length: extras }, (_, i) => `প্রত্যাশা ${i + 1}`),
    warnings: [],
  };
}

async function rowCounts() {
  const count = async (table: 'charter_versions' | 'charter_services' | 'charter_officers' | 'offices') =>
    Number((await database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return { versions: await count('charter_versions'), services: await count('charter_services'), offices: await count('offices') };
}

test(`a charter of ${CHARTER_LIMITS.services} services, the most allowed, imports and exports back whole`, async () => {
  const doc = generatedCharter(CHARTER_LIMITS.services, CHARTER_LIMITS.grsContacts);
  const result = await importCharter(database.db, doc, { officeSlug: 'big-office', publish: true });
  const exported = await exportCharter(database.db, result.officeSlug);
  assert.equal(exported.services.length, 500);
  assert.deepEqual(exported, { ...doc, services: doc.services.map((service, i) => ({ ...service, code: `s${i + 1}` })) });
  // and as a file: the export read back is the same document
  assert.deepEqual(readCharter(Buffer.from(JSON.stringify(exported))), exported);
});

test(`a charter of more than ${CHARTER_LIMITS.services} services is refused before anything is written`, async () => {
  const before = await rowCounts();
  const doc = generatedCharter(CHARTER_LIMITS.services + 1);
  await assert.rejects(
    importCharter(database.db, doc, { officeSlug: 'too-big-office', publish: true }),
    (error) => error instanceof ChartersError && error.code === 'too_many_services' && /^501 services, at most 500$/.test(error.detail ?? ''),
  );
  assert.deepEqual(await rowCounts(), before);
  // reading such a file refuses it as well, so a dry run says so too
  assert.throws(() => readCharter(Buffer.from(JSON.stringify(doc))), (error) => error instanceof ChartersError && error.code === 'too_many_services');
});

test('so many GRS contacts or expectations are refused as well', async () => {
  const doc = generatedCharter(1, CHARTER_LIMITS.grsContacts + 1);
  await assert.rejects(importCharter(database.db, doc, { officeSlug: 'too-many-grs' }), (error) => error instanceof ChartersError && error.code === 'charter_too_long');
});

test('a file over the size limit is refused without being parsed', () => {
  const bytes = Buffer.alloc(CHARTER_LIMITS.bytes + 1, 0x20);
  assert.throws(() => readCharter(bytes), (error) => error instanceof ChartersError && error.code === 'input_too_large');
});
