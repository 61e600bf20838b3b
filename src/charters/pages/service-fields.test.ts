import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { GrsLadder } from '../grs-ladder.ts';
import { buildGrsLadder } from '../grs-ladder.ts';
import { noTimeLimit, type Officer } from '../model.ts';
import { officerOfEveryService } from './officer-contact.ts';
import type { PublishedService } from './service-cells.ts';
import { CITIZEN_FIELD_ORDER } from './service-fields.ts';
import { renderServicePage } from './service-page.ts';
import { renderServiceTable, serviceTableColumns } from './service-table.ts';

const officer: Officer = { name_bn: 'মোঃ ক', designation_bn: 'সহকারী প্রোগ্রামার', phone: null, mobile: '+8801936447955', email: null, inferred: true };

function service(serial: number, fields: Partial<PublishedService> = {}): PublishedService {
  return {
    code: `s${serial}`, category: 'citizen', serial, name_bn: `সেবা ${serial}`, name_en: null,
    delivery_methods: ['সরাসরি'], documents_bn: 'আবেদনপত্র', fee: { text: 'বিনামূল্যে', free: true, amount_bdt: null, schedule: [] },
    time_limit: noTimeLimit('৩ কার্যদিবস'), officer, remedy_bn: null, source_line: null, ...fields,
  };
}
const ladder: GrsLadder = buildGrsLadder({ grs_contacts: [], officers: [] });

test('a citizen\'s questions come in order: documents, fee, time limit, whom to call, then how it is given', () => {
  assert.deepEqual([...CITIZEN_FIELD_ORDER], ['documents', 'fee', 'time', 'officer', 'delivery']);
  const columns = serviceTableColumns({ showRemedy: true }).map((column) => column.className);
  assert.deepEqual(columns, ['serial', 'name', 'documents', 'fee', 'time', 'officer', 'delivery', 'remedy']);
});

test('the service page lists its fields in the citizen\'s order', () => {
  const body = renderServicePage('en', { office: { slug: 'x', name_bn: 'দপ্তর', name_en: 'Office' }, service: service(1), ladder }).body.value;
  const at = (label: string) => body.indexOf(`<dt>${label}</dt>`);
  const order = ['Documents needed and where to get them', 'Fee and how to pay', 'Time limit', 'Responsible officer', 'How the service is given'].map(at);
  assert.ok(order.every((index) => index > 0), 'every field is shown');
  assert.deepEqual(order, [...order].sort((a, b) => a - b));
});

test('the officer responsible for every service is found once, and then left out of each card', () => {
  const services = [service(1), service(2)];
  assert.equal(officerOfEveryService(services)?.name_bn, 'মোঃ ক');
  assert.equal(officerOfEveryService([service(1), service(2, { officer: { ...officer, name_bn: 'মোঃ খ' } })]), null);
  assert.equal(officerOfEveryService([service(1), service(2, { officer: null })]), null);
  const table = renderServiceTable('bn', 'x', services, { showRemedy: false, captionId: 'c', hideOfficer: true }).value;
  assert.ok(!table.includes('class="officer"'));
});

test('a public page never shows the importer\'s "(inferred)" mark', () => {
  for (const lang of ['bn', 'en'] as const) {
    const body = renderServicePage(lang, { office: { slug: 'x', name_bn: 'দপ্তর', name_en: null }, service: service(1), ladder }).body.value;
    assert.ok(!body.includes('(অনুমিত)') && !body.includes('(inferred)'), lang);
    const table = renderServiceTable(lang, 'x', [service(1)], { showRemedy: false, captionId: 'c' }).value;
    assert.ok(!table.includes('(অনুমিত)') && !table.includes('(inferred)'), lang);
  }
});
