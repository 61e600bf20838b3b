import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { ChartersError } from './errors.ts';
import type { ServiceCategory } from './model.ts';
import { diceSimilarity, identifyServices, type IncomingService, type PreviousService } from './service-identity.ts';

const INFO = 'উপজেলা আইসিটি কার্যালয় সম্পর্কিত তথ্য প্রদান';
const ADVICE = 'আইসিটি সংশ্লিষ্ট পণ্য ও সেবার বিষয়ে পরামর্শ প্রদান';
const PROJECTS = 'আইসিটি প্রকল্পের তথ্য প্রদান';
const TRAINING = 'সরকারি বিভিন্ন দপ্তরের কর্মকর্তা ও কর্মচারীদের আইসিটি বিষয়ে প্রশিক্ষণ প্রদান';
const ICT_COMMITTEE = 'উপজেলা আইসিটি কমিটি হতে তথ্য প্রদান/ সংশ্লিষ্ট কার্যক্রম';
const INNOVATION_COMMITTEE = 'উপজেলা ইনোভেশন কমিটি হতে তথ্য প্রদান/ সংশ্লিষ্ট কার্যক্রম';

function incoming(category: ServiceCategory, serial: number, name: string, extra: Partial<IncomingService> = {}): IncomingService {
  return { category, serial, name_bn: name, name_en: null, source_line: null, ...extra };
}

function previous(code: string, category: ServiceCategory, serial: number, name: string): PreviousService {
  return { code, category, serial, name_bn: name, name_en: null };
}

/** The office's current charter: s1–s4. */
const CURRENT = [
  previous('s1', 'citizen', 1, INFO),
  previous('s2', 'citizen', 2, ADVICE),
  previous('s3', 'citizen', 3, PROJECTS),
  previous('s4', 'institutional', 1, TRAINING),
];

const codes = (result: ReturnType<typeof identifyServices>) => result.services.map((s) => s.code);
const origins = (result: ReturnType<typeof identifyServices>) => result.services.map((s) => s.origin);
const warningCodes = (result: ReturnType<typeof identifyServices>) => result.warnings.map((w) => w.code);

test("an office's first charter numbers its services s1, s2, … in charter order and reports nothing", () => {
  const result = identifyServices({
    previous: null,
    incoming: [incoming('citizen', 1, INFO), incoming('citizen', 2, ADVICE), incoming('institutional', 1, TRAINING)],
    highestCodeNumber: 0,
  });
  assert.deepEqual(codes(result), ['s1', 's2', 's3']);
  assert.deepEqual(origins(result), ['added', 'added', 'added']);
  assert.deepEqual(result.retired, []);
  assert.deepEqual(result.warnings, []);
});

test('an unchanged charter keeps every code and reports nothing', () => {
  const result = identifyServices({
    previous: CURRENT,
    incoming: CURRENT.map((s) => incoming(s.category, s.serial, s.name_bn ?? '')),
    highestCodeNumber: 4,
  });
  assert.deepEqual(codes(result), ['s1', 's2', 's3', 's4']);
  assert.deepEqual(origins(result), ['kept', 'kept', 'kept', 'kept']);
  assert.deepEqual(result.warnings, []);
});

test('a service renamed slightly keeps its code', () => {
  const result = identifyServices({
    previous: CURRENT,
    incoming: [
      incoming('citizen', 1, INFO),
      incoming('citizen', 2, ADVICE),
      incoming('citizen', 3, 'আইসিটি প্রকল্প সংক্রান্ত তথ্য প্রদান', { source_line: 40 }),
      incoming('institutional', 1, TRAINING),
    ],
    highestCodeNumber: 4,
  });
  assert.deepEqual(codes(result), ['s1', 's2', 's3', 's4']);
  assert.equal(result.services[2]?.origin, 'matched');
  assert.equal(result.services[2]?.previous?.name_bn, PROJECTS);
  assert.deepEqual(result.warnings.map((w) => [w.line, w.code]), [[40, 'service_matched']]);
  assert.match(result.warnings[0]?.message ?? '', /s3/);
});

test('renumbering keeps the code of every service whose name did not change', () => {
  const result = identifyServices({
    previous: CURRENT,
    incoming: [
      incoming('citizen', 1, 'ডিজিটাল সেন্টারের উদ্যোক্তাদের প্রশিক্ষণ'),
      incoming('citizen', 2, INFO),
      incoming('citizen', 3, ADVICE),
      incoming('citizen', 4, PROJECTS),
      incoming('institutional', 1, TRAINING),
    ],
    highestCodeNumber: 4,
  });
  assert.deepEqual(codes(result), ['s5', 's1', 's2', 's3', 's4']);
  assert.deepEqual(origins(result), ['added', 'kept', 'kept', 'kept', 'kept']);
  assert.deepEqual(warningCodes(result), ['service_added', 'service_matched', 'service_matched', 'service_matched']);
  assert.match(result.warnings[1]?.message ?? '', /was citizen 1/);
});

test('a service both renamed slightly and renumbered keeps its code when the name is very similar', () => {
  const result = identifyServices({
    previous: [previous('s1', 'multi_office', 13, 'উপজেলা মিডিয়া সেল হতে তথ্য প্রদান'), previous('s2', 'multi_office', 14, ICT_COMMITTEE)],
    incoming: [incoming('multi_office', 13, ICT_COMMITTEE), incoming('multi_office', 14, 'উপজেলা মিডিয়া সেল থেকে তথ্য প্রদান')],
    highestCodeNumber: 2,
  });
  assert.deepEqual(codes(result), ['s2', 's1']);
  assert.deepEqual(origins(result), ['kept', 'matched']);
});

test('a renumbered service whose name is only fairly similar is a new service', () => {
  const result = identifyServices({
    previous: [previous('s1', 'citizen', 1, INFO), previous('s2', 'citizen', 2, PROJECTS)],
    incoming: [incoming('citizen', 1, INFO), incoming('citizen', 5, 'আইসিটি প্রকল্প সংক্রান্ত তথ্য প্রদান')],
    highestCodeNumber: 2,
  });
  assert.deepEqual(codes(result), ['s1', 's3']);
  assert.deepEqual(result.retired.map((s) => s.code), ['s2']);
  assert.deepEqual(warningCodes(result), ['service_added', 'service_retired']);
});

test('a removed service is retired and its code is not given to the service added in its place', () => {
  const result = identifyServices({
    previous: CURRENT,
    incoming: [
      incoming('citizen', 1, INFO),
      incoming('citizen', 2, 'ডিজিটাল সেন্টারের উদ্যোক্তাদের প্রশিক্ষণ'),
      incoming('citizen', 3, PROJECTS),
      incoming('institutional', 1, TRAINING),
    ],
    highestCodeNumber: 4,
  });
  assert.deepEqual(codes(result), ['s1', 's5', 's3', 's4']);
  assert.deepEqual(result.retired.map((s) => s.code), ['s2']);
  assert.deepEqual(warningCodes(result), ['service_added', 'service_retired']);
  assert.deepEqual(result.warnings[1], {
    line: null,
    code: 'service_retired',
    message: `citizen 2 "${ADVICE}" (s2) is no longer offered: its code is retired`,
  });
});

test('a code retired in any earlier version is never reused: new codes follow the highest ever used', () => {
  const result = identifyServices({
    previous: [previous('s1', 'citizen', 1, INFO)],
    incoming: [incoming('citizen', 1, INFO), incoming('citizen', 2, ADVICE)],
    highestCodeNumber: 9,
  });
  assert.deepEqual(codes(result), ['s1', 's10']);
});

test('two services with similar names each keep their own code when both are renamed', () => {
  const result = identifyServices({
    previous: [previous('s7', 'multi_office', 15, ICT_COMMITTEE), previous('s8', 'multi_office', 16, INNOVATION_COMMITTEE)],
    incoming: [
      incoming('multi_office', 15, ICT_COMMITTEE.replace('হতে', 'থেকে')),
      incoming('multi_office', 16, INNOVATION_COMMITTEE.replace('হতে', 'থেকে')),
    ],
    highestCodeNumber: 8,
  });
  assert.deepEqual(codes(result), ['s7', 's8']);
  assert.deepEqual(origins(result), ['matched', 'matched']);
});

test('two services with similar names keep their codes when they swap places', () => {
  const result = identifyServices({
    previous: [previous('s7', 'multi_office', 15, ICT_COMMITTEE), previous('s8', 'multi_office', 16, INNOVATION_COMMITTEE)],
    incoming: [incoming('multi_office', 15, INNOVATION_COMMITTEE), incoming('multi_office', 16, ICT_COMMITTEE)],
    highestCodeNumber: 8,
  });
  assert.deepEqual(codes(result), ['s8', 's7']);
});

test('a service moved to another category keeps its code when its name is identical', () => {
  const result = identifyServices({
    previous: CURRENT,
    incoming: [incoming('citizen', 1, INFO), incoming('citizen', 2, ADVICE), incoming('citizen', 3, PROJECTS), incoming('citizen', 4, TRAINING)],
    highestCodeNumber: 4,
  });
  assert.deepEqual(codes(result), ['s1', 's2', 's3', 's4']);
  assert.equal(result.services[3]?.origin, 'kept');
  assert.deepEqual(warningCodes(result), ['service_matched']);
  assert.match(result.warnings[0]?.message ?? '', /was institutional 1/);
});

test('a renamed service in another category is a new service', () => {
  const result = identifyServices({
    previous: [previous('s1', 'institutional', 1, TRAINING)],
    incoming: [incoming('citizen', 1, `${TRAINING} ও পরামর্শ`)],
    highestCodeNumber: 1,
  });
  assert.deepEqual(codes(result), ['s2']);
  assert.deepEqual(result.retired.map((s) => s.code), ['s1']);
});

test('a service that stays in place keeps its code when fairly similar, but an unrelated one in its place is new', () => {
  const renamed = identifyServices({
    previous: [previous('s1', 'citizen', 1, PROJECTS)],
    incoming: [incoming('citizen', 1, 'আইসিটি প্রকল্প সংক্রান্ত তথ্য প্রদান')],
    highestCodeNumber: 1,
  });
  assert.deepEqual(codes(renamed), ['s1']);
  const replaced = identifyServices({
    previous: [previous('s1', 'citizen', 1, PROJECTS)],
    incoming: [incoming('citizen', 1, 'জন্ম নিবন্ধন সনদ সংশোধন')],
    highestCodeNumber: 1,
  });
  assert.deepEqual(codes(replaced), ['s2']);
});

test('an old service is matched at most once, even when two new services carry its name', () => {
  const result = identifyServices({
    previous: [previous('s1', 'citizen', 1, INFO)],
    incoming: [incoming('citizen', 1, INFO), incoming('institutional', 1, INFO)],
    highestCodeNumber: 1,
  });
  assert.deepEqual(codes(result), ['s1', 's2']);
  assert.deepEqual(origins(result), ['kept', 'added']);
});

test('the best match wins over a weaker one in the same place', () => {
  // the renamed innovation committee now stands where the ICT committee stood, and is fairly
  // like it; but it is far more like its own old self, and the ICT committee is there by name
  const result = identifyServices({
    previous: [previous('s1', 'multi_office', 15, ICT_COMMITTEE), previous('s2', 'multi_office', 16, INNOVATION_COMMITTEE)],
    incoming: [incoming('multi_office', 15, INNOVATION_COMMITTEE.replace('হতে', 'থেকে')), incoming('multi_office', 16, ICT_COMMITTEE)],
    highestCodeNumber: 2,
  });
  assert.deepEqual(codes(result), ['s2', 's1']);
  assert.deepEqual(origins(result), ['matched', 'kept']);
});

test('names are compared in one Unicode spelling, with either digits and without punctuation', () => {
  const result = identifyServices({
    previous: [previous('s1', 'citizen', 1, 'ইনফো-সরকার পেজ ২ এর সমস্যার সমাধানে সহায়তা')],
    // precomposed য় (U+09DF), ASCII digit, a trailing দাঁড়ি
    incoming: [incoming('citizen', 4, 'ইনফো সরকার পেজ 2 এর সমস্যার সমাধানে সহা\u09DFতা।')],
    highestCodeNumber: 1,
  });
  assert.deepEqual(origins(result), ['kept']);
  assert.deepEqual(codes(result), ['s1']);
});

test('a code given in the document is honoured, and the other services are matched around it', () => {
  const result = identifyServices({
    previous: CURRENT,
    incoming: [
      incoming('citizen', 1, 'আইসিটি অধিদপ্তর সম্পর্কে সাধারণ তথ্য', { code: 's1' }),
      incoming('citizen', 2, ADVICE),
      incoming('citizen', 3, INFO),
      incoming('institutional', 1, TRAINING, { code: 's12' }),
    ],
    highestCodeNumber: 4,
  });
  // INFO's old code s1 is claimed by the document, so INFO is a new service now
  assert.deepEqual(codes(result), ['s1', 's2', 's13', 's12']);
  assert.deepEqual(origins(result), ['matched', 'kept', 'added', 'added']);
  assert.deepEqual(result.retired.map((s) => s.code), ['s3', 's4']);
  assert.match(result.warnings.find((w) => w.message.includes('s12'))?.message ?? '', /given in the document/);
});

test("a first charter with codes (an office moved from another server) keeps them and numbers the rest after them", () => {
  const result = identifyServices({
    previous: null,
    incoming: [incoming('citizen', 1, INFO, { code: 's4' }), incoming('citizen', 2, ADVICE), incoming('citizen', 3, PROJECTS, { code: 's9' })],
    highestCodeNumber: 0,
  });
  assert.deepEqual(codes(result), ['s4', 's10', 's9']);
  assert.deepEqual(result.warnings, []);
});

test('two services of one document with the same code are refused, naming both', () => {
  assert.throws(
    () =>
      identifyServices({
        previous: null,
        incoming: [incoming('citizen', 1, INFO, { code: 's3' }), incoming('institutional', 2, ADVICE, { code: 's3' })],
        highestCodeNumber: 0,
      }),
    (error) =>
      error instanceof ChartersError &&
      error.code === 'duplicate_service_code' &&
      /s3 is given to citizen 1 and to institutional 2/.test(error.detail ?? ''),
  );
});

test('a charter without any services retires every service of the previous version', () => {
  const result = identifyServices({ previous: CURRENT, incoming: [], highestCodeNumber: 4 });
  assert.deepEqual(result.retired.map((s) => s.code), ['s1', 's2', 's3', 's4']);
  assert.deepEqual(warningCodes(result), ['service_retired', 'service_retired', 'service_retired', 'service_retired']);
});

test('every service gets a distinct code and each old service is claimed at most once', () => {
  const names = [INFO, ADVICE, PROJECTS, TRAINING, ICT_COMMITTEE, INNOVATION_COMMITTEE];
  const service = fc.record({
    category: fc.constantFrom<ServiceCategory>('citizen', 'institutional'),
    serial: fc.integer({ min: 1, max: 4 }),
    name: fc.constantFrom(...names),
  });
  fc.assert(
    fc.property(fc.array(service, { maxLength: 8 }), fc.array(service, { maxLength: 8 }), (before, after) => {
      const old = before.map((s, i) => previous(`s${i + 1}`, s.category, s.serial, s.name));
      const result = identifyServices({
        previous: old,
        incoming: after.map((s) => incoming(s.category, s.serial, s.name)),
        highestCodeNumber: old.length,
      });
      const given = codes(result);
      assert.equal(new Set(given).size, given.length);
      const kept = result.services.flatMap((s) => (s.previous ? [s.previous.code] : []));
      assert.equal(new Set(kept).size, kept.length);
      assert.equal(kept.length + result.retired.length, old.length);
      for (const s of result.services) {
        if (s.origin === 'added') assert.ok(Number(s.code.slice(1)) > old.length, `${s.code} is new`);
      }
    }),
  );
});

test('the similarity of two names is 1 when equal, 0 when nothing is shared, and the same both ways', () => {
  assert.equal(diceSimilarity(INFO, INFO), 1);
  assert.equal(diceSimilarity('abc', 'xyz'), 0);
  fc.assert(fc.property(fc.string(), fc.string(), (a, b) => diceSimilarity(a, b) === diceSimilarity(b, a)));
  fc.assert(fc.property(fc.string(), fc.string(), (a, b) => diceSimilarity(a, b) >= 0 && diceSimilarity(a, b) <= 1));
});
