// The outbox: mail the portal would have sent, for a system administrator in development.
import { formatDate } from '../../core/format.ts';
import { t, type Lang } from '../../core/i18n/index.ts';
import { html } from '../../http/html.ts';
import type { RenderedPage } from '../../http/layout.ts';
import type { OutboxRow } from '../outbox-repository.ts';

export function renderOutboxPage(lang: Lang, messages: readonly OutboxRow[]): RenderedPage {
  const title = t(lang, 'outbox.title');
  const body = html`<h1>${title}</h1>
<p class="note">${t(lang, 'outbox.intro')}</p>
${messages.length === 0
  ? html`<p>${t(lang, 'outbox.empty')}</p>`
  : messages.map(
      (message) => html`<section class="mail">
<h2>${message.subject}</h2>
<p>${t(lang, 'outbox.to')}: ${message.to_address} — ${formatDate(lang, message.created_at)}</p>
<pre>${message.body_text}</pre>
</section>`,
    )}`;
  return { title, body };
}
