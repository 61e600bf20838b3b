// Pieces every accounts form shares: the CSRF field, an error summary and a field's own error.
import { t, type Lang } from '../../core/i18n/index.ts';
import { html, type Html } from '../../http/html.ts';

/** Problems with a form, by field name, already in the page's language. */
export type FieldErrors = Partial<Record<string, string>>;

export const csrfField = (token: string): Html => html`<input type="hidden" name="_csrf" value="${token}">`;

/** The GOV.UK pattern: a summary at the top linking to each field at fault. */
export function errorSummary(lang: Lang, errors: FieldErrors, general?: string): Html | '' {
  const entries = Object.entries(errors).filter((entry): entry is [string, string] => entry[1] !== undefined);
  if (entries.length === 0 && !general) return '';
  return html`<div class="error-summary" role="alert"><h2>${t(lang, 'form.problem')}</h2>
${general ? html`<p>${general}</p>` : ''}
${entries.length > 0 ? html`<ul>${entries.map(([field, message]) => html`<li><a href="#${field}">${message}</a></li>`)}</ul>` : ''}</div>`;
}

export function fieldError(errors: FieldErrors, field: string): Html | '' {
  const message = errors[field];
  return message ? html`<p class="field-error" id="${field}-error">${message}</p>` : '';
}

export const describedBy = (errors: FieldErrors, field: string): string | undefined => (errors[field] ? `${field}-error` : undefined);
