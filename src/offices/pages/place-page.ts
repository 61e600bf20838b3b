// A division (its districts), a district (its upazilas and its district-level offices) and an
// upazila (its offices), each with the trail back to the directory.
import { renderBreadcrumbs, type Crumb } from '../../http/breadcrumbs.ts';
import { html } from '../../http/html.ts';
import { t, type Lang } from '../../core/i18n/index.ts';
import type { RenderedPage } from '../../http/layout.ts';
import { OFFICES_PER_PAGE } from '../directory-repository.ts';
import { districtHref, divisionHref, type DistrictView, type DivisionView, type UpazilaView } from '../directory.ts';
import type { District } from '../geography.ts';
import { placeName, renderCountedLinks, renderOfficePage } from './directory-parts.ts';

const home = (lang: Lang): Crumb => ({ label: t(lang, 'nav.home'), href: '/' });
const divisionCrumb = (lang: Lang, district: District): Crumb => ({
  label: t(lang, 'directory.division_title', { place: placeName(lang, district.division) }),
  href: divisionHref(district.division.slug),
});

export function renderDivisionPage(lang: Lang, view: DivisionView): RenderedPage {
  const title = t(lang, 'directory.division_title', { place: placeName(lang, view.division) });
  const body = html`${renderBreadcrumbs(lang, [home(lang)])}
<h1>${title}</h1>
<h2>${t(lang, 'directory.districts')}</h2>
${renderCountedLinks(lang, view.districts)}`;
  return { title, body };
}

export function renderDistrictPage(lang: Lang, view: DistrictView): RenderedPage {
  const title = t(lang, 'directory.district_title', { place: placeName(lang, view.district) });
  const body = html`${renderBreadcrumbs(lang, [home(lang), divisionCrumb(lang, view.district)])}
<h1>${title}</h1>
${view.upazilas.length > 0 ? html`<h2>${t(lang, 'directory.upazilas')}</h2>
${renderCountedLinks(lang, view.upazilas)}` : ''}
<h2>${t(lang, 'directory.district_offices')}</h2>
${renderOfficePage(lang, view.offices, OFFICES_PER_PAGE)}`;
  return { title, body };
}

export function renderUpazilaPage(lang: Lang, view: UpazilaView): RenderedPage {
  const title = t(lang, 'directory.upazila_title', { place: placeName(lang, view.upazila) });
  const district: Crumb = { label: t(lang, 'directory.district_title', { place: placeName(lang, view.district) }), href: districtHref(view.district.slug) };
  const body = html`${renderBreadcrumbs(lang, [home(lang), divisionCrumb(lang, view.district), district])}
<h1>${title}</h1>
<h2>${t(lang, 'directory.offices')}</h2>
${renderOfficePage(lang, view.offices, OFFICES_PER_PAGE)}`;
  return { title, body };
}
