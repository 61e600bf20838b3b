// The search page: the box, then one page of offices and services ranked together, each saying
// where it is; or, when nothing matched, what to try instead.
import { formatNumber } from '../../core/format.ts';
import { t, type Lang } from '../../core/i18n/index.ts';
import { renderBreadcrumbs } from '../../http/breadcrumbs.ts';
import { html, type Html } from '../../http/html.ts';
import type { RenderedPage } from '../../http/layout.ts';
import { renderSearchForm, SEARCH_MAX_LENGTH } from '../../http/search-form.ts';
import type { OfficeListing } from '../../offices/index.ts';
import { MAX_PAGES, RESULTS_PER_PAGE, type SearchOutcome, type SearchResult } from '../portal-search.ts';

/** /search?q=…&page=N: the address of a page of results, as the page's own links write it. */
export function searchHref(query: string, page = 1): string {
  const params = new URLSearchParams();
  if (query) params.set('q', query);
  if (page > 1) params.set('page', String(page));
  const search = params.toString();
  return search ? `/search?${search}` : '/search';
}

const nameIn = (lang: Lang, named: { name_bn: string | null; name_en: string | null }) =>
  (lang === 'en' ? (named.name_en ?? named.name_bn) : (named.name_bn ?? named.name_en)) ?? '';

const officeName = (lang: Lang, office: OfficeListing) => nameIn(lang, office);
const placeOf = (lang: Lang, office: OfficeListing) => (lang === 'en' ? office.place_en : office.place_bn);
const officeHref = (office: OfficeListing) => `/offices/${encodeURIComponent(office.slug)}`;

function renderResult(lang: Lang, result: SearchResult): Html {
  const { office } = result;
  if (result.kind === 'office') {
    const facts = [t(lang, 'search.kind_office'), placeOf(lang, office), t(lang, 'search.service_count', { count: formatNumber(lang, office.service_count) })];
    return html`<li><a href="${officeHref(office)}">${officeName(lang, office)}</a><span class="meta">${facts.filter(Boolean).join(' · ')}</span></li>`;
  }
  const facts = [t(lang, 'search.kind_service'), officeName(lang, office), placeOf(lang, office)];
  return html`<li><a href="${officeHref(office)}/services/${encodeURIComponent(result.code)}">${nameIn(lang, result)}</a><span class="meta">${facts.filter(Boolean).join(' · ')}</span></li>`;
}

function renderPager(lang: Lang, query: string, page: number, pages: number): Html {
  if (pages <= 1) return html``;
  return html`<nav class="pager" aria-label="${t(lang, 'directory.pages')}">
${page > 1 ? html`<a rel="prev" href="${searchHref(query, page - 1)}">${t(lang, 'directory.previous_page')}</a>` : ''}
<span>${t(lang, 'directory.page_of', { page: formatNumber(lang, page), pages: formatNumber(lang, pages) })}</span>
${page < pages ? html`<a rel="next" href="${searchHref(query, page + 1)}">${t(lang, 'directory.next_page')}</a>` : ''}
</nav>`;
}

function renderNothingFound(lang: Lang, query: string): Html {
  return html`<p>${t(lang, 'search.nothing_found', { query })}</p>
<p>${t(lang, 'search.suggestions')}</p>
<ul class="suggestions">
<li>${t(lang, 'search.suggest_spelling')}</li>
<li>${t(lang, 'search.suggest_fewer_words')}</li>
<li><a href="/">${t(lang, 'search.suggest_places')}</a></li>
<li><a href="/organisations">${t(lang, 'search.suggest_organisations')}</a></li>
</ul>`;
}

function renderResults(lang: Lang, query: string, outcome: Extract<SearchOutcome, { kind: 'results' }>): Html {
  const { results, total, page, pages } = outcome;
  const count = html`<p class="result-count" role="status">${t(lang, 'search.results', { query, count: formatNumber(lang, total) })}</p>`;
  if (total === 0) return html`${count}${renderNothingFound(lang, query)}`;
  if (results.length === 0) {
    return html`${count}<p>${t(lang, 'search.past_the_end')} <a href="${searchHref(query)}">${t(lang, 'search.first_page')}</a></p>`;
  }
  const from = (page - 1) * RESULTS_PER_PAGE + 1;
  const to = from + results.length - 1;
  const showing = pages > 1 ? t(lang, 'search.showing', { from: formatNumber(lang, from), to: formatNumber(lang, to), total: formatNumber(lang, Math.min(total, MAX_PAGES * RESULTS_PER_PAGE)) }) : '';
  const best = total > MAX_PAGES * RESULTS_PER_PAGE ? t(lang, 'search.showing_best', { shown: formatNumber(lang, MAX_PAGES * RESULTS_PER_PAGE) }) : '';
  return html`${count}
${showing || best ? html`<p>${[showing, best].filter(Boolean).join(' ')}</p>` : ''}
<ul class="offices search-results">${results.map((result) => renderResult(lang, result))}</ul>
${renderPager(lang, query, page, pages)}`;
}

export function renderSearchPage(lang: Lang, query: string, outcome: SearchOutcome): RenderedPage {
  const title = t(lang, 'search.title');
  const error =
    outcome.kind === 'too_long' ? t(lang, 'search.too_long', { max: formatNumber(lang, SEARCH_MAX_LENGTH) }) : outcome.kind === 'too_short' ? t(lang, 'search.too_short') : undefined;
  // a search too long to take is not put back in the box whole
  const shownQuery = outcome.kind === 'too_long' ? query.slice(0, SEARCH_MAX_LENGTH) : query;
  const body = html`${renderBreadcrumbs(lang, [{ label: t(lang, 'nav.home'), href: '/' }])}
<h1>${title}</h1>
${renderSearchForm(lang, shownQuery, error === undefined ? {} : { error })}
${outcome.kind === 'results' ? renderResults(lang, query, outcome) : ''}`;
  return { title: query && outcome.kind === 'results' ? `${query} — ${title}` : title, body };
}
