// The search over offices and the services of published charters, against the database (PGlite,
// or PostgreSQL with DATABASE_URL): what is found for what was typed, and in which order.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { exportCharter, importCharter } from '../charters/index.ts';
import { openTestDatabase, type TestDatabase } from '../core/db/test-database.ts';
import { MAX_PAGES, RESULTS_PER_PAGE, searchPortal, type SearchOutcome, type SearchResult } from './portal-search.ts';
import { DC_JASHORE, DRAFT_ONLY, importSearchCharters, JAINTIAPUR, JESSORE, sketchCharter, UNO_KALIAKAIR, withoutCode } from './test-support.ts';

let database: TestDatabase;

before(async () => {
  database = await openTestDatabase();
  await importSearchCharters(database.db);
});
after(async () => {
  await database.drop();
});

/** Each result as `office` or `office/code`, in the order shown. */
const addressOf = (result: SearchResult) => (result.kind === 'office' ? result.office.slug : `${result.office.slug}/${result.code}`);

function results(outcome: SearchOutcome): SearchResult[] {
  assert.equal(outcome.kind, 'results');
  return outcome.kind === 'results' ? outcome.results : [];
}

async function found(query: string, page = 1): Promise<string[]> {
  return results(await searchPortal(database.db, query, page)).map(addressOf);
}

const officesIn = (addresses: string[]) => addresses.filter((address) => !address.includes('/'));

test('the upazila spelt জৈন্তাপুর finds the office whose charter prints জেন্টাপুর, first', async () => {
  const addresses = await found('জৈন্তাপুর');
  assert.equal(addresses[0], JAINTIAPUR);
  assert.deepEqual(officesIn(addresses), [JAINTIAPUR]);
});

test('"jaintapur", missing a letter of Jaintiapur, finds the office in Jaintiapur', async () => {
  assert.deepEqual(officesIn(await found('jaintapur')), [JAINTIAPUR]);
});

test('a district found by either English name: Jashore finds offices named Jessore, Jessore those placed in Jashore', async () => {
  for (const query of ['Jashore', 'Jessore', 'JESSORE', 'jashore']) {
    assert.deepEqual(officesIn(await found(query)).sort(), [DC_JASHORE, JESSORE].sort(), query);
  }
  assert.deepEqual(officesIn(await found('যশোর')).sort(), [DC_JASHORE, JESSORE].sort(), 'and by its Bangla name');
});

test('an office in an upazila is found by its district too, and says where it is', async () => {
  const outcome = await searchPortal(database.db, 'Gazipur', 1);
  const [office] = results(outcome);
  assert.equal(office?.kind, 'office');
  assert.equal(office?.office.slug, UNO_KALIAKAIR);
  assert.equal(office?.office.place_bn, 'কালিয়াকৈর, গাজীপুর');
  assert.equal(office?.office.place_en, 'Kaliakair, Gazipur');
});

test('"ডিজিটাল সার্টিফিকেট" finds the service with that in its name first, with its office and place', async () => {
  const outcome = await searchPortal(database.db, 'ডিজিটাল সার্টিফিকেট', 1);
  const [first] = results(outcome);
  assert.ok(first?.kind === 'service');
  assert.equal(first.name_bn, 'ডিজিটাল সার্টিফিকেট প্রদান');
  assert.equal(first.office.slug, DC_JASHORE);
  assert.equal(first.office.place_en, 'Jashore');
  assert.match(first.code, /^s\d+$/);
});

test('a service is found by its English name, whatever the case', async () => {
  for (const query of ['birth registration', 'BIRTH Registration']) {
    const [first] = results(await searchPortal(database.db, query, 1));
    assert.ok(first?.kind === 'service', query);
    assert.equal(first.name_en, 'Birth registration certificate', query);
  }
});

test('a word of many services finds them across offices', async () => {
  const addresses = await found('সনদ');
  const offices = new Set(addresses.map((address) => address.split('/')[0]));
  assert.ok(offices.has(DC_JASHORE) && offices.has(UNO_KALIAKAIR), addresses.join(', '));
});

test('Bangla digits find the same number written in ASCII digits, and the other way round', async () => {
  for (const query of ['ফরম ১০', 'form 10', 'ফরম-10']) {
    const [first] = results(await searchPortal(database.db, query, 1));
    assert.ok(first?.kind === 'service', query);
    assert.equal(first.name_bn, 'ফরম-১০ বিতরণ', query);
  }
});

test('an exact name comes before a name that starts with it, and that before a word inside a name', async () => {
  await importCharter(
    database.db,
    sketchCharter({
      name_bn: 'ক্রমের দপ্তর',
      address_bn: 'কালিয়াকৈর, গাজীপুর',
      website: 'http://order.kaliakair.gazipur.gov.bd/',
      services: [
        ['বৃক্ষরোপণ বিষয়ে পরামর্শ', null],
        ['পরামর্শ বৃক্ষরোপণ', null],
        ['বৃক্ষরোপণ', null],
      ],
    }),
    { officeSlug: 'ordering-office', publish: true },
  );
  const names = results(await searchPortal(database.db, 'বৃক্ষরোপণ', 1)).map((result) => (result.kind === 'service' ? result.name_bn : result.office.slug));
  assert.deepEqual(names, ['বৃক্ষরোপণ', 'বৃক্ষরোপণ বিষয়ে পরামর্শ', 'পরামর্শ বৃক্ষরোপণ']);
});

test('nothing of a charter that was never published is found', async () => {
  assert.deepEqual(await found('গোপন খসড়া সেবা'), []);
  assert.deepEqual(await found('Unpublished draft service'), []);
  assert.ok(!(await found('খসড়া দপ্তর')).includes(DRAFT_ONLY));
});

test('a service added in a draft is found once the draft is published, and one dropped is no longer found', async () => {
  const doc = await exportCharter(database.db, UNO_KALIAKAIR);
  const [dropped, ...kept] = doc.services;
  assert.ok(dropped);
  const next = { ...doc, services: [...kept, { ...withoutCode(dropped), serial: 9, name_bn: 'বয়স্ক ভাতা আবেদন গ্রহণ', name_en: 'Old age allowance' }] };
  await importCharter(database.db, next, { officeSlug: UNO_KALIAKAIR });
  assert.deepEqual(await found('বয়স্ক ভাতা'), [], 'not while it is a draft');
  assert.ok((await found('নাগরিকত্ব সনদ')).length > 0, 'the published version is still the one searched');
  await importCharter(database.db, next, { officeSlug: UNO_KALIAKAIR, publish: true });
  const now = await found('বয়স্ক ভাতা');
  assert.equal(now.length, 1);
  assert.ok(now[0]?.startsWith(`${UNO_KALIAKAIR}/s`), now[0]);
  assert.deepEqual(await found('নাগরিকত্ব সনদ প্রদান'), [], 'the service the new version dropped');
});

test('SQL and LIKE characters are only text: they match nothing and break nothing', async () => {
  for (const query of ["'; drop table offices; --", '%', '_%_', "' or 1=1 --", '\\']) {
    const outcome = await searchPortal(database.db, query, 1);
    assert.ok(outcome.kind === 'too_short' || (outcome.kind === 'results' && outcome.total === 0), `${query}: ${outcome.kind}`);
  }
  assert.ok((await found('ICT')).length > 0, 'the tables are still there');
});

test('an empty search asks for nothing; one letter is too short; over 200 characters is too long', async () => {
  assert.equal((await searchPortal(database.db, '', 1)).kind, 'empty');
  assert.equal((await searchPortal(database.db, 'ক', 1)).kind, 'too_short');
  assert.equal((await searchPortal(database.db, '...', 1)).kind, 'too_short');
  assert.equal((await searchPortal(database.db, 'ক'.repeat(201), 1)).kind, 'too_long');
  assert.equal((await searchPortal(database.db, 'ক'.repeat(200), 1)).kind, 'results');
});

test('pages follow one another without repeating a result, and past the last page there is nothing', async () => {
  const services = Array.from({ length: RESULTS_PER_PAGE + 5 }, (_, n): [string, string | null] => [`পরীক্ষামূলক সেবা ${n + 1}`, `Trial service ${n + 1}`]);
  await importCharter(
    database.db,
    sketchCharter({ name_bn: 'পরীক্ষার দপ্তর', address_bn: 'কালিয়াকৈর, গাজীপুর', website: 'http://trial.kaliakair.gazipur.gov.bd/', services }),
    { officeSlug: 'trial-office', publish: true },
  );
  const first = await searchPortal(database.db, 'trial service', 1);
  const second = await searchPortal(database.db, 'trial service', 2);
  assert.ok(first.kind === 'results' && second.kind === 'results');
  assert.equal(first.total, RESULTS_PER_PAGE + 5);
  assert.equal(first.pages, 2);
  assert.equal(first.results.length, RESULTS_PER_PAGE);
  assert.equal(second.results.length, 5);
  const all = [...first.results, ...second.results].map(addressOf);
  assert.equal(new Set(all).size, all.length, 'no result on both pages');
  assert.deepEqual(results(await searchPortal(database.db, 'trial service', 3)), []);
  assert.deepEqual(results(await searchPortal(database.db, 'trial service', MAX_PAGES + 1)), []);
});
