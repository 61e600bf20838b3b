// The pieces the citizen's forms are made of, in the markup and classes of the other forms of the
// portal (GOV.UK pattern): labelled fields that keep what was typed and name their error, and the
// error summary at the top linking to each field at fault.
import { t, type Lang, type MessageKey } from '../../core/i18n/index.ts';
import { html, type Html } from '../../http/html.ts';

/** Problems with a form, by field name, already in the page's language. */
export type FieldErrors = Partial<Record<string, string>>;

export interface FieldSpec {
  name: string;
  label: MessageKey;
  value: string;
  hint?: MessageKey;
  /** a textarea of this many rows instead of a one-line input */
  rows?: number;
  type?: 'text' | 'email' | 'tel';
  autocomplete?: string;
  inputmode?: 'numeric' | 'tel' | 'email' | 'text';
  maxlength?: number;
}

export const csrfField = (token: string): Html => html`<input type="hidden" name="_csrf" value="${token}">`;

const fieldId = (name: string) => `f-${name}`;

export function renderField(lang: Lang, field: FieldSpec, errors: FieldErrors): Html {
  const id = fieldId(field.name);
  const error = errors[field.name];
  const hintId = field.hint ? `${id}-hint` : null;
  const errorId = error ? `${id}-error` : null;
  const described = [hintId, errorId].filter(Boolean).join(' ');
  const attributes = html`${described ? html` aria-describedby="${described}"` : ''}${error ? html` aria-invalid="true"` : ''}${
    field.autocomplete ? html` autocomplete="${field.autocomplete}"` : ''
  }${field.maxlength ? html` maxlength="${field.maxlength}"` : ''}`;
  // a browser drops the first line break inside a textarea: one is given, so a typed one is kept
  const control = field.rows
    ? html`<textarea id="${id}" name="${field.name}" rows="${field.rows}"${attributes}>\n${field.value}</textarea>`
    : html`<input id="${id}" name="${field.name}" type="${field.type ?? 'text'}" value="${field.value}"${
        field.inputmode ? html` inputmode="${field.inputmode}"` : ''
      }${attributes}>`;
  return html`<div class="field${error ? ' field-error' : ''}">
<label for="${id}">${t(lang, field.label)}</label>
${field.hint ? html`<p class="hint" id="${hintId}">${t(lang, field.hint)}</p>` : ''}
${error ? html`<p class="error-message" id="${errorId}">${error}</p>` : ''}
${control}
</div>`;
}

/** The errors above the form, each a link to its field and named by the field's label. */
export function renderErrorSummary(lang: Lang, fields: readonly FieldSpec[], errors: FieldErrors, general?: string): Html {
  const listed = fields.filter((field) => errors[field.name]);
  if (listed.length === 0 && !general) return html``;
  return html`<div class="error-summary" role="alert">
<h2>${t(lang, 'form.problem')}</h2>
${general ? html`<p>${general}</p>` : ''}
${listed.length > 0 ? html`<ul>${listed.map((field) => html`<li><a href="#${fieldId(field.name)}">${t(lang, field.label)}: ${errors[field.name]}</a></li>`)}</ul>` : ''}
</div>`;
}
