// One day's form — a national holiday, an office closure or a declared working day — and the
// page that asks before one is removed. "Check" lists the open deadlines the change would move
// (the change made and rolled back); "Save" makes it.
import { formatDate } from '../../core/format.ts';
import { t, type Lang, type MessageKey } from '../../core/i18n/index.ts';
import { csrfField, errorTexts, fieldProblems, postButton, renderErrorSummary, renderField, renderFormButtons, renderSelect } from '../../http/form-parts.ts';
import { html, type Html } from '../../http/html.ts';
import type { RenderedPage } from '../../http/layout.ts';
import { NATIONAL_HOLIDAY_KINDS, type DayField, type DayFormValues, type EntryKind, type FormErrors } from '../admin-forms.ts';
import type { MovedClock } from '../clock-repository.ts';
import { adminTrail, listHref, renderMovedDeadlines, scopeHref, type AdminScope } from './admin-parts.ts';

export interface DayFormState {
  scope: AdminScope;
  entry: EntryKind;
  /** null for a new day */
  id: number | null;
  values: DayFormValues;
  errors: FormErrors<DayField>;
  /** a problem of the change as a whole, already in the page's language */
  general?: string | undefined;
  /** the deadlines the change would move, after "Check" */
  checked?: MovedClock[] | undefined;
}

const LABELS: Record<DayField, MessageKey> = {
  date: 'calendar_admin.field.date',
  name_bn: 'calendar_admin.field.name_bn',
  name_en: 'calendar_admin.field.name_en',
  kind: 'calendar_admin.field.kind',
};

function dayTitle(scope: AdminScope, entry: EntryKind, isNew: boolean): MessageKey {
  if (entry === 'working-days') return isNew ? 'calendar_admin.new_working_day_title' : 'calendar_admin.edit_working_day_title';
  if (scope.kind === 'national') return isNew ? 'calendar_admin.new_holiday_title' : 'calendar_admin.edit_holiday_title';
  return isNew ? 'calendar_admin.new_closure_title' : 'calendar_admin.edit_closure_title';
}

function kindSelect(lang: Lang, value: string, error: string | undefined): Html {
  const options = NATIONAL_HOLIDAY_KINDS.map((kind) => ({ value: kind, label: t(lang, `calendar.kind.${kind}`) }));
  return renderSelect(lang, { name: 'kind', label: LABELS.kind, value, error, options });
}

export function dayFormAction(scope: AdminScope, entry: EntryKind, id: number | null): string {
  return scopeHref(scope, `/${entry}/${id === null ? 'new' : id}`);
}

export function renderDayFormPage(lang: Lang, state: DayFormState, csrf: string): RenderedPage {
  const { scope, entry, values, errors } = state;
  const title = t(lang, dayTitle(scope, entry, state.id === null));
  const withKind = scope.kind === 'national' && entry === 'holidays';
  const texts = errorTexts(lang, errors);
  const field = (name: Exclude<DayField, 'kind'>, extra: { hint?: MessageKey; lang?: 'bn' | 'en'; narrow?: boolean } = {}) =>
    renderField(lang, { name, label: LABELS[name], value: values[name], error: texts[name], ...extra });
  const body = html`${adminTrail(lang, scope)}
${scope.kind === 'office' ? html`<p class="kicker">${scope.name}</p>` : ''}
<h1>${title}</h1>
${renderErrorSummary(lang, fieldProblems(lang, LABELS, texts), state.general)}
${state.checked ? renderMovedDeadlines(lang, state.checked, 'check') : ''}
<form method="post" action="${dayFormAction(scope, entry, state.id)}" class="editor-form" novalidate>
${csrfField(csrf)}
${field('date', { hint: 'calendar_admin.hint.date', narrow: true })}
${field('name_bn', { lang: 'bn' })}
${field('name_en', { lang: 'en' })}
${withKind ? kindSelect(lang, values.kind, texts.kind) : ''}
${renderFormButtons(
  [
    { label: t(lang, 'calendar_admin.check'), action: 'check', className: 'secondary' },
    { label: t(lang, 'calendar_admin.save'), action: 'save' },
  ],
  { href: listHref(scope, scope.year), label: t(lang, 'calendar_admin.cancel') },
)}
</form>`;
  return { title: scope.kind === 'office' ? `${title} — ${scope.name}` : title, body };
}

export interface RemoveState {
  scope: AdminScope;
  entry: EntryKind;
  day: { id: number; date: string; name_bn: string; name_en: string | null };
  checked?: MovedClock[] | undefined;
}

/** Asks before a day is removed: one page, two buttons (check, remove), so it works without JavaScript. */
export function renderRemovePage(lang: Lang, state: RemoveState, csrf: string): RenderedPage {
  const { scope, entry, day } = state;
  const title = t(lang, entry === 'holidays' ? 'calendar_admin.remove_holiday_title' : 'calendar_admin.remove_working_day_title');
  const action = scopeHref(scope, `/${entry}/${day.id}/remove`);
  const button = (value: string, label: string, className: string) => postButton(action, csrf, label, className, html`<input type="hidden" name="action" value="${value}">`);
  const body = html`${adminTrail(lang, scope)}
${scope.kind === 'office' ? html`<p class="kicker">${scope.name}</p>` : ''}
<h1>${title}</h1>
<p><strong>${formatDate(lang, day.date, 'weekday_year')}</strong>: <span lang="bn">${day.name_bn}</span>${day.name_en ? html` (<span lang="en">${day.name_en}</span>)` : ''}</p>
<p>${t(lang, 'calendar_admin.remove_note')}</p>
${state.checked ? renderMovedDeadlines(lang, state.checked, 'check') : ''}
<div class="form-buttons">
${button('check', t(lang, 'calendar_admin.check'), 'secondary')}
${button('remove', t(lang, 'calendar_admin.remove_confirm'), 'warning')}
<a href="${listHref(scope, scope.year)}">${t(lang, 'calendar_admin.cancel')}</a>
</div>`;
  return { title: scope.kind === 'office' ? `${title} — ${scope.name}` : title, body };
}
