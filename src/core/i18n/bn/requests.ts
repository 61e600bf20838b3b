// বাংলা: service requests — applying, tracking, the office's queue.
import type { requests as en } from '../en/requests.ts';

export const requests: Record<keyof typeof en, string> = {
  'error.request_not_found': 'এই দপ্তরে এই ট্র্যাকিং নম্বরের কোনো আবেদন নেই।',
  'error.service_not_offered': 'এই দপ্তর এই সেবা দেয় না (অথবা সেবাটি প্রকাশিত সিটিজেন চার্টারে নেই)।',
  'error.invalid_mobile': '১১ অঙ্কের একটি বাংলাদেশি মোবাইল নম্বর লিখুন, যেমন ০১৭১২৩৪৫৬৭৮।',
  'error.invalid_tracking_number': 'এটি ট্র্যাকিং নম্বর নয়। ট্র্যাকিং নম্বর দেখতে এমন: JSR-2026-000123-6 — অক্ষর, সাল, নম্বর ও একটি যাচাই অঙ্ক।',
  'error.tracking_not_found': 'এই ট্র্যাকিং নম্বর ও মোবাইলের অঙ্কগুলোর সঙ্গে কোনো আবেদন মেলেনি। দুটোই দেখে আবার চেষ্টা করুন।',
  'error.action_not_allowed': 'আবেদনটির বর্তমান অবস্থায় এটি করা যায় না। এখন কী অবস্থা তা দেখতে পাতাটি আবার খুলুন।',
  'error.note_required': 'নাগরিকের যা জানা দরকার তা লিখুন: কোন কাগজ বাকি, অথবা কারণ।',
  'error.assignee_not_in_office': 'এই ব্যক্তি এই দপ্তরে কাজ করেন না।',
  'error.too_many_applications': 'এই সংযোগ থেকে বা এই মোবাইল নম্বরে অনেক আবেদন হয়েছে। কিছুক্ষণ পরে আবার চেষ্টা করুন, অথবা দপ্তরে যোগাযোগ করুন।',
  'error.too_many_tracking_attempts': 'এই সংযোগ থেকে অনেকবার ভুল চেষ্টা হয়েছে। ১৫ মিনিট পরে আবার চেষ্টা করুন।',
  'error.applicant_name_required': 'আবেদনকারীর নাম লিখুন।',
  'error.contact_required': 'একটি মোবাইল নম্বর বা ই-মেইল ঠিকানা দিন, যাতে দপ্তর আবেদনকারীর সঙ্গে যোগাযোগ করতে পারে।',
  'error.received_in_future': 'গ্রহণের সময় ভবিষ্যতের হতে পারে না।',
};
