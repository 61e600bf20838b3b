import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CHARTER_FORMAT, type CharterDocument, type Service } from '../model.ts';
import { formatCharterScore, scoreCharter, type ExpectedCharter, type ExpectedService } from './fact-score.ts';

function service(overrides: Partial<Service> = {}): Service {
  return {
    category: 'citizen',
    serial: 1,
    name_bn: 'ওয়ারিশ সনদ প্রদান',
    name_en: null,
    delivery_methods: [],
    documents_bn: null,
    fee: { text: '২০০/- টাকা', free: false, amount_bdt: 200, schedule: [] },
    time_limit: { text: '৭ কার্যদিবস', immediate: false, min: 7, max: 7, unit: 'working_day', conditional: false, on_demand: false },
    officer: { name_bn: null, designation_bn: 'কাউন্সিলর', phone: null, mobile: null, email: null, inferred: false },
    remedy_bn: null,
    source_line: 1,
    ...overrides,
  };
}

function charter(services: Service[], overrides: Partial<CharterDocument> = {}): CharterDocument {
  return {
    format: CHARTER_FORMAT,
    office: { name_bn: 'সিলেট সিটি কর্পোরেশন', name_en: null, parent_bn: null, address_bn: null, website: null },
    vision_bn: null,
    mission_bn: null,
    services,
    grs_contacts: [
      {
        level: 1,
        role_bn: 'অভিযোগ নিষ্পত্তি কর্মকর্তা (অনিক)',
        contact_bn: null,
        time_limit: { text: null, immediate: false, min: null, max: null, unit: null, conditional: false, on_demand: false },
      },
    ],
    expectations_bn: ['স্বয়ংসম্পূর্ণ আবেদন জমা প্রদান'],
    warnings: [],
    ...overrides,
  };
}

const inheritance: ExpectedService = { serial: 1, name: 'ওয়ারিশ সনদ প্রদান', fee: { amount: 200 }, time: { max: 7, unit: 'working_day' }, officer: 'কাউন্সিলর' };
const expected: ExpectedCharter = {
  office: 'সিলেট সিটি কর্পোরেশন',
  services: [inheritance],
  grs: [{ level: 1, role: 'অভিযোগ নিষ্পত্তি কর্মকর্তা (অনিক)' }],
  expectations: 1,
};

const wrongFacts = (doc: CharterDocument, want: ExpectedCharter = expected) =>
  scoreCharter(want, doc)
    .facts.filter((fact) => !fact.right)
    .map((fact) => fact.fact);

test('a charter read exactly as its reader wrote it down has every fact right', () => {
  const score = scoreCharter(expected, charter([service()]));
  assert.deepEqual([score.right, score.checked, score.share], [9, 9, 1]);
});

test('whitespace and invisible joiners in what was read do not make a fact wrong', () => {
  const doc = charter([service({ name_bn: ' ওয়ারিশ\u200c  সনদ\nপ্রদান ' })]);
  assert.deepEqual(wrongFacts(doc), []);
});

test('a service whose serial was misread is still found by its name, and one found by neither counts every fact wrong', () => {
  assert.deepEqual(wrongFacts(charter([service({ serial: 9 })])), []);
  assert.deepEqual(wrongFacts(charter([service({ serial: 9, name_bn: 'অন্য সেবা' })])), [
    'service citizen 1 name',
    'service citizen 1 fee',
    'service citizen 1 time limit',
    'service citizen 1 officer',
  ]);
});

test('a service of another category with the same serial is not taken for it', () => {
  assert.ok(wrongFacts(charter([service({ category: 'internal', name_bn: 'ছুটি মঞ্জুর' })])).includes('service citizen 1 name'));
});

test('a fee with several amounts is two facts: the first amount, and the whole schedule with no sum invented', () => {
  const want: ExpectedCharter = { ...expected, services: [{ ...inheritance, fee: { amounts: [25, 50] } }] };
  const fee = (amounts: number[]) => ({ text: '…', free: false, amount_bdt: amounts[0] ?? null, schedule: amounts.map((amount_bdt) => ({ amount_bdt, condition_bn: null })) });
  assert.deepEqual(wrongFacts(charter([service({ fee: fee([25, 50]) })]), want), []);
  assert.deepEqual(wrongFacts(charter([service({ fee: { ...fee([]), amount_bdt: 25 } })]), want), ['service citizen 1 fee schedule']);
  assert.deepEqual(wrongFacts(charter([service({ fee: fee([5, 25, 5, 50]) })]), want), ['service citizen 1 fee', 'service citizen 1 fee schedule']);
});

test('free, a fee with no sum printed, immediate and no fixed limit are told apart', () => {
  const want: ExpectedCharter = { ...expected, services: [{ ...inheritance, fee: { amount: null }, time: 'no_fixed_limit' }] };
  const noSum = { text: 'সরকার নির্ধারিত হারে', free: false, amount_bdt: null, schedule: [] };
  const noLimit = { text: 'শুনানি সাপেক্ষে', immediate: false, min: null, max: null, unit: null, conditional: false, on_demand: false };
  assert.deepEqual(wrongFacts(charter([service({ fee: noSum, time_limit: noLimit })]), want), []);
  const free = { text: 'বিনামূল্যে', free: true, amount_bdt: null, schedule: [] };
  const immediate = { ...noLimit, text: 'তাৎক্ষণিক', immediate: true, min: 0, max: 0, unit: 'working_day' as const };
  assert.deepEqual(wrongFacts(charter([service({ fee: free, time_limit: immediate })]), want), ['service citizen 1 fee', 'service citizen 1 time limit']);
});

test('the parent authority is checked only when the charter prints one; the office may be named in English', () => {
  const english = charter([service()], { office: { name_bn: null, name_en: 'Regional Passport Office, Sylhet', parent_bn: null, address_bn: null, website: null } });
  const want = { ...expected, office: 'Regional Passport Office, Sylhet' };
  assert.deepEqual(wrongFacts(english, want), []);
  assert.deepEqual(wrongFacts(english, { ...want, parent: 'Department of Immigration and Passports' }), ['parent authority']);
});

test('an extra service read from page furniture, a missing GRS level and a lost expectation are each wrong', () => {
  const doc = charter([service(), service({ serial: 2, name_bn: 'পৃষ্ঠা ২ এর ৩' })], { grs_contacts: [], expectations_bn: [] });
  assert.deepEqual(wrongFacts(doc), ['number of services', 'GRS level 1', 'number of GRS levels', 'number of expectations']);
});

test('the printed table names each wrong fact with what was expected and what was read', () => {
  const text = formatCharterScore('city.txt', scoreCharter(expected, charter([service({ officer: null })])));
  assert.match(text, /^city\.txt: 8\/9 facts right \(88\.9 %\)/);
  assert.match(text, /✗ service citizen 1 officer\n\s+expected: কাউন্সিলর\n\s+got:\s+\(none\)/);
});
