// The home page: the search box (its results are at /search: src/search/) and the eight
// divisions with how many offices in each have published a charter.
import { renderBreadcrumbs } from '../../http/breadcrumbs.ts';
import { html } from '../../http/html.ts';
import { renderSearchForm } from '../../http/search-form.ts';
import { t, type Lang } from '../../core/i18n/index.ts';
import type { RenderedPage } from '../../http/layout.ts';
import { OFFICES_PER_PAGE } from '../directory-repository.ts';
import { divisionHref, UNRECORDED, type HomeView } from '../directory.ts';
import { renderCountedLinks, renderOfficePage, type OfficePage } from './directory-parts.ts';

export function renderDirectoryPage(lang: Lang, home: HomeView): RenderedPage {
  const total = home.divisions.reduce((sum, division) => sum + division.count, 0) + home.unplaced;
  const places = home.unplaced > 0 ? [...home.divisions, { label: t(lang, 'directory.place_unrecorded'), href: divisionHref(UNRECORDED), count: home.unplaced }] : home.divisions;
  const body = html`<h1>${t(lang, 'directory.title')}</h1>
<p class="lead">${t(lang, 'directory.intro')}</p>
${renderSearchForm(lang, '')}
${total === 0 ? html`<p>${t(lang, 'directory.no_offices')}</p>` : ''}
<section class="browse">
<h2>${t(lang, 'directory.browse_heading')}</h2>
${renderCountedLinks(lang, places)}
<p><a href="/organisations">${t(lang, 'directory.browse_organisations')}</a></p>
</section>`;
  return { title: t(lang, 'directory.title'), body };
}

export function renderUnplacedPage(lang: Lang, offices: OfficePage): RenderedPage {
  const title = t(lang, 'directory.place_unrecorded');
  const body = html`${renderBreadcrumbs(lang, [{ label: t(lang, 'nav.home'), href: '/' }])}
<h1>${title}</h1>
${renderOfficePage(lang, offices, OFFICES_PER_PAGE)}`;
  return { title, body };
}
