// The home page: the search box and the eight divisions with how many offices in each have
// published a charter; with a search term, one page of the offices that match.
import { renderBreadcrumbs } from '../../http/breadcrumbs.ts';
import { html, type Html } from '../../http/html.ts';
import { t, type Lang } from '../../core/i18n/index.ts';
import { formatNumber } from '../../core/format.ts';
import type { RenderedPage } from '../../http/layout.ts';
import { OFFICES_PER_PAGE } from '../directory-repository.ts';
import { divisionHref, UNRECORDED, type HomeView } from '../directory.ts';
import { renderCountedLinks, renderOfficePage, type OfficePage } from './directory-parts.ts';

function renderSearch(lang: Lang, query: string): Html {
  return html`<form class="search" method="get" action="/" role="search">
<label for="q">${t(lang, 'directory.search_label')}</label>
<div class="search-row"><input type="search" id="q" name="q" value="${query}" maxlength="200" autocomplete="off"><button type="submit">${t(lang, 'directory.search_button')}</button></div>
</form>`;
}

export function renderDirectoryPage(lang: Lang, home: HomeView): RenderedPage {
  const total = home.divisions.reduce((sum, division) => sum + division.count, 0) + home.unplaced;
  const places = home.unplaced > 0 ? [...home.divisions, { label: t(lang, 'directory.place_unrecorded'), href: divisionHref(UNRECORDED), count: home.unplaced }] : home.divisions;
  const body = html`<h1>${t(lang, 'directory.title')}</h1>
<p class="lead">${t(lang, 'directory.intro')}</p>
${renderSearch(lang, '')}
${total === 0 ? html`<p>${t(lang, 'directory.no_offices')}</p>` : ''}
<section class="browse">
<h2>${t(lang, 'directory.browse_heading')}</h2>
${renderCountedLinks(lang, places)}
<p><a href="/organisations">${t(lang, 'directory.browse_organisations')}</a></p>
</section>`;
  return { title: t(lang, 'directory.title'), body };
}

export function renderSearchPage(lang: Lang, query: string, results: OfficePage): RenderedPage {
  const body = html`${renderBreadcrumbs(lang, [{ label: t(lang, 'nav.home'), href: '/' }])}
<h1>${t(lang, 'directory.title')}</h1>
${renderSearch(lang, query)}
<p class="result-count" role="status">${t(lang, 'directory.search_results', { query, count: formatNumber(lang, results.total) })} <a href="/">${t(lang, 'directory.clear_search')}</a></p>
${results.total === 0 ? html`<p>${t(lang, 'directory.no_results')}</p>` : renderOfficePage(lang, results, OFFICES_PER_PAGE)}`;
  return { title: t(lang, 'directory.title'), body };
}

export function renderUnplacedPage(lang: Lang, offices: OfficePage): RenderedPage {
  const title = t(lang, 'directory.place_unrecorded');
  const body = html`${renderBreadcrumbs(lang, [{ label: t(lang, 'nav.home'), href: '/' }])}
<h1>${title}</h1>
${renderOfficePage(lang, offices, OFFICES_PER_PAGE)}`;
  return { title, body };
}
