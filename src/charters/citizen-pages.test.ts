// The public charter and service pages as a citizen on a phone reads them: services first,
// English in English, no staff marks, and what to do if the promise is broken.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.ts';
import { cliActor } from '../core/actor.ts';
import { openTestDatabase, type TestDatabase } from '../core/db/test-database.ts';
import { setOfficeHours } from '../calendar/index.ts';
import { findOfficeBySlug } from '../offices/index.ts';
import { exportCharter, importCharter, seedCharters, type CharterDocument } from './index.ts';
import { noTimeLimit } from './model.ts';

const JAINTIAPUR = 'doict-jaintiapur-sylhet';
const JESSORE = 'doict-sadar-jessore';
const WITH_LADDER = 'office-with-its-own-ladder';

let database: TestDatabase;
let app: FastifyInstance;

function charterWithLadder(): CharterDocument {
  return {
    format: 'protishruti.charter/v1',
    office: { name_bn: 'উপজেলা ভূমি অফিস, নমুনা', name_en: null, parent_bn: null, address_bn: 'নমুনা, সিলেট', website: null },
    vision_bn: null,
    mission_bn: null,
    services: [
      {
        category: 'citizen', serial: 1, name_bn: 'নামজারি', name_en: null, delivery_methods: ['সরাসরি'], documents_bn: 'আবেদনপত্র',
        fee: { text: '১১৫০ টাকা', free: false, amount_bdt: 1150, schedule: [] }, time_limit: { ...noTimeLimit('২৮ কার্যদিবস'), min: 28, max: 28, unit: 'working_day' },
        officer: null, remedy_bn: null, source_line: null,
      },
    ],
    grs_contacts: [
      { level: 1, role_bn: 'দায়িত্বপ্রাপ্ত কর্মকর্তা সমাধান দিতে ব্যর্থ হলে অনিক', contact_bn: 'সহকারী কমিশনার (ভূমি), ফোন ০৮২১-০০০০০০', time_limit: { ...noTimeLimit('১৫ কার্যদিবস'), min: 15, max: 15, unit: 'working_day' } },
    ],
    expectations_bn: [],
    warnings: [],
  };
}

before(async () => {
  database = await openTestDatabase();
  await seedCharters(database.db);
  await importCharter(database.db, charterWithLadder(), { officeSlug: WITH_LADDER, publish: true });
  app = await buildApp({ db: database.db });
});
after(async () => {
  await app.close();
  await database.drop();
});

async function page(url: string): Promise<string> {
  const response = await app.inject({ method: 'GET', url });
  assert.equal(response.statusCode, 200, url);
  return response.body;
}

/** The part of a page from one marker up to the next. */
function between(body: string, from: string, to: string): string {
  const start = body.indexOf(from);
  assert.ok(start >= 0, `${from} is on the page`);
  const end = body.indexOf(to, start + from.length);
  return body.slice(start, end === -1 ? undefined : end);
}

test('the services at a glance, each with its fee and time limit, come before the vision and mission, in both languages', async () => {
  const doc = await exportCharter(database.db, JAINTIAPUR);
  const first = doc.services[0];
  assert.ok(first?.fee.text && first.time_limit.text);
  for (const lang of ['bn', 'en']) {
    const body = await page(`/offices/${JAINTIAPUR}?lang=${lang}`);
    assert.ok(body.indexOf('id="summary"') < body.indexOf('id="vision"'), `${lang}: services before the vision`);
    assert.ok(body.indexOf('id="summary"') < body.indexOf('id="services"'), `${lang}: the short list before the details`);
    const firstItem = between(body, '<ul class="service-summary">', '</li>');
    assert.ok(firstItem.includes('/services/s1"'), `${lang}: the first service leads the list`);
    if (lang === 'bn') assert.ok(firstItem.includes(first.fee.text) && firstItem.includes(first.time_limit.text));
    else assert.ok(firstItem.includes('Free') && firstItem.includes('3 working days'));
  }
});

test('English pages say "Free" and "3 working days" where the fee is free, never the Bangla fee words alone', async () => {
  const summary = between(await page(`/offices/${JESSORE}?lang=en`), 'id="summary"', '</section>');
  assert.ok(!summary.includes('বিনামূল্যে'), 'no বিনামূল্যে in the English list');
  assert.ok(summary.includes('<dd>Free</dd>'));
  assert.ok(summary.includes('Immediately, or at most 3 working days'));
  const service = await page(`/offices/${JESSORE}/services/s1?lang=en`);
  assert.ok(between(service, '<dt>Fee and how to pay</dt>', '</div>').includes('<dd>Free</dd>'));
  assert.ok(between(service, '<dt>Time limit</dt>', '</div>').includes('3 working days'));
});

test('the importer\'s "(inferred)" marks stay with staff: no public page shows them', async () => {
  const doc = await exportCharter(database.db, JAINTIAPUR);
  const inferred = doc.services.find((service) => service.officer?.inferred);
  assert.ok(inferred?.code, 'the seed has a service whose officer was inferred');
  const service = `/offices/${JAINTIAPUR}/services/${inferred.code}`;
  for (const url of [`/offices/${JAINTIAPUR}`, `/offices/${JAINTIAPUR}?lang=en`, service, `${service}?lang=en`]) {
    const body = await page(url);
    assert.ok(!body.includes('(অনুমিত)') && !body.includes('(inferred)'), url);
  }
});

test('the officer responsible for every service is named once, above the list, not in every card', async () => {
  const body = await page(`/offices/${JAINTIAPUR}`);
  assert.equal(body.split('মোঃ ওয়াহিদুল ইসলাম').length - 1, 1);
  assert.ok(body.indexOf('মোঃ ওয়াহিদুল ইসলাম') < body.indexOf('id="summary"'));
  assert.ok(!body.includes('<td class="officer"'));
});

test('a charter without a GRS table shows the national ladder, the portal, 333 and the RTI officer, on charter and service pages', async () => {
  for (const url of [`/offices/${JAINTIAPUR}`, `/offices/${JAINTIAPUR}/services/s1`]) {
    const ladder = between(await page(url), '<section id="grs"', '</section>');
    assert.ok(ladder.includes('প্রতিশ্রুত সেবা না পেলে'), url);
    assert.ok(ladder.includes('অভিযোগ নিষ্পত্তি কর্মকর্তা (অনিক)') && ladder.includes('আপিল কর্মকর্তা'), `${url}: অনিক, then the appellate officer`);
    assert.ok(ladder.includes('সর্বোচ্চ ৩০ কার্যদিবস') && ladder.includes('সর্বোচ্চ ২০ কার্যদিবস'));
    assert.ok(ladder.includes('href="https://www.grs.gov.bd/"') && ladder.includes('href="tel:333"'));
    assert.ok(ladder.includes('তথ্য অধিকার আইন') && ladder.includes('২০ কার্যদিবস'));
  }
  const english = between(await page(`/offices/${JAINTIAPUR}?lang=en`), '<section id="grs"', '</section>');
  assert.ok(english.includes('If the promise is broken') && english.includes('Grievance redress officer') && english.includes('At most 30 working days'));
});

test('a charter with its own GRS table is followed as written, with the national portal still offered', async () => {
  const ladder = between(await page(`/offices/${WITH_LADDER}`), '<section id="grs"', '</section>');
  assert.ok(ladder.includes('সহকারী কমিশনার (ভূমি), ফোন ০৮২১-০০০০০০'));
  assert.ok(ladder.includes('১৫ কার্যদিবস'));
  assert.ok(!ladder.includes('সর্বোচ্চ ৩০ কার্যদিবস'), 'not the national limit');
  assert.ok(ladder.includes('href="https://www.grs.gov.bd/"'));
});

test('the office\'s address and hours are at the top, and new office hours show at once', async () => {
  const header = between(await page(`/offices/${JESSORE}`), '<header class="charter-header">', '</header>');
  assert.ok(header.includes('যশোর সদর, যশোর'));
  assert.ok(header.includes('রবিবার থেকে বৃহস্পতিবার, ০৯:০০–১৭:০০'));
  const office = await findOfficeBySlug(database.db, JESSORE);
  assert.ok(office);
  await setOfficeHours(database.db, cliActor(), office.id, { weekly_holidays: [5], opening: '10:00', closing: '16:00' });
  const changed = between(await page(`/offices/${JESSORE}?lang=en`), '<header class="charter-header">', '</header>');
  assert.ok(changed.includes('Saturday to Thursday, 10:00–16:00'), 'the page follows the calendar');
});

test('the English page names the parent department in English', async () => {
  const header = between(await page(`/offices/${JESSORE}?lang=en`), '<header class="charter-header">', '</header>');
  assert.ok(header.includes('<p class="parent">Department of Information and Communication Technology</p>'));
  assert.ok(!header.includes('তথ্য ও যোগাযোগ প্রযুক্তি অধিদপ্তর'));
});
