// বাংলা: Open311 GeoReport v2.
import type { open311 as en } from '../en/open311.ts';

export const open311: Record<keyof typeof en, string> = {
  'error.jurisdiction_required': 'jurisdiction_id দেওয়া হয়নি: পোর্টালে দপ্তরের ঠিকানা দিন, যেমন doict-sadar-jessore।',
  'error.jurisdiction_not_found': 'এই jurisdiction_id-এর কোনো দপ্তর নেই। এটি পোর্টালে দপ্তরের ঠিকানা, যেমন doict-sadar-jessore।',
  'error.service_code_required': 'service_code দেওয়া হয়নি: দপ্তরের চার্টারের একটি সেবার কোড দিন, যেমন s1 (GET services.json তালিকা দেয়)।',
  'error.api_key_invalid': 'api_key নেই বা সঠিক নয়: দপ্তরের কর্মীর একটি API টোকেন api_key হিসেবে পাঠান।',
  'error.api_key_not_allowed': 'এই api_key দিয়ে এই দপ্তরের জন্য এটি করা যায় না।',
  'error.json_only': 'এখানে শুধু JSON দেওয়া হয়: .xml-এর বদলে .json চান।',
  'error.invalid_datetime': 'start_date ও end_date অফসেটসহ ISO 8601 তারিখ-সময় হতে হবে, যেমন 2026-11-25T10:00:00+06:00।',
  'error.dates_reversed': 'start_date, end_date-এর পরে হতে পারে না।',
  'error.invalid_status_filter': 'status হবে open বা closed (অথবা কমা দিয়ে দুটোই)।',
  'error.open311_body': 'তথ্যগুলো ফর্ম (application/x-www-form-urlencoded) অথবা JSON অবজেক্ট হিসেবে পাঠান।',
  'open311.documents': 'প্রয়োজনীয় কাগজপত্র',
  'open311.fee': 'ফি',
  'open311.free': 'বিনামূল্যে',
  'open311.time_limit': 'সময়সীমা',
  'open311.notice_due': 'গৃহীত। নিষ্পত্তির শেষ সময় {due} (ঢাকার সময়)।',
  'open311.notice_no_limit': 'গৃহীত। এই সেবার নির্দিষ্ট সময়সীমা নেই।',
};
