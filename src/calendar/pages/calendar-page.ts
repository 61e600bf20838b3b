// /calendar/:year — the year's office holidays and special working days, in Bangla or English:
// one card per date, holding every holiday that falls on it.
import { html, type Html } from '../../http/html.ts';
import { t, type Lang } from '../../core/i18n/index.ts';
import { formatDate, formatNumber } from '../../core/format.ts';
import type { RenderedPage } from '../../http/layout.ts';
import type { calendarYear } from '../calendar-queries.ts';
import { DHAKA_ZONE } from '../working-calendar.ts';

type CalendarYear = Awaited<ReturnType<typeof calendarYear>>;
type HolidayRow = CalendarYear['holidays'][number];

const dhakaDate = new Intl.DateTimeFormat('en-CA', { timeZone: DHAKA_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's date in Dhaka, 'YYYY-MM-DD': a holiday before it has happened, confirmed or not. */
export function dhakaToday(now: Date = new Date()): string {
  return dhakaDate.format(now);
}

/** The holidays by date, in date order: two holidays on one day make one entry. */
export function holidaysByDate(holidays: readonly HolidayRow[]): { date: string; holidays: HolidayRow[] }[] {
  const byDate = new Map<string, HolidayRow[]>();
  for (const holiday of [...holidays].sort((a, b) => a.date.localeCompare(b.date))) {
    byDate.set(holiday.date, [...(byDate.get(holiday.date) ?? []), holiday]);
  }
  return [...byDate].map(([date, onDate]) => ({ date, holidays: onDate }));
}

function renderHoliday(lang: Lang, h: HolidayRow, past: boolean): Html {
  const name = lang === 'en' ? (h.name_en ?? h.name_bn) : h.name_bn;
  const notes = [
    t(lang, `calendar.kind.${h.kind}`),
    h.moon_dependent && !past ? t(lang, 'calendar.moon_dependent') : null,
    // a day that has passed is no longer awaiting confirmation
    h.confirmed || past ? null : t(lang, 'calendar.unconfirmed'),
  ].filter((note): note is string => note !== null);
  return html`<li class="${h.kind === 'optional' ? 'optional' : ''}"${lang === 'en' && !h.name_en ? html` lang="bn"` : ''}><strong>${name}</strong><br><small>${notes.join(' · ')}</small></li>`;
}

function renderDate(lang: Lang, date: string, holidays: readonly HolidayRow[], today: string): Html {
  const past = date < today;
  const onlyOptional = holidays.every((h) => h.kind === 'optional');
  return html`<tr class="${onlyOptional ? 'optional' : ''}">
<td class="name"><time datetime="${date}">${formatDate(lang, date, 'weekday')}</time></td>
<td><ul class="day-holidays">${holidays.map((h) => renderHoliday(lang, h, past))}</ul></td>
</tr>\n`;
}

export function renderCalendarPage(lang: Lang, calendar: CalendarYear, options: { today: string } = { today: dhakaToday() }): RenderedPage {
  const year = formatNumber(lang, calendar.year);
  const closing = new Set(calendar.holidays.filter((h) => h.kind !== 'optional').map((h) => h.date)).size;
  const body = html`<h1>${t(lang, 'calendar.title', { year })}</h1>
<p class="lead">${t(lang, 'calendar.intro')}</p>
<nav class="year-nav" aria-label="${t(lang, 'calendar.years')}">
<a href="/calendar/${calendar.year - 1}" rel="prev">← ${formatNumber(lang, calendar.year - 1)}</a>
<a href="/calendar/${calendar.year + 1}" rel="next">${formatNumber(lang, calendar.year + 1)} →</a>
<a href="/calendar/${calendar.year}.ics" download>${t(lang, 'calendar.ics_link')}</a>
</nav>
${
  calendar.holidays.length === 0
    ? html`<p>${t(lang, 'calendar.no_data')}</p>`
    : html`<p>${t(lang, 'calendar.closing_count', { count: formatNumber(lang, closing) })}</p>
<table class="calendar">
<thead><tr><th scope="col">${t(lang, 'calendar.date')}</th><th scope="col">${t(lang, 'calendar.holiday')}</th></tr></thead>
<tbody>
${holidaysByDate(calendar.holidays).map(({ date, holidays }) => renderDate(lang, date, holidays, options.today))}</tbody>
</table>`
}
${
  calendar.specialWorkingDays.length > 0
    ? html`<h2>${t(lang, 'calendar.special_working_days')}</h2>
<ul>${calendar.specialWorkingDays.map((d) => html`<li>${formatDate(lang, d.date, 'weekday')}: ${lang === 'en' ? (d.name_en ?? d.name_bn) : d.name_bn}</li>`)}</ul>`
    : ''
}
<p class="note">${t(lang, 'calendar.rules_note')}</p>`;
  return { title: t(lang, 'calendar.title', { year }), body };
}
