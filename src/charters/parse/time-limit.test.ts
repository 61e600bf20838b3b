import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TIME_UNITS, type TimeLimit } from '../model.ts';
import { parseTimeLimit, splitTrailingOfficer } from './time-limit.ts';

const LEAKED =
  'তাৎক্ষণিক/ ৩ কার্যদিবস (প্রযোজ্য ক্ষেত্রে)  জনাব মোঃ ওয়াহিদুল ইসলাম উপজেলা ই-সার্ভিস অফিসার/ সহকারী প্রোগ্রামার ফোন: +৮৮ মোবাইল: ০১৯৩৬৪৪৭৯৫৫ ইমেইল: wahidul60@gmail.com';

function limitOf(text: string): TimeLimit {
  return parseTimeLimit(text).limit;
}

function codesOf(text: string): string[] {
  return parseTimeLimit(text).notes.map((note) => note.code);
}

function figures(limit: TimeLimit) {
  const { immediate, min, max, unit, conditional, on_demand } = limit;
  return { immediate, min, max, unit, conditional, on_demand };
}

const plain = { immediate: false, conditional: false, on_demand: false };

test('immediate or three working days where applicable', () => {
  const { limit, notes } = parseTimeLimit('তাৎক্ষণিক/ ৩ কার্যদিবস (প্রযোজ্য ক্ষেত্রে)');
  assert.deepEqual(limit, {
    text: 'তাৎক্ষণিক/ ৩ কার্যদিবস (প্রযোজ্য ক্ষেত্রে)',
    immediate: true, min: 0, max: 3, unit: 'working_day', conditional: true, on_demand: false,
  });
  assert.deepEqual(notes, []);
});

test('every spelling of immediate is recognised', () => {
  for (const word of ['তাৎক্ষণিক', 'তাৎক্ষনিক', 'তাৎক্ষণিকভাবে', 'তাৎক্ষণিক ভাবে', 'তৎক্ষণাৎ', 'তা\u09A4\u09CD\u200Dক্ষণিক']) {
    assert.deepEqual(figures(limitOf(`${word}/ ৭ কার্যদিবস`)), { ...plain, immediate: true, min: 0, max: 7, unit: 'working_day' }, word);
  }
});

test('immediate alone is due the same working day', () => {
  const { limit, notes } = parseTimeLimit('তাৎক্ষণিক');
  assert.deepEqual(figures(limit), { ...plain, immediate: true, min: 0, max: 0, unit: 'working_day' });
  assert.deepEqual(notes, []);
});

test('a range of working days is expected at its start and due at its end', () => {
  for (const text of ['৩-৭ কার্যদিবস', '৩ - ৭ কার্যদিবস', '৩–৭ কার্যদিবস', '৩ থেকে ৭ কার্যদিবস', '৩ হতে ৭ কার্যদিবস', '3-7 working days']) {
    assert.deepEqual(figures(limitOf(text)), { ...plain, min: 3, max: 7, unit: 'working_day' }, text);
  }
});

test('a range written backwards is put in order, with a warning that says so', () => {
  assert.deepEqual(figures(limitOf('৭-৩ কার্যদিবস')), { ...plain, min: 3, max: 7, unit: 'working_day' });
  assert.deepEqual(parseTimeLimit('৭-৩ কার্যদিবস').notes, [
    {
      code: 'reversed_range',
      message: 'Time limit "৭-৩ কার্যদিবস" gives its range backwards; read as 3 to 7 working days (expected after 3, due after 7).',
    },
  ]);
  assert.deepEqual(codesOf('৩-৭ কার্যদিবস'), []);
});

test('calendar days said outright are calendar days, in either language', () => {
  for (const text of ['7 calendar days', '৭ পঞ্জিকা দিবস', '৭ দিন (পঞ্জিকা)', '৭ পঞ্জিকা দিন', 'Within 7 calendar days']) {
    assert.deepEqual(figures(limitOf(text)), { ...plain, min: 7, max: 7, unit: 'calendar_day' }, text);
    assert.deepEqual(codesOf(text), [], text);
  }
});

test('a range where applicable is conditional', () => {
  assert.deepEqual(figures(limitOf('৩-৭ কার্যদিবস (প্রযোজ্য ক্ষেত্রে)')), { ...plain, conditional: true, min: 3, max: 7, unit: 'working_day' });
});

test('a single figure is both expected and due', () => {
  assert.deepEqual(figures(limitOf('৭ কার্যদিবস')), { ...plain, min: 7, max: 7, unit: 'working_day' });
});

test('a figure or as demanded is on demand with the figure kept', () => {
  const cases: Array<[string, number]> = [
    ['৭ কার্যদিবস/ চাহিদা অনুযায়ী', 7],
    ['৭ কার্যদিবস/ প্রয়োজন অনুযায়ী', 7],
    ['১৫ কার্যদিবস/ অটোমেশনের চাহিদা অনুযায়ী', 15],
    ['৯০ কার্যদিবস /প্রয়োজন অনুযায়ী', 90],
    ['১৫ কার্যদিবস / প্রয়োজন অনুযায়ী', 15],
  ];
  for (const [text, days] of cases) {
    const { limit, notes } = parseTimeLimit(text);
    assert.deepEqual(figures(limit), { ...plain, on_demand: true, min: days, max: days, unit: 'working_day' }, text);
    assert.deepEqual(notes, [], text);
  }
});

test('as demanded alone has no fixed limit', () => {
  for (const text of ['চাহিদা অনুযায়ী', 'প্রয়োজন অনুযায়ী']) {
    const { limit, notes } = parseTimeLimit(text);
    assert.deepEqual(limit, { text, ...plain, on_demand: true, min: null, max: null, unit: null });
    assert.deepEqual(notes.map((n) => n.code), ['no_fixed_limit']);
    assert.match(notes[0]?.message ?? '', new RegExp(text));
  }
});

test('both Unicode spellings of য় in অনুযায়ী are recognised', () => {
  assert.equal(limitOf('৭ কার্যদিবস/ চাহিদা অনুযা\u09DFী').on_demand, true);
  assert.equal(limitOf('৭ কার্যদিবস/ চাহিদা অনুযা\u09AF\u09BCী').on_demand, true);
});

test('working-day unit spellings are all working days', () => {
  for (const unit of ['কার্যদিবস', 'কার্য দিবস', 'কর্মদিবস', 'কর্ম দিবস', 'কার্যদিবসের মধ্যে', 'কার্য্যদিবস', 'working days', 'working day']) {
    assert.deepEqual(figures(limitOf(`৫ ${unit}`)), { ...plain, min: 5, max: 5, unit: 'working_day' }, unit);
  }
});

test('calendar-day, hour and month units are recognised', () => {
  const cases: Array<[string, number, string]> = [
    ['১২০ দিন', 120, 'calendar_day'],
    ['৩০ দিবস', 30, 'calendar_day'],
    ['10 days', 10, 'calendar_day'],
    ['২৪ ঘণ্টা', 24, 'hour'],
    ['৪৮ ঘন্টা', 48, 'hour'],
    ['2 hours', 2, 'hour'],
    ['৩ মাস', 3, 'month'],
    ['1 month', 1, 'month'],
  ];
  for (const [text, value, unit] of cases) {
    assert.deepEqual(figures(limitOf(text)), { ...plain, min: value, max: value, unit }, text);
    assert.deepEqual(codesOf(text), [], text);
  }
});

test('a number with leading zero and spelled-out repeat is read once', () => {
  assert.deepEqual(figures(limitOf('০১ (এক) মাস')), { ...plain, min: 1, max: 1, unit: 'month' });
  assert.deepEqual(figures(limitOf('২৪ (চব্বিশ) ঘণ্টা')), { ...plain, min: 24, max: 24, unit: 'hour' });
  assert.deepEqual(codesOf('২৪ (চব্বিশ) ঘণ্টা'), []);
});

test('a spelled-out repeat that disagrees with the digits is reported and the digits win', () => {
  const { limit, notes } = parseTimeLimit('২৪ (পঁচিশ) ঘণ্টা');
  assert.equal(limit.max, 24);
  assert.deepEqual(notes.map((n) => n.code), ['number_mismatch']);
});

test('a number written only in words is read', () => {
  assert.deepEqual(figures(limitOf('সাত কর্ম দিবসের মধ্যে')), { ...plain, min: 7, max: 7, unit: 'working_day' });
  assert.deepEqual(figures(limitOf('এক মাস')), { ...plain, min: 1, max: 1, unit: 'month' });
  assert.deepEqual(figures(limitOf('পনের দিনের মধ্যে')), { ...plain, min: 15, max: 15, unit: 'calendar_day' });
});

test('the word নয় meaning "not" is not read as nine', () => {
  const { limit, notes } = parseTimeLimit('প্রযোজ্য নয়');
  assert.equal(limit.unit, null);
  assert.deepEqual(notes.map((n) => n.code), ['no_fixed_limit']);
});

test('subject to hearing is not a duration', () => {
  for (const text of ['শুনানী সাপেক্ষে', 'শুনানি সাপেক্ষে']) {
    const { limit, notes } = parseTimeLimit(text);
    assert.deepEqual(limit, { text, immediate: false, min: null, max: null, unit: null, conditional: true, on_demand: false });
    assert.deepEqual(notes.map((n) => n.code), ['no_fixed_limit']);
    assert.match(notes[0]?.message ?? '', new RegExp(`"${text}"`));
  }
});

test('unrecognised text is not a duration and the note quotes it', () => {
  const { limit, notes } = parseTimeLimit('নির্দেশনা মোতাবেক');
  assert.deepEqual(limit, { text: 'নির্দেশনা মোতাবেক', ...plain, min: null, max: null, unit: null });
  assert.equal(notes[0]?.code, 'no_fixed_limit');
  assert.match(notes[0]?.message ?? '', /"নির্দেশনা মোতাবেক"/);
});

test('an empty cell has no time limit and says it is missing', () => {
  for (const text of ['', '   ', '<br>']) {
    assert.deepEqual(parseTimeLimit(text), {
      limit: { text: null, immediate: false, min: null, max: null, unit: null, conditional: false, on_demand: false },
      notes: [{ code: 'missing_time_limit', message: 'No time limit is given.' }],
    });
  }
});

test('where applicable alone is conditional but has no duration', () => {
  const { limit, notes } = parseTimeLimit('(প্রযোজ্য ক্ষেত্রে)');
  assert.deepEqual(figures(limit), { ...plain, conditional: true, min: null, max: null, unit: null });
  assert.deepEqual(notes.map((n) => n.code), ['no_fixed_limit']);
});

test('a bare number is taken as working days with a note', () => {
  const { limit, notes } = parseTimeLimit('৭');
  assert.deepEqual(figures(limit), { ...plain, min: 7, max: 7, unit: 'working_day' });
  assert.deepEqual(notes.map((n) => n.code), ['assumed_unit']);
  assert.match(notes[0]?.message ?? '', /"৭"/);
  assert.deepEqual(figures(limitOf('তাৎক্ষণিক/ ৩')), { ...plain, immediate: true, min: 0, max: 3, unit: 'working_day' });
  assert.deepEqual(figures(limitOf('৩-৭')), { ...plain, min: 3, max: 7, unit: 'working_day' });
});

test('a number inside other words without a unit is not a time limit', () => {
  const { limit, notes } = parseTimeLimit('তথ্য অধিকার আইন ২০০৯ অনুযায়ী');
  assert.equal(limit.unit, null);
  assert.deepEqual(notes.map((n) => n.code), ['no_fixed_limit']);
});

test('a year in the text does not stretch a time limit that has a unit', () => {
  assert.deepEqual(figures(limitOf('তথ্য অধিকার আইন ২০০৯ অনুযায়ী ২০ কার্যদিবস')), { ...plain, min: 20, max: 20, unit: 'working_day' });
});

test('two figures in the same unit become a range', () => {
  assert.deepEqual(figures(limitOf('৭ কার্যদিবস/ ১৫ কার্যদিবস')), { ...plain, min: 7, max: 15, unit: 'working_day' });
});

test('figures in different units keep the longest, as the promise runs to it, and say so', () => {
  const { limit, notes } = parseTimeLimit('২৪ ঘণ্টা/ ৩ কার্যদিবস');
  assert.deepEqual(figures(limit), { ...plain, min: 3, max: 3, unit: 'working_day' });
  assert.deepEqual(notes.map((n) => n.code), ['mixed_units']);
  assert.deepEqual(figures(limitOf('৭ দিন থেকে ১ মাস')), { ...plain, min: 1, max: 1, unit: 'month' });
});

test('immediate with hours keeps hours', () => {
  assert.deepEqual(figures(limitOf('তাৎক্ষণিক/ ২৪ ঘণ্টা')), { ...plain, immediate: true, min: 0, max: 24, unit: 'hour' });
});

test('weeks, years and minutes are converted to a model unit with a note', () => {
  const cases: Array<[string, number, string]> = [
    ['২ সপ্তাহ', 14, 'calendar_day'],
    ['১ বছর', 12, 'month'],
    ['৩০ মিনিট', 0.5, 'hour'],
  ];
  for (const [text, value, unit] of cases) {
    const { limit, notes } = parseTimeLimit(text);
    assert.deepEqual(figures(limit), { ...plain, min: value, max: value, unit }, text);
    assert.deepEqual(notes.map((n) => n.code), ['converted_unit'], text);
  }
});

test('ASCII digits, HTML and extra spaces are handled', () => {
  const { limit } = parseTimeLimit('  <b>তাৎক্ষণিক</b>/   3&nbsp;কার্যদিবস  ');
  assert.deepEqual(limit, { text: 'তাৎক্ষণিক/ 3 কার্যদিবস', immediate: true, min: 0, max: 3, unit: 'working_day', conditional: false, on_demand: false });
});

test('officer details leaked into the time-limit cell are left out of the limit with a note', () => {
  const { limit, notes } = parseTimeLimit(LEAKED);
  assert.deepEqual(limit, {
    text: 'তাৎক্ষণিক/ ৩ কার্যদিবস (প্রযোজ্য ক্ষেত্রে)',
    immediate: true, min: 0, max: 3, unit: 'working_day', conditional: true, on_demand: false,
  });
  assert.deepEqual(notes.map((n) => n.code), ['officer_text_in_time_limit']);
  assert.match(notes[0]?.message ?? '', /ওয়াহিদুল/);
});

test('the leaked officer is split from the real Jaintiapur time-limit cell', () => {
  assert.deepEqual(splitTrailingOfficer(LEAKED), {
    timeLimitText: 'তাৎক্ষণিক/ ৩ কার্যদিবস (প্রযোজ্য ক্ষেত্রে)',
    officerText:
      'জনাব মোঃ ওয়াহিদুল ইসলাম উপজেলা ই-সার্ভিস অফিসার/ সহকারী প্রোগ্রামার ফোন: +৮৮ মোবাইল: ০১৯৩৬৪৪৭৯৫৫ ইমেইল: wahidul60@gmail.com',
  });
});

test('a time-limit cell without officer details is returned whole', () => {
  assert.deepEqual(splitTrailingOfficer('৩-৭ কার্যদিবস (প্রযোজ্য ক্ষেত্রে) '), {
    timeLimitText: '৩-৭ কার্যদিবস (প্রযোজ্য ক্ষেত্রে)',
    officerText: null,
  });
  assert.deepEqual(splitTrailingOfficer(''), { timeLimitText: '', officerText: null });
});

test('officer details starting with a title, a label, an e-mail or a phone number are split off', () => {
  const cases: Array<[string, string]> = [
    ['৭ কার্যদিবস মোঃ করিম সহকারী প্রোগ্রামার', 'মোঃ করিম সহকারী প্রোগ্রামার'],
    ['৭ কার্যদিবস জনাবা নাসরিন আক্তার', 'জনাবা নাসরিন আক্তার'],
    ['৭ কার্যদিবস মোবাইল: ০১৯৩৬৪৪৭৯৫৫', 'মোবাইল: ০১৯৩৬৪৪৭৯৫৫'],
    ['৭ কার্যদিবস ০১৯৩৬৪৪৭৯৫৫', '০১৯৩৬৪৪৭৯৫৫'],
    ['৭ কার্যদিবস wahidul60@gmail.com', 'wahidul60@gmail.com'],
    ['৭ কার্যদিবস <a href="mailto:faruk383@gmail.com">faruk383@gmail.com</a>', '<a href="mailto:faruk383@gmail.com">faruk383@gmail.com</a>'],
  ];
  for (const [text, officer] of cases) assert.deepEqual(splitTrailingOfficer(text), { timeLimitText: '৭ কার্যদিবস', officerText: officer }, text);
});

const banglaChar = fc.integer({ min: 0x0980, max: 0x09ff }).map((code) => String.fromCodePoint(code));
const timeish = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: fc.oneof(banglaChar, fc.constantFrom(' ', '/', '-', '(', ')', '0', '7', '.', ',')) }),
  fc
    .array(fc.constantFrom('তাৎক্ষণিক', '৩', '-', '৭', 'কার্যদিবস', 'দিন', 'সাত', 'নয়', '(চব্বিশ)', 'ঘণ্টা', '/', 'চাহিদা অনুযায়ী', 'প্রযোজ্য ক্ষেত্রে', 'জনাব', '২০০৯', '১.৫'))
    .map((words) => words.join(' ')),
);

test('parsing any time-limit text never throws and gives a well-formed limit', () => {
  fc.assert(
    fc.property(timeish, (text) => {
      const { limit, notes } = parseTimeLimit(text);
      for (const note of notes) assert.ok(note.code !== '' && note.message !== '');
      assert.ok(limit.text === null || (limit.text !== '' && limit.text === limit.text.trim()));
      if (limit.unit === null) {
        assert.equal(limit.min, null);
        assert.equal(limit.max, null);
        assert.equal(limit.immediate, false);
      } else {
        assert.ok(TIME_UNITS.includes(limit.unit));
        assert.ok(limit.min !== null && limit.max !== null && Number.isFinite(limit.max));
        assert.ok(limit.min >= 0 && limit.min <= limit.max);
        if (limit.immediate) assert.equal(limit.min, 0);
      }
      const split = splitTrailingOfficer(text);
      assert.ok(split.officerText === null || split.officerText !== '');
    }),
    { numRuns: 2000 },
  );
});

test('"the same day" is immediate and "the next working day" is one working day', () => {
  for (const text of ['একই দিনে', 'সেদিনই']) {
    const { limit } = parseTimeLimit(text);
    assert.deepEqual([limit.immediate, limit.min, limit.max, limit.unit], [true, 0, 0, 'working_day'], text);
  }
  const { limit } = parseTimeLimit('পরবর্তী কর্মদিবসে');
  assert.deepEqual([limit.immediate, limit.min, limit.max, limit.unit], [false, 1, 1, 'working_day']);
});

test('hours and minutes together are one duration, and half an hour is 0.5 hours', () => {
  for (const [text, hours] of [['১ ঘণ্টা ৩০ মিনিট', 1.5], ['এক ঘণ্টা ত্রিশ মিনিট', 1.5], ['আধা ঘণ্টা', 0.5]] as const) {
    const { limit } = parseTimeLimit(text);
    assert.deepEqual([limit.min, limit.max, limit.unit], [hours, hours, 'hour'], text);
  }
});

test('days with their kind in brackets after them are that kind: "১৫ দিন (কার্যদিবস)" is 15 working days', () => {
  const read = (text: string) => {
    const { max, unit } = parseTimeLimit(text).limit;
    return [max, unit];
  };
  assert.deepEqual(read('১৫ দিন (কার্যদিবস)'), [15, 'working_day']);
  assert.deepEqual(read('৩০ দিন ( কর্ম দিবস )'), [30, 'working_day']);
  assert.deepEqual(read('10 days (working days)'), [10, 'working_day']);
  assert.deepEqual(read('৭ দিন (পঞ্জিকা)'), [7, 'calendar_day']);
  assert.deepEqual(read('১৫ দিন (প্রযোজ্য ক্ষেত্রে)'), [15, 'calendar_day']);
});
