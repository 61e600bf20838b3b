// The charter's own parts in the draft: the office as the charter prints it, vision, mission and
// what the office expects of citizens (one a line).
import { t, type Lang, type MessageKey } from '../../../core/i18n/index.ts';
import { csrfField, errorTexts, fieldProblems, renderErrorSummary, renderField, renderFormButtons } from '../../../http/form-parts.ts';
import { html } from '../../../http/html.ts';
import type { RenderedPage } from '../../../http/layout.ts';
import { officeName } from '../../../offices/index.ts';
import type { CharterDocument } from '../../model.ts';
import type { EditorView } from '../draft-service.ts';
import { editorHref, editorTrail, renderStaleNotice, revisionField, type StaleState } from './form-parts.ts';

export const DETAILS_FIELDS = ['office_name_bn', 'office_name_en', 'office_parent_bn', 'office_address_bn', 'office_website', 'vision_bn', 'mission_bn', 'expectations_bn'] as const;
export type DetailsField = (typeof DETAILS_FIELDS)[number];
export type DetailsValues = Record<DetailsField, string>;

const LABELS: Record<DetailsField, MessageKey> = {
  office_name_bn: 'editor.field.office_name_bn',
  office_name_en: 'editor.field.office_name_en',
  office_parent_bn: 'editor.field.office_parent_bn',
  office_address_bn: 'editor.field.office_address_bn',
  office_website: 'editor.field.office_website',
  vision_bn: 'editor.field.vision_bn',
  mission_bn: 'editor.field.mission_bn',
  expectations_bn: 'editor.field.expectations_bn',
};

export function detailsValues(doc: CharterDocument): DetailsValues {
  return {
    office_name_bn: doc.office.name_bn ?? '',
    office_name_en: doc.office.name_en ?? '',
    office_parent_bn: doc.office.parent_bn ?? '',
    office_address_bn: doc.office.address_bn ?? '',
    office_website: doc.office.website ?? '',
    vision_bn: doc.vision_bn ?? '',
    mission_bn: doc.mission_bn ?? '',
    expectations_bn: doc.expectations_bn.join('\n'),
  };
}

/** The details as the stale notice shows them. */
export function detailsNow(doc: CharterDocument): StaleState {
  const values = detailsValues(doc);
  return { now: DETAILS_FIELDS.map((field) => ({ label: LABELS[field], value: values[field] })) };
}

export function renderDetailsPage(
  lang: Lang,
  view: EditorView,
  values: DetailsValues,
  errors: Partial<Record<DetailsField, MessageKey>>,
  csrf: string,
  stale?: StaleState,
): RenderedPage {
  const name = officeName(lang, view.office);
  const title = t(lang, 'editor.office_title');
  const texts = errorTexts(lang, errors);
  const field = (fieldName: DetailsField, extra: { rows?: number; lang?: 'bn' | 'en'; type?: 'url'; hint?: MessageKey } = {}) =>
    renderField(lang, { name: fieldName, label: LABELS[fieldName], value: values[fieldName], error: texts[fieldName], ...extra });
  const body = html`${editorTrail(lang, view.office.slug, name)}
<h1>${title}</h1>
${renderStaleNotice(lang, stale)}
${renderErrorSummary(lang, fieldProblems(lang, LABELS, texts))}
<form method="post" action="${editorHref(view.office.slug, '/office')}" class="editor-form" novalidate>
${csrfField(csrf)}
${revisionField(view.revision)}
${field('office_name_bn', { lang: 'bn' })}
${field('office_name_en', { lang: 'en' })}
${field('office_parent_bn', { lang: 'bn' })}
${field('office_address_bn', { lang: 'bn' })}
${field('office_website', { type: 'url' })}
${field('vision_bn', { rows: 3, lang: 'bn' })}
${field('mission_bn', { rows: 3, lang: 'bn' })}
${field('expectations_bn', { rows: 6, lang: 'bn', hint: 'editor.hint.one_per_line' })}
${renderFormButtons([{ label: t(lang, 'editor.save') }], { href: editorHref(view.office.slug), label: t(lang, 'editor.cancel') })}
</form>`;
  return { title: `${title} — ${name}`, body };
}
