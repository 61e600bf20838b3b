// A signed-in user's own page: who they are, the roles they hold where, their API tokens.
import { t, type Lang } from '../../core/i18n/index.ts';
import { formatDate } from '../../core/format.ts';
import { csrfField } from '../../http/form-parts.ts';
import { html } from '../../http/html.ts';
import type { RenderedPage } from '../../http/layout.ts';
import type { DescribedGrant } from '../describe-grants.ts';

export interface AccountView {
  name: string;
  email: string;
  roles: DescribedGrant[];
  tokens: { id: number; name: string; createdAt: Date; lastUsedAt: Date | null }[];
  csrfToken: string;
  /** whether two-step sign-in (TOTP) is on */
  twoFactor: boolean;
  /** the user administration pages this user may open */
  manageUsers: { href: string; label: string }[];
  /** a token just created, shown this once */
  newToken?: string;
}

export function renderAccountPage(lang: Lang, view: AccountView): RenderedPage {
  const title = t(lang, 'account.title');
  const csrf = csrfField(view.csrfToken);
  const body = html`<h1>${title}</h1>
<p>${view.name} — ${view.email}</p>
<h2>${t(lang, 'account.roles')}</h2>
${view.roles.length > 0
  ? html`<ul>${view.roles.map((role) => html`<li>${t(lang, `role.${role.role}`)} — ${role.scope}${role.role === 'office_admin' && role.officeSlug ? html` · <a href="/offices/${role.officeSlug}/edit">${t(lang, 'account.edit_charter')}</a>` : ''}</li>`)}</ul>`
  : html`<p>${t(lang, 'account.no_roles')}</p>`}
${view.roles.flatMap((role) => (role.role === 'system_admin' ? [{ href: `/admin/calendar/${new Date().getFullYear()}`, label: t(lang, 'calendar_admin.account_national_link') }] : role.role === 'office_admin' && role.officeSlug ? [{ href: `/offices/${role.officeSlug}/calendar`, label: `${t(lang, 'calendar_admin.account_office_link')} — ${role.scope}` }, { href: `/offices/${role.officeSlug}/api-tokens`, label: `${t(lang, 'office_tokens.account_link')} — ${role.scope}` }] : [])).map((link) => html`<p><a href="${link.href}">${link.label}</a></p>`)}
${view.roles.filter((role) => ['office_staff', 'officer', 'office_admin'].includes(role.role) && role.officeSlug).filter((role, index, list) => list.findIndex((other) => other.officeSlug === role.officeSlug) === index).map((role) => html`<p><a href="/offices/${role.officeSlug}/requests">${t(lang, 'office_requests.account_link')} — ${role.scope}</a></p>`)}
${view.manageUsers.length > 0
  ? html`<h2>${t(lang, 'account.manage_users')}</h2><ul>${view.manageUsers.map((link) => html`<li><a href="${link.href}">${link.label}</a></li>`)}</ul>`
  : ''}
<h2>${t(lang, 'account.two_factor')}</h2>
<p>${t(lang, view.twoFactor ? 'account.two_factor_on' : 'account.two_factor_off')}</p>
${view.twoFactor ? '' : html`<p><a href="/account/2fa">${t(lang, 'account.two_factor_set_up')}</a></p>`}
<h2>${t(lang, 'account.tokens')}</h2>
<p class="note">${t(lang, 'account.tokens_note')}</p>
${view.newToken ? html`<div class="notice" role="status"><p>${t(lang, 'account.token_created')}</p><p><code>${view.newToken}</code></p></div>` : ''}
${view.tokens.length > 0
  ? html`<table><thead><tr><th>${t(lang, 'account.token_name')}</th><th>${t(lang, 'account.token_created_at')}</th><th>${t(lang, 'account.token_last_used')}</th><th></th></tr></thead><tbody>
${view.tokens.map((token) => html`<tr><td>${token.name}</td><td>${formatDate(lang, token.createdAt)}</td><td>${token.lastUsedAt ? formatDate(lang, token.lastUsedAt) : '—'}</td>
<td><form method="post" action="/account/tokens/${token.id}/revoke">${csrf}<button type="submit">${t(lang, 'account.token_revoke')}</button></form></td></tr>`)}
</tbody></table>`
  : ''}
<form method="post" action="/account/tokens" class="form">
  ${csrf}
  <label for="token-name">${t(lang, 'account.token_name')}</label>
  <input id="token-name" name="name" required maxlength="100">
  <button type="submit">${t(lang, 'account.token_create')}</button>
</form>
<form method="post" action="/logout">${csrf}<button type="submit">${t(lang, 'account.sign_out')}</button></form>`;
  return { title, body };
}
