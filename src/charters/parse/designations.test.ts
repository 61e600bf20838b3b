import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findDesignationStart, postWordKind, withoutWorkplace } from './designations.ts';

test('posts of every kind of office start where their qualifiers start', () => {
  for (const post of [
    'সচিব', 'অফিস সহায়ক', 'উপজেলা নির্বাহী অফিসার', 'সহকারী কমিশনার (ভূমি)', 'ভারপ্রাপ্ত কর্মকর্তা (ওসি)', 'উপ-পরিদর্শক (এসআই)',
    'মোটরযান পরিদর্শক', 'উপজেলা প্রাণিসম্পদ কর্মকর্তা', 'ভেটেরিনারি সার্জন', 'উপজেলা নির্বাচন অফিসার', 'সাব-রেজিস্ট্রার',
    'প্রধান নির্বাহী কর্মকর্তা', 'কাউন্সিলর', 'ইউনিয়ন ভূমি সহকারী কর্মকর্তা', 'অফিস সহকারী কাম কম্পিউটার মুদ্রাক্ষরিক', 'হিসাবরক্ষক',
    'নাজির', 'উপপরিচালক', 'অতিরিক্ত জেলা প্রশাসক', 'সিনিয়র সহকারী সচিব', 'যুব উন্নয়ন কর্মকর্তা', 'কর আদায়কারী',
    'Officer-in-Charge', 'Assistant Director (Engineering)', 'Motor Vehicle Inspector',
  ]) {
    assert.equal(findDesignationStart(post), 0, post);
  }
});

test('a name before the post is left before it', () => {
  assert.equal(findDesignationStart('মোঃ করিম ইউনিয়ন ভূমি সহকারী কর্মকর্তা'), 'মোঃ করিম '.length);
  assert.equal(findDesignationStart('রহিম উদ্দিন ভেটেরিনারি সার্জন'), 'রহিম উদ্দিন '.length);
  assert.equal(findDesignationStart('মোঃ আব্দুল করিম'), -1);
});

test('rank words are told from their qualifiers, glued grades included', () => {
  assert.equal(postWordKind('পরিদর্শক'), 'rank');
  assert.equal(postWordKind('মহাপরিচালক'), 'rank');
  assert.equal(postWordKind('উপ-পরিচালক,'), 'rank');
  assert.equal(postWordKind('ভারপ্রাপ্ত'), 'qualifier');
  assert.equal(postWordKind('করিম'), null);
});

test('a worker of a field and the feminine of a rank are ranks too', () => {
  assert.equal(postWordKind('সমাজকর্মী'), 'rank');
  assert.equal(postWordKind('মাঠকর্মী'), 'rank');
  assert.equal(postWordKind('পরিদর্শিকা'), 'rank');
  assert.equal(postWordKind('শিক্ষিকা'), 'rank');
  assert.equal(postWordKind('Counsellor,'), 'rank');
  // a word that merely ends like a feminine is no rank
  assert.equal(postWordKind('মল্লিকা'), null);
});

test('the room and building where a post sits are not part of it; its place and its council are', () => {
  assert.equal(withoutWorkplace('ভেটেরিনারি সার্জন, রুম নং-০২'), 'ভেটেরিনারি সার্জন');
  assert.equal(withoutWorkplace('উপজেলা প্রাণিসম্পদ কর্মকর্তা, কক্ষ ১০৫, উপজেলা কোড-৫৮৫৩'), 'উপজেলা প্রাণিসম্পদ কর্মকর্তা');
  assert.equal(withoutWorkplace('ওয়ার্ড সচিব, সংশ্লিষ্ট ওয়ার্ড কার্যালয়'), 'ওয়ার্ড সচিব');
  assert.equal(withoutWorkplace('উপজেলা নির্বাহী অফিসার, জৈন্তাপুর'), 'উপজেলা নির্বাহী অফিসার, জৈন্তাপুর');
  assert.equal(withoutWorkplace('চেয়ারম্যান, ইউনিয়ন পরিষদ'), 'চেয়ারম্যান, ইউনিয়ন পরিষদ');
});
