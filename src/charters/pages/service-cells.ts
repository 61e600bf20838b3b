// How each field of a service reads on a page: shared by the charter tables and the service page.
import { html, raw, type Html } from '../../http/html.ts';
import { t, type Lang } from '../../core/i18n/index.ts';
import { formatNumber } from '../../core/format.ts';
import type { Fee, Service, ServiceCategory, TimeLimit } from '../model.ts';
import { helpfulTimeLimitReading, plainTimeLimit } from './time-limit-text.ts';

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

// a fee cell that says only "free", however it is spelled, needs no second line on English pages
const ONLY_FREE = new Set(['বিনামূল্যে', 'বিনামূল্য', 'বিনাখরচে', 'ফ্রি', 'free']);
const squash = (text: string) => text.replace(/[\s/,.।()]+/g, '').toLowerCase();

/** The charter's own Bangla words, under an English reading of them. */
function inCharter(text: string): Html {
  return html`<span class="reading">${t('en', 'charter_page.in_charter')}: <span lang="bn">${text}</span></span>`;
}

export interface CellOptions {
  /** the short form for the list of services: the reading only, without the charter's words under it */
  compact?: boolean;
}

/** "Tk 500", or "Tk 100–300" for a cell whose amounts depend on the case (the conditions are in the charter's words). */
function amountReading(lang: Lang, fee: Fee): string | null {
  const amounts = fee.schedule.length > 1 ? fee.schedule.map((entry) => entry.amount_bdt) : fee.amount_bdt !== null ? [fee.amount_bdt] : [];
  if (amounts.length === 0) return null;
  const [min, max] = [Math.min(...amounts), Math.max(...amounts)];
  if (min === max) return t(lang, 'charter.fee_amount', { amount: formatNumber(lang, min) });
  return t(lang, 'charter_page.fee_range', { min: formatNumber(lang, min), max: formatNumber(lang, max) });
}

/** English pages say "Free" or "Tk 500" and keep the charter's words under it; Bangla pages show the charter's words. */
export function renderFee(lang: Lang, fee: Fee, options: CellOptions = {}): Html {
  if (lang === 'en') {
    const reading = fee.free ? t(lang, 'charter.free') : amountReading(lang, fee);
    if (reading === null) return fee.text ? html`<span lang="bn">${fee.text}</span>` : renderText(lang, null);
    const saysMore = fee.text !== null && !(fee.free && ONLY_FREE.has(squash(fee.text)));
    return html`${reading}${saysMore && !options.compact && fee.text ? inCharter(fee.text) : ''}`;
  }
  if (fee.text) return html`${fee.text}`;
  if (fee.amount_bdt !== null) return html`${t(lang, 'charter.fee_amount', { amount: formatNumber(lang, fee.amount_bdt) })}`;
  if (fee.free) return html`${t(lang, 'charter.free')}`;
  return renderText(lang, null);
}

/**
 * English pages read the limit out in English ("At most 3 working days") with the charter's words
 * under it; Bangla pages show the charter's words, with a plain reading where it helps.
 */
export function renderTimeLimit(lang: Lang, limit: TimeLimit, options: CellOptions = {}): Html {
  if (lang === 'en') {
    const reading = plainTimeLimit(lang, limit);
    if (reading === null) return limit.text ? html`<span lang="bn">${limit.text}</span>` : renderText(lang, null);
    return html`${reading}${limit.text && !options.compact ? inCharter(limit.text) : ''}`;
  }
  const reading = options.compact ? null : helpfulTimeLimitReading(lang, limit);
  if (!limit.text) return renderText(lang, plainTimeLimit(lang, limit));
  return html`${limit.text}${reading ? html`<span class="reading">${reading}</span>` : ''}`;
}
