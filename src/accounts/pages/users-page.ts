// /admin/users: the users an administrator may manage (all, or those holding a role in one
// office), each with their roles and what may be done to them, and the form to invite someone.
import { formatNumber } from '../../core/format.ts';
import { t, type Lang } from '../../core/i18n/index.ts';
import { csrfField, renderNotice, type FieldErrors } from '../../http/form-parts.ts';
import { html, type Html } from '../../http/html.ts';
import type { RenderedPage } from '../../http/layout.ts';
import type { Role } from '../roles.ts';
import { describedBy, errorSummary, fieldError } from './form-parts.ts';

export interface UsersView {
  /** the office acted for; null: every user (system administrator) */
  office: { slug: string; name: string } | null;
  users: {
    id: number;
    email: string;
    name: string;
    status: 'invited' | 'active' | 'disabled';
    twoFactor: boolean;
    grants: { id: number; role: Role; scope: string }[];
  }[];
  roles: readonly Role[];
  csrfToken: string;
  notice?: { text: string; warning: boolean } | undefined;
  invite: { email: string; name_bn: string; name_en: string; role: string; scope_kind: string; scope: string };
  errors: FieldErrors;
  /** mail is kept in the outbox (no SMTP server) */
  outbox: boolean;
  paging: { search: string; page: number; pageSize: number; total: number };
}

/** The list's address with its office, search and page (each only when it says something). */
export function usersAddress(where: { office?: string | undefined; search?: string | undefined; page?: number | undefined }): string {
  const query = new URLSearchParams();
  if (where.office) query.set('office', where.office);
  if (where.search) query.set('q', where.search);
  if (where.page && where.page > 1) query.set('page', String(where.page));
  const text = query.toString();
  return text ? `/admin/users?${text}` : '/admin/users';
}

/** 1,234 / ১,২৩৪: grouped as the reader writes it (Bangla in lakhs, as Bangladesh does). */
function formatCount(lang: Lang, value: number): string {
  return formatNumber(lang, value.toLocaleString(lang === 'bn' ? 'en-IN' : 'en-GB'));
}

function searchForm(lang: Lang, view: UsersView): Html {
  const search = view.paging.search;
  return html`<form method="get" action="/admin/users" class="user-search" role="search">
  ${view.office ? html`<input type="hidden" name="office" value="${view.office.slug}">` : ''}
  <label for="q">${t(lang, 'users.search')}</label>
  <input id="q" name="q" type="search" maxlength="200" value="${search}">
  <button type="submit">${t(lang, 'users.search_button')}</button>
  ${search ? html`<a href="${usersAddress({ office: view.office?.slug })}">${t(lang, 'users.search_clear')}</a>` : ''}
</form>`;
}

function pageLinks(lang: Lang, view: UsersView): Html | '' {
  const { page, pageSize, total, search } = view.paging;
  const lastPage = Math.max(1, Math.ceil(total / pageSize));
  if (lastPage === 1) return '';
  const office = view.office?.slug;
  const at = (to: number) => usersAddress({ office, search, page: to });
  return html`<nav class="paging" aria-label="${t(lang, 'users.pages')}">
${page > 1 ? html`<a rel="prev" href="${at(page - 1)}">${t(lang, 'users.previous_page')}</a>` : ''}
<span>${t(lang, 'users.page_of', { page: formatCount(lang, page), pages: formatCount(lang, lastPage) })}</span>
${page < lastPage ? html`<a rel="next" href="${at(page + 1)}">${t(lang, 'users.next_page')}</a>` : ''}
</nav>`;
}

function showing(lang: Lang, view: UsersView): string {
  const { page, pageSize, total } = view.paging;
  const from = (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return t(lang, 'users.showing', { from: formatCount(lang, from), to: formatCount(lang, to), total: formatCount(lang, total) });
}

export const SCOPE_KINDS = ['national', 'office', 'division', 'district', 'upazila', 'organisation'] as const;

function scopeFields(lang: Lang, view: UsersView, idPrefix: string, values = view.invite, errors: FieldErrors = {}): Html | '' {
  if (view.office) return html`<input type="hidden" name="office" value="${view.office.slug}">`;
  return html`<label for="${idPrefix}scope_kind">${t(lang, 'users.scope_kind')}</label>
  <select id="${idPrefix}scope_kind" name="scope_kind">${SCOPE_KINDS.map((kind) => html`<option value="${kind}"${kind === values.scope_kind ? html` selected` : ''}>${t(lang, `users.scope.${kind}`)}</option>`)}</select>
  <label for="${idPrefix}scope">${t(lang, 'users.scope_slug')}</label>
  ${fieldError(errors, 'scope')}
  <input id="${idPrefix}scope" name="scope" maxlength="200" value="${values.scope}">`;
}

function roleSelect(lang: Lang, view: UsersView, id: string, selected: string): Html {
  return html`<select id="${id}" name="role">${view.roles.map((role) => html`<option value="${role}"${role === selected ? html` selected` : ''}>${t(lang, `role.${role}`)}</option>`)}</select>`;
}

function userRow(lang: Lang, view: UsersView, user: UsersView['users'][number]): Html {
  const csrf = csrfField(view.csrfToken);
  const office = view.office ? html`<input type="hidden" name="office" value="${view.office.slug}">` : '';
  const action = (verb: string, label: string) => html`<form method="post" action="/admin/users/${user.id}/${verb}" class="inline">${csrf}${office}<button type="submit">${label}</button></form>`;
  return html`<tr>
<td>${user.name}<br><small>${user.email}</small></td>
<td>${t(lang, `users.status.${user.status}`)}</td>
<td>${user.twoFactor ? t(lang, 'users.yes') : t(lang, 'users.no')}
${user.twoFactor ? html`<br><a href="/admin/users/${user.id}/reset-2fa${view.office ? `?office=${encodeURIComponent(view.office.slug)}` : ''}">${t(lang, 'users.reset_2fa')}</a>` : ''}</td>
<td><ul>${user.grants.map(
    (grant) => html`<li>${t(lang, `role.${grant.role}`)} — ${grant.scope}
<form method="post" action="/admin/users/${user.id}/revoke" class="inline">${csrf}${office}<input type="hidden" name="grant" value="${grant.id}"><button type="submit">${t(lang, 'users.revoke')}</button></form></li>`,
  )}</ul>
<form method="post" action="/admin/users/${user.id}/grants" class="inline">${csrf}
  <label for="grant-role-${user.id}">${t(lang, 'users.role')}</label>${roleSelect(lang, view, `grant-role-${user.id}`, '')}
  ${scopeFields(lang, view, `grant-${user.id}-`, { ...view.invite, scope_kind: view.office ? 'office' : 'national', scope: '' })}
  <button type="submit">${t(lang, 'users.grant')}</button></form></td>
<td>${user.status === 'disabled' ? action('enable', t(lang, 'users.enable')) : action('disable', t(lang, 'users.disable'))}
${user.status === 'invited' ? action('resend', t(lang, 'users.resend')) : ''}</td>
</tr>`;
}

export function renderUsersPage(lang: Lang, view: UsersView): RenderedPage {
  const title = view.office ? t(lang, 'users.title_office', { office: view.office.name }) : t(lang, 'users.title');
  const body = html`<h1>${title}</h1>
${view.notice?.warning ? html`<div class="error-summary" role="alert"><p>${view.notice.text}</p></div>` : renderNotice(view.notice?.text)}
${errorSummary(lang, view.errors)}
${view.outbox ? html`<p class="note">${t(lang, 'users.outbox_note')}</p>` : ''}
${searchForm(lang, view)}
${view.users.length === 0
  ? html`<p>${view.paging.search ? t(lang, 'users.none_found', { search: view.paging.search }) : t(lang, 'users.none')}</p>`
  : html`<p class="paging-summary" role="status">${showing(lang, view)}</p>
<table><thead><tr><th>${t(lang, 'users.name')}</th><th>${t(lang, 'users.status')}</th><th>${t(lang, 'users.two_factor')}</th><th>${t(lang, 'users.roles')}</th><th></th></tr></thead>
<tbody>${view.users.map((user) => userRow(lang, view, user))}</tbody></table>
${pageLinks(lang, view)}`}
<h2>${t(lang, 'users.invite_title')}</h2>
<p>${t(lang, 'users.invite_intro')}</p>
<form method="post" action="/admin/users/invite" class="form">
  ${csrfField(view.csrfToken)}
  <label for="email">${t(lang, 'account.email')}</label>
  ${fieldError(view.errors, 'email')}
  <input id="email" name="email" type="email" required maxlength="254" value="${view.invite.email}" aria-describedby="${describedBy(view.errors, 'email')}">
  <label for="name_bn">${t(lang, 'users.name_bn')}</label>
  ${fieldError(view.errors, 'name_bn')}
  <input id="name_bn" name="name_bn" required maxlength="200" value="${view.invite.name_bn}" aria-describedby="${describedBy(view.errors, 'name_bn')}">
  <label for="name_en">${t(lang, 'users.name_en')}</label>
  <input id="name_en" name="name_en" maxlength="200" value="${view.invite.name_en}">
  <label for="role">${t(lang, 'users.role')}</label>
  ${fieldError(view.errors, 'role')}
  ${roleSelect(lang, view, 'role', view.invite.role)}
  ${scopeFields(lang, view, '', view.invite, view.errors)}
  <button type="submit">${t(lang, 'users.invite')}</button>
</form>`;
  return { title, body };
}
