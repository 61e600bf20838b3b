import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { HolidayRow } from '../holiday-repository.ts';
import { dhakaToday, holidaysByDate, renderCalendarPage } from './calendar-page.ts';

let nextId = 1;
function holiday(date: string, name_en: string, fields: Partial<HolidayRow> = {}): HolidayRow {
  const at = new Date('2025-10-01T00:00:00Z');
  return {
    id: nextId++, date, name_bn: name_en, name_en, kind: 'general', moon_dependent: false, confirmed: true,
    source: null, office_id: null, created_at: at, updated_at: at, ...fields,
  };
}

function page(holidays: HolidayRow[], today: string): string {
  return renderCalendarPage('en', { year: 2026, holidays, specialWorkingDays: [] }, { today }).body.value;
}

test('two holidays on one date make one card that names both', () => {
  const holidays = [holiday('2026-03-20', 'Eid ul-Fitr'), holiday('2026-03-20', 'Jumatul Bidah'), holiday('2026-03-26', 'Independence Day')];
  assert.deepEqual(holidaysByDate(holidays).map(({ date, holidays: onDate }) => [date, onDate.length]), [['2026-03-20', 2], ['2026-03-26', 1]]);
  const body = page(holidays, '2026-01-01');
  assert.equal(body.match(/<tr class="[^"]*">\n<td class="name">/g)?.length, 2, 'one card per date');
  const card = body.slice(body.indexOf('datetime="2026-03-20"'), body.indexOf('datetime="2026-03-26"'));
  assert.ok(card.includes('Eid ul-Fitr') && card.includes('Jumatul Bidah'));
});

test('an unconfirmed holiday still ahead is marked unconfirmed; one already past is not', () => {
  const ahead = page([holiday('2026-05-27', 'Eid ul-Adha', { confirmed: false })], '2026-05-01');
  assert.ok(ahead.includes('date not yet confirmed'));
  const past = page([holiday('2026-05-27', 'Eid ul-Adha', { confirmed: false })], '2026-06-01');
  assert.ok(!past.includes('date not yet confirmed'));
});

test('today is the Dhaka date: 20:00 UTC on 31 December is already 1 January in Dhaka', () => {
  assert.equal(dhakaToday(new Date('2025-12-31T20:00:00Z')), '2026-01-01');
  assert.equal(dhakaToday(new Date('2025-12-31T17:59:00Z')), '2025-12-31');
});
