// বাংলা: search.
import type { portalSearch as en } from '../en/search.ts';

export const portalSearch: Record<keyof typeof en, string> = {
  'search.title': 'সেবা বা দপ্তর খুঁজুন',
  'search.label': 'সেবা, দপ্তর বা স্থানের নাম, বাংলা বা ইংরেজিতে',
  'search.hint': 'যেমন “প্রশিক্ষণ”, “আইসিটি কার্যালয়” বা “যশোর”। বানানে ছোটখাটো ভুল থাকলেও খুঁজে পাবেন।',
  'search.button': 'খুঁজুন',
  'search.results': '“{query}” লিখে {count}টি ফলাফল পাওয়া গেছে',
  'search.showing': '{total}টি ফলাফলের {from}–{to}',
  'search.showing_best': 'সবচেয়ে কাছের {shown}টি ফলাফল দেখানো হচ্ছে। খোঁজ আরও নির্দিষ্ট করতে আরেকটি শব্দ যোগ করুন।',
  'search.kind_office': 'দপ্তর',
  'search.kind_service': 'সেবা',
  'search.service_count': '{count}টি সেবা',
  'search.nothing_found': '“{query}” লিখে কিছু পাওয়া যায়নি।',
  'search.suggestions': 'যা করে দেখতে পারেন:',
  'search.suggest_spelling': 'বানান মিলিয়ে দেখুন, অথবা নামটি ইংরেজির বদলে বাংলায় (বা বাংলার বদলে ইংরেজিতে) লিখুন',
  'search.suggest_fewer_words': 'কম বা আরও সাধারণ শব্দ লিখুন, যেমন সেবার পুরো নামের বদলে শুধু “সনদ”',
  'search.suggest_places': 'বিভাগ, জেলা ও উপজেলা ধরে দপ্তরটি খুঁজুন',
  'search.suggest_organisations': 'মন্ত্রণালয় বা অধিদপ্তর ধরে দপ্তরটি খুঁজুন',
  'search.too_short': 'নামের অন্তত ২টি অক্ষর বা অঙ্ক লিখে আবার খুঁজুন।',
  'search.too_long': 'খোঁজার লেখাটি অনেক বড়। সর্বোচ্চ {max}টি অক্ষর লিখুন, যেমন সেবা বা দপ্তরের নামের কয়েকটি শব্দ।',
  'search.past_the_end': 'এই খোঁজে আর কোনো ফলাফল নেই।',
  'search.first_page': 'ফলাফলের প্রথম পৃষ্ঠায় যান',
  'search.not_found_prompt': 'অথবা যে সেবা বা দপ্তর খুঁজছিলেন, তার নাম লিখে খুঁজুন:',
};
