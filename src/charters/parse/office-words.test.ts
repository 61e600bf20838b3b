import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isGovernmentLine, namesAuthority, namesFieldOffice, withoutTrailingNotes } from './office-words.ts';

test('every kind of field office is recognised, in Bangla and English', () => {
  for (const name of [
    'শ্রীমঙ্গল থানা, মৌলভীবাজার', 'কোতোয়ালী মডেল থানা', 'পুলিশ স্টেশন, সিলেট', 'সার্কেল অফিস, সিলেট', 'নওগাঁ সার্কেল, নওগাঁ',
    'উপজেলা নির্বাচন অফিস', 'সিলেট সিটি কর্পোরেশন', 'গোলাপগঞ্জ পৌরসভা', '৩নং চারিপাড়া ইউনিয়ন পরিষদ',
    'উপজেলা প্রাণিসম্পদ দপ্তর ও ভেটেরিনারি হাসপাতাল', 'সাব-রেজিস্ট্রি অফিস', 'ইউনিয়ন ভূমি অফিস',
    'উপজেলা নির্বাহী অফিসারের কার্যালয়', 'উপজেলা স্বাস্থ্য কমপ্লেক্স', 'সরকারি বালিকা উচ্চ বিদ্যালয়', 'কমলগঞ্জ সরকারি কলেজ',
    'Kotwali Police Station', 'Sylhet Circle Office', 'Sylhet City Corporation', 'Office of the Deputy Commissioner, Sylhet',
  ]) {
    assert.equal(namesFieldOffice(name), true, name);
  }
});

test('office words match whole words only: an officer is no office, a directorate no দপ্তর', () => {
  for (const text of ['উপজেলা নির্বাহী অফিসার', 'অফিসের সময়', 'প্রাণিসম্পদ অধিদপ্তর', 'থানায় জিডি করা', 'Commissioner']) {
    assert.equal(namesFieldOffice(text), false, text);
  }
});

test('authorities above field offices are told from the offices', () => {
  for (const name of [
    'বাংলাদেশ সড়ক পরিবহন কর্তৃপক্ষ', 'বাংলাদেশ রোড ট্রান্সপোর্ট অথরিটি(বিআরটিএ)', 'স্বরাষ্ট্র মন্ত্রণালয়', 'প্রাণিসম্পদ অধিদপ্তর',
    'বাংলাদেশ নির্বাচন কমিশন', 'বাংলাদেশ পুলিশ', 'Department of Immigration and Passports', 'Ministry of Home Affairs',
  ]) {
    assert.equal(namesAuthority(name), true, name);
  }
  assert.equal(namesAuthority('উপজেলা নির্বাচন অফিসারের কার্যালয়'), false);
  assert.equal(namesAuthority('সহকারী কমিশনার (ভূমি)-এর কার্যালয়'), false);
});

test('the government of the republic is no authority above an office', () => {
  assert.equal(isGovernmentLine('গণপ্রজাতন্ত্রী বাংলাদেশ সরকার'), true);
  assert.equal(isGovernmentLine("Government of the People's Republic of Bangladesh"), true);
  assert.equal(namesAuthority('গণপ্রজাতন্ত্রী বাংলাদেশ সরকার'), false);
  assert.equal(isGovernmentLine('স্থানীয় সরকার বিভাগ'), false);
});

test('trailing acronyms and stops are notes, not part of the name', () => {
  assert.equal(withoutTrailingNotes('বাংলাদেশ সড়ক পরিবহন কর্তৃপক্ষ (বিআরটিএ)।'), 'বাংলাদেশ সড়ক পরিবহন কর্তৃপক্ষ');
});
