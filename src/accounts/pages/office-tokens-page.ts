// An office's API tokens for integrations: the list, the form that makes one (its secret shown
// once), and the page that asks before a token is revoked.
import { formatMoment } from '../../core/format.ts';
import { t, type Lang } from '../../core/i18n/index.ts';
import { csrfField, renderField, renderFormButtons, renderNotice } from '../../http/form-parts.ts';
import { html } from '../../http/html.ts';
import type { RenderedPage } from '../../http/layout.ts';
import type { OfficeApiToken } from '../office-tokens.ts';

export interface OfficeLabel {
  slug: string;
  name: string;
}

export interface OfficeTokensView {
  office: OfficeLabel;
  tokens: OfficeApiToken[];
  csrf: string;
  /** a token just made, shown this once */
  newToken?: string | undefined;
  notice?: string | undefined;
}

const tokensHref = (office: OfficeLabel) => `/offices/${office.slug}/api-tokens`;

export function renderOfficeTokensPage(lang: Lang, view: OfficeTokensView): RenderedPage {
  const title = t(lang, 'office_tokens.title', { office: view.office.name });
  const when = (date: Date | null) => (date ? formatMoment(lang, date) : '—');
  const body = html`<h1>${title}</h1>
${renderNotice(view.notice)}
${view.newToken
  ? html`<div class="notice" role="status">
<p>${t(lang, 'office_tokens.created')}</p>
<p><code id="new-token">${view.newToken}</code></p>
<p class="hint">${t(lang, 'office_tokens.copy_hint')}</p>
</div>`
  : ''}
<p>${t(lang, 'office_tokens.intro')}</p>
<p><a href="/api/docs">${t(lang, 'office_tokens.docs_link')}</a></p>
<h2>${t(lang, 'office_tokens.list')}</h2>
${view.tokens.length === 0
  ? html`<p>${t(lang, 'office_tokens.none')}</p>`
  : html`<table><thead><tr><th>${t(lang, 'office_tokens.name')}</th><th>${t(lang, 'office_tokens.created_by')}</th><th>${t(lang, 'office_tokens.created_at')}</th><th>${t(lang, 'office_tokens.last_used')}</th><th>${t(lang, 'office_tokens.revoked')}</th><th></th></tr></thead><tbody>
${view.tokens.map(
  (token) => html`<tr><td>${token.name}</td><td>${token.createdByEmail}</td><td>${when(token.createdAt)}</td><td>${when(token.lastUsedAt)}</td><td>${when(token.revokedAt)}</td>
<td>${token.revokedAt ? '' : html`<a href="${tokensHref(view.office)}/${token.id}/revoke">${t(lang, 'office_tokens.revoke')}</a>`}</td></tr>
`,
)}</tbody></table>`}
<h2>${t(lang, 'office_tokens.new')}</h2>
<form method="post" action="${tokensHref(view.office)}" class="form">
${csrfField(view.csrf)}
${renderField(lang, { name: 'name', label: 'office_tokens.name', hint: 'office_tokens.name_hint', value: '', maxlength: 100 })}
${renderFormButtons([{ label: t(lang, 'office_tokens.create') }])}
</form>`;
  return { title, body };
}

export function renderRevokeTokenPage(lang: Lang, view: { office: OfficeLabel; token: OfficeApiToken; csrf: string }): RenderedPage {
  const title = t(lang, 'office_tokens.revoke_title', { name: view.token.name });
  const body = html`<h1>${title}</h1>
<p>${t(lang, 'office_tokens.revoke_warning', { office: view.office.name })}</p>
<form method="post" action="${tokensHref(view.office)}/${view.token.id}/revoke" class="form">
${csrfField(view.csrf)}
${renderFormButtons([{ label: t(lang, 'office_tokens.revoke_confirm'), className: 'warning' }], { href: tokensHref(view.office), label: t(lang, 'office_tokens.cancel') })}
</form>`;
  return { title, body };
}
