// The charter's grievance redress (GRS) table in the draft: its steps in order, a form to add or
// change one (with the time limit read back as the service form reads it), and the page that
// asks before one is removed.
import { formatNumber } from '../../../core/format.ts';
import { t, type Lang, type MessageKey } from '../../../core/i18n/index.ts';
import { csrfField, errorTexts, fieldProblems, postButton, renderErrorSummary, renderField, renderFormButtons, renderNotice } from '../../../http/form-parts.ts';
import { html, type Html } from '../../../http/html.ts';
import type { RenderedPage } from '../../../http/layout.ts';
import { officeName } from '../../../offices/index.ts';
import type { GrsContact, ParseNote, TimeLimit } from '../../model.ts';
import { plainTimeLimit } from '../../pages/time-limit-text.ts';
import type { EditorView } from '../draft-service.ts';
import type { GrsFormField, GrsFormValues } from '../grs-form.ts';
import type { FormErrors } from '../service-form.ts';
import { editorHref, editorTrail, renderStaleNotice, revisionField, type StaleState } from './form-parts.ts';
import { renderTimeLimitReading } from './service-form-page.ts';

export const GRS_LABELS: Record<GrsFormField, MessageKey> = {
  level: 'editor.field.grs_level',
  role_bn: 'editor.field.grs_role_bn',
  contact_bn: 'editor.field.grs_contact_bn',
  time_limit: 'editor.field.grs_time_limit',
};

const grsHref = (slug: string, rest = '') => editorHref(slug, `/grs${rest}`);

function renderContact(lang: Lang, slug: string, contact: GrsContact, number: number): Html {
  const reading = plainTimeLimit(lang, contact.time_limit);
  return html`<li class="editor-grs">
<p><span class="muted">${t(lang, 'editor.grs_step', { level: formatNumber(lang, contact.level) })}:</span> <strong lang="bn">${contact.role_bn ?? ''}</strong></p>
<p class="grs-contact-text" lang="bn">${contact.contact_bn ?? ''}</p>
<p class="muted">${t(lang, 'charter.column.time_limit')}: <span lang="bn">${contact.time_limit.text ?? t(lang, 'charter.not_stated')}</span>${reading ? html` → ${reading}` : ''}</p>
<div class="editor-actions">
<a href="${grsHref(slug, `/${number}`)}">${t(lang, 'editor.edit')}</a>
<a href="${grsHref(slug, `/${number}/remove`)}">${t(lang, 'editor.remove')}</a>
</div>
</li>`;
}

export function renderGrsPage(lang: Lang, view: EditorView, notice?: string): RenderedPage {
  const name = officeName(lang, view.office);
  const title = t(lang, 'editor.grs_title');
  const contacts = view.doc.grs_contacts;
  const body = html`${editorTrail(lang, view.office.slug, name)}
<h1>${title}</h1>
${renderNotice(notice)}
<p>${t(lang, 'editor.grs_intro')}</p>
<p><a class="button-link" href="${grsHref(view.office.slug, '/new')}">${t(lang, 'editor.add_grs')}</a></p>
${
  contacts.length === 0
    ? html`<p>${t(lang, 'editor.grs_none')}</p>`
    : html`<ol class="editor-grs-list">${contacts.map((contact, index) => renderContact(lang, view.office.slug, contact, index + 1))}</ol>`
}`;
  return { title: `${title} — ${name}`, body };
}

export interface GrsFormState {
  /** the contact's number in the table (from 1); null for a new one */
  number: number | null;
  values: GrsFormValues;
  errors: FormErrors<GrsFormField>;
  reading?: { limit: TimeLimit; notes: ParseNote[] } | undefined;
  stale?: StaleState | undefined;
}

/** The contact as the stale notice shows it. */
export function grsContactNow(contact: GrsContact | undefined): StaleState {
  if (!contact) return { now: null };
  return {
    now: [
      { label: GRS_LABELS.level, value: String(contact.level) },
      { label: GRS_LABELS.role_bn, value: contact.role_bn ?? '' },
      { label: GRS_LABELS.contact_bn, value: contact.contact_bn ?? '' },
      { label: GRS_LABELS.time_limit, value: contact.time_limit.text ?? '' },
    ],
  };
}

export function renderGrsFormPage(lang: Lang, view: EditorView, state: GrsFormState, csrf: string): RenderedPage {
  const name = officeName(lang, view.office);
  const slug = view.office.slug;
  const { values, errors } = state;
  const texts = errorTexts(lang, errors);
  const field = (fieldName: GrsFormField, extra: { type?: 'number'; lang?: 'bn'; rows?: number; hint?: MessageKey } = {}) =>
    renderField(lang, { name: fieldName, label: GRS_LABELS[fieldName], value: values[fieldName], error: texts[fieldName], ...extra });
  const title = state.number ? t(lang, 'editor.grs_contact_title', { number: formatNumber(lang, state.number) }) : t(lang, 'editor.new_grs_title');
  const body = html`${editorTrail(lang, slug, name)}
<h1>${title}</h1>
${renderStaleNotice(lang, state.stale)}
${renderErrorSummary(lang, fieldProblems(lang, GRS_LABELS, texts))}
<form method="post" action="${grsHref(slug, state.number ? `/${state.number}` : '/new')}" class="editor-form" novalidate>
${csrfField(csrf)}
${revisionField(view.revision)}
${field('level', { type: 'number', hint: 'editor.hint.grs_level' })}
${field('role_bn', { lang: 'bn' })}
${field('contact_bn', { rows: 6, lang: 'bn', hint: 'editor.hint.grs_contact' })}
<div class="time-limit-group">
${field('time_limit', { lang: 'bn', hint: 'editor.hint.grs_time_limit' })}
${state.reading ? renderTimeLimitReading(lang, state.reading.limit, state.reading.notes) : ''}
<button type="submit" name="action" value="check" class="secondary">${t(lang, 'editor.check')}</button>
</div>
${renderFormButtons([{ label: t(lang, 'editor.save'), action: 'save' }], { href: grsHref(slug), label: t(lang, 'editor.cancel') })}
</form>`;
  return { title: `${title} — ${name}`, body };
}

export function renderRemoveGrsPage(lang: Lang, view: EditorView, number: number, state: { stale?: StaleState | undefined }, csrf: string): RenderedPage {
  const name = officeName(lang, view.office);
  const slug = view.office.slug;
  const contact = view.doc.grs_contacts[number - 1];
  const title = t(lang, 'editor.remove_grs_title');
  const body = html`${editorTrail(lang, slug, name)}
<h1>${title}</h1>
${state.stale ? html`<div class="stale-notice" role="alert"><p>${t(lang, 'editor.stale_page')}</p></div>` : ''}
${
  contact
    ? html`<p><span class="muted">${t(lang, 'editor.grs_step', { level: formatNumber(lang, contact.level) })}:</span> <strong lang="bn">${contact.role_bn ?? ''}</strong></p>
<p class="grs-contact-text" lang="bn">${contact.contact_bn ?? ''}</p>
<p>${t(lang, 'editor.remove_grs_note')}</p>
${postButton(grsHref(slug, `/${number}/remove`), csrf, t(lang, 'editor.remove_grs_confirm'), 'warning', revisionField(view.revision))}`
    : html`<p>${t(lang, 'editor.stale_gone')}</p>`
}
<p><a href="${grsHref(slug)}">${t(lang, 'editor.cancel')}</a></p>`;
  return { title: `${title} — ${name}`, body };
}
