// /calendar/:year — the year's office holidays and special working days, in Bangla or English.
import { html, type Html } from '../../http/html.ts';
import { t, type Lang } from '../../core/i18n/index.ts';
import { formatDate, formatNumber } from '../../core/format.ts';
import type { RenderedPage } from '../../http/layout.ts';
import type { calendarYear } from '../calendar-queries.ts';

type CalendarYear = Awaited<ReturnType<typeof calendarYear>>;

function holidayRow(lang: Lang, h: CalendarYear['holidays'][number]): Html {
  const name = lang === 'en' ? (h.name_en ?? h.name_bn) : h.name_bn;
  const notes = [
    h.moon_dependent ? t(lang, 'calendar.moon_dependent') : null,
    h.confirmed ? null : t(lang, 'calendar.unconfirmed'),
  ].filter((note): note is string => note !== null);
  return html`<tr class="${h.kind === 'optional' ? 'optional' : ''}">
<td class="name">${formatDate(lang, h.date, 'weekday')}</td>
<td data-label="${t(lang, 'calendar.holiday')}">${name}${notes.length ? html`<br><small>${notes.join(' · ')}</small>` : ''}</td>
<td data-label="${t(lang, 'calendar.kind')}">${t(lang, `calendar.kind.${h.kind}`)}</td>
</tr>`;
}

export function renderCalendarPage(lang: Lang, calendar: CalendarYear): RenderedPage {
  const year = formatNumber(lang, calendar.year);
  const closing = calendar.holidays.filter((h) => h.kind !== 'optional').length;
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
<thead><tr><th scope="col">${t(lang, 'calendar.date')}</th><th scope="col">${t(lang, 'calendar.holiday')}</th><th scope="col">${t(lang, 'calendar.kind')}</th></tr></thead>
<tbody>${calendar.holidays.map((h) => holidayRow(lang, h))}</tbody>
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
