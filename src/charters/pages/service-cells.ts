// How each field of a service reads on a page: shared by the charter tables and the service page.
import { html, raw, type Html } from '../../http/html.ts';
import { t, type Lang } from '../../core/i18n/index.ts';
import { formatNumber } from '../../core/format.ts';
import type { Fee, Service, ServiceCategory, TimeLimit } from '../model.ts';
import { helpfulTimeLimitReading } from './time-limit-text.ts';

export type PublishedService = Service & { code: string };

/** Marks charter text (always Bangla) on English pages so screen readers pronounce it right. */
export function banglaData(lang: Lang): Html {
  return lang === 'en' ? raw(' lang="bn"') : raw('');
}

export function categoryName(lang: Lang, category: ServiceCategory): string {
  return t(lang, `charter.category.${category}`);
}

export function serviceName(lang: Lang, service: Service): string {
  const name = lang === 'en' ? (service.name_en ?? service.name_bn) : (service.name_bn ?? service.name_en);
  return name ?? t(lang, 'charter.not_stated');
}

export function serviceHref(officeSlug: string, code: string): string {
  return `/offices/${encodeURIComponent(officeSlug)}/services/${encodeURIComponent(code)}`;
}

export function renderText(lang: Lang, text: string | null): Html {
  return text ? html`${text}` : html`<span class="muted">${t(lang, 'charter.not_stated')}</span>`;
}

export function renderDeliveryMethods(lang: Lang, methods: readonly string[]): Html {
  if (methods.length === 0) return renderText(lang, null);
  if (methods.length === 1) return html`${methods[0]}`;
  return html`<ol class="methods">${methods.map((method) => html`<li>${method}</li>`)}</ol>`;
}

export function renderFee(lang: Lang, fee: Fee): Html {
  if (fee.text) return html`${fee.text}`;
  if (fee.amount_bdt !== null) return html`${t(lang, 'charter.fee_amount', { amount: formatNumber(lang, fee.amount_bdt) })}`;
  if (fee.free) return html`${t(lang, 'charter.free')}`;
  return renderText(lang, null);
}

export function renderTimeLimit(lang: Lang, limit: TimeLimit): Html {
  const reading = helpfulTimeLimitReading(lang, limit);
  if (!limit.text) return reading ? html`${reading}` : renderText(lang, null);
  const text = lang === 'en' ? html`<span lang="bn">${limit.text}</span>` : html`${limit.text}`;
  return html`${text}${reading ? html`<span class="reading">${reading}</span>` : ''}`;
}
