// The directory by organisation: ministries and divisions, then what is under each, then offices.
import { renderBreadcrumbs, type Crumb } from '../../http/breadcrumbs.ts';
import { html } from '../../http/html.ts';
import { t, type Lang } from '../../core/i18n/index.ts';
import type { RenderedPage } from '../../http/layout.ts';
import { OFFICES_PER_PAGE } from '../directory-repository.ts';
import { organisationHref, UNRECORDED, type OrganisationsView, type OrganisationView } from '../directory.ts';
import { placeName, renderCountedLinks, renderOfficePage } from './directory-parts.ts';

const home = (lang: Lang): Crumb => ({ label: t(lang, 'nav.home'), href: '/' });

export function renderOrganisationsPage(lang: Lang, view: OrganisationsView): RenderedPage {
  const title = t(lang, 'directory.organisations_title');
  const links = view.unaffiliated > 0 ? [...view.top, { label: t(lang, 'directory.organisation_unrecorded'), href: organisationHref(UNRECORDED), count: view.unaffiliated }] : view.top;
  const body = html`${renderBreadcrumbs(lang, [home(lang)])}
<h1>${title}</h1>
<p class="lead">${t(lang, 'directory.organisations_intro')}</p>
${links.length > 0 ? renderCountedLinks(lang, links) : html`<p>${t(lang, 'directory.no_offices')}</p>`}`;
  return { title, body };
}

export function renderOrganisationPage(lang: Lang, view: OrganisationView): RenderedPage {
  const current = view.chain[view.chain.length - 1];
  const title = current ? placeName(lang, current) : t(lang, 'directory.organisation_unrecorded');
  const crumbs: Crumb[] = [
    home(lang),
    { label: t(lang, 'directory.organisations_title'), href: '/organisations' },
    ...view.chain.slice(0, -1).map((org) => ({ label: placeName(lang, org), href: organisationHref(org.slug) })),
  ];
  const body = html`${renderBreadcrumbs(lang, crumbs)}
<h1>${title}</h1>
${view.units.length > 0 ? html`<h2>${t(lang, 'directory.organisation_units')}</h2>
${renderCountedLinks(lang, view.units)}` : ''}
${view.offices.total > 0 || view.units.length === 0 ? html`<h2>${t(lang, 'directory.offices')}</h2>
${renderOfficePage(lang, view.offices, OFFICES_PER_PAGE)}` : ''}`;
  return { title, body };
}
