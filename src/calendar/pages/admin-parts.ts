// What every calendar editing page is made of: where it edits (the national calendar of a year,
// or one office's own), its page trail, the editor's form fields and error summary (the same
// markup and classes as the charter editor's), and the list of deadlines a change moves.
import { formatMoment, formatNumber } from '../../core/format.ts';
import { t, type Lang, type MessageKey } from '../../core/i18n/index.ts';
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

export function csrfField(token: string): Html {
  return html`<input type="hidden" name="_csrf" value="${token}">`;
}

/** A form of one button (remove, check): it works without JavaScript. */
export function postButton(action: string, csrf: string, label: string, className: string, extra: Html = html``): Html {
  return html`<form method="post" action="${action}" class="inline-form">${csrfField(csrf)}${extra}<button type="submit" class="${className}">${label}</button></form>`;
}

export interface FieldSpec {
  name: string;
  label: MessageKey;
  value: string;
  error?: MessageKey | undefined;
  hint?: MessageKey | undefined;
  lang?: 'bn' | 'en';
  /** a short input (a date, a time) */
  narrow?: boolean;
}

export function renderField(lang: Lang, field: FieldSpec): Html {
  const id = `f-${field.name}`;
  const hintId = field.hint ? `${id}-hint` : null;
  const errorId = field.error ? `${id}-error` : null;
  const described = [hintId, errorId].filter(Boolean).join(' ');
  return html`<div class="field${field.error ? ' field-error' : ''}">
<label for="${id}">${t(lang, field.label)}</label>
${field.hint ? html`<p class="hint" id="${hintId}">${t(lang, field.hint)}</p>` : ''}
${field.error ? html`<p class="error-message" id="${errorId}">${t(lang, field.error)}</p>` : ''}
<input id="${id}" name="${field.name}" type="text" value="${field.value}"${described ? html` aria-describedby="${described}"` : ''}${field.error ? html` aria-invalid="true"` : ''}${field.lang ? html` lang="${field.lang}"` : ''}${field.narrow ? html` class="narrow"` : ''}>
</div>`;
}

/** The errors above a form, each a link to its field; `general` for a problem of the whole change. */
export function renderErrorSummary(lang: Lang, errors: { name: string; label: MessageKey; error: MessageKey }[], general?: string): Html {
  if (errors.length === 0 && !general) return html``;
  return html`<div class="error-summary" role="alert">
<h2>${t(lang, 'calendar_admin.errors_title')}</h2>
${general ? html`<p>${general}</p>` : ''}
${errors.length > 0 ? html`<ul>${errors.map((error) => html`<li><a href="#f-${error.name}">${t(lang, error.label)}: ${t(lang, error.error)}</a></li>`)}</ul>` : ''}
</div>`;
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
