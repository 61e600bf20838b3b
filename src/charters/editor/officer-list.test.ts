import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Service } from '../model.ts';
import { reconcileOfficers, servicesNaming, type OfficerEntry } from './officer-list.ts';

const officer = (name: string, mobile: string | null = null): OfficerEntry => ({ name_bn: name, designation_bn: 'প্রোগ্রামার', phone: null, mobile, email: null });

function service(code: string, named: OfficerEntry | null): Service {
  return {
    code,
    category: 'citizen',
    serial: Number(code.slice(1)),
    name_bn: `সেবা ${code}`,
    name_en: null,
    delivery_methods: [],
    documents_bn: null,
    fee: { text: null, free: true, amount_bdt: null, schedule: [] },
    time_limit: { text: null, immediate: false, min: null, max: null, unit: null, conditional: false, on_demand: false },
    officer: named ? { ...named, inferred: false } : null,
    remedy_bn: null,
    source_line: null,
  };
}

test('an officer added on the officers page stays on the list though no service names them', () => {
  const rahim = officer('রহিম');
  const grs = officer('রাশিদা');
  const services = [service('s1', rahim)];
  assert.deepEqual(reconcileOfficers([rahim, grs], services, services), [rahim, grs]);
});

test('an officer whose last service now names someone else leaves the list; the new one joins it at the end', () => {
  const rahim = officer('রহিম');
  const karim = officer('করিম');
  const before = [service('s1', rahim), service('s2', rahim)];
  assert.deepEqual(reconcileOfficers([rahim], before, [service('s1', rahim), service('s2', karim)]), [rahim, karim]);
  assert.deepEqual(reconcileOfficers([rahim], before, [service('s1', karim), service('s2', karim)]), [karim]);
});

test('the services naming an officer are found the way the importer matches officer cells', () => {
  const rahim = officer('রহিম', '+8801712345678');
  const services = [service('s1', { ...rahim, designation_bn: null }), service('s2', officer('করিম')), service('s3', null)];
  assert.deepEqual(servicesNaming(rahim, services).map((found) => found.code), ['s1']);
});
