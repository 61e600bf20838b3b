// A fee with several amounts is stored, exported and read back whole; older JSON without it still imports.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openTestDatabase, type TestDatabase } from '../core/db/test-database.ts';
import { exportCharter, importCharter, readCharter } from './index.ts';

let database: TestDatabase;

before(async () => {
  database = await openTestDatabase();
});
after(() => database.drop());

const TEXT = [
  'বিআরটিএ সার্কেল অফিস, সিলেট',
  '২.১) নাগরিক সেবা',
  ['ক্রমিক', 'সেবার নাম', 'সেবার মূল্য', 'সময়সীমা', 'দায়িত্বপ্রাপ্ত কর্মকর্তা'].join('\t'),
  ['১', 'মোটরযানের রেজিস্ট্রেশন', 'হালকা: ৩৪৫.০০, মধ্যম/ভারী: ৫১৮.০০', '৭ কার্যদিবস', 'সহকারী পরিচালক'].join('\t'),
].join('\n');

test('a fee schedule read from charter text is stored and exported with its conditions', async () => {
  const doc = readCharter(Buffer.from(TEXT));
  assert.deepEqual(doc.services[0]?.fee, {
    text: 'হালকা: ৩৪৫.০০, মধ্যম/ভারী: ৫১৮.০০',
    free: false,
    amount_bdt: 345,
    schedule: [
      { amount_bdt: 345, condition_bn: 'হালকা' },
      { amount_bdt: 518, condition_bn: 'মধ্যম/ভারী' },
    ],
  });
  const result = await importCharter(database.db, doc, { officeSlug: 'brta-sylhet', publish: true });
  const exported = await exportCharter(database.db, result.officeSlug);
  assert.deepEqual(exported.services[0]?.fee, doc.services[0]?.fee);
  // and the export, read back as JSON, is the same document
  assert.deepEqual(readCharter(Buffer.from(JSON.stringify(exported))), exported);
});

test('canonical JSON written before fee schedules existed imports, each fee with an empty schedule', async () => {
  const exported = await exportCharter(database.db, 'brta-sylhet');
  const older = {
    ...exported,
    services: exported.services.map((service) => ({ ...service, fee: { text: '৫০ টাকা', free: false, amount_bdt: 50 } })),
  };
  const doc = readCharter(Buffer.from(JSON.stringify(older)));
  assert.deepEqual(doc.services[0]?.fee, { text: '৫০ টাকা', free: false, amount_bdt: 50, schedule: [] });
});
