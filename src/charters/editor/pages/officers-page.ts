// The charter's list of officers in the draft: each with the services that name them, a form
// to add or change one, and the page that asks before one is removed (or says which services
// still name them).
import { formatNumber } from '../../../core/format.ts';
import { t, type Lang, type MessageKey } from '../../../core/i18n/index.ts';
import { csrfField, errorTexts, fieldProblems, postButton, renderErrorSummary, renderField, renderFormButtons, renderNotice } from '../../../http/form-parts.ts';
import { html, type Html } from '../../../http/html.ts';
import type { RenderedPage } from '../../../http/layout.ts';
import { officeName } from '../../../offices/index.ts';
import { officerLine } from '../../charter-diff.ts';
import type { Service } from '../../model.ts';
import type { EditorView } from '../draft-service.ts';
import { servicesNaming, type OfficerEntry } from '../officer-list.ts';
import type { OfficerFormField, OfficerFormValues } from '../officer-form.ts';
import type { FormErrors } from '../service-form.ts';
import { editorHref, editorTrail, renderStaleNotice, revisionField, type StaleState } from './form-parts.ts';

export const OFFICER_LABELS: Record<OfficerFormField, MessageKey> = {
  name_bn: 'editor.field.officer_name_bn',
  designation_bn: 'editor.field.officer_designation_bn',
  phone: 'editor.field.officer_phone',
  mobile: 'editor.field.officer_mobile',
  email: 'editor.field.officer_email',
};

const officersHref = (slug: string, rest = '') => editorHref(slug, `/officers${rest}`);

/** The services as links to their forms: "সেবার নাম (s3), …". */
function serviceLinks(slug: string, services: readonly Pick<Service, 'code' | 'name_bn'>[]): Html {
  return html`${services.map(
    (service, index) =>
      html`${index > 0 ? ', ' : ''}<a href="${editorHref(slug, `/services/${encodeURIComponent(service.code ?? '')}`)}" lang="bn">${service.name_bn ?? service.code ?? ''}</a> <span class="muted">(${service.code ?? ''})</span>`,
  )}`;
}

function renderOfficer(lang: Lang, view: EditorView, officer: OfficerEntry, number: number): Html {
  const slug = view.office.slug;
  const naming = servicesNaming(officer, view.doc.services);
  return html`<li class="editor-officer">
<p lang="bn"><strong>${officer.name_bn ?? officer.designation_bn ?? ''}</strong>${officer.name_bn && officer.designation_bn ? html`, ${officer.designation_bn}` : ''}</p>
<p class="muted">${[officer.phone, officer.mobile, officer.email].filter((part) => part).join(' · ')}</p>
<p>${naming.length > 0 ? html`${t(lang, 'editor.officer_services')} ${serviceLinks(slug, naming)}` : html`<span class="muted">${t(lang, 'editor.officer_no_services')}</span>`}</p>
<div class="editor-actions">
<a href="${officersHref(slug, `/${number}`)}">${t(lang, 'editor.edit')}</a>
<a href="${officersHref(slug, `/${number}/remove`)}">${t(lang, 'editor.remove')}</a>
</div>
</li>`;
}

export function renderOfficersPage(lang: Lang, view: EditorView, notice?: string): RenderedPage {
  const name = officeName(lang, view.office);
  const title = t(lang, 'editor.officers_title');
  const body = html`${editorTrail(lang, view.office.slug, name)}
<h1>${title}</h1>
${renderNotice(notice)}
<p>${t(lang, 'editor.officers_intro')}</p>
<p><a class="button-link" href="${officersHref(view.office.slug, '/new')}">${t(lang, 'editor.add_officer')}</a></p>
${
  view.officers.length === 0
    ? html`<p>${t(lang, 'editor.officers_none')}</p>`
    : html`<ol class="editor-officers">${view.officers.map((officer, index) => renderOfficer(lang, view, officer, index + 1))}</ol>`
}`;
  return { title: `${title} — ${name}`, body };
}

export interface OfficerFormState {
  /** the officer's number on the list (from 1); null for a new one */
  number: number | null;
  values: OfficerFormValues;
  errors: FormErrors<OfficerFormField>;
  /** the form was refused: the officer is already on the list as this number */
  duplicateOf?: number | undefined;
  stale?: StaleState | undefined;
}

/** The officer as the stale notice shows it. */
export function officerNow(officer: OfficerEntry | undefined): StaleState {
  if (!officer) return { now: null };
  return { now: (Object.keys(OFFICER_LABELS) as OfficerFormField[]).map((field) => ({ label: OFFICER_LABELS[field], value: officer[field] ?? '' })) };
}

export function renderOfficerFormPage(lang: Lang, view: EditorView, state: OfficerFormState, csrf: string): RenderedPage {
  const name = officeName(lang, view.office);
  const slug = view.office.slug;
  const { values, errors } = state;
  const texts = errorTexts(lang, errors);
  const field = (fieldName: OfficerFormField, extra: { type?: 'tel' | 'email'; lang?: 'bn' } = {}) =>
    renderField(lang, { name: fieldName, label: OFFICER_LABELS[fieldName], value: values[fieldName], error: texts[fieldName], ...extra });
  const title = state.number ? t(lang, 'editor.officer_title', { number: formatNumber(lang, state.number) }) : t(lang, 'editor.new_officer_title');
  const action = officersHref(slug, state.number ? `/${state.number}` : '/new');
  const current = state.number ? view.officers[state.number - 1] : undefined;
  const naming = current ? servicesNaming(current, view.doc.services) : [];
  const duplicate = state.duplicateOf
    ? html`<div class="error-summary" role="alert"><h2>${t(lang, 'editor.errors_title')}</h2><p><a href="${officersHref(slug, `/${state.duplicateOf}`)}">${t(lang, 'editor.error.officer_duplicate', { number: formatNumber(lang, state.duplicateOf) })}</a></p></div>`
    : '';
  const body = html`${editorTrail(lang, slug, name)}
<h1>${title}</h1>
${renderStaleNotice(lang, state.stale)}
${renderErrorSummary(lang, fieldProblems(lang, OFFICER_LABELS, texts))}
${duplicate}
${naming.length > 0 ? html`<p>${t(lang, 'editor.officer_edit_note')} ${serviceLinks(slug, naming)}</p>` : ''}
<form method="post" action="${action}" class="editor-form" novalidate>
${csrfField(csrf)}
${revisionField(view.revision)}
${field('name_bn', { lang: 'bn' })}
${field('designation_bn', { lang: 'bn' })}
${field('phone', { type: 'tel' })}
${field('mobile', { type: 'tel' })}
${field('email', { type: 'email' })}
${renderFormButtons([{ label: t(lang, 'editor.save') }], { href: officersHref(slug), label: t(lang, 'editor.cancel') })}
</form>`;
  return { title: `${title} — ${name}`, body };
}

export interface RemoveOfficerState {
  /** the services that still name the officer, when removing was refused */
  inUse?: readonly { code: string; name_bn: string | null }[] | undefined;
  stale?: StaleState | undefined;
}

/** Asks before an officer is removed; says which services still name them when they cannot be. */
export function renderRemoveOfficerPage(lang: Lang, view: EditorView, number: number, state: RemoveOfficerState, csrf: string): RenderedPage {
  const name = officeName(lang, view.office);
  const slug = view.office.slug;
  const officer = view.officers[number - 1];
  const naming = officer ? servicesNaming(officer, view.doc.services) : [];
  const title = t(lang, 'editor.remove_officer_title');
  const refused = state.inUse && state.inUse.length > 0 ? state.inUse : naming.length > 0 ? naming : null;
  const body = html`${editorTrail(lang, slug, name)}
<h1>${title}</h1>
${state.stale ? html`<div class="stale-notice" role="alert"><p>${t(lang, 'editor.stale_page')}</p></div>` : ''}
${officer ? html`<p lang="bn"><strong>${officerLine(officer)}</strong></p>` : html`<p>${t(lang, 'editor.stale_gone')}</p>`}
${
  refused
    ? html`<div class="error-summary" role="alert"><h2>${t(lang, 'editor.errors_title')}</h2><p>${t(lang, 'editor.officer_in_use')}</p><ul>${refused.map(
        (service) => html`<li>${serviceLinks(slug, [service])}</li>`,
      )}</ul></div>`
    : officer
      ? html`<p>${t(lang, 'editor.remove_officer_note')}</p>
${postButton(officersHref(slug, `/${number}/remove`), csrf, t(lang, 'editor.remove_officer_confirm'), 'warning', revisionField(view.revision))}`
      : ''
}
<p><a href="${officersHref(slug)}">${t(lang, 'editor.cancel')}</a></p>`;
  return { title: `${title} — ${name}`, body };
}
