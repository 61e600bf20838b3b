// The answer to a submitted application: the tracking number, big enough to read out over the
// phone, the date the charter promises, and what happens next.
import { formatDate } from '../../core/format.ts';
import { t, type Lang } from '../../core/i18n/index.ts';
import { html } from '../../http/html.ts';
import type { RenderedPage } from '../../http/layout.ts';
import { officeName } from '../../offices/index.ts';
import { serviceLabel, type ApplyOffice } from './apply-page.ts';

export interface ConfirmationData {
  office: ApplyOffice;
  service: { code: string; name_bn: string | null; name_en: string | null };
  trackingNumber: string;
  /** null: the charter sets no fixed time limit */
  dueAt: Date | null;
}

export const trackHref = (trackingNumber: string) => `/track?number=${encodeURIComponent(trackingNumber)}`;

export function renderConfirmationPage(lang: Lang, data: ConfirmationData): RenderedPage {
  const due = data.dueAt ? t(lang, 'confirm.due', { date: formatDate(lang, data.dueAt, 'weekday_year') }) : t(lang, 'confirm.no_limit');
  const body = html`<div class="confirmation" role="status">
<h1>${t(lang, 'confirm.title')}</h1>
<p class="tracking-label">${t(lang, 'confirm.number_label')}</p>
<p class="tracking-number" id="tracking-number" lang="en" translate="no">${data.trackingNumber}</p>
</div>
<p>${t(lang, 'confirm.number_note')}</p>
<dl class="service-fields">
<div><dt>${t(lang, 'confirm.service')}</dt><dd${lang === 'en' && !data.service.name_en ? html` lang="bn"` : ''}>${serviceLabel(lang, data.service)}</dd></div>
<div><dt>${t(lang, 'confirm.office')}</dt><dd>${officeName(lang, data.office)}</dd></div>
<div><dt>${t(lang, 'confirm.due_label')}</dt><dd>${due}</dd></div>
</dl>
<h2>${t(lang, 'confirm.next_title')}</h2>
<ol class="next-steps">
<li>${t(lang, 'confirm.next_check')}</li>
<li>${t(lang, 'confirm.next_missing')}</li>
<li>${t(lang, 'confirm.next_track')}</li>
</ol>
<p><a class="button-link" href="${trackHref(data.trackingNumber)}">${t(lang, 'confirm.track')}</a></p>`;
  return { title: `${t(lang, 'confirm.title')}: ${data.trackingNumber}`, body };
}
