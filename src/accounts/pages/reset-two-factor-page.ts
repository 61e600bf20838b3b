// /admin/users/:id/reset-2fa: the confirmation before a user's lost second factor is cleared.
import { t, type Lang } from '../../core/i18n/index.ts';
import { csrfField, hiddenField } from '../../http/form-parts.ts';
import { html } from '../../http/html.ts';
import type { RenderedPage } from '../../http/layout.ts';
import { usersAddress } from './users-page.ts';

export interface ResetTwoFactorView {
  user: { id: number; name: string; email: string };
  /** the office acted for (an office administrator's page); undefined: every user */
  office: string | undefined;
  csrfToken: string;
}

export function renderResetTwoFactorPage(lang: Lang, view: ResetTwoFactorView): RenderedPage {
  const title = t(lang, 'users.reset_2fa_title');
  const body = html`<h1>${title}</h1>
<p>${t(lang, 'users.reset_2fa_who', { name: view.user.name, email: view.user.email })}</p>
<p>${t(lang, 'users.reset_2fa_explain')}</p>
<div class="notice" role="note"><p>${t(lang, 'users.reset_2fa_check')}</p></div>
<form method="post" action="/admin/users/${view.user.id}/reset-2fa" class="form">
  ${csrfField(view.csrfToken)}
  ${view.office ? hiddenField('office', view.office) : ''}
  <button type="submit" class="warning">${t(lang, 'users.reset_2fa_confirm')}</button>
  <a href="${usersAddress({ office: view.office })}">${t(lang, 'users.cancel')}</a>
</form>`;
  return { title, body };
}
