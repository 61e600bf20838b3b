// One service on its own page: every field of its charter row, with a way back to the charter.
import { html, type Html } from '../../http/html.ts';
import { t, type Lang, type MessageKey } from '../../core/i18n/index.ts';
import { formatNumber } from '../../core/format.ts';
import { renderBreadcrumbs } from '../../http/breadcrumbs.ts';
import type { RenderedPage } from '../../http/layout.ts';
import { officeName } from '../../offices/index.ts';
import { renderOfficer } from './officer-contact.ts';
import {
  banglaData,
  categoryName,
  renderDeliveryMethods,
  renderFee,
  renderText,
  renderTimeLimit,
  serviceHref,
  serviceName,
  type PublishedService,
} from './service-cells.ts';

export interface ServicePageData {
  office: { slug: string; name_bn: string; name_en: string | null };
  service: PublishedService;
}

function field(lang: Lang, key: MessageKey, value: Html, bangla = false): Html {
  return html`<div><dt>${t(lang, key)}</dt><dd${bangla ? banglaData(lang) : ''}>${value}</dd></div>`;
}

export function renderServicePage(lang: Lang, { office, service }: ServicePageData): RenderedPage {
  const name = serviceName(lang, service);
  const officeLabel = officeName(lang, office);
  const charterHref = `/offices/${encodeURIComponent(office.slug)}`;
  const body = html`${renderBreadcrumbs(lang, [
    { label: t(lang, 'nav.home'), href: '/' },
    { label: officeLabel, href: charterHref },
  ])}
<p class="kicker">${categoryName(lang, service.category)} · ${t(lang, 'charter.column.serial')} ${formatNumber(lang, service.serial)}</p>
<h1${service.name_en ? '' : banglaData(lang)}>${name}</h1>
<dl class="service-fields">
${lang === 'en' && service.name_en && service.name_bn ? field(lang, 'service.name_bn', html`${service.name_bn}`, true) : ''}
${field(lang, 'charter.column.delivery', renderDeliveryMethods(lang, service.delivery_methods), true)}
${field(lang, 'charter.column.documents', renderText(lang, service.documents_bn), true)}
${field(lang, 'charter.column.fee', renderFee(lang, service.fee), true)}
${field(lang, 'charter.column.time_limit', renderTimeLimit(lang, service.time_limit))}
${field(lang, 'charter.column.officer', renderOfficer(lang, service.officer))}
${service.remedy_bn ? field(lang, 'charter.column.remedy', html`${service.remedy_bn}`, true) : ''}
</dl>
${service.officer?.inferred ? html`<p class="footnote">${t(lang, 'charter.officer_inferred_note')}</p>` : ''}
<p class="apply-online"><a class="button-link" href="${serviceHref(office.slug, service.code)}/apply">${t(lang, 'apply.link')}</a></p>
<p class="back"><a href="${charterHref}">← ${t(lang, 'service.back', { office: officeLabel })}</a></p>`;
  return { title: `${name} — ${officeLabel}`, body };
}
