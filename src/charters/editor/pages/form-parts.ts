// The pieces every editor form is made of: labelled fields that keep what was typed and name
// their error, the error summary at the top, the CSRF field, and the editor's page trail.
import { t, type Lang, type MessageKey } from '../../../core/i18n/index.ts';
import { renderBreadcrumbs } from '../../../http/breadcrumbs.ts';
import { html, type Html } from '../../../http/html.ts';

export interface FieldSpec {
  name: string;
  label: MessageKey;
  value: string;
  error?: MessageKey | undefined;
  hint?: MessageKey | undefined;
  /** a textarea of this many rows instead of a one-line input */
  rows?: number;
  type?: 'text' | 'email' | 'tel' | 'url' | 'number';
  lang?: 'bn' | 'en';
}

export function csrfField(token: string): Html {
  return html`<input type="hidden" name="_csrf" value="${token}">`;
}

/** The state of the draft the form was filled in from (open-draft.ts refuses a save over a later one). */
export function revisionField(revision: string): Html {
  return html`<input type="hidden" name="revision" value="${revision}">`;
}

/** What is in the draft now, next to the form that was refused because it changed. */
export interface StaleState {
  /** the thing as it is now, field by field; null when someone removed it */
  now: { label: MessageKey; value: string }[] | null;
}

/** Says the draft changed under the form and shows what is there now; the form below keeps what was typed. */
export function renderStaleNotice(lang: Lang, stale: StaleState | undefined): Html {
  if (!stale) return html``;
  const now = stale.now;
  return html`<div class="stale-notice" role="alert">
<h2>${t(lang, 'editor.stale_title')}</h2>
<p>${t(lang, 'editor.stale_note')}</p>
<h3>${t(lang, 'editor.stale_now')}</h3>
${
  now === null
    ? html`<p>${t(lang, 'editor.stale_gone')}</p>`
    : html`<dl class="stale-now">${now.map((item) => html`<div><dt>${t(lang, item.label)}</dt><dd lang="bn">${item.value === '' ? t(lang, 'diff.empty') : item.value}</dd></div>`)}</dl>`
}
</div>`;
}

export function renderField(lang: Lang, field: FieldSpec): Html {
  const id = `f-${field.name}`;
  const hintId = field.hint ? `${id}-hint` : null;
  const errorId = field.error ? `${id}-error` : null;
  const described = [hintId, errorId].filter(Boolean).join(' ');
  const describedBy = described ? html` aria-describedby="${described}"` : '';
  const invalid = field.error ? html` aria-invalid="true"` : '';
  const langAttr = field.lang ? html` lang="${field.lang}"` : '';
  // a browser drops the first line break inside a textarea: one is given, so a typed one is kept
  const control = field.rows
    ? html`<textarea id="${id}" name="${field.name}" rows="${field.rows}"${describedBy}${invalid}${langAttr}>\n${field.value}</textarea>`
    : html`<input id="${id}" name="${field.name}" type="${field.type ?? 'text'}" value="${field.value}"${describedBy}${invalid}${langAttr}>`;
  return html`<div class="field${field.error ? ' field-error' : ''}">
<label for="${id}">${t(lang, field.label)}</label>
${field.hint ? html`<p class="hint" id="${hintId}">${t(lang, field.hint)}</p>` : ''}
${field.error ? html`<p class="error-message" id="${errorId}">${t(lang, field.error)}</p>` : ''}
${control}
</div>`;
}

/** The errors above the form, each a link to its field. */
export function renderErrorSummary(lang: Lang, errors: { name: string; label: MessageKey; error: MessageKey }[]): Html {
  if (errors.length === 0) return html``;
  return html`<div class="error-summary" role="alert">
<h2>${t(lang, 'editor.errors_title')}</h2>
<ul>${errors.map((error) => html`<li><a href="#f-${error.name}">${t(lang, error.label)}: ${t(lang, error.error)}</a></li>`)}</ul>
</div>`;
}

export function editorHref(slug: string, rest = ''): string {
  return `/offices/${encodeURIComponent(slug)}/edit${rest}`;
}

export function editorTrail(lang: Lang, slug: string, officeLabel: string, withEditor = true): Html {
  const trail = [
    { label: t(lang, 'nav.home'), href: '/' },
    { label: officeLabel, href: `/offices/${encodeURIComponent(slug)}` },
  ];
  if (withEditor) trail.push({ label: t(lang, 'editor.title_short'), href: editorHref(slug) });
  return renderBreadcrumbs(lang, trail);
}
