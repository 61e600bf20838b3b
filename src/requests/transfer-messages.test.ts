// What the citizen is told of a transfer: both numbers, within two SMS however long the office's name.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { smsSize } from '../notifications/index.ts';
import type { RequestRow } from './repository.ts';
import { citizenMessages, SMS_SEGMENT_BUDGET } from './request-messages.ts';

/** the new request, in the receiving office, with the longest tracking number there can be */
const moved: RequestRow = {
  id: 2,
  office_id: 8,
  tracking_number: 'ABCDEF-2026-1234567-8',
  year: 2026,
  sequence_no: 1_234_567,
  service_code: 's3',
  charter_version_id: 2,
  service_name_bn: 'ইন্টারনেট সংযোগ',
  service_name_en: 'Internet connection',
  channel: 'in_person',
  received_at: new Date('2026-11-24T05:00:00Z'),
  citizen_name: 'রহিম',
  citizen_mobile: '01712345678',
  citizen_email: 'rahim@example.com',
  citizen_address: null,
  details: '',
  status: 'submitted',
  assigned_user_id: null,
  due_at: new Date('2026-12-30T11:00:00Z'),
  has_time_limit: true,
  closed_at: null,
  on_time: null,
  rejection_reason: null,
  transferred_to: null,
  transferred_from: 1,
  created_by_user_id: null,
  submission_key: null,
  updated_at: new Date(),
};

const OLD = 'GHIJKL-2026-7654321-0';
const LONG_OFFICE = 'উপজেলা তথ্য ও যোগাযোগ প্রযুক্তি কার্যালয়, জৈন্তাপুর উপজেলা, সিলেট জেলা, সিলেট বিভাগ '.repeat(3);

test('the transfer SMS names the old and the new number and fits two messages, the office\'s name shortened if need be', () => {
  for (const office of ['জৈন্তাপুর উপজেলা আইসিটি কার্যালয়', LONG_OFFICE]) {
    const [sms] = citizenMessages('transferred', moved, null, { officeName: { bn: office, en: null }, transferredFrom: OLD });
    assert.equal(sms?.channel, 'sms');
    assert.equal(sms?.template, 'request.transferred');
    assert.ok(sms && smsSize(sms.text).segments <= SMS_SEGMENT_BUDGET, `${sms?.text.length}: ${sms?.text}`);
    assert.ok(sms.text.includes(OLD) && sms.text.includes(moved.tracking_number), sms.text);
  }
  const [short] = citizenMessages('transferred', moved, null, { officeName: { bn: 'জৈন্তাপুর কার্যালয়', en: null }, transferredFrom: OLD });
  assert.ok(short?.text.includes('জৈন্তাপুর কার্যালয়'), 'a short name is kept whole');
});

test('the transfer e-mail, in Bangla then English, gives the new number, the office, the new due date and the tracking link', () => {
  const [, mail] = citizenMessages('transferred', moved, null, {
    officeName: { bn: 'জৈন্তাপুর কার্যালয়', en: 'Jaintiapur office' },
    transferredFrom: OLD,
    publicUrl: 'https://protishruti.test',
  });
  assert.equal(mail?.channel, 'email');
  assert.ok(mail?.channel === 'email' && mail.subject.includes(OLD));
  assert.match(mail.text, /জৈন্তাপুর কার্যালয়[\s\S]*Jaintiapur office/);
  assert.match(mail.text, new RegExp(`new tracking number is ${moved.tracking_number}`));
  assert.match(mail.text, /https:\/\/protishruti\.test\/track\?number=ABCDEF-2026-1234567-8/);
});
