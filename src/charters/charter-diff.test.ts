import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeFieldChange, describeGrsChange, describeOfficerChange, describePartChange, diffCharters, diffGrsContacts, diffOfficers } from './charter-diff.ts';
import { CHARTER_FORMAT, type CharterDocument, type Service, type TimeLimit } from './model.ts';

function limit(text: string, fields: Partial<TimeLimit>): TimeLimit {
  return { text, immediate: false, min: null, max: null, unit: null, conditional: false, on_demand: false, ...fields };
}
const days = (n: number, text = `${n} কার্যদিবস`) => limit(text, { min: n, max: n, unit: 'working_day' });

function service(code: string, fields: Partial<Service> = {}): Service {
  return {
    code,
    category: 'citizen',
    serial: Number(code.slice(1)),
    name_bn: `সেবা ${code}`,
    name_en: null,
    delivery_methods: ['সরাসরি'],
    documents_bn: 'আবেদনপত্র',
    fee: { text: 'বিনামূল্যে', free: true, amount_bdt: null, schedule: [] },
    time_limit: days(7, '৭ কার্যদিবস'),
    officer: { name_bn: 'রহিম', designation_bn: 'প্রোগ্রামার', phone: null, mobile: '+8801712345678', email: null, inferred: false },
    remedy_bn: null,
    source_line: null,
    ...fields,
  };
}

function charter(services: Service[], fields: Partial<CharterDocument> = {}): CharterDocument {
  return {
    format: CHARTER_FORMAT,
    office: { name_bn: 'উপজেলা আইসিটি কার্যালয়', name_en: null, parent_bn: null, address_bn: null, website: null },
    vision_bn: 'ভিশন',
    mission_bn: 'মিশন',
    services,
    grs_contacts: [],
    expectations_bn: ['সময়মতো আসুন'],
    warnings: [],
    ...fields,
  };
}

test('a time limit cut from 7 to 5 working days reads "সময়সীমা ৭ → ৫ কার্যদিবস" and "time limit 7 → 5 working days"', () => {
  const diff = diffCharters(charter([service('s1'), service('s2')]), charter([service('s1'), service('s2', { time_limit: days(5, '৫ কার্যদিবস') })]));
  assert.deepEqual(diff.parts, []);
  assert.equal(diff.services.length, 1);
  const [change] = diff.services;
  assert.equal(change?.kind, 'changed');
  assert.equal(change?.code, 's2');
  assert.ok(change?.kind === 'changed');
  assert.equal(change.fields.length, 1);
  const field = change.fields[0];
  assert.ok(field);
  assert.equal(describeFieldChange('bn', field), 'সময়সীমা ৭ → ৫ কার্যদিবস');
  assert.equal(describeFieldChange('en', field), 'time limit 7 → 5 working days');
});

test('limits that are not one figure in one unit are compared as written', () => {
  const diff = diffCharters(charter([service('s1')]), charter([service('s1', { time_limit: limit('শুনানী সাপেক্ষে', { conditional: true }) })]));
  const change = diff.services[0];
  assert.ok(change?.kind === 'changed' && change.fields[0]);
  assert.equal(describeFieldChange('en', change.fields[0]), 'time limit “৭ কার্যদিবস” → “শুনানী সাপেক্ষে”');
});

test('services are matched by code: a renamed, re-priced service with a new officer is one change, not a removal and an addition', () => {
  const before = charter([service('s1'), service('s2')]);
  const after = charter([
    service('s1'),
    service('s2', {
      name_bn: 'নতুন নাম',
      fee: { text: '১০০ টাকা', free: false, amount_bdt: 100, schedule: [] },
      documents_bn: 'জাতীয় পরিচয়পত্র',
      officer: { name_bn: 'করিম', designation_bn: 'প্রোগ্রামার', phone: null, mobile: null, email: null, inferred: false },
    }),
  ]);
  const change = diffCharters(before, after).services;
  assert.equal(change.length, 1);
  assert.ok(change[0]?.kind === 'changed');
  assert.deepEqual(change[0].fields.map((field) => field.field), ['name_bn', 'documents', 'fee', 'officer']);
  assert.deepEqual(
    change[0].fields.map((field) => describeFieldChange('en', field)),
    ['name “সেবা s2” → “নতুন নাম”', 'documents “আবেদনপত্র” → “জাতীয় পরিচয়পত্র”', 'fee “বিনামূল্যে” → “১০০ টাকা”', 'officer “রহিম, প্রোগ্রামার, +8801712345678” → “করিম, প্রোগ্রামার”'],
  );
});

test('added and removed services are named by code; unchanged ones are left out', () => {
  const diff = diffCharters(charter([service('s1'), service('s2')]), charter([service('s1'), service('s3')]));
  assert.deepEqual(
    diff.services.map((change) => [change.kind, change.code]),
    [
      ['added', 's3'],
      ['removed', 's2'],
    ],
  );
});

test('a service moved to another place in the charter shows its new serial and kind', () => {
  const diff = diffCharters(charter([service('s1')]), charter([service('s1', { serial: 4, category: 'internal' })]));
  const change = diff.services[0];
  assert.ok(change?.kind === 'changed');
  assert.deepEqual(change.fields.map((field) => describeFieldChange('bn', field)), ['ধরন নাগরিক সেবা → অভ্যন্তরীণ সেবা', 'ক্রমিক ১ → ৪']);
});

test('vision, mission and expectations changes are listed for the charter as a whole', () => {
  const diff = diffCharters(charter([]), charter([], { vision_bn: 'নতুন ভিশন', expectations_bn: [] }));
  assert.deepEqual(diff.parts.map((part) => part.part), ['vision', 'expectations']);
  assert.deepEqual(diff.parts.map((part) => describePartChange('en', part)), ['Vision “ভিশন” → “নতুন ভিশন”', 'Expectations changed']);
  assert.deepEqual(diffCharters(charter([service('s1')]), charter([service('s1')])), { parts: [], services: [], officers: [], grs_contacts: [] });
});

const rahim = { name_bn: 'রহিম', designation_bn: 'প্রোগ্রামার', phone: null, mobile: '+8801712345678', email: null };

test('an officer whose mobile changed is one change, matched by name; a new and a dropped officer read as such', () => {
  const karim = { name_bn: 'করিম', designation_bn: 'অনিক', phone: null, mobile: null, email: 'karim@x.gov.bd' };
  const salma = { name_bn: 'সালমা', designation_bn: null, phone: '+88042168001', mobile: null, email: null };
  const changes = diffOfficers([rahim, karim], [{ ...rahim, mobile: '+8801711000111' }, salma]);
  assert.deepEqual(changes.flatMap((change) => describeOfficerChange('en', change)), [
    'রহিম: mobile “+8801712345678” → “+8801711000111”',
    'New officer: সালমা, +88042168001',
    'Officer removed: করিম, অনিক, karim@x.gov.bd',
  ]);
  assert.deepEqual(describeOfficerChange('bn', changes[0] as (typeof changes)[0]), ['রহিম: মোবাইল “+8801712345678” → “+8801711000111”']);
  assert.deepEqual(diffOfficers([rahim], [{ ...rahim }]), []);
});

test('the history compares officer lists only when both versions carry one', () => {
  const diff = diffCharters({ ...charter([]), officers: [rahim] }, { ...charter([]), officers: [] });
  assert.equal(diff.officers.length, 1);
  assert.deepEqual(diffCharters(charter([]), charter([])).officers, []);
});

test('GRS steps are matched by role, then by level: a shortened limit reads "step 2: time limit 20 → 15 working days"', () => {
  const step = (level: number, role: string, limitDays: number) => ({ level, role_bn: role, contact_bn: 'জেলা প্রশাসক\nযশোর', time_limit: days(limitDays) });
  const before = [step(1, 'অনিক', 30), step(2, 'আপিল কর্মকর্তা', 20)];
  const after = [step(1, 'অভিযোগ নিষ্পত্তি কর্মকর্তা', 30), step(2, 'আপিল কর্মকর্তা', 15), step(3, 'মন্ত্রিপরিষদ বিভাগ', 60)];
  const changes = diffGrsContacts(before, after);
  assert.deepEqual(changes.flatMap((change) => describeGrsChange('en', change)), [
    'GRS contact, step 2: time limit 20 → 15 working days',
    'GRS contact, step 1: role “অনিক” → “অভিযোগ নিষ্পত্তি কর্মকর্তা”',
    'New GRS contact: মন্ত্রিপরিষদ বিভাগ · জেলা প্রশাসক, যশোর · 60 কার্যদিবস',
  ]);
  assert.equal(describeGrsChange('bn', changes[0] as (typeof changes)[0])[0], 'জিআরএস যোগাযোগ, ধাপ ২: সময়সীমা ২০ → ১৫ কার্যদিবস');
  assert.deepEqual(diffGrsContacts(before.slice(1), before).flatMap((change) => describeGrsChange('en', change)), ['New GRS contact: অনিক · জেলা প্রশাসক, যশোর · 30 কার্যদিবস']);
});
