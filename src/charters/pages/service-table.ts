// One category's services as the charter's standard table, columns (১)…(৭) and the remedy
// column when the charter has one. On narrow screens CSS turns each row into a card,
// using each cell's data-label as its heading.
import { html, type Html } from '../../http/html.ts';
import { t, type Lang, type MessageKey } from '../../core/i18n/index.ts';
import { formatNumber } from '../../core/format.ts';
import { renderOfficer } from './officer-contact.ts';
import {
  banglaData,
  renderDeliveryMethods,
  renderFee,
  renderText,
  renderTimeLimit,
  serviceHref,
  serviceName,
  type PublishedService,
} from './service-cells.ts';

interface Column {
  key: MessageKey;
  className: string;
  cell: (lang: Lang, service: PublishedService, officeSlug: string) => Html;
}

const COLUMNS: readonly Column[] = [
  { key: 'charter.column.serial', className: 'serial', cell: (lang, s) => html`${formatNumber(lang, s.serial)}` },
  {
    key: 'charter.column.name',
    className: 'name',
    // the online application lives with requests, at the service's address + /apply
    cell: (lang, s, slug) =>
      html`<a href="${serviceHref(slug, s.code)}"${banglaData(lang)}>${serviceName(lang, s)}</a><span class="apply-link"><a href="${serviceHref(slug, s.code)}/apply">${t(lang, 'apply.link')}</a></span>`,
  },
  { key: 'charter.column.delivery', className: 'delivery', cell: (lang, s) => renderDeliveryMethods(lang, s.delivery_methods) },
  { key: 'charter.column.documents', className: 'documents', cell: (lang, s) => renderText(lang, s.documents_bn) },
  { key: 'charter.column.fee', className: 'fee', cell: (lang, s) => renderFee(lang, s.fee) },
  { key: 'charter.column.time_limit', className: 'time', cell: (lang, s) => renderTimeLimit(lang, s.time_limit) },
  { key: 'charter.column.officer', className: 'officer', cell: (lang, s) => renderOfficer(lang, s.officer) },
];

const REMEDY_COLUMN: Column = {
  key: 'charter.column.remedy',
  className: 'remedy',
  cell: (lang, s) => renderText(lang, s.remedy_bn),
};

/** Cells whose content is the charter's Bangla text, tagged as such on English pages. */
const BANGLA_CELLS = new Set(['delivery', 'documents', 'fee', 'remedy']);

export function renderServiceTable(
  lang: Lang,
  officeSlug: string,
  services: readonly PublishedService[],
  options: { showRemedy: boolean; captionId: string },
): Html {
  const columns = options.showRemedy ? [...COLUMNS, REMEDY_COLUMN] : COLUMNS;
  const rows = services.map(
    (service) =>
      html`<tr>${columns.map(
        (column) =>
          html`<td class="${column.className}" data-label="${t(lang, column.key)}"${
            BANGLA_CELLS.has(column.className) ? banglaData(lang) : ''
          }>${column.cell(lang, service, officeSlug)}</td>`,
      )}</tr>\n`,
  );
  return html`<table class="services" aria-labelledby="${options.captionId}">
<thead><tr>${columns.map((column) => html`<th scope="col" class="${column.className}">${t(lang, column.key)}</th>`)}</tr>
<tr class="column-numbers" aria-hidden="true">${columns.map((_, index) => html`<td>(${formatNumber(lang, index + 1)})</td>`)}</tr></thead>
<tbody>
${rows}</tbody>
</table>`;
}
