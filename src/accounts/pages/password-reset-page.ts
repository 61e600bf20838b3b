// The form that asks for a password-reset link.
import { t, type Lang } from '../../core/i18n/index.ts';
import { csrfField, type FieldErrors } from '../../http/form-parts.ts';
import { html } from '../../http/html.ts';
import type { RenderedPage } from '../../http/layout.ts';
import { describedBy, errorSummary, fieldError } from './form-parts.ts';

export function renderPasswordResetRequestPage(lang: Lang, form: { csrfToken: string; email: string; errors: FieldErrors; general?: string | undefined }): RenderedPage {
  const title = t(lang, 'account.reset_title');
  const body = html`<h1>${title}</h1>
${errorSummary(lang, form.errors, form.general)}
<p>${t(lang, 'account.reset_intro')}</p>
<form method="post" action="/password-reset" class="form">
  ${csrfField(form.csrfToken)}
  <label for="email">${t(lang, 'account.email')}</label>
  ${fieldError(form.errors, 'email')}
  <input id="email" name="email" type="email" autocomplete="username" required maxlength="254" value="${form.email}" aria-describedby="${describedBy(form.errors, 'email')}">
  <button type="submit">${t(lang, 'account.reset_send')}</button>
</form>`;
  return { title, body };
}
