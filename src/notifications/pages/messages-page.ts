// The messages the portal sent or is sending (SMS and e-mail), newest first, with their state:
// what a console gateway "sent", what a real one took, and what keeps failing.
import { formatMoment, formatNumber } from '../../core/format.ts';
import { t, type Lang } from '../../core/i18n/index.ts';
import { html } from '../../http/html.ts';
import type { RenderedPage } from '../../http/layout.ts';
import type { NotificationRow } from '../repository.ts';

export interface MessagesView {
  /** the office's name, or undefined for every office */
  officeName: string | undefined;
  messages: readonly NotificationRow[];
  page: number;
  hasNext: boolean;
  /** the address of this list, to which ?page= is added */
  href: string;
}

function messageRow(lang: Lang, message: NotificationRow) {
  const size =
    message.channel === 'sms' && message.segments !== null
      ? t(lang, 'messages.segments', { count: formatNumber(lang, message.segments), encoding: message.encoding === 'ucs2' ? 'UCS-2' : 'GSM' })
      : '';
  return html`<tr class="message-${message.status}">
<td data-label="${t(lang, 'messages.when')}">${formatMoment(lang, message.created_at)}</td>
<td data-label="${t(lang, 'messages.to')}">${t(lang, `messages.channel.${message.channel}`)}: ${message.recipient}</td>
<td data-label="${t(lang, 'messages.text')}">${message.subject ? html`<strong>${message.subject}</strong><br>` : ''}<span class="message-body">${message.body}</span>${size ? html`<br><small>${size}</small>` : ''}</td>
<td data-label="${t(lang, 'messages.status')}">${t(lang, `messages.status.${message.status}`)}${message.gateway ? html` (${message.gateway})` : ''}${
    message.last_error ? html`<br><small>${t(lang, 'messages.attempts', { count: formatNumber(lang, message.attempts) })}: ${message.last_error}</small>` : ''
  }</td>
</tr>`;
}

export function renderMessagesPage(lang: Lang, view: MessagesView): RenderedPage {
  const title = view.officeName ? t(lang, 'messages.title_office', { office: view.officeName }) : t(lang, 'messages.title');
  const pageLink = (page: number) => `${view.href}${view.href.includes('?') ? '&' : '?'}page=${page}`;
  const body = html`<h1>${title}</h1>
<p class="note">${t(lang, 'messages.intro')}</p>
${
  view.messages.length === 0
    ? html`<p>${t(lang, 'messages.empty')}</p>`
    : html`<table class="messages">
<thead><tr><th scope="col">${t(lang, 'messages.when')}</th><th scope="col">${t(lang, 'messages.to')}</th><th scope="col">${t(lang, 'messages.text')}</th><th scope="col">${t(lang, 'messages.status')}</th></tr></thead>
<tbody>${view.messages.map((message) => messageRow(lang, message))}</tbody>
</table>`
}
<nav class="pager">${view.page > 1 ? html`<a href="${pageLink(view.page - 1)}" rel="prev">← ${t(lang, 'messages.newer')}</a>` : ''}${
    view.hasNext ? html` <a href="${pageLink(view.page + 1)}" rel="next">${t(lang, 'messages.older')} →</a>` : ''
  }</nav>`;
  return { title, body };
}
