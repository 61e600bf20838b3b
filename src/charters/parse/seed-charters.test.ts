// The two charters the project started from, read exactly.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { DATA_ROOT } from '../../core/paths.ts';
import type { CharterDocument, Service, ServiceCategory } from '../model.ts';
import { parseCharterText } from './charter-text.ts';

const read = (file: string) => parseCharterText(readFileSync(path.join(DATA_ROOT, 'charters', file), 'utf8'));
const jaintiapur = read('jaintiapur.txt');
const jessore = read('jessore-sadar.txt');

const inCategory = (doc: CharterDocument, category: ServiceCategory) => doc.services.filter((s) => s.category === category);
const serials = (services: Service[]) => services.map((s) => s.serial);
/** immediate?, min, max, conditional?, on-demand? — all in working days */
const limit = (s: Service) =>
  [s.time_limit.immediate ? 'now' : '', s.time_limit.min, s.time_limit.max, s.time_limit.unit, s.time_limit.conditional ? 'if' : '', s.time_limit.on_demand ? 'demand' : ''].join(' ');

const NOW_3_IF = 'now 0 3 working_day if ';
const NOW_3 = 'now 0 3 working_day  ';
const SEVEN_ON_DEMAND = ' 7 7 working_day  demand';

test('Jaintiapur has 3 citizen, 12 institutional and 4 multi-office services', () => {
  assert.deepEqual(serials(inCategory(jaintiapur, 'citizen')), [1, 2, 3]);
  assert.deepEqual(serials(inCategory(jaintiapur, 'institutional')), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  assert.deepEqual(serials(inCategory(jaintiapur, 'multi_office')), [13, 14, 15, 16]);
  assert.equal(inCategory(jaintiapur, 'internal').length, 0);
});

test('Jaintiapur office, vision and mission are read from the header', () => {
  assert.deepEqual(jaintiapur.office, {
    name_bn: 'উপজেলা আইসিটি কার্যালয়, জেন্টাপুর, সিলেট',
    name_en: null,
    parent_bn: null,
    address_bn: 'জেন্টাপুর, সিলেট',
    website: 'http://doict.jaintiapur.sylhet.gov.bd',
  });
  assert.equal(jaintiapur.vision_bn, 'জ্ঞানভিত্তিক অর্থনীতি, সুশাসন প্রতিষ্ঠায় তথ্য প্রযুক্তির ব্যবহার।');
  assert.match(jaintiapur.mission_bn ?? '', /^তথ্য প্রযুক্তি খাতের সর্বোত্তম ব্যবহার .* সুশাসন প্রতিষ্ঠা।$/);
});

test('Jaintiapur time limits are read service by service', () => {
  assert.deepEqual(inCategory(jaintiapur, 'citizen').map(limit), [NOW_3, NOW_3_IF, NOW_3_IF]);
  assert.deepEqual(inCategory(jaintiapur, 'institutional').map(limit), [
    SEVEN_ON_DEMAND,
    SEVEN_ON_DEMAND,
    SEVEN_ON_DEMAND,
    ' 15 15 working_day  demand',
    NOW_3_IF,
    SEVEN_ON_DEMAND,
    NOW_3_IF, // "তাৎক্ষণিক/ ৩ কার্যদিবস" + "(প্রযোজ্য ক্ষেত্রে)" from the continuation line
    NOW_3_IF,
    NOW_3_IF,
    NOW_3_IF,
    NOW_3_IF,
    NOW_3_IF,
  ]);
  assert.deepEqual(inCategory(jaintiapur, 'multi_office').map(limit), [
    NOW_3_IF,
    ' 3 7 working_day if ',
    ' 3 7 working_day if ',
    ' 3 7 working_day if ',
  ]);
});

test('Jaintiapur continuation lines are merged into the row above', () => {
  const [, citizen2] = inCategory(jaintiapur, 'citizen');
  assert.deepEqual(citizen2?.delivery_methods, ['ব্যক্তিগত উপস্থিতির মাধ্যমে যোগাযোগ', 'টেলিফোনে যোগাযোগ', 'ই-মেইল', 'চাহিদা অনুযায়ী']);
  const institutional = inCategory(jaintiapur, 'institutional');
  assert.equal(
    institutional[1]?.name_bn,
    'সকল নাগরিকের নিকট তথ্য সরবরাহের নিমিত্ত জাতীয় তথ্য বাতায়ন বা ওয়েব পোর্টাল বাস্তবায়ন ও হালনাগাদকরণ বিষয়ক প্রশিক্ষণ প্রদান',
  );
  assert.equal(institutional[6]?.name_bn, 'স্থাপিত শেখ রাসেল ডিজিটাল ল্যাবসমূহ পরিদর্শন, পরামর্শ ও সহায়তা প্রদান');
  assert.equal(institutional[6]?.documents_bn, 'দাপ্তরিক পোর্টাল এবং উপজেলা ই-সার্ভিস কর্মকর্তার দপ্তর হতে সরাসরি।');
  assert.equal(institutional[6]?.delivery_methods.length, 4);
  assert.equal(
    institutional[11]?.name_bn,
    'সরকারের ই-সার্ভিস ব্যবহার সংক্রান্ত যে কোন সহযোগিতা (যেমন: সিএএমএস পোর্টাল, ই-মিউটেশন, জিটুপি প্রত্নতি)',
  );
  assert.equal(institutional[11]?.fee.text, 'বিনামূল্যে / বিদ্যমান সরকারী নীতিমালা অনুযায়ী');
});

test('Jaintiapur names one officer; empty and partial officer cells are filled from him and marked', () => {
  const officer = {
    name_bn: 'মোঃ ওয়াহিদুল ইসলাম',
    designation_bn: 'উপজেলা ই-সার্ভিস অফিসার/ সহকারী প্রোগ্রামার',
    phone: null,
    mobile: '+8801936447955',
    email: 'wahidul60@gmail.com',
  };
  for (const service of jaintiapur.services) {
    const { inferred, ...details } = service.officer ?? { inferred: null };
    assert.deepEqual(details, officer, `${service.category} ${service.serial}`);
    assert.equal(typeof inferred, 'boolean');
  }
  const readFromRow = jaintiapur.services.filter((s) => !s.officer?.inferred).map((s) => `${s.category} ${s.serial}`);
  assert.deepEqual(readFromRow, ['citizen 1', 'citizen 3', 'institutional 1', 'institutional 5', 'multi_office 13']);
  const inferredWarnings = jaintiapur.warnings.filter((w) => w.code === 'officer_inferred');
  assert.equal(inferredWarnings.length, jaintiapur.services.length - readFromRow.length);
  assert.ok(inferredWarnings.every((w) => typeof w.line === 'number'));
});

test('Jaintiapur citizen service 3 had its officer in the time-limit cell', () => {
  const citizen3 = inCategory(jaintiapur, 'citizen')[2];
  assert.equal(citizen3?.time_limit.text, 'তাৎক্ষণিক/ ৩ কার্যদিবস (প্রযোজ্য ক্ষেত্রে)');
  assert.equal(citizen3?.officer?.inferred, false);
  assert.ok(jaintiapur.warnings.some((w) => w.code === 'officer_in_time_limit' && w.line === citizen3?.source_line));
});

test('Jessore Sadar has 5 citizen and 12 institutional services and nothing to warn about', () => {
  assert.deepEqual(serials(inCategory(jessore, 'citizen')), [1, 2, 3, 4, 5]);
  assert.deepEqual(serials(inCategory(jessore, 'institutional')), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  assert.equal(jessore.services.length, 17);
  assert.deepEqual(jessore.warnings, []);
});

test('Jessore Sadar office has its parent department', () => {
  assert.deepEqual(jessore.office, {
    name_bn: 'উপজেলা কার্যালয়, যশোর সদর, যশোর',
    name_en: null,
    parent_bn: 'তথ্য ও যোগাযোগ প্রযুক্তি অধিদপ্তর',
    address_bn: 'যশোর সদর, যশোর',
    website: 'http://doict.sadar.jessore.gov.bd',
  });
  assert.equal(jessore.vision_bn, 'জ্ঞানভিত্তিক অর্থনীতি ও সুশাসন প্রতিষ্ঠায় তথ্য প্রযুক্তির ব্যবহার।');
  assert.ok(jessore.mission_bn?.startsWith('তথ্য প্রযুক্তি খাতের'));
});

test('Jessore Sadar time limits are read service by service', () => {
  const NOW_7_IF = 'now 0 7 working_day if ';
  const onDemand = (n: number) => ` ${n} ${n} working_day  demand`;
  assert.deepEqual(inCategory(jessore, 'citizen').map(limit), [NOW_3_IF, NOW_3_IF, NOW_7_IF, NOW_7_IF, NOW_3_IF]);
  assert.deepEqual(inCategory(jessore, 'institutional').map(limit), [
    NOW_3_IF,
    NOW_3_IF,
    'now 0 5 working_day if ',
    NOW_3_IF,
    onDemand(7),
    onDemand(3),
    onDemand(7),
    onDemand(3),
    onDemand(10),
    onDemand(90),
    onDemand(30),
    onDemand(15),
  ]);
});

test('Jessore Sadar officer: the number labelled ফোন is a mobile, the e-mail comes out of its link', () => {
  for (const service of jessore.services) {
    assert.deepEqual(service.officer, {
      name_bn: 'মোঃ ফারুক হোসেন',
      designation_bn: 'সহকারী প্রোগ্রামার',
      phone: null,
      mobile: '+8801734954256',
      email: 'faruk383@gmail.com',
      inferred: false,
    });
  }
});

test('Jessore Sadar HTML remnants are gone and fees are free', () => {
  const institutional = inCategory(jessore, 'institutional');
  assert.equal(institutional[9]?.name_bn, 'Software Development সংক্রান্ত বিষয়াবলী');
  assert.equal(institutional[10]?.name_bn, 'ICT সংশ্লিষ্ট খাতের Project Management');
  assert.ok(jessore.services.every((s) => !/[<>]/.test(JSON.stringify(s))));
  assert.deepEqual(inCategory(jessore, 'citizen').map((s) => s.fee.free), [true, true, true, true, true]);
  assert.deepEqual(institutional[0]?.delivery_methods, ['টেলিফোন', 'সরাসরি', 'ই-মেইল যোগাযোগ']);
});
