// One service's form: every column of the charter's table. "Check" reads the time limit back
// ("৩ কার্যদিবস → at most 3 working days") without saving; "Save" stores it in the draft.
import { t, type Lang, type MessageKey } from '../../../core/i18n/index.ts';
import { csrfField, errorTexts, fieldProblems, renderErrorSummary, renderField, renderFormButtons, renderSelect, type FieldSpec } from '../../../http/form-parts.ts';
import { html, type Html } from '../../../http/html.ts';
import type { RenderedPage } from '../../../http/layout.ts';
import { officeName } from '../../../offices/index.ts';
import { SERVICE_CATEGORIES, type ParseNote, type TimeLimit } from '../../model.ts';
import { categoryName } from '../../pages/service-cells.ts';
import { plainTimeLimit } from '../../pages/time-limit-text.ts';
import type { EditorView } from '../draft-service.ts';
import type { FormErrors, ServiceFormField, ServiceFormValues } from '../service-form.ts';
import { editorHref, editorTrail, renderStaleNotice, revisionField, type StaleState } from './form-parts.ts';

export interface ServiceFormState {
  /** null for a new service */
  code: string | null;
  values: ServiceFormValues;
  errors: FormErrors<ServiceFormField>;
  /** the time limit as read, shown after "Check" and after a refused save */
  reading?: { limit: TimeLimit; notes: ParseNote[] } | undefined;
  /** the save was refused: the draft changed since the form was opened */
  stale?: StaleState | undefined;
}

/** The service as the stale notice shows it: every field of the form as it is stored now. */
export function serviceNow(values: ServiceFormValues | null): StaleState {
  if (!values) return { now: null };
  return { now: (Object.keys(LABELS) as ServiceFormField[]).map((field) => ({ label: LABELS[field], value: values[field] })) };
}

const LABELS: Record<ServiceFormField, MessageKey> = {
  name_bn: 'editor.field.name_bn',
  name_en: 'editor.field.name_en',
  category: 'editor.field.category',
  serial: 'editor.field.serial',
  delivery_methods: 'editor.field.delivery_methods',
  documents_bn: 'editor.field.documents_bn',
  fee: 'editor.field.fee',
  time_limit: 'editor.field.time_limit',
  officer_name_bn: 'editor.field.officer_name_bn',
  officer_designation_bn: 'editor.field.officer_designation_bn',
  officer_phone: 'editor.field.officer_phone',
  officer_mobile: 'editor.field.officer_mobile',
  officer_email: 'editor.field.officer_email',
  remedy_bn: 'editor.field.remedy_bn',
};

/** The time limit as the deadline engine will read it, or why it cannot. */
export function renderTimeLimitReading(lang: Lang, limit: TimeLimit, notes: readonly ParseNote[]): Html {
  const reading = plainTimeLimit(lang, limit);
  const typed = limit.text ?? '';
  if (reading) {
    return html`<div class="time-reading" role="status"><p><span lang="bn">${typed}</span> → <strong>${reading}</strong></p></div>`;
  }
  const why: MessageKey = notes.some((note) => note.code === 'missing_time_limit') ? 'editor.time_missing' : 'editor.time_unreadable';
  return html`<div class="time-reading warning" role="status"><p>${typed ? html`<span lang="bn">${typed}</span> → ` : ''}${t(lang, why)}</p></div>`;
}

function categorySelect(lang: Lang, values: ServiceFormValues, error: string | undefined): Html {
  const options = SERVICE_CATEGORIES.map((category) => ({ value: category, label: categoryName(lang, category) }));
  return renderSelect(lang, { name: 'category', label: LABELS.category, value: values.category, error, options });
}

export function renderServiceFormPage(lang: Lang, view: EditorView, state: ServiceFormState, csrf: string): RenderedPage {
  const name = officeName(lang, view.office);
  const { values, errors } = state;
  const texts = errorTexts(lang, errors);
  const field = (spec: Omit<FieldSpec, 'label' | 'value' | 'error'> & { name: ServiceFormField }): Html =>
    renderField(lang, { ...spec, label: LABELS[spec.name], value: values[spec.name], error: texts[spec.name] });
  const action = state.code ? editorHref(view.office.slug, `/services/${encodeURIComponent(state.code)}`) : editorHref(view.office.slug, '/services/new');
  const title = state.code ? t(lang, 'editor.service_title', { code: state.code }) : t(lang, 'editor.new_service_title');
  const body = html`${editorTrail(lang, view.office.slug, name)}
<h1>${title}</h1>
${renderStaleNotice(lang, state.stale)}
${renderErrorSummary(lang, fieldProblems(lang, LABELS, texts))}
<form method="post" action="${action}" class="editor-form" novalidate>
${csrfField(csrf)}
${revisionField(view.revision)}
${field({ name: 'name_bn', lang: 'bn' })}
${field({ name: 'name_en', lang: 'en' })}
${categorySelect(lang, values, texts.category)}
${field({ name: 'serial', type: 'number' })}
<div class="time-limit-group">
${field({ name: 'time_limit', lang: 'bn', hint: 'editor.hint.time_limit' })}
${state.reading ? renderTimeLimitReading(lang, state.reading.limit, state.reading.notes) : ''}
<button type="submit" name="action" value="check" class="secondary">${t(lang, 'editor.check')}</button>
</div>
${field({ name: 'delivery_methods', rows: 4, lang: 'bn', hint: 'editor.hint.one_per_line' })}
${field({ name: 'documents_bn', rows: 4, lang: 'bn' })}
${field({ name: 'fee', lang: 'bn', hint: 'editor.hint.fee' })}
<fieldset>
<legend>${t(lang, 'charter.column.officer')}</legend>
${field({ name: 'officer_name_bn', lang: 'bn' })}
${field({ name: 'officer_designation_bn', lang: 'bn' })}
${field({ name: 'officer_phone', type: 'tel' })}
${field({ name: 'officer_mobile', type: 'tel' })}
${field({ name: 'officer_email', type: 'email' })}
</fieldset>
${field({ name: 'remedy_bn', rows: 3, lang: 'bn' })}
${renderFormButtons([{ label: t(lang, 'editor.save'), action: 'save' }], { href: editorHref(view.office.slug), label: t(lang, 'editor.cancel') })}
</form>`;
  return { title: `${title} — ${name}`, body };
}
