// Regressions for what a holdout of unseen charters found wrong, each on a charter written for
// the purpose (fixtures/holdout-fix-*.txt): the shape of paste or wording, not the holdout's text.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readFixture, servicesOf } from './test-support.ts';

test('a Word table with line breaks typed inside its cells is read row by row, header and officer cells included', () => {
  const doc = readFixture('holdout-fix-word-line-breaks.txt');
  assert.deepEqual(servicesOf(doc), [
    'citizen 1 যুবদের কম্পিউটার প্রশিক্ষণে ভর্তি | 500 | 10 working_day | সহকারী যুব উন্নয়ন কর্মকর্তা',
    'citizen 2 প্রশিক্ষিত যুবদের আত্মকর্মসংস্থান ঋণ প্রদান | free | 30 working_day | উপজেলা যুব উন্নয়ন কর্মকর্তা',
    'citizen 3 যুব সংগঠন নিবন্ধন | 200 | 60 working_day | উপজেলা যুব উন্নয়ন কর্মকর্তা',
    'internal 1 প্রশিক্ষকদের সম্মানী বিল পরিশোধ | free | 7 working_day | উপজেলা যুব উন্নয়ন কর্মকর্তা',
  ]);
  assert.equal(doc.services[0]?.officer?.name_bn, 'মোঃ সাইফুল ইসলাম');
  assert.equal(doc.services[0]?.officer?.mobile, '+8801718660214');
  assert.equal(doc.services[0]?.documents_bn, 'শিক্ষাগত সনদের কপি ২ কপি ছবি');
  assert.equal(doc.services[1]?.officer?.name_bn, 'নাসরিন সুলতানা');
  assert.deepEqual(
    doc.grs_contacts.map((step) => [step.level, step.role_bn, step.contact_bn]),
    [
      [1, 'অভিযোগ নিষ্পত্তি কর্মকর্তা (অনিক)', 'উপপরিচালক, যুব উন্নয়ন অধিদপ্তর, মৌলভীবাজার'],
      [2, 'আপিল কর্মকর্তা', 'পরিচালক (প্রশাসন), যুব উন্নয়ন অধিদপ্তর, ঢাকা'],
    ],
  );
  assert.equal(doc.expectations_bn.length, 2);
  assert.deepEqual(doc.warnings.filter((warning) => warning.code === 'unplaced_line'), []);
});

test('one cell per line: a duration broken before its unit is one time limit, and a page number between cells is dropped', () => {
  const doc = readFixture('holdout-fix-cell-per-line-breaks.txt');
  assert.deepEqual(servicesOf(doc), [
    'citizen 1 ভিজিডি কার্ডধারীদের খাদ্য সহায়তা প্রদান | free | 30 calendar_day | ভিজিডি মাঠকর্মী',
    'citizen 2 মাতৃত্বকালীন ভাতার আবেদন যাচাই | free | 15 working_day | ইউনিয়ন মহিলা উন্নয়ন সংগঠক',
    'citizen 3 ডে-কেয়ার সেন্টারে শিশু ভর্তি | 200 | 7 working_day | সহকারী শিক্ষিকা (ডে-কেয়ার সেন্টার)',
  ]);
  assert.ok(doc.services.every((service) => !/পৃষ্ঠা/.test(JSON.stringify(service))), 'no page number inside a service');
  assert.deepEqual(doc.warnings.filter((warning) => warning.code === 'cells_placed_by_content'), []);
});

test('a GRS table pasted one cell per line keeps every step, though a cell names the অনিক, and ends at "আমাদের প্রত্যাশা"', () => {
  const doc = readFixture('holdout-fix-cell-per-line-breaks.txt');
  assert.deepEqual(
    doc.grs_contacts.map((step) => [step.level, step.role_bn, step.contact_bn, step.time_limit.max]),
    [
      [1, 'অভিযোগ নিষ্পত্তি কর্মকর্তা (অনিক)', 'উপজেলা মহিলা বিষয়ক কর্মকর্তা, জুড়ী', 30],
      [2, 'আপিল কর্মকর্তা', 'উপপরিচালক, জেলা মহিলা বিষয়ক কার্যালয়, মৌলভীবাজার', 20],
    ],
  );
  assert.deepEqual(doc.expectations_bn, ['সঠিক তথ্য দিয়ে আবেদন করুন।', 'কার্ড হারালে দ্রুত জানান।']);
});

test('an English header: a street named after a hospital is the address, an acronym stays in the authority, and posts of unknown rank are kept', () => {
  const doc = readFixture('holdout-fix-english-header.txt');
  assert.equal(doc.office.name_en, 'Head Post Office, Moulvibazar');
  assert.equal(doc.office.parent_bn, 'Directorate of Posts (DoP)');
  assert.deepEqual(
    doc.services.map((service) => service.officer?.designation_bn),
    ['Postal Operator', 'Head Postmaster', 'Counsellor, Customer Care Desk'],
  );
  assert.deepEqual(
    doc.services.map((service) => service.officer?.name_bn ?? null),
    [null, null, null],
  );
});
