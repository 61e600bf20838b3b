// Pieces every directory page shares: a list of places or
// organisations with their office counts, a page of offices and the links between pages.
import { html, type Html } from '../../http/html.ts';
import { t, type Lang } from '../../core/i18n/index.ts';
import { formatDate, formatNumber } from '../../core/format.ts';
import { officeName } from '../office-name.ts';
import type { OfficeListing } from '../directory-repository.ts';

export interface CountedLink {
  label: string;
  href: string;
  count: number;
}

/** Places or organisations with how many offices under each have published a charter; empty ones are not links. */
export function renderCountedLinks(lang: Lang, links: readonly CountedLink[]): Html {
  return html`<ul class="places">${links.map(
    (link) => html`<li>${link.count > 0 ? html`<a href="${link.href}">${link.label}</a>` : html`<span class="empty">${link.label}</span>`} <span class="count">${t(lang, 'directory.office_count', { count: formatNumber(lang, link.count) })}</span></li>`,
  )}</ul>`;
}

const collators = { bn: new Intl.Collator('bn'), en: new Intl.Collator('en') };

/** In the reader's alphabet. */
export function byLabel<T extends { label: string }>(lang: Lang, items: T[]): T[] {
  const collator = collators[lang];
  return items.sort((a, b) => collator.compare(a.label, b.label));
}

export function placeName(lang: Lang, place: { name_bn: string; name_en: string | null }): string {
  return lang === 'en' ? (place.name_en ?? place.name_bn) : place.name_bn;
}

function renderOffice(lang: Lang, office: OfficeListing): Html {
  const place = lang === 'en' ? office.place_en : office.place_bn;
  const facts = [
    place,
    t(lang, 'directory.office_services', { count: formatNumber(lang, office.service_count) }),
    office.published_at ? t(lang, 'directory.office_updated', { date: formatDate(lang, office.published_at) }) : null,
  ].filter((fact): fact is string => fact !== null && fact !== '');
  return html`<li><a href="/offices/${encodeURIComponent(office.slug)}">${officeName(lang, office)}</a><span class="meta">${facts.join(' · ')}</span></li>`;
}

export interface OfficePage {
  offices: readonly OfficeListing[];
  total: number;
  page: number;
  pages: number;
  /** the address of another page of the same list */
  hrefOfPage: (page: number) => string;
}

export function pageCount(total: number, perPage: number): number {
  return Math.max(1, Math.ceil(total / perPage));
}

function renderPager(lang: Lang, list: OfficePage): Html {
  if (list.pages <= 1) return html``;
  const { page, pages } = list;
  return html`<nav class="pager" aria-label="${t(lang, 'directory.pages')}">
${page > 1 ? html`<a rel="prev" href="${list.hrefOfPage(page - 1)}">${t(lang, 'directory.previous_page')}</a>` : ''}
<span>${t(lang, 'directory.page_of', { page: formatNumber(lang, page), pages: formatNumber(lang, pages) })}</span>
${page < pages ? html`<a rel="next" href="${list.hrefOfPage(page + 1)}">${t(lang, 'directory.next_page')}</a>` : ''}
</nav>`;
}

/** A page of offices with "offices 51–100 of 230" and links to the pages before and after. */
export function renderOfficePage(lang: Lang, list: OfficePage, perPage: number): Html {
  if (list.total === 0) return html`<p>${t(lang, 'directory.nothing_here')}</p>`;
  const from = (list.page - 1) * perPage + 1;
  const to = from + list.offices.length - 1;
  const showing =
    list.pages > 1 && list.offices.length > 0
      ? html`<p class="result-count">${t(lang, 'directory.showing', { from: formatNumber(lang, from), to: formatNumber(lang, to), total: formatNumber(lang, list.total) })}</p>`
      : '';
  return html`${showing}<ul class="offices">${list.offices.map((office) => renderOffice(lang, office))}</ul>
${renderPager(lang, list)}`;
}

/** ?page=N kept with the other parameters of the address (the search term). */
export function pageHref(path: string, params: Record<string, string>, page: number): string {
  const query = new URLSearchParams(params);
  if (page > 1) query.set('page', String(page));
  const search = query.toString();
  return search ? `${path}?${search}` : path;
}
