// The charter page, citizen first: the office and how to reach it, the officer responsible for
// every service, each service's fee and time limit at a glance, then the details, what to do if
// the promise is broken, and the rest of the charter (officers, vision and mission, expectations).
import { html, type Html } from '../../http/html.ts';
import { t, type Lang } from '../../core/i18n/index.ts';
import { formatDate, formatNumber } from '../../core/format.ts';
import { SERVICE_CATEGORIES, type ServiceCategory } from '../model.ts';
import type { PublishedCharter } from '../published-charter.ts';
import { buildGrsLadder } from '../grs-ladder.ts';
import { renderBreadcrumbs } from '../../http/breadcrumbs.ts';
import { renderBrokenPromise } from './broken-promise.ts';
import { renderDownloadsSection, renderExpectationsSection, renderOfficersSection } from './charter-sections.ts';
import { officeHoursText, type OfficeHoursView } from './office-hours-text.ts';
import { officerOfEveryService, phoneForDisplay, renderOfficer, type ContactDetails } from './officer-contact.ts';
import { banglaData, categoryName, renderFee, renderTimeLimit, serviceHref, serviceName, type PublishedService } from './service-cells.ts';
import { renderServiceTable } from './service-table.ts';
import type { RenderedPage } from '../../http/layout.ts';
import { officeName } from '../../offices/index.ts';

/** What the page shows besides the charter itself, from the features that own it. */
export interface CharterPageContext {
  /** the office's days and hours, from the calendar */
  hours?: OfficeHoursView | null;
  /** the organisation the office belongs to, for its English name */
  organisation?: { name_bn: string; name_en: string | null } | null;
}

/** Only web addresses become links: a charter's text must never smuggle in a javascript: URL. */
function renderWebsite(website: string): Html {
  if (!/^https?:\/\/[^\s"<>]+$/i.test(website)) return html`${website}`;
  const shown = website.replace(/^https?:\/\//i, '').replace(/\/$/, '');
  return html`<a href="${website}" rel="noopener">${shown}</a>`;
}

function renderParent(lang: Lang, charter: PublishedCharter, organisation: CharterPageContext['organisation']): Html {
  if (lang === 'en' && organisation?.name_en) return html`<p class="parent">${organisation.name_en}</p>`;
  const parent = charter.version.office_parent_bn ?? organisation?.name_bn;
  return parent ? html`<p class="parent"${banglaData(lang)}>${parent}</p>` : html``;
}

function renderOfficeHeader(lang: Lang, charter: PublishedCharter, context: CharterPageContext): Html {
  const { office, version } = charter;
  const address = lang === 'en' ? (office.address_en ?? office.address_bn) : office.address_bn;
  const website = office.website ?? version.office_website;
  const updated = version.published_at ?? version.created_at;
  const fact = (label: string, value: Html) => html`<div><dt>${label}</dt><dd>${value}</dd></div>`;
  return html`<header class="charter-header">
${renderParent(lang, charter, context.organisation)}
<h1>${officeName(lang, office)}</h1>
<p class="kicker">${t(lang, 'charter.title')} · ${t(lang, 'charter.updated')} <time datetime="${updated.toISOString()}">${formatDate(lang, updated)}</time> (${t(lang, 'charter.version', { number: formatNumber(lang, version.version_no) })})</p>
<dl class="office-facts">
${address ? fact(t(lang, 'charter.address'), html`<span${lang === 'en' && !office.address_en ? banglaData(lang) : ''}>${address}</span>`) : ''}
${context.hours ? fact(t(lang, 'charter_page.hours'), html`${officeHoursText(lang, context.hours)}`) : ''}
${office.phone ? fact(t(lang, 'charter_page.phone'), html`<a href="tel:${office.phone.replace(/[^+\d]/g, '')}">${phoneForDisplay(lang, office.phone)}</a>`) : ''}
${office.email ? fact(t(lang, 'charter_page.email'), html`<a href="mailto:${office.email}">${office.email}</a>`) : ''}
${website ? fact(t(lang, 'charter.website'), renderWebsite(website)) : ''}
</dl>
</header>`;
}

function renderOfficerForAll(lang: Lang, officer: ContactDetails | null): Html {
  if (!officer) return html``;
  return html`<section class="officer-for-all" aria-labelledby="officer-for-all-title">
<h2 id="officer-for-all-title">${t(lang, 'charter_page.officer_for_all')}</h2>
${renderOfficer(lang, officer)}
</section>`;
}

function servicesByCategory(services: readonly PublishedService[]): [ServiceCategory, PublishedService[]][] {
  return SERVICE_CATEGORIES.map((category): [ServiceCategory, PublishedService[]] => [
    category,
    services.filter((service) => service.category === category),
  ]).filter(([, inCategory]) => inCategory.length > 0);
}

/** Every service with its fee and time limit: what a citizen on a phone wants first. */
function renderSummary(lang: Lang, charter: PublishedCharter): Html {
  const slug = charter.office.slug;
  const item = (service: PublishedService) => html`<li><a href="${serviceHref(slug, service.code)}"${service.name_en ? '' : banglaData(lang)}>${serviceName(lang, service)}</a>
<dl><div><dt>${t(lang, 'charter_page.fee')}</dt><dd>${renderFee(lang, service.fee, { compact: true })}</dd></div><div><dt>${t(lang, 'charter_page.time_limit')}</dt><dd>${renderTimeLimit(lang, service.time_limit, { compact: true })}</dd></div></dl></li>\n`;
  return html`<section id="summary" aria-labelledby="summary-title">
<h2 id="summary-title">${t(lang, 'charter_page.summary')}</h2>
${servicesByCategory(charter.services).map(
  ([category, services]) => html`<h3>${categoryName(lang, category)}</h3>
<ul class="service-summary">${services.map(item)}</ul>`,
)}
${lang === 'en' ? html`<p class="note">${t(lang, 'charter.bangla_only')}</p>` : ''}
</section>`;
}

function renderDetails(lang: Lang, charter: PublishedCharter, hideOfficer: boolean): Html {
  const showRemedy = charter.services.some((service) => service.remedy_bn);
  const tables = servicesByCategory(charter.services).map(([category, services]) => {
    const id = `${category}-title`;
    return html`<h3 id="${id}">${categoryName(lang, category)}</h3>
${renderServiceTable(lang, charter.office.slug, services, { showRemedy, captionId: id, hideOfficer })}`;
  });
  return html`<section id="services" aria-labelledby="services-title">
<h2 id="services-title">${t(lang, 'charter_page.details')}</h2>
${tables}
</section>`;
}

function renderVisionMission(lang: Lang, charter: PublishedCharter): Html {
  const { vision_bn, mission_bn } = charter.version;
  if (!vision_bn && !mission_bn) return html``;
  return html`<section id="vision" aria-labelledby="vision-title">
<h2 id="vision-title">${t(lang, 'charter.vision_mission')}</h2>
<dl class="vision">
${vision_bn ? html`<dt>${t(lang, 'charter.vision')}</dt><dd${banglaData(lang)}>${vision_bn}</dd>` : ''}
${mission_bn ? html`<dt>${t(lang, 'charter.mission')}</dt><dd${banglaData(lang)}>${mission_bn}</dd>` : ''}
</dl>
</section>`;
}

interface Presence {
  officers: boolean;
  vision: boolean;
}

function renderContents(lang: Lang, charter: PublishedCharter, present: Presence): Html {
  const item = (shown: boolean, href: string, label: string) => (shown ? html`<li><a href="${href}">${label}</a></li>` : '');
  return html`<nav class="contents" aria-labelledby="contents-title"><h2 id="contents-title">${t(lang, 'charter.contents')}</h2><ul>
${item(true, '#services', t(lang, 'charter_page.details'))}
${servicesByCategory(charter.services).map(([category]) => html`<li class="sub"><a href="#${category}-title">${categoryName(lang, category)}</a></li>`)}
${item(true, '#grs', t(lang, 'charter_page.broken_promise'))}
${item(present.officers, '#officers', t(lang, 'charter.officers'))}
${item(present.vision, '#vision', t(lang, 'charter.vision_mission'))}
${item(charter.expectations_bn.length > 0, '#expectations', t(lang, 'charter.expectations'))}
${item(true, '#downloads', t(lang, 'charter.downloads'))}
</ul></nav>`;
}

export function renderCharterPage(lang: Lang, charter: PublishedCharter, context: CharterPageContext = {}): RenderedPage {
  const name = officeName(lang, charter.office);
  const forAll = officerOfEveryService(charter.services);
  // the officers' list adds nothing when it names only the officer already shown for every service
  const otherOfficers = forAll && charter.officers.length === 1 && charter.officers[0]?.name_bn === forAll.name_bn ? [] : charter.officers;
  const present: Presence = { officers: otherOfficers.length > 0, vision: Boolean(charter.version.vision_bn || charter.version.mission_bn) };
  const body = html`${renderBreadcrumbs(lang, [{ label: t(lang, 'nav.home'), href: '/' }])}
${renderOfficeHeader(lang, charter, context)}
${renderOfficerForAll(lang, forAll)}
${renderSummary(lang, charter)}
${renderContents(lang, charter, present)}
${renderDetails(lang, charter, forAll !== null)}
${renderBrokenPromise(lang, buildGrsLadder(charter))}
${renderOfficersSection(lang, otherOfficers)}
${renderVisionMission(lang, charter)}
${renderExpectationsSection(lang, t(lang, 'charter.expectations'), charter.expectations_bn)}
${renderDownloadsSection(lang, charter.office.slug)}`;
  return { title: t(lang, 'charter.page_title', { office: name }), body };
}
