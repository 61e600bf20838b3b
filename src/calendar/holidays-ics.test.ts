import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CalendarError } from './errors.ts';
import { HOLIDAY_KINDS, type Holiday, type SpecialWorkingDay } from './holiday-file.ts';
import { holidaysToIcs, parseIcsHolidays, parseIcsHolidaysInSlices } from './holidays-ics.ts';
import { addDays } from './local-date.ts';
import { nationalHolidayFile } from './test-support.ts';

const y2025 = nationalHolidayFile(2025);
const y2026 = nationalHolidayFile(2026);
const victoryDay: Holiday = {
  date: '2026-12-16',
  name_bn: 'বিজয় দিবস',
  name_en: 'Victory Day',
  kind: 'general',
  moon_dependent: false,
  confirmed: true,
  source: 'Ministry of Public Administration notice of 9 November 2025',
};

function unfold(ics: string): string[] {
  return ics.replace(/\r\n[ \t]/g, '').split('\r\n');
}

function refusal(text: string): string {
  try {
    parseIcsHolidays(text);
  } catch (error) {
    assert.ok(error instanceof CalendarError, `threw ${String(error)}`);
    assert.equal(error.code, 'invalid_ics');
    return error.message;
  }
  return assert.fail('the text was accepted');
}

function calendarOf(...lines: string[]): string {
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Elsewhere//EN', ...lines, 'END:VCALENDAR', ''].join('\r\n');
}

test('the calendar is a VCALENDAR with CRLF line endings', () => {
  const ics = holidaysToIcs(2026, y2026.holidays, y2026.special_working_days);
  assert.ok(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:'));
  assert.ok(ics.endsWith('END:VCALENDAR\r\n'));
  assert.equal(/[^\r]\n|\r[^\n]/.test(ics), false);
});

test('no line is longer than 75 octets and folding never splits a Bangla character', () => {
  const ics = holidaysToIcs(2026, y2026.holidays, y2026.special_working_days);
  for (const line of ics.split('\r\n')) assert.ok(Buffer.byteLength(line, 'utf8') <= 75, `${Buffer.byteLength(line)} octets: ${line}`);
  const summaries = unfold(ics).filter((line) => line.startsWith('SUMMARY:'));
  assert.ok(summaries.includes('SUMMARY:শহীদ দিবস ও আন্তর্জাতিক মাতৃভাষা দিবস / Shaheed Day and International Mother Language Day'));
});

test('each holiday is an all-day event with a stable UID, both names, its kind and its status', () => {
  const ics = holidaysToIcs(2026, [victoryDay], []);
  const lines = unfold(ics);
  for (const expected of [
    'UID:2026-12-16-general-victory-day@holidays.protishruti',
    'DTSTART;VALUE=DATE:20261216',
    'DTEND;VALUE=DATE:20261217',
    'SUMMARY:বিজয় দিবস / Victory Day',
    'CATEGORIES:general',
    'STATUS:CONFIRMED',
    'X-PROTISHRUTI-CONFIRMED:TRUE',
    'X-PROTISHRUTI-MOON-DEPENDENT:FALSE',
    'DTSTAMP:20260101T000000Z',
  ]) {
    assert.ok(lines.includes(expected), `missing ${expected}`);
  }
  assert.equal(holidaysToIcs(2026, [victoryDay], []), ics);
});

test('two holidays with the same name on the same day get different UIDs', () => {
  const lines = unfold(holidaysToIcs(2026, [victoryDay, { ...victoryDay, source: 'another source' }], []));
  assert.deepEqual(
    lines.filter((line) => line.startsWith('UID:')),
    ['UID:2026-12-16-general-victory-day@holidays.protishruti', 'UID:2026-12-16-general-victory-day-2@holidays.protishruti'],
  );
});

test('our own files read back without loss', () => {
  for (const file of [y2025, y2026]) {
    const parsed = parseIcsHolidays(holidaysToIcs(file.year, file.holidays, file.special_working_days));
    assert.deepEqual(parsed.holidays, file.holidays);
    assert.deepEqual(parsed.specialWorkingDays, file.special_working_days);
  }
});

test('the sliced parse reads a big file the same, and lets other work run before it is done', async () => {
  const holidays = Array.from({ length: 5000 }, (_unused, n) => ({ ...victoryDay, date: addDays('2030-01-01', n), name_bn: `ছুটি ${n}`, name_en: `Day ${n}` }));
  const ics = holidaysToIcs(2030, holidays, []);
  const events: string[] = [];
  setImmediate(() => events.push('other work'));
  const parsed = await parseIcsHolidaysInSlices(ics);
  events.push('parsed');
  assert.deepEqual(events, ['other work', 'parsed']);
  assert.deepEqual(parsed, { holidays, specialWorkingDays: [] });
  await assert.rejects(parseIcsHolidaysInSlices('hello'), /not an iCalendar file/);
});

const text = fc.string({ unit: fc.constantFrom('a', 'ব', 'ি', ';', ',', '\\', '\n', ':', '"', ' ', '/', 'জ', '়', '😀'), minLength: 1, maxLength: 120 }).filter((value) => value.trim() === value && value.trim() !== '');

test('any holiday data reads back without loss', () => {
  const holiday: fc.Arbitrary<Holiday> = fc.record({
    date: fc.integer({ min: 0, max: 364 }).map((offset) => addDays('2026-01-01', offset)),
    name_bn: text,
    name_en: text,
    kind: fc.constantFrom(...HOLIDAY_KINDS),
    moon_dependent: fc.boolean(),
    confirmed: fc.boolean(),
    source: text,
  }, { noNullPrototype: true });
  const special: fc.Arbitrary<SpecialWorkingDay> = fc.record({
    date: fc.integer({ min: 0, max: 364 }).map((offset) => addDays('2026-01-01', offset)),
    name_bn: text,
    name_en: text,
    source: text,
  }, { noNullPrototype: true });
  fc.assert(
    fc.property(fc.array(holiday, { maxLength: 5 }), fc.array(special, { maxLength: 3 }), (holidays, specialWorkingDays) => {
      const ics = holidaysToIcs(2026, holidays, specialWorkingDays);
      for (const line of ics.split('\r\n')) assert.ok(Buffer.byteLength(line, 'utf8') <= 75);
      assert.deepEqual(parseIcsHolidays(ics), { holidays, specialWorkingDays });
    }),
  );
});

test('other calendars are read: folded lines, DATE-TIME starts, time zones and multi-day events', () => {
  const ics = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'BEGIN:VEVENT',
    'SUMMARY:Victory',
    '  Day',
    'DTSTART:20261215T190000Z',
    'X-UNKNOWN;FOO="a:b":whatever',
    'END:VEVENT',
    'BEGIN:VEVENT',
    'SUMMARY:ঈদুল আজহা / Eid-ul-Azha',
    'DTSTART;VALUE=DATE:20260527',
    'DTEND;VALUE=DATE:20260530',
    'STATUS:TENTATIVE',
    'BEGIN:VALARM',
    'DTSTART:20200101T000000Z',
    'END:VALARM',
    'END:VEVENT',
    'BEGIN:VEVENT',
    'SUMMARY:Local day',
    'DTSTART;TZID=Asia/Dhaka:20260301T233000',
    'DESCRIPTION:Source: district notice\\nmore',
    'END:VEVENT',
    'BEGIN:VEVENT',
    'SUMMARY:Floating',
    'DTSTART:20260302T010000',
    'END:VEVENT',
    'END:VCALENDAR',
  ].join('\n');
  const { holidays } = parseIcsHolidays(ics);
  assert.deepEqual(
    holidays.map((holiday) => [holiday.date, holiday.name_bn, holiday.name_en, holiday.kind, holiday.confirmed]),
    [
      ['2026-12-16', 'Victory Day', 'Victory Day', 'general', false],
      ['2026-05-27', 'ঈদুল আজহা', 'Eid-ul-Azha', 'general', false],
      ['2026-05-28', 'ঈদুল আজহা', 'Eid-ul-Azha', 'general', false],
      ['2026-05-29', 'ঈদুল আজহা', 'Eid-ul-Azha', 'general', false],
      ['2026-03-01', 'Local day', 'Local day', 'general', false],
      ['2026-03-02', 'Floating', 'Floating', 'general', false],
    ],
  );
  assert.equal(holidays[4]?.source, 'district notice');
  assert.equal(holidays[0]?.source, 'Imported from an iCalendar file');
});

test('an English-first summary still finds the Bangla name', () => {
  const { holidays } = parseIcsHolidays(calendarOf('BEGIN:VEVENT', 'SUMMARY:Victory Day / বিজয় দিবস', 'DTSTART;VALUE=DATE:20261216', 'CATEGORIES:Holiday,executive_order', 'END:VEVENT'));
  assert.deepEqual([holidays[0]?.name_bn, holidays[0]?.name_en, holidays[0]?.kind], ['বিজয় দিবস', 'Victory Day', 'executive_order']);
});

test('broken calendars are refused with a message that says what is wrong', () => {
  assert.match(refusal('hello'), /not an iCalendar file/);
  assert.match(refusal(calendarOf('BEGIN:VEVENT', 'SUMMARY:No start', 'END:VEVENT')), /the event on line 4 \("No start"\) has no DTSTART/);
  assert.match(refusal(calendarOf('BEGIN:VEVENT', 'SUMMARY:Bad', 'DTSTART;VALUE=DATE:20260230', 'END:VEVENT')), /"Bad"\) has DTSTART "20260230", which is not a real date/);
  assert.match(refusal(calendarOf('BEGIN:VEVENT', 'DTSTART:tomorrow', 'END:VEVENT')), /neither a DATE nor a DATE-TIME/);
  assert.match(refusal(['BEGIN:VCALENDAR', 'BEGIN:VEVENT', 'DTSTART;VALUE=DATE:20261216'].join('\r\n')), /has no END:VEVENT/);
  assert.match(refusal(calendarOf('BEGIN:VEVENT', 'DTSTART;VALUE=DATE:20260101', 'DTEND;VALUE=DATE:20280101', 'END:VEVENT')), /lasts 730 days/);
});

test('garbage never throws anything but a calendar error', () => {
  const ics = holidaysToIcs(2026, y2026.holidays.slice(0, 3), []);
  const mutated = fc
    .tuple(fc.integer({ min: 0, max: ics.length }), fc.integer({ min: 0, max: 40 }), fc.string({ maxLength: 20 }))
    .map(([at, cut, insert]) => ics.slice(0, at) + insert + ics.slice(at + cut));
  fc.assert(
    fc.property(fc.oneof(fc.string({ maxLength: 300 }), mutated), (input) => {
      try {
        parseIcsHolidays(input);
      } catch (error) {
        assert.ok(error instanceof CalendarError, `threw ${String(error)}`);
      }
    }),
    { numRuns: 500 },
  );
});
