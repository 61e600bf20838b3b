import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CalendarError } from './errors.ts';
import { CLOSING_KINDS, calendarInputFromHolidayFiles, parseHolidayFile, workingCalendarFromHolidayFiles, type HolidayFile } from './holiday-file.ts';
import { isoWeekday } from './local-date.ts';
import { nationalHolidayFile } from './test-support.ts';

const files = [nationalHolidayFile(2025), nationalHolidayFile(2026)];

function withHoliday(changes: Record<string, unknown>, index = 0): unknown {
  const file = structuredClone(nationalHolidayFile(2026)) as unknown as { holidays: Record<string, unknown>[] };
  file.holidays[index] = { ...file.holidays[index], ...changes };
  return file;
}

function refusal(value: unknown): string {
  try {
    parseHolidayFile(value);
  } catch (error) {
    assert.ok(error instanceof CalendarError);
    assert.equal(error.code, 'invalid_holiday_file');
    return error.message;
  }
  return assert.fail('the file was accepted');
}

test('the 2025 and 2026 holiday files parse', () => {
  assert.deepEqual(
    files.map((file) => file.year),
    [2025, 2026],
  );
  for (const file of files) assert.ok(file.holidays.length > 20, `${file.year} lists ${file.holidays.length} holidays`);
});

test('every general and executive-order holiday names its source', () => {
  for (const file of files) {
    for (const holiday of file.holidays.filter((entry) => CLOSING_KINDS.includes(entry.kind))) {
      assert.ok(holiday.source.trim().length > 10, `${holiday.date} ${holiday.name_en} has no real source`);
    }
  }
});

test('the 2026 file has the days reported from the notice of 9 November 2025', () => {
  const [, y2026] = files as [HolidayFile, HolidayFile];
  const has = (date: string, name: RegExp) => y2026.holidays.some((holiday) => holiday.date === date && name.test(holiday.name_en));
  assert.ok(has('2026-03-20', /Jumatul Bida/));
  assert.ok(has('2026-03-21', /^Eid-ul-Fitr$/));
  assert.ok(has('2026-03-26', /Independence/));
  assert.ok(has('2026-05-01', /May Day/));
  assert.ok(has('2026-05-01', /Buddha Purnima/));
  assert.ok(has('2026-12-16', /Victory Day/));
  assert.ok(has('2026-02-21', /Mother Language/));
  assert.ok(has('2026-08-05', /July Mass Uprising/));
});

test('moon-dependent dates announced as tentative are not marked confirmed', () => {
  const eid = files[1]?.holidays.find((holiday) => holiday.date === '2026-05-28');
  assert.equal(eid?.moon_dependent, true);
  assert.equal(eid?.confirmed, false);
  for (const file of files) {
    for (const holiday of file.holidays.filter((entry) => !entry.confirmed)) {
      assert.match(holiday.source, /tentative|inferred|disagree|not checked/, `${holiday.date} ${holiday.name_en} does not say why it is unconfirmed`);
    }
  }
});

test('special working days are weekly holidays made working days', () => {
  const [y2025] = files as [HolidayFile, HolidayFile];
  assert.deepEqual(
    y2025.special_working_days.map((day) => [day.date, isoWeekday(day.date)]),
    [
      ['2025-05-17', 6],
      ['2025-05-24', 6],
    ],
  );
});

test('optional holidays stay out of the working calendar; local closures go in', () => {
  const input = calendarInputFromHolidayFiles(files, { localClosures: [{ date: '2026-07-15', name_en: 'Flood' }] });
  assert.equal(
    input.holidays.some((holiday) => holiday.date === '2026-04-13'),
    false,
  );
  assert.deepEqual(input.coveredYears, [2025, 2026]);
  const calendar = workingCalendarFromHolidayFiles(files, { localClosures: [{ date: '2026-07-15', name_en: 'Flood' }] });
  assert.equal(calendar.isWorkingDay('2026-04-13'), true);
  assert.equal(calendar.isWorkingDay('2026-07-15'), false);
  assert.equal(calendar.closuresOn('2026-07-15')[0]?.kind, 'local');
  assert.equal(calendar.isWorkingDay('2025-05-17'), true);
});

test('a bad date is refused, naming the entry', () => {
  assert.equal(
    refusal(withHoliday({ date: '2026-02-30' }, 2)),
    'invalid_holiday_file: holidays[2] 2026-02-30 "Parliamentary election and referendum day" date: must be a real calendar date written YYYY-MM-DD',
  );
});

test('an unknown kind, a missing source and a misspelt field are refused', () => {
  assert.match(refusal(withHoliday({ kind: 'national' })), /holidays\[0\] 2026-02-04 "Shab-e-Barat" kind/);
  assert.match(refusal(withHoliday({ source: '' })), /holidays\[0\] .* source: must not be empty/);
  assert.match(refusal(withHoliday({ confirmd: true })), /holidays\[0\] .*confirmd/);
});

test('a date outside the file year and a holiday listed twice are refused', () => {
  assert.match(refusal(withHoliday({ date: '2027-01-01' })), /holidays\[0\] 2027-01-01 "Shab-e-Barat": date is not in 2026/);
  const twice = withHoliday({ date: '2026-02-21', name_en: 'Shaheed Day and International Mother Language Day' });
  assert.match(refusal(twice), /listed twice/);
});

test('a special working day on a closing holiday is refused', () => {
  const file = structuredClone(nationalHolidayFile(2026));
  file.special_working_days.push({ date: '2026-12-16', name_bn: 'কর্মদিবস', name_en: 'Working day', source: 'test' });
  assert.match(refusal(file), /special_working_days\[0\] 2026-12-16 "Working day": the same day is also a holiday/);
});

test('something that is not a holiday file is refused', () => {
  assert.match(refusal(null), /the file: .*expected object/);
  assert.match(refusal({ year: 2026 }), /source: .*; holidays: .*expected array/);
});
