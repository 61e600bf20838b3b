// The accounts forms' own layout (label, hint, error and input side by side in a `.form`, ids
// without a prefix): a field's error, what describes its input, and the error summary linking to
// those ids. The CSRF field and the summary's box come from http/form-parts.ts.
import type { Lang } from '../../core/i18n/index.ts';
import { renderErrorSummary, type FieldErrors } from '../../http/form-parts.ts';
import { html, type Html } from '../../http/html.ts';

/** The GOV.UK pattern: a summary at the top linking to each field at fault. */
export function errorSummary(lang: Lang, errors: FieldErrors, general?: string): Html {
  const problems = Object.entries(errors).flatMap(([field, message]) => (message === undefined ? [] : [{ id: field, text: message }]));
  return renderErrorSummary(lang, problems, general);
}

export function fieldError(errors: FieldErrors, field: string): Html | '' {
  const message = errors[field];
  return message ? html`<p class="field-error" id="${field}-error">${message}</p>` : '';
}

export const describedBy = (errors: FieldErrors, field: string): string | undefined => (errors[field] ? `${field}-error` : undefined);
