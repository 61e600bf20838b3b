// The charter to print: on A4 to hand out or keep on file, on A3 for the notice board at the
// office's entrance. Every service with its documents, fee, time limit and officer, the GRS
// ladder, a QR code of the charter's address, the version and the print date. The layout and
// type sizes are in assets/charter-print.css; this page needs no script.
import { html, type Html } from '../../http/html.ts';
import { t, type Lang, type MessageKey } from '../../core/i18n/index.ts';
import { formatDate, formatNumber } from '../../core/format.ts';
import type { RenderedPage } from '../../http/layout.ts';
import { officeName } from '../../offices/index.ts';
import { SERVICE_CATEGORIES, type GrsContact, type Officer } from '../model.ts';
import type { PublishedCharter } from '../published-charter.ts';
import { phoneForDisplay } from './officer-contact.ts';
import {
  banglaData,
  categoryName,
  renderDeliveryMethods,
  renderFee,
  renderText,
  renderTimeLimit,
  serviceName,
  type PublishedService,
} from './service-cells.ts';

export const PAPER_SIZES = ['a4', 'a3'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];

export const CHARTER_PRINT_STYLESHEET = '/assets/charter-print.css';

export interface CharterPrintOptions {
  paper: PaperSize;
  /** the charter page's full address, shown under the QR code */
  charterUrl: string;
  /** the QR code of charterUrl: trusted markup from http/qr-svg.ts */
  qr: Html;
  /** the day the copy is printed (rendered) */
  printedAt: Date;
}

/** The print page's own address for a paper size: A4 is the default and has no ?paper=. */
export function charterPrintPath(officeSlug: string, paper: PaperSize): string {
  const base = `/offices/${encodeURIComponent(officeSlug)}/print`;
  return paper === 'a4' ? base : `${base}?paper=${paper}`;
}

function renderToolbar(lang: Lang, slug: string, paper: PaperSize): Html {
  const choice = (size: PaperSize, key: MessageKey) =>
    size === paper
      ? html`<li><a href="${charterPrintPath(slug, size)}" aria-current="page">${t(lang, key)}</a> ${t(lang, 'print.paper_current')}</li>`
      : html`<li><a href="${charterPrintPath(slug, size)}">${t(lang, key)}</a></li>`;
  return html`<nav class="print-toolbar" aria-label="${t(lang, 'print.toolbar')}">
<p><a href="/offices/${encodeURIComponent(slug)}">← ${t(lang, 'print.back')}</a></p>
<p>${t(lang, 'print.how_to')}</p>
<p class="print-paper">${t(lang, 'print.paper')}</p>
<ul>${choice('a4', 'print.paper_a4')}${choice('a3', 'print.paper_a3')}</ul>
</nav>`;
}

function renderEdition(lang: Lang, charter: PublishedCharter, printedAt: Date): Html {
  const { version } = charter;
  const updated = version.published_at ?? version.created_at;
  return html`<p class="print-edition"><span>${t(lang, 'print.edition', { number: formatNumber(lang, version.version_no), date: formatDate(lang, updated) })}</span>
<span class="print-date">${t(lang, 'print.printed_on', { date: formatDate(lang, printedAt) })}</span></p>`;
}

function renderHead(lang: Lang, charter: PublishedCharter, options: CharterPrintOptions): Html {
  const { office, version } = charter;
  const address = lang === 'en' ? (office.address_en ?? office.address_bn) : office.address_bn;
  return html`<header class="print-head">
<div class="print-title">
${version.office_parent_bn ? html`<p class="print-parent"${banglaData(lang)}>${version.office_parent_bn}</p>` : ''}
<h1>${officeName(lang, office)}</h1>
<p class="print-kicker">${t(lang, 'charter.title')}</p>
${address ? html`<p class="print-address">${address}</p>` : ''}
${renderEdition(lang, charter, options.printedAt)}
</div>
<figure class="print-qr">${options.qr}<figcaption>${t(lang, 'print.qr_caption')} <span class="print-url">${options.charterUrl}</span></figcaption></figure>
</header>`;
}

/** The paper charter's numbering (১., ২., ২.১ …), skipping the sections this charter lacks. */
function sectionNumbers(charter: PublishedCharter, hasVision: boolean) {
  let next = 0;
  const number = (present: boolean) => (present ? ++next : null);
  return { vision: number(hasVision), services: number(true), grs: number(charter.grs_contacts.length > 0), expectations: number(charter.expectations_bn.length > 0) };
}

const numbered = (lang: Lang, number: number | null, text: string) => (number === null ? text : `${formatNumber(lang, number)}. ${text}`);

function renderVision(lang: Lang, charter: PublishedCharter, number: number | null): Html {
  const { vision_bn, mission_bn } = charter.version;
  if (!vision_bn && !mission_bn) return html``;
  return html`<section class="print-section" aria-labelledby="print-vision">
<h2 id="print-vision">${numbered(lang, number, t(lang, 'charter.vision_mission'))}</h2>
<dl class="print-vision">
${vision_bn ? html`<div><dt>${t(lang, 'charter.vision')}:</dt> <dd${banglaData(lang)}>${vision_bn}</dd></div>` : ''}
${mission_bn ? html`<div><dt>${t(lang, 'charter.mission')}:</dt> <dd${banglaData(lang)}>${mission_bn}</dd></div>` : ''}
</dl>
</section>`;
}

/** On paper a phone number or address is read, not tapped: plain text, no links. */
function renderOfficerOnPaper(lang: Lang, officer: Officer | null): Html {
  if (!officer) return renderText(lang, null);
  const lines = [
    officer.name_bn ? html`<strong${banglaData(lang)}>${officer.name_bn}</strong>` : '',
    officer.designation_bn ? html`<span${banglaData(lang)}>${officer.designation_bn}</span>` : '',
    officer.phone ? html`<span>${t(lang, 'charter.phone')}: ${phoneForDisplay(lang, officer.phone)}</span>` : '',
    officer.mobile ? html`<span>${t(lang, 'charter.mobile')}: ${phoneForDisplay(lang, officer.mobile)}</span>` : '',
    officer.email ? html`<span class="print-email">${officer.email}</span>` : '',
  ].filter((line) => line !== '');
  return html`${lines.map((line, index) => (index === 0 ? line : html`<br>${line}`))}`;
}

interface Column {
  key: MessageKey;
  className: string;
  bangla: boolean;
  cell: (lang: Lang, service: PublishedService) => Html;
}

const COLUMNS: readonly Column[] = [
  { key: 'charter.column.serial', className: 'serial', bangla: false, cell: (lang, s) => html`${formatNumber(lang, s.serial)}` },
  { key: 'charter.column.name', className: 'name', bangla: false, cell: (lang, s) => html`<strong${s.name_en && lang === 'en' ? '' : banglaData(lang)}>${serviceName(lang, s)}</strong>` },
  { key: 'charter.column.delivery', className: 'delivery', bangla: true, cell: (lang, s) => renderDeliveryMethods(lang, s.delivery_methods) },
  { key: 'charter.column.documents', className: 'documents', bangla: true, cell: (lang, s) => renderText(lang, s.documents_bn) },
  { key: 'charter.column.fee', className: 'fee', bangla: true, cell: (lang, s) => renderFee(lang, s.fee) },
  { key: 'charter.column.time_limit', className: 'time', bangla: false, cell: (lang, s) => renderTimeLimit(lang, s.time_limit) },
  { key: 'charter.column.officer', className: 'officer', bangla: false, cell: (lang, s) => renderOfficerOnPaper(lang, s.officer) },
];
const REMEDY: Column = { key: 'charter.column.remedy', className: 'remedy', bangla: true, cell: (lang, s) => renderText(lang, s.remedy_bn) };

function renderServiceTable(lang: Lang, services: readonly PublishedService[], columns: readonly Column[], headingId: string): Html {
  return html`<table class="print-table print-services" aria-labelledby="${headingId}">
<thead><tr>${columns.map((column) => html`<th scope="col" class="${column.className}">${t(lang, column.key)}</th>`)}</tr>
<tr class="print-column-numbers" aria-hidden="true">${columns.map((_, index) => html`<td>(${formatNumber(lang, index + 1)})</td>`)}</tr></thead>
<tbody>
${services.map(
  (service) =>
    html`<tr>${columns.map(
      (column) =>
        html`<td class="${column.className}" data-label="${t(lang, column.key)}"${column.bangla ? banglaData(lang) : ''}>${column.cell(lang, service)}</td>`,
    )}</tr>\n`,
)}</tbody>
</table>`;
}

function renderServices(lang: Lang, charter: PublishedCharter, number: number | null): Html {
  const columns = charter.services.some((service) => service.remedy_bn) ? [...COLUMNS, REMEDY] : COLUMNS;
  const categories = SERVICE_CATEGORIES.map((category) => ({ category, services: charter.services.filter((s) => s.category === category) })).filter(
    ({ services }) => services.length > 0,
  );
  return html`<section class="print-section" aria-labelledby="print-services">
<h2 id="print-services">${numbered(lang, number, t(lang, 'charter.services'))}</h2>
${categories.map(({ category, services }, index) => {
  const id = `print-${category}`;
  const sub = number === null ? '' : `${formatNumber(lang, number)}.${formatNumber(lang, index + 1)} `;
  return html`<h3 id="${id}">${sub}${categoryName(lang, category)}</h3>
${renderServiceTable(lang, services, columns, id)}`;
})}
</section>`;
}

function renderGrs(lang: Lang, contacts: readonly GrsContact[], number: number | null): Html {
  if (contacts.length === 0) return html``;
  const head = (key: MessageKey, className = '') => html`<th scope="col"${className ? html` class="${className}"` : ''}>${t(lang, key)}</th>`;
  return html`<section class="print-section" aria-labelledby="print-grs">
<h2 id="print-grs">${numbered(lang, number, t(lang, 'charter.grs'))}</h2>
<p class="print-intro">${t(lang, 'print.grs_intro')}</p>
<table class="print-table print-grs" aria-labelledby="print-grs">
<thead><tr>${head('charter.grs.level', 'serial')}${head('charter.grs.role')}${head('charter.grs.contact')}${head('charter.grs.time_limit', 'time')}</tr></thead>
<tbody>
${contacts.map(
  (contact) =>
    html`<tr><td class="serial" data-label="${t(lang, 'charter.grs.level')}">${formatNumber(lang, contact.level)}</td><td data-label="${t(lang, 'charter.grs.role')}"${banglaData(lang)}>${renderText(lang, contact.role_bn)}</td><td class="grs-contact" data-label="${t(lang, 'charter.grs.contact')}"${banglaData(lang)}>${renderText(lang, contact.contact_bn)}</td><td class="time" data-label="${t(lang, 'charter.grs.time_limit')}">${renderTimeLimit(lang, contact.time_limit)}</td></tr>\n`,
)}</tbody>
</table>
</section>`;
}

function renderExpectations(lang: Lang, expectations: readonly string[], number: number | null): Html {
  if (expectations.length === 0) return html``;
  return html`<section class="print-section" aria-labelledby="print-expectations">
<h2 id="print-expectations">${numbered(lang, number, t(lang, 'charter.expectations'))}</h2>
<ol class="print-expectations"${banglaData(lang)}>${expectations.map((text) => html`<li>${text}</li>`)}</ol>
</section>`;
}

export function renderCharterPrintPage(lang: Lang, charter: PublishedCharter, options: CharterPrintOptions): RenderedPage {
  const hasVision = Boolean(charter.version.vision_bn || charter.version.mission_bn);
  const numbers = sectionNumbers(charter, hasVision);
  const body = html`${renderToolbar(lang, charter.office.slug, options.paper)}
<article class="print-charter paper-${options.paper}">
${renderHead(lang, charter, options)}
${renderVision(lang, charter, numbers.vision)}
${renderServices(lang, charter, numbers.services)}
${renderGrs(lang, charter.grs_contacts, numbers.grs)}
${renderExpectations(lang, charter.expectations_bn, numbers.expectations)}
<footer class="print-foot">${renderEdition(lang, charter, options.printedAt)}<p class="print-url">${options.charterUrl}</p></footer>
</article>`;
  return {
    title: t(lang, 'print.page_title', { office: officeName(lang, charter.office) }),
    body,
    stylesheet: CHARTER_PRINT_STYLESHEET,
  };
}
