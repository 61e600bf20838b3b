import assert from 'node:assert/strict';
import { test } from 'node:test';
import { smsSize } from '../notifications/index.ts';
import type { RequestRow } from './repository.ts';
import { citizenMessages, fitSms, SMS_SEGMENT_BUDGET } from './request-messages.ts';

const request: RequestRow = {
  id: 1,
  office_id: 7,
  tracking_number: 'ABCDEF-2026-1234567-8',
  year: 2026,
  sequence_no: 1_234_567,
  service_code: 's1',
  charter_version_id: 1,
  service_name_bn: 'ইন্টারনেট সংযোগ',
  service_name_en: 'Internet connection',
  channel: 'online',
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
  transferred_from: null,
  created_by_user_id: null,
  submission_key: null,
  updated_at: new Date(),
};

const LONG_NOTE = 'জাতীয় পরিচয়পত্রের সত্যায়িত ফটোকপি, দুই কপি পাসপোর্ট সাইজের ছবি, ইউনিয়ন পরিষদের নাগরিকত্ব সনদ এবং ফি জমার রসিদ '.repeat(4);

test('every SMS to a citizen fits in two messages, the longest tracking number and a long note included', () => {
  for (const [notice, row, note] of [
    ['received', request, null],
    ['received', { ...request, due_at: null }, null],
    ['returned', request, LONG_NOTE],
    ['rejected', request, LONG_NOTE],
    ['delivered', { ...request, on_time: false, closed_at: new Date() }, null],
    ['delivered', { ...request, on_time: true, closed_at: new Date() }, null],
  ] as const) {
    const [sms] = citizenMessages(notice, row, note, {});
    assert.ok(sms?.channel === 'sms', notice);
    assert.ok(smsSize(sms.text).segments <= SMS_SEGMENT_BUDGET, `${notice}: ${sms.text.length} characters`);
    assert.match(sms.text, /ABCDEF-2026-1234567-8/, notice);
  }
});

test('a note that does not fit is cut with an ellipsis; one that fits is kept whole', () => {
  const cut = fitSms('sms.request.returned', { number: request.tracking_number, note: LONG_NOTE }, 'note');
  assert.match(cut, /…/);
  assert.ok(cut.includes(LONG_NOTE.slice(0, 20)));
  assert.equal(smsSize(cut).segments, 2, 'as much of the note as two messages hold');
  const whole = fitSms('sms.request.returned', { number: request.tracking_number, note: 'ছবি' }, 'note');
  assert.doesNotMatch(whole, /…/);
  assert.match(whole, /ছবি/);
});

test('the receipt SMS gives the promised date in Bangla digits', () => {
  const [sms] = citizenMessages('received', request, null, {});
  assert.ok(sms?.channel === 'sms');
  assert.match(sms.text, /৩০ ডিসেম্বর,? ২০২৬/);
});

test('e-mail goes in Bangla and then English, with the tracking link when the portal knows its address', () => {
  const [, mail] = citizenMessages('received', request, null, { publicUrl: 'https://portal.example', officeName: { bn: 'উপজেলা আইসিটি কার্যালয়', en: 'Upazila ICT Office' } });
  assert.ok(mail?.channel === 'email');
  assert.equal(mail.to, 'rahim@example.com');
  assert.match(mail.subject, /আবেদন ABCDEF-2026-1234567-8.*\/ Request ABCDEF-2026-1234567-8/);
  assert.ok(mail.text.indexOf('উপজেলা আইসিটি কার্যালয়') < mail.text.indexOf('Upazila ICT Office'));
  assert.match(mail.text, /https:\/\/portal\.example\/track\?number=ABCDEF-2026-1234567-8/);
});

test('a citizen who gave neither mobile nor e-mail is sent nothing; one who gave only e-mail gets only e-mail', () => {
  assert.deepEqual(citizenMessages('received', { ...request, citizen_mobile: null, citizen_email: null }, null, {}), []);
  const messages = citizenMessages('rejected', { ...request, citizen_mobile: null }, 'নথি অসম্পূর্ণ', {});
  assert.deepEqual(messages.map((m) => m.channel), ['email']);
});
