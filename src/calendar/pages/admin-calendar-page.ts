// The list of a calendar's own days for a year — national holidays and declared working days
// (/admin/calendar/:year), or one office's closures, working days and hours
// (/offices/:slug/calendar) — with add, edit and remove, and what the last change moved.
import type { Selectable } from 'kysely';
import { formatDate, formatNumber } from '../../core/format.ts';
import { t, type Lang } from '../../core/i18n/index.ts';
import type { SpecialWorkingDays } from '../../core/db/schema.ts';
import { renderNotice } from '../../http/form-parts.ts';
import { html, type Html } from '../../http/html.ts';
import type { RenderedPage } from '../../http/layout.ts';
import type { HoursFormValues } from '../admin-forms.ts';
import type { MovedClock } from '../clock-repository.ts';
import type { HolidayRow } from '../holiday-repository.ts';
import { adminTrail, listHref, renderMovedDeadlines, scopeHref, type AdminScope } from './admin-parts.ts';

export interface AdminCalendarView {
  scope: AdminScope;
  holidays: HolidayRow[];
  specialWorkingDays: Selectable<SpecialWorkingDays>[];
  /** an office's weekly holidays and hours, and whether they are the national defaults */
  hours?: { values: HoursFormValues; isDefault: boolean };
  /** what was just done, and the deadlines it moved */
  done?: { notice: string; moved: MovedClock[] | null };
}

const nameOf = (lang: Lang, entry: { name_bn: string; name_en: string | null }) => (lang === 'en' ? (entry.name_en ?? entry.name_bn) : entry.name_bn);

function entryRow(lang: Lang, scope: AdminScope, kind: 'holidays' | 'working-days', entry: { id: number; date: string; name_bn: string; name_en: string | null }, extra: Html | string): Html {
  const base = scopeHref(scope, `/${kind}/${entry.id}`);
  return html`<tr>
<td>${formatDate(lang, entry.date, 'weekday')}</td>
<td>${nameOf(lang, entry)}</td>
${extra}
<td><span class="editor-actions"><a href="${base}">${t(lang, 'calendar_admin.edit')}</a> <a href="${base}/remove">${t(lang, 'calendar_admin.remove')}</a></span></td>
</tr>`;
}

export function weekdayList(lang: Lang, days: readonly number[]): string {
  if (days.length === 0) return t(lang, 'calendar_admin.no_weekly_holiday');
  return days.map((day) => t(lang, `calendar_admin.weekday.${day}` as `calendar_admin.weekday.${1 | 2 | 3 | 4 | 5 | 6 | 7}`)).join(', ');
}

function hoursSection(lang: Lang, scope: AdminScope, hours: NonNullable<AdminCalendarView['hours']>): Html {
  const { values } = hours;
  return html`<h2>${t(lang, 'calendar_admin.hours_title')}</h2>
<p>${t(lang, 'calendar_admin.hours_current', { days: weekdayList(lang, values.weekly_holidays), opening: formatNumber(lang, values.opening), closing: formatNumber(lang, values.closing) })}</p>
${hours.isDefault ? html`<p class="note">${t(lang, 'calendar_admin.hours_default')}</p>` : ''}
<p><a href="${scopeHref(scope, '/hours')}">${t(lang, 'calendar_admin.hours_link')}</a></p>`;
}

export function renderAdminCalendarPage(lang: Lang, view: AdminCalendarView): RenderedPage {
  const { scope } = view;
  const year = formatNumber(lang, scope.year);
  const national = scope.kind === 'national';
  const title = t(lang, national ? 'calendar_admin.national_title' : 'calendar_admin.office_title', { year });
  const publicHref = `/calendar/${scope.year}${national ? '' : `?office=${encodeURIComponent(scope.slug)}`}`;
  const kindHeader = national ? html`<th scope="col">${t(lang, 'calendar.kind')}</th>` : '';
  const body = html`${adminTrail(lang, scope, false)}
${scope.kind === 'office' ? html`<p class="kicker">${scope.name}</p>` : ''}
<h1>${title}</h1>
${view.done ? html`${renderNotice(view.done.notice)}${view.done.moved ? renderMovedDeadlines(lang, view.done.moved, 'saved') : ''}` : ''}
<p class="lead">${t(lang, national ? 'calendar_admin.national_intro' : 'calendar_admin.office_intro')}</p>
<nav class="year-nav" aria-label="${t(lang, 'calendar_admin.years')}">
<a href="${listHref(scope, scope.year - 1)}" rel="prev">← ${formatNumber(lang, scope.year - 1)}</a>
<a href="${listHref(scope, scope.year + 1)}" rel="next">${formatNumber(lang, scope.year + 1)} →</a>
<a href="${publicHref}">${t(lang, 'calendar_admin.public_calendar_link', { year })}</a>
</nav>
<h2>${t(lang, national ? 'calendar_admin.holidays' : 'calendar_admin.closures')}</h2>
<p><a class="button-link" href="${scopeHref(scope, '/holidays/new')}">${t(lang, national ? 'calendar_admin.add_holiday' : 'calendar_admin.add_closure')}</a></p>
${
  view.holidays.length === 0
    ? html`<p>${t(lang, 'calendar_admin.no_holidays')}</p>`
    : html`<table class="calendar-admin">
<thead><tr><th scope="col">${t(lang, 'calendar.date')}</th><th scope="col">${t(lang, 'calendar.holiday')}</th>${kindHeader}<th scope="col"></th></tr></thead>
<tbody>${view.holidays.map((h) => entryRow(lang, scope, 'holidays', h, national ? html`<td>${t(lang, `calendar.kind.${h.kind}`)}</td>` : ''))}</tbody>
</table>`
}
<h2>${t(lang, 'calendar_admin.working_days')}</h2>
<p><a class="button-link" href="${scopeHref(scope, '/working-days/new')}">${t(lang, 'calendar_admin.add_working_day')}</a></p>
${
  view.specialWorkingDays.length === 0
    ? html`<p>${t(lang, 'calendar_admin.no_working_days')}</p>`
    : html`<table class="calendar-admin">
<thead><tr><th scope="col">${t(lang, 'calendar.date')}</th><th scope="col">${t(lang, 'calendar_admin.name')}</th><th scope="col"></th></tr></thead>
<tbody>${view.specialWorkingDays.map((d) => entryRow(lang, scope, 'working-days', d, ''))}</tbody>
</table>`
}
${view.hours ? hoursSection(lang, scope, view.hours) : ''}`;
  return { title: scope.kind === 'office' ? `${title} — ${scope.name}` : title, body };
}
