// An office's weekly holidays (ticked days) and its opening and closing times, with the same
// "Check" (which deadlines would move) and "Save" as every calendar form.
import { t, type Lang, type MessageKey } from '../../core/i18n/index.ts';
import { formatNumber } from '../../core/format.ts';
import { csrfField, errorTexts, fieldProblems, renderErrorSummary, renderField, renderFormButtons } from '../../http/form-parts.ts';
import { html, type Html } from '../../http/html.ts';
import type { RenderedPage } from '../../http/layout.ts';
import type { FormErrors, HoursField } from '../admin-forms.ts';
import type { MovedClock } from '../clock-repository.ts';
import { adminTrail, listHref, renderMovedDeadlines, scopeHref, type AdminScope } from './admin-parts.ts';

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
  const texts = errorTexts(lang, errors);
  const time = (name: 'opening' | 'closing') =>
    renderField(lang, { name, label: LABELS[name], value: formatNumber(lang, values[name]), error: texts[name], hint: 'calendar_admin.hint.time', narrow: true });
  const body = html`${adminTrail(lang, scope)}
<p class="kicker">${scope.name}</p>
<h1>${title}</h1>
${renderErrorSummary(lang, fieldProblems(lang, LABELS, texts), state.general)}
${state.checked ? renderMovedDeadlines(lang, state.checked, 'check') : ''}
<p>${t(lang, 'calendar_admin.hours_intro')}</p>
<form method="post" action="${scopeHref(scope, '/hours')}" class="editor-form" novalidate>
${csrfField(csrf)}
${weekdayBoxes(lang, values.weekly_holidays, errors.weekly_holidays)}
${time('opening')}
${time('closing')}
${renderFormButtons(
  [
    { label: t(lang, 'calendar_admin.check'), action: 'check', className: 'secondary' },
    { label: t(lang, 'calendar_admin.save'), action: 'save' },
  ],
  { href: listHref(scope, scope.year), label: t(lang, 'calendar_admin.cancel') },
)}
</form>`;
  return { title: `${title} — ${scope.name}`, body };
}
