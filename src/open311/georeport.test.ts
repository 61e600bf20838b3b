// The mapping from our charters and requests to GeoReport v2 objects, and the list filters, without a database.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ListedRequest } from '../requests/index.ts';
import { Open311Error } from './errors.ts';
import { dhakaDateTime, receiptNotice, serviceEntry, serviceRequestView, type CharterService } from './georeport.ts';
import { commaList, parseStatusFilter, receiptWindow } from './request-filters.ts';

const service: CharterService = {
  code: 's3',
  category: 'citizen',
  serial: 3,
  name_bn: 'জন্ম নিবন্ধন',
  name_en: 'Birth registration',
  delivery_methods: ['সরাসরি', 'অনলাইন'],
  documents_bn: 'জাতীয় পরিচয়পত্রের কপি',
  fee: { text: null, free: true, amount_bdt: null, schedule: [] },
  time_limit: { text: '৭ কার্যদিবস', immediate: false, min: 7, max: 7, unit: 'working_day', conditional: false, on_demand: false },
  officer: null,
  remedy_bn: null,
  source_line: 12,
};

const received = new Date('2026-11-25T04:30:00Z');

function listed(overrides: Partial<ListedRequest> = {}): ListedRequest {
  return {
    id: 1,
    office_id: 1,
    tracking_number: 'DSJ-2026-000001-3',
    year: 2026,
    sequence_no: 1,
    service_code: 's3',
    charter_version_id: 1,
    service_name_bn: 'জন্ম নিবন্ধন',
    service_name_en: null,
    channel: 'api',
    received_at: received,
    citizen_name: 'রহিম উদ্দিন',
    citizen_mobile: '01712345678',
    citizen_email: 'rahim@example.com',
    citizen_address: 'যশোর',
    details: 'দ্রুত প্রয়োজন',
    status: 'submitted',
    due_at: new Date('2026-12-03T11:00:00Z'),
    has_time_limit: true,
    closed_at: null,
    on_time: null,
    rejection_reason: null,
    transferred_from: null,
    transferred_to: null,
    assigned_user_id: null,
    created_by_user_id: null,
    submission_key: null,
    updated_at: received,
    isOpen: true,
    publicNote: null,
    ...overrides,
  } as ListedRequest;
}

const agency = { name_bn: 'উপজেলা আইসিটি অফিস, যশোর সদর', name_en: null };

test('times are ISO 8601 on the Dhaka clock with its +06:00 offset', () => {
  assert.equal(dhakaDateTime(received), '2026-11-25T10:30:00+06:00');
  assert.equal(dhakaDateTime(new Date('2026-12-31T18:00:00Z')), '2027-01-01T00:00:00+06:00');
});

test('a service names itself in Bangla and English, and describes its documents, fee and time limit', () => {
  const entry = serviceEntry(service);
  assert.equal(entry.service_code, 's3');
  assert.equal(entry.service_name, 'জন্ম নিবন্ধন / Birth registration');
  assert.equal(entry.description, 'প্রয়োজনীয় কাগজপত্র / Documents: জাতীয় পরিচয়পত্রের কপি\nফি / Fee: বিনামূল্যে / Free\nসময়সীমা / Time limit: ৭ কার্যদিবস');
  assert.equal(entry.group, 'নাগরিক সেবা / Citizen services');
  assert.equal(entry.keywords, 'সরাসরি, অনলাইন');
  assert.deepEqual([entry.metadata, entry.type], [false, 'realtime']);
});

test('a service without documents or fee text says only what the charter gives', () => {
  const entry = serviceEntry({ ...service, name_en: null, documents_bn: null, fee: { text: '৫০ টাকা', free: false, amount_bdt: 50, schedule: [] } });
  assert.equal(entry.service_name, 'জন্ম নিবন্ধন');
  assert.equal(entry.description, 'ফি / Fee: ৫০ টাকা\nসময়সীমা / Time limit: ৭ কার্যদিবস');
});

test("a request's public view holds its progress and nothing of the citizen", () => {
  const view = serviceRequestView(listed(), agency, { withCitizenData: false });
  assert.deepEqual(view, {
    service_request_id: 'DSJ-2026-000001-3',
    status: 'open',
    status_notes: null,
    service_name: 'জন্ম নিবন্ধন',
    service_code: 's3',
    agency_responsible: 'উপজেলা আইসিটি অফিস, যশোর সদর',
    service_notice: null,
    requested_datetime: '2026-11-25T10:30:00+06:00',
    updated_datetime: '2026-11-25T10:30:00+06:00',
    expected_datetime: '2026-12-03T17:00:00+06:00',
    address_id: null,
    zipcode: null,
    lat: null,
    long: null,
    media_url: null,
  });
  assert.ok(!JSON.stringify(view).includes('রহিম'));
});

test("a reader's view adds the citizen's description and address, never the name or contacts", () => {
  const view = serviceRequestView(listed({ status: 'rejected', isOpen: false, publicNote: 'সেবাটি এই দপ্তরের নয়', due_at: null }), agency, { withCitizenData: true });
  assert.equal(view.description, 'দ্রুত প্রয়োজন');
  assert.equal(view.address, 'যশোর');
  assert.equal(view.status, 'closed');
  assert.equal(view.status_notes, 'সেবাটি এই দপ্তরের নয়');
  assert.equal(view.expected_datetime, null);
  const text = JSON.stringify(view);
  for (const secret of ['রহিম', '01712345678', 'rahim@example.com']) assert.ok(!text.includes(secret), secret);
});

test('the receipt notice names the due moment on the Dhaka clock, or says there is no fixed limit', () => {
  assert.match(receiptNotice(new Date('2026-12-03T11:00:00Z')), /Due by 2026-12-03 17:00 \(Dhaka time\)/);
  assert.match(receiptNotice(null), /no fixed time limit/);
});

test('filters: comma lists, open or closed, and a window of the last 90 days by default', () => {
  assert.deepEqual(commaList(' s1, ,s2 '), ['s1', 's2']);
  assert.deepEqual(commaList(undefined), []);
  assert.equal(parseStatusFilter('open'), 'open');
  assert.equal(parseStatusFilter('closed'), 'closed');
  assert.equal(parseStatusFilter('open,closed'), undefined);
  assert.equal(parseStatusFilter(undefined), undefined);
  assert.throws(() => parseStatusFilter('pending'), (error: unknown) => error instanceof Open311Error && error.code === 'invalid_status_filter' && error.status === 400);
  const now = new Date('2026-11-25T00:00:00Z');
  assert.deepEqual(receiptWindow(undefined, undefined, now), { from: new Date('2026-08-27T00:00:00Z'), to: now });
  assert.deepEqual(receiptWindow(undefined, '2026-11-01T06:00:00+06:00', now), { from: new Date('2026-08-03T00:00:00Z'), to: new Date('2026-11-01T00:00:00Z') });
  assert.deepEqual(receiptWindow('2026-01-01T00:00:00Z', undefined, now), { from: new Date('2026-01-01T00:00:00Z'), to: now });
});

test('dates without an offset, of the wrong shape or out of order are refused with 400', () => {
  const now = new Date('2026-11-25T00:00:00Z');
  for (const bad of ['2026-11-01', '2026-11-01T10:00:00', 'yesterday', '2026-13-45T10:00:00Z', '']) {
    assert.throws(() => receiptWindow(bad, undefined, now), (error: unknown) => error instanceof Open311Error && error.code === 'invalid_datetime' && error.field === 'start_date', bad);
  }
  assert.throws(() => receiptWindow('2026-11-02T00:00:00Z', '2026-11-01T00:00:00Z', now), (error: unknown) => error instanceof Open311Error && error.code === 'dates_reversed');
});
