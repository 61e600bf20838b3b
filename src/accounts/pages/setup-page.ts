// /setup: making the first system administrator with the one-time token from DATA_DIR.
import { t, type Lang } from '../../core/i18n/index.ts';
import { csrfField, type FieldErrors } from '../../http/form-parts.ts';
import { html } from '../../http/html.ts';
import type { RenderedPage } from '../../http/layout.ts';
import { MIN_PASSWORD_LENGTH } from '../passwords.ts';
import { describedBy, errorSummary, fieldError } from './form-parts.ts';

export interface SetupView {
  csrfToken: string;
  /** the token file's path, so the reader knows where to look */
  tokenFile: string;
  /** what was typed, kept after an error (never the token or the passwords) */
  values: { email: string; name_bn: string; name_en: string };
  errors: FieldErrors;
}

export function renderSetupPage(lang: Lang, view: SetupView): RenderedPage {
  const title = t(lang, 'setup.title');
  const field = (name: string) => ({ error: fieldError(view.errors, name), describedBy: describedBy(view.errors, name) });
  const token = field('token');
  const email = field('email');
  const nameBn = field('name_bn');
  const password = field('password');
  const again = field('password_again');
  const body = html`<h1>${title}</h1>
${errorSummary(lang, view.errors)}
<p>${t(lang, 'setup.intro')}</p>
<form method="post" action="/setup" class="form" autocomplete="off">
  ${csrfField(view.csrfToken)}
  <label for="token">${t(lang, 'setup.token')}</label>
  <p class="hint" id="token-hint">${t(lang, 'setup.token_hint', { file: view.tokenFile })}</p>
  ${token.error}
  <input id="token" name="token" required maxlength="200" spellcheck="false" aria-describedby="${token.describedBy ?? 'token-hint'}">
  <label for="email">${t(lang, 'account.email')}</label>
  ${email.error}
  <input id="email" name="email" type="email" required maxlength="254" autocomplete="username" value="${view.values.email}" aria-describedby="${email.describedBy}">
  <label for="name_bn">${t(lang, 'users.name_bn')}</label>
  ${nameBn.error}
  <input id="name_bn" name="name_bn" required maxlength="200" value="${view.values.name_bn}" aria-describedby="${nameBn.describedBy}">
  <label for="name_en">${t(lang, 'users.name_en')}</label>
  <input id="name_en" name="name_en" maxlength="200" value="${view.values.name_en}">
  <label for="password">${t(lang, 'account.new_password')}</label>
  <p class="hint" id="password-hint">${t(lang, 'account.new_password_hint')}</p>
  ${password.error}
  <input id="password" name="password" type="password" autocomplete="new-password" required minlength="${MIN_PASSWORD_LENGTH}" maxlength="256"
    aria-describedby="${password.describedBy ?? 'password-hint'}">
  <label for="password_again">${t(lang, 'setup.password_again')}</label>
  ${again.error}
  <input id="password_again" name="password_again" type="password" autocomplete="new-password" required maxlength="256" aria-describedby="${again.describedBy}">
  <button type="submit">${t(lang, 'setup.create')}</button>
</form>`;
  return { title, body };
}
