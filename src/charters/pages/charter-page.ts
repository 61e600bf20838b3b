// The charter page: the office, its vision and mission, every service table by category,
// contacts, the GRS ladder, expectations and downloads, laid out like the paper charter.
import { html, type Html } from '../../http/html.ts';
import { t, type Lang } from '../../core/i18n/index.ts';
import { formatDate, formatNumber } from '../../core/format.ts';
import { SERVICE_CATEGORIES, type ServiceCategory } from '../model.ts';
import type { PublishedCharter } from '../published-charter.ts';
import { renderBreadcrumbs } from '../../http/breadcrumbs.ts';
import { renderDownloadsSection, renderExpectationsSection, renderGrsSection, renderOfficersSection } from './charter-sections.ts';
import { banglaData, categoryName, type PublishedService } from './service-cells.ts';
import { renderServiceTable } from './service-table.ts';
import type { RenderedPage } from '../../http/layout.ts';
import { officeName } from '../../offices/index.ts';


/** Only web addresses become links: a charter's text must never smuggle in a javascript: URL. */
function renderWebsite(website: string): Html {
  if (!/^https?:\/\/[^\s"<>]+$/i.test(website)) return html`${website}`;
  const shown = website.replace(/^https?:\/\//i, '').replace(/\/$/, '');
  return html`<a href="${website}" rel="noopener">${shown}</a>`;
}

function renderOfficeHeader(lang: Lang, charter: PublishedCharter): Html {
  const { office, version } = charter;
  const address = lang === 'en' ? (office.address_en ?? office.address_bn) : office.address_bn;
  const website = office.website ?? version.office_website;
  const updated = version.published_at ?? version.created_at;
  return html`<header class="charter-header">
${version.office_parent_bn ? html`<p class="parent"${banglaData(lang)}>${version.office_parent_bn}</p>` : ''}
<h1>${officeName(lang, office)}</h1>
<p class="kicker">${t(lang, 'charter.title')}</p>
<dl class="office-facts">
${address ? html`<div><dt>${t(lang, 'charter.address')}</dt><dd>${address}</dd></div>` : ''}
${website ? html`<div><dt>${t(lang, 'charter.website')}</dt><dd>${renderWebsite(website)}</dd></div>` : ''}
<div><dt>${t(lang, 'charter.updated')}</dt><dd><time datetime="${updated.toISOString()}">${formatDate(lang, updated)}</time> (${t(lang, 'charter.version', { number: formatNumber(lang, version.version_no) })})</dd></div>
</dl>
${lang === 'en' ? html`<p class="note">${t(lang, 'charter.bangla_only')}</p>` : ''}
</header>`;
}

interface NumberedHeadings {
  /** the services section's number, prefixed to its category headings (২.১, ২.২ …) */
  servicesNumber: string;
  vision: string;
  services: string;
  grs: string;
  expectations: string;
}

/** Sections are numbered as on the paper charter, skipping the ones this charter lacks. */
function numberHeadings(lang: Lang, charter: PublishedCharter, hasVision: boolean): NumberedHeadings {
  let next = 0;
  const numbered = (present: boolean, text: string) => (present ? `${formatNumber(lang, ++next)}. ${text}` : text);
  const vision = numbered(hasVision, t(lang, 'charter.vision_mission'));
  const services = numbered(true, t(lang, 'charter.services'));
  return {
    servicesNumber: formatNumber(lang, next),
    vision,
    services,
    grs: numbered(charter.grs_contacts.length > 0, t(lang, 'charter.grs')),
    expectations: numbered(charter.expectations_bn.length > 0, t(lang, 'charter.expectations')),
  };
}

function renderVisionMission(lang: Lang, charter: PublishedCharter, heading: string): Html {
  const { vision_bn, mission_bn } = charter.version;
  if (!vision_bn && !mission_bn) return html``;
  return html`<section id="vision" aria-labelledby="vision-title">
<h2 id="vision-title">${heading}</h2>
<dl class="vision">
${vision_bn ? html`<dt>${t(lang, 'charter.vision')}</dt><dd${banglaData(lang)}>${vision_bn}</dd>` : ''}
${mission_bn ? html`<dt>${t(lang, 'charter.mission')}</dt><dd${banglaData(lang)}>${mission_bn}</dd>` : ''}
</dl>
</section>`;
}

function servicesByCategory(services: readonly PublishedService[]): [ServiceCategory, PublishedService[]][] {
  return SERVICE_CATEGORIES.map((category): [ServiceCategory, PublishedService[]] => [
    category,
    services.filter((service) => service.category === category),
  ]).filter(([, inCategory]) => inCategory.length > 0);
}

function renderServices(lang: Lang, charter: PublishedCharter, headings: NumberedHeadings): Html {
  const showRemedy = charter.services.some((service) => service.remedy_bn);
  const tables = servicesByCategory(charter.services).map(([category, services], index) => {
    const id = `${category}-title`;
    return html`<h3 id="${id}">${headings.servicesNumber}.${formatNumber(lang, index + 1)} ${categoryName(lang, category)}</h3>
${renderServiceTable(lang, charter.office.slug, services, { showRemedy, captionId: id })}`;
  });
  const anyInferred = charter.services.some((service) => service.officer?.inferred);
  return html`<section id="services" aria-labelledby="services-title">
<h2 id="services-title">${headings.services}</h2>
${tables}
${anyInferred ? html`<p class="footnote">${t(lang, 'charter.officer_inferred_note')}</p>` : ''}
</section>`;
}

function renderContents(lang: Lang, charter: PublishedCharter, headings: NumberedHeadings, hasVision: boolean): Html {
  const item = (present: boolean, href: string, label: string) => (present ? html`<li><a href="${href}">${label}</a></li>` : '');
  return html`<nav class="contents" aria-labelledby="contents-title"><h2 id="contents-title">${t(lang, 'charter.contents')}</h2><ul>
${item(hasVision, '#vision', headings.vision)}
${item(true, '#services', headings.services)}
${servicesByCategory(charter.services).map(([category]) => html`<li class="sub"><a href="#${category}-title">${categoryName(lang, category)}</a></li>`)}
${item(charter.officers.length > 0, '#officers', t(lang, 'charter.officers'))}
${item(charter.grs_contacts.length > 0, '#grs', headings.grs)}
${item(charter.expectations_bn.length > 0, '#expectations', headings.expectations)}
${item(true, '#downloads', t(lang, 'charter.downloads'))}
</ul></nav>`;
}

export function renderCharterPage(lang: Lang, charter: PublishedCharter): RenderedPage {
  const name = officeName(lang, charter.office);
  const hasVision = Boolean(charter.version.vision_bn || charter.version.mission_bn);
  const headings = numberHeadings(lang, charter, hasVision);
  const body = html`${renderBreadcrumbs(lang, [{ label: t(lang, 'nav.home'), href: '/' }])}
${renderOfficeHeader(lang, charter)}
${renderContents(lang, charter, headings, hasVision)}
${renderVisionMission(lang, charter, headings.vision)}
${renderServices(lang, charter, headings)}
${renderOfficersSection(lang, charter.officers)}
${renderGrsSection(lang, headings.grs, charter.grs_contacts)}
${renderExpectationsSection(lang, headings.expectations, charter.expectations_bn)}
${renderDownloadsSection(lang, charter.office.slug)}`;
  return { title: t(lang, 'charter.page_title', { office: name }), body };
}
