import assert from 'node:assert/strict';
import { test } from 'node:test';
import { locateOffice } from './geography.ts';

test('an office is located from its Bangla address, with or without place labels', () => {
  for (const address of ['জেন্টাপুর, সিলেট', 'উপজেলা: জেন্টাপুর, জেলা: সিলেট', 'জেন্টাপুর উপজেলা, সিলেট জেলা']) {
    const location = locateOffice(address, null);
    assert.equal(location?.district.name_en, 'Sylhet', address);
    assert.equal(location?.district.division.name_en, 'Sylhet');
    assert.equal(location?.upazila?.name_bn, 'জেন্টাপুর');
  }
});

test('the portal host gives the English names, also in older spellings', () => {
  const location = locateOffice('যশোর সদর, যশোর', 'http://doict.sadar.jessore.gov.bd');
  assert.equal(location?.district.slug, 'jashore');
  assert.deepEqual(location?.upazila, { slug: 'jashore-sadar', name_bn: 'যশোর সদর', name_en: 'Jashore Sadar' });
  assert.equal(locateOffice(null, 'http://www.comilla.gov.bd')?.district.name_en, 'Cumilla');
});

test('an address with no known district places the office nowhere', () => {
  assert.equal(locateOffice('কোথাও নেই', null), null);
  assert.equal(locateOffice(null, null), null);
});

test('a district named like its division is a district of that division, not the division itself', () => {
  const location = locateOffice('জেন্টাপুর, সিলেট', 'http://doict.jaintiapur.sylhet.gov.bd');
  assert.equal(location?.district.slug, 'sylhet');
  assert.equal(location?.district.division.slug, 'sylhet');
  assert.equal(location?.upazila?.slug, 'sylhet-jaintiapur');
});

test("a department's office on <code>.<district>.gov.bd is a district office, not an upazila named after the code", () => {
  assert.deepEqual(locateOffice('সিভিল সার্জনের কার্যালয়, সিলেট', 'http://dghs.sylhet.gov.bd')?.upazila, null);
  assert.deepEqual(locateOffice(null, 'https://brta.dhaka.gov.bd/')?.upazila, null);
  assert.equal(locateOffice(null, 'https://brta.dhaka.gov.bd/')?.district.slug, 'dhaka');
});

test("an upazila's own portal (<upazila>.<district>.gov.bd) names its upazila", () => {
  assert.equal(locateOffice(null, 'http://jaintiapur.sylhet.gov.bd')?.upazila?.slug, 'sylhet-jaintiapur');
});

test('an address that names no upazila places the office at its district', () => {
  assert.equal(locateOffice('সিলেট', null)?.upazila, null);
  assert.equal(locateOffice('জেলা প্রশাসকের কার্যালয়, সিলেট', null)?.upazila, null, 'an office building is not an upazila');
  assert.equal(locateOffice('১২ নং সড়ক, সিলেট', null)?.upazila, null, 'a road is not an upazila');
  assert.equal(locateOffice('উপজেলা: জেন্টাপুর, সিলেট', 'http://dghs.sylhet.gov.bd')?.upazila?.name_bn, 'জেন্টাপুর', 'an upazila named as one counts');
});
