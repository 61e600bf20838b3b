// An office's weekly holidays (ticked days) and its opening and closing times, with the same
// "Check" (which deadlines would move) and "Save" as every calendar form.
import { t, type Lang, type MessageKey } from '../../core/i18n/index.ts';
import { formatNumber } from '../../core/format.ts';
import { html, type Html } from '../../http/html.ts';
import type { RenderedPage } from '../../http/layout.ts';
import type { FormErrors, HoursField } from '../admin-forms.ts';
import type { MovedClock } from '../clock-repository.ts';
import { adminTrail, csrfField, listHref, renderErrorSummary, renderField, renderMovedDeadlines, scopeHref, type AdminScope } from './admin-parts.ts';

export interface HoursFormState {
  scope: Extract<AdminScope, { kind: 'office' }>;
  /** as typed: the ticked weekdays, and the times as written */
  values: { weekly_holidays: number[]; opening: string; closing: string };
  errors: FormErrors<HoursField>;
  general?: string | undefined;
  checked?: MovedClock[] | undefined;
}

const LABELS: Record<HoursField, MessageKey> = {
  weekly_holidays: 'calendar_admin.field.weekly_holidays',
  opening: 'calendar_admin.field.opening',
  closing: 'calendar_admin.field.closing',
};

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

function weekdayBoxes(lang: Lang, ticked: readonly number[], error: MessageKey | undefined): Html {
  return html`<fieldset id="f-weekly_holidays" class="field${error ? ' field-error' : ''}" aria-describedby="f-weekly_holidays-hint">
<legend>${t(lang, LABELS.weekly_holidays)}</legend>
<p class="hint" id="f-weekly_holidays-hint">${t(lang, 'calendar_admin.hint.weekly_holidays')}</p>
${error ? html`<p class="error-message">${t(lang, error)}</p>` : ''}
<div class="weekday-boxes">${WEEKDAYS.map(
    (day) => html`<label><input type="checkbox" name="weekly_holidays" value="${day}"${ticked.includes(day) ? html` checked` : ''}> ${t(lang, `calendar_admin.weekday.${day}`)}</label>`,
  )}</div>
</fieldset>`;
}

export function renderHoursPage(lang: Lang, state: HoursFormState, csrf: string): RenderedPage {
  const { scope, values, errors } = state;
  const title = t(lang, 'calendar_admin.hours_title');
  const summary = (Object.entries(errors) as [HoursField, MessageKey][]).map(([name, error]) => ({ name, label: LABELS[name], error }));
  const time = (name: 'opening' | 'closing') =>
    renderField(lang, { name, label: LABELS[name], value: formatNumber(lang, values[name]), error: errors[name], hint: 'calendar_admin.hint.time', narrow: true });
  const body = html`${adminTrail(lang, scope)}
<p class="kicker">${scope.name}</p>
<h1>${title}</h1>
${renderErrorSummary(lang, summary, state.general)}
${state.checked ? renderMovedDeadlines(lang, state.checked, 'check') : ''}
<p>${t(lang, 'calendar_admin.hours_intro')}</p>
<form method="post" action="${scopeHref(scope, '/hours')}" class="editor-form" novalidate>
${csrfField(csrf)}
${weekdayBoxes(lang, values.weekly_holidays, errors.weekly_holidays)}
${time('opening')}
${time('closing')}
<div class="form-buttons">
<button type="submit" name="action" value="check" class="secondary">${t(lang, 'calendar_admin.check')}</button>
<button type="submit" name="action" value="save" class="primary">${t(lang, 'calendar_admin.save')}</button>
<a href="${listHref(scope, scope.year)}">${t(lang, 'calendar_admin.cancel')}</a>
</div>
</form>`;
  return { title: `${title} — ${scope.name}`, body };
}
