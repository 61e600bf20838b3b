// Choosing a password from a mailed link (an invitation or a reset), and the page for a link
// that no longer works.
import { t, type Lang, type MessageKey } from '../../core/i18n/index.ts';
import { csrfField, type FieldErrors } from '../../http/form-parts.ts';
import { html } from '../../http/html.ts';
import type { RenderedPage } from '../../http/layout.ts';
import { MIN_PASSWORD_LENGTH } from '../passwords.ts';
import { describedBy, errorSummary, fieldError } from './form-parts.ts';

export interface SetPasswordForm {
  purpose: 'invite' | 'reset';
  /** the form's own address (it carries the token) */
  action: string;
  csrfToken: string;
  email: string;
  name: string;
  errors: FieldErrors;
}

export function renderSetPasswordPage(lang: Lang, form: SetPasswordForm): RenderedPage {
  const title = t(lang, form.purpose === 'invite' ? 'account.set_password_title' : 'account.reset_choose_title');
  const intro = form.purpose === 'invite' ? t(lang, 'account.invite_intro', { name: form.name, email: form.email }) : t(lang, 'account.reset_choose_intro');
  const body = html`<h1>${title}</h1>
${errorSummary(lang, form.errors)}
<p>${intro}</p>
<form method="post" action="${form.action}" class="form">
  ${csrfField(form.csrfToken)}
  <input type="hidden" name="username" autocomplete="username" value="${form.email}">
  <label for="password">${t(lang, 'account.new_password')}</label>
  <p class="hint" id="password-hint">${t(lang, 'account.new_password_hint')}</p>
  ${fieldError(form.errors, 'password')}
  <input id="password" name="password" type="password" autocomplete="new-password" required minlength="${MIN_PASSWORD_LENGTH}" maxlength="256"
    aria-describedby="${describedBy(form.errors, 'password') ?? 'password-hint'}">
  <button type="submit">${t(lang, form.purpose === 'invite' ? 'account.set_password' : 'account.reset_save')}</button>
</form>`;
  return { title, body };
}

export type LinkProblem = 'used' | 'expired' | 'unknown';

const PROBLEM_TEXT: Record<LinkProblem, [MessageKey, MessageKey]> = {
  used: ['account.link_used_title', 'account.link_used'],
  expired: ['account.link_expired_title', 'account.link_expired'],
  unknown: ['account.link_unknown_title', 'account.link_unknown'],
};

export function renderLinkProblemPage(lang: Lang, problem: LinkProblem): RenderedPage {
  const [titleKey, textKey] = PROBLEM_TEXT[problem];
  const title = t(lang, titleKey);
  const body = html`<h1>${title}</h1>
<p>${t(lang, textKey)}</p>
<p><a href="/login">${t(lang, 'account.sign_in_link')}</a> · <a href="/password-reset">${t(lang, 'account.request_new_reset')}</a></p>`;
  return { title, body };
}

/** A plain page saying something is done, with one link onward. */
export function renderMessagePage(lang: Lang, titleKey: MessageKey, text: string, link: { href: string; label: string }): RenderedPage {
  const title = t(lang, titleKey);
  return { title, body: html`<h1>${title}</h1><p>${text}</p><p><a href="${link.href}">${link.label}</a></p>` };
}
