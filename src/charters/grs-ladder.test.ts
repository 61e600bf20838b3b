import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildGrsLadder, type LadderOfficer } from './grs-ladder.ts';
import { noTimeLimit, type GrsContact } from './model.ts';

function officer(designation_bn: string, name_bn = 'জনাব ক'): LadderOfficer {
  return { name_bn, designation_bn, phone: null, mobile: '+8801711000000', email: null };
}

const eServiceOfficer = officer('উপজেলা ই-সার্ভিস অফিসার/ সহকারী প্রোগ্রামার');

test('a charter without a GRS table gets the national steps: the অনিক in 30 working days, then the appellate officer in 20', () => {
  const ladder = buildGrsLadder({ grs_contacts: [], officers: [eServiceOfficer] });
  assert.equal(ladder.source, 'national');
  assert.deepEqual(
    ladder.steps.map((step) => (step.source === 'national' ? [step.level, step.role, step.time_limit.max, step.time_limit.unit, step.officer] : null)),
    [
      [1, 'grievance_officer', 30, 'working_day', null],
      [2, 'appellate_officer', 20, 'working_day', null],
    ],
  );
});

test('the national portal and the 333 call centre are offered whether or not the charter has its own ladder', () => {
  const own: GrsContact = { level: 1, role_bn: 'অনিক', contact_bn: 'জনাব খ', time_limit: noTimeLimit('৩০ কার্যদিবস') };
  for (const grs_contacts of [[], [own]]) {
    const hrefs = buildGrsLadder({ grs_contacts, officers: [] }).channels.map((channel) => channel.href);
    assert.deepEqual(hrefs, ['https://www.grs.gov.bd/', 'tel:333']);
  }
});

test('a charter with its own GRS table is followed as written, in order of level, with its own time limits', () => {
  const appeal: GrsContact = { level: 2, role_bn: 'অনিক সমাধান দিতে ব্যর্থ হলে আপিল কর্মকর্তা', contact_bn: 'জেলা প্রশাসক', time_limit: noTimeLimit('১০ কার্যদিবস') };
  const first: GrsContact = { level: 1, role_bn: 'অনিক', contact_bn: 'উপজেলা নির্বাহী অফিসার', time_limit: noTimeLimit('১৫ কার্যদিবস') };
  const ladder = buildGrsLadder({ grs_contacts: [appeal, first], officers: [] });
  assert.equal(ladder.source, 'charter');
  assert.deepEqual(
    ladder.steps.map((step) => (step.source === 'charter' ? [step.level, step.contact_bn, step.time_limit.text] : null)),
    [
      [1, 'উপজেলা নির্বাহী অফিসার', '১৫ কার্যদিবস'],
      [2, 'জেলা প্রশাসক', '১০ কার্যদিবস'],
    ],
  );
});

test('officers the charter names as অনিক and আপিল কর্মকর্তা fill in the national steps', () => {
  const gro = officer('অভিযোগ নিষ্পত্তি কর্মকর্তা (অনিক)', 'জনাব গ');
  const appellate = officer('আপীল কর্মকর্তা', 'জনাব ঘ');
  const ladder = buildGrsLadder({ grs_contacts: [], officers: [eServiceOfficer, appellate, gro] });
  const named = ladder.steps.map((step) => (step.source === 'national' ? step.officer?.name_bn : undefined));
  assert.deepEqual(named, ['জনাব গ', 'জনাব ঘ']);
});

test('the officer for information requests is found by "তথ্য প্রদানকারী" or an RTI দায়িত্বপ্রাপ্ত কর্মকর্তা, and has 20 working days', () => {
  const byTitle = buildGrsLadder({ grs_contacts: [], officers: [eServiceOfficer, officer('তথ্য প্রদানকারী কর্মকর্তা', 'জনাব ঙ')] });
  assert.equal(byTitle.rti.officer?.name_bn, 'জনাব ঙ');
  assert.equal(byTitle.rti.time_limit.max, 20);
  assert.equal(byTitle.rti.time_limit.unit, 'working_day');
  const byAct = buildGrsLadder({ grs_contacts: [], officers: [officer('দায়িত্বপ্রাপ্ত কর্মকর্তা (তথ্য অধিকার)', 'জনাব চ')] });
  assert.equal(byAct.rti.officer?.name_bn, 'জনাব চ');
});

test('a service\'s responsible officer (দায়িত্বপ্রাপ্ত কর্মকর্তা, not for information) is not taken for the RTI officer', () => {
  const ladder = buildGrsLadder({ grs_contacts: [], officers: [eServiceOfficer, officer('দায়িত্বপ্রাপ্ত কর্মকর্তা')] });
  assert.equal(ladder.rti.officer, null);
});
