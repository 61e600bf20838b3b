// What every calendar editing page has beyond the portal's form parts (http/form-parts.ts): where
// it edits (the national calendar of a year, or one office's own), its page trail, and the list
// of deadlines a change moves.
import { formatMoment, formatNumber } from '../../core/format.ts';
import { t, type Lang } from '../../core/i18n/index.ts';
import { renderBreadcrumbs } from '../../http/breadcrumbs.ts';
import { html, type Html } from '../../http/html.ts';
import type { MovedClock } from '../clock-repository.ts';

/** The calendar a page edits: the national one (system administrators), or one office's own days and hours. */
export type AdminScope =
  | { kind: 'national'; year: number }
  | { kind: 'office'; year: number; officeId: number; slug: string; name: string };

/** The address of the scope's pages: `/admin/calendar/2026…` or `/offices/<slug>/calendar…`. */
export function scopeHref(scope: AdminScope, rest = ''): string {
  return scope.kind === 'national' ? `/admin/calendar/${scope.year}${rest}` : `/offices/${encodeURIComponent(scope.slug)}/calendar${rest}`;
}

/** The scope's list page for a year, with what was just done and which change to show the moved deadlines of. */
export function listHref(scope: AdminScope, year: number, after?: { done: string; change?: number | undefined }): string {
  const query = new URLSearchParams();
  if (scope.kind === 'office' && year !== new Date().getFullYear()) query.set('year', String(year));
  if (after) {
    query.set('done', after.done);
    if (after.change !== undefined) query.set('change', String(after.change));
  }
  const search = query.toString();
  const base = scope.kind === 'national' ? `/admin/calendar/${year}` : scopeHref(scope);
  return search ? `${base}?${search}` : base;
}

export function adminTrail(lang: Lang, scope: AdminScope, withList = true): Html {
  const trail = [{ label: t(lang, 'nav.home'), href: '/' }];
  if (scope.kind === 'office') trail.push({ label: scope.name, href: `/offices/${encodeURIComponent(scope.slug)}` });
  if (withList) trail.push({ label: t(lang, 'calendar_admin.trail'), href: listHref(scope, scope.year) });
  return renderBreadcrumbs(lang, trail);
}

const due = (lang: Lang, iso: string | null): string => (iso === null ? t(lang, 'calendar_admin.no_due_date') : formatMoment(lang, new Date(iso)));

/**
 * The open deadlines a change moves: `check` before saving (a change rolled back), `saved` after.
 * Each names its item (`request:123`) and clock, with the due moment before and after.
 */
export function renderMovedDeadlines(lang: Lang, moved: readonly MovedClock[], when: 'check' | 'saved'): Html {
  const count = formatNumber(lang, moved.length);
  const heading =
    moved.length === 0
      ? t(lang, when === 'check' ? 'calendar_admin.would_move_none' : 'calendar_admin.did_move_none')
      : t(lang, when === 'check' ? 'calendar_admin.would_move' : 'calendar_admin.did_move', { count });
  const table =
    moved.length === 0
      ? ''
      : html`<table class="moved-deadlines">
<thead><tr><th scope="col">${t(lang, 'calendar_admin.moved_item')}</th><th scope="col">${t(lang, 'calendar_admin.moved_before')}</th><th scope="col">${t(lang, 'calendar_admin.moved_after')}</th></tr></thead>
<tbody>${moved.map(
          (clock) => html`<tr><td><code>${clock.subject}</code> <span class="muted">(${t(lang, 'calendar_admin.moved_clock', { id: formatNumber(lang, clock.clock_id) })})</span></td>
<td>${due(lang, clock.from)}</td><td>${due(lang, clock.to)}</td></tr>`,
        )}</tbody>
</table>`;
  return html`<div class="moved-check${when === 'check' ? '' : ' saved'}" role="status">
${when === 'check' ? html`<h2>${t(lang, 'calendar_admin.check_title')}</h2>` : ''}
<p>${heading}</p>
${table}
${when === 'check' ? html`<p class="note">${t(lang, 'calendar_admin.check_note')}</p>` : ''}
</div>`;
}
