// The sign-in form for staff; citizens need no account.
import { t, type Lang } from '../../core/i18n/index.ts';
import { csrfField, hiddenField } from '../../http/form-parts.ts';
import { html } from '../../http/html.ts';
import type { RenderedPage } from '../../http/layout.ts';

export interface SignInForm {
  csrfToken: string;
  email: string;
  next: string;
  /** the refusal to show above the form, already in the page's language */
  error?: string;
}

export function renderSignInPage(lang: Lang, form: SignInForm): RenderedPage {
  const title = t(lang, 'account.sign_in_title');
  const body = html`<h1>${title}</h1>
${form.error ? html`<div class="error-summary" role="alert"><p>${form.error}</p></div>` : ''}
<form method="post" action="/login" class="form">
  ${csrfField(form.csrfToken)}
  ${hiddenField('next', form.next)}
  <label for="email">${t(lang, 'account.email')}</label>
  <input id="email" name="email" type="email" autocomplete="username" required maxlength="254" value="${form.email}">
  <label for="password">${t(lang, 'account.password')}</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required maxlength="256">
  <button type="submit">${t(lang, 'account.sign_in')}</button>
</form>
<p><a href="/password-reset">${t(lang, 'account.forgot_password')}</a></p>
<p class="note">${t(lang, 'account.sign_in_note')}</p>`;
  return { title, body };
}
