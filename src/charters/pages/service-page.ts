// One service on its own page: its fields in the order a citizen asks about them, the way to
// apply, and what to do if the promise is broken.
import { html, type Html } from '../../http/html.ts';
import { t, type Lang, type MessageKey } from '../../core/i18n/index.ts';
import { formatNumber } from '../../core/format.ts';
import { renderBreadcrumbs } from '../../http/breadcrumbs.ts';
import type { RenderedPage } from '../../http/layout.ts';
import { officeName } from '../../offices/index.ts';
import type { GrsLadder } from '../grs-ladder.ts';
import { renderBrokenPromise } from './broken-promise.ts';
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
import { CITIZEN_FIELD_ORDER, type CitizenField } from './service-fields.ts';

export interface ServicePageData {
  office: { slug: string; name_bn: string; name_en: string | null };
  service: PublishedService;
  ladder: GrsLadder;
}

function field(lang: Lang, key: MessageKey, value: Html, bangla = false): Html {
  return html`<div><dt>${t(lang, key)}</dt><dd${bangla ? banglaData(lang) : ''}>${value}</dd></div>`;
}

const FIELDS: Record<CitizenField, (lang: Lang, service: PublishedService) => Html> = {
  documents: (lang, s) => field(lang, 'charter.column.documents', renderText(lang, s.documents_bn), true),
  fee: (lang, s) => field(lang, 'charter.column.fee', renderFee(lang, s.fee)),
  time: (lang, s) => field(lang, 'charter.column.time_limit', renderTimeLimit(lang, s.time_limit)),
  officer: (lang, s) => field(lang, 'charter.column.officer', renderOfficer(lang, s.officer)),
  delivery: (lang, s) => field(lang, 'charter.column.delivery', renderDeliveryMethods(lang, s.delivery_methods), true),
};

export function renderServicePage(lang: Lang, { office, service, ladder }: ServicePageData): RenderedPage {
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
${CITIZEN_FIELD_ORDER.map((fieldName) => FIELDS[fieldName](lang, service))}
${service.remedy_bn ? field(lang, 'charter.column.remedy', html`${service.remedy_bn}`, true) : ''}
</dl>
<p class="apply-online"><a class="button-link" href="${serviceHref(office.slug, service.code)}/apply">${t(lang, 'apply.link')}</a></p>
${renderBrokenPromise(lang, ladder)}
<p class="back"><a href="${charterHref}">← ${t(lang, 'service.back', { office: officeLabel })}</a></p>`;
  return { title: `${name} — ${officeLabel}`, body };
}
