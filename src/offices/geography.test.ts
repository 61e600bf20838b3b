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
