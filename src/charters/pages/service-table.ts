// One category's services as a table whose columns follow the citizen's questions (service-fields.ts),
// with the remedy column when the charter has one. On narrow screens CSS turns each row into a card,
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
import { CITIZEN_FIELD_ORDER, type CitizenField } from './service-fields.ts';

interface Column {
  key: MessageKey;
  className: string;
  /** the cell holds the charter's Bangla text as it is, tagged as such on English pages */
  bangla: boolean;
  cell: (lang: Lang, service: PublishedService, officeSlug: string) => Html;
}

const SERIAL: Column = { key: 'charter.column.serial', className: 'serial', bangla: false, cell: (lang, s) => html`${formatNumber(lang, s.serial)}` };

const NAME: Column = {
  key: 'charter.column.name',
  className: 'name',
  bangla: false,
  // the online application lives with requests, at the service's address + /apply
  cell: (lang, s, slug) =>
    html`<a href="${serviceHref(slug, s.code)}"${s.name_en ? '' : banglaData(lang)}>${serviceName(lang, s)}</a><span class="apply-link"><a href="${serviceHref(slug, s.code)}/apply">${t(lang, 'apply.link')}</a></span>`,
};

const FIELD_COLUMNS: Record<CitizenField, Column> = {
  documents: { key: 'charter.column.documents', className: 'documents', bangla: true, cell: (lang, s) => renderText(lang, s.documents_bn) },
  fee: { key: 'charter.column.fee', className: 'fee', bangla: false, cell: (lang, s) => renderFee(lang, s.fee) },
  time: { key: 'charter.column.time_limit', className: 'time', bangla: false, cell: (lang, s) => renderTimeLimit(lang, s.time_limit) },
  officer: { key: 'charter.column.officer', className: 'officer', bangla: false, cell: (lang, s) => renderOfficer(lang, s.officer) },
  delivery: { key: 'charter.column.delivery', className: 'delivery', bangla: true, cell: (lang, s) => renderDeliveryMethods(lang, s.delivery_methods) },
};

const REMEDY: Column = { key: 'charter.column.remedy', className: 'remedy', bangla: true, cell: (lang, s) => renderText(lang, s.remedy_bn) };

export interface ServiceTableOptions {
  showRemedy: boolean;
  captionId: string;
  /** the officer responsible for every service is shown once above the services, not in each row */
  hideOfficer?: boolean;
}

/** The table's columns, in order: serial, name, the citizen's fields, and the remedy when shown. */
export function serviceTableColumns(options: Pick<ServiceTableOptions, 'showRemedy' | 'hideOfficer'>): readonly Column[] {
  const fields = CITIZEN_FIELD_ORDER.filter((field) => !(options.hideOfficer && field === 'officer')).map((field) => FIELD_COLUMNS[field]);
  return [SERIAL, NAME, ...fields, ...(options.showRemedy ? [REMEDY] : [])];
}

export function renderServiceTable(lang: Lang, officeSlug: string, services: readonly PublishedService[], options: ServiceTableOptions): Html {
  const columns = serviceTableColumns(options);
  const rows = services.map(
    (service) =>
      html`<tr id="${service.code}">${columns.map(
        (column) =>
          html`<td class="${column.className}" data-label="${t(lang, column.key)}"${column.bangla ? banglaData(lang) : ''}>${column.cell(lang, service, officeSlug)}</td>`,
      )}</tr>\n`,
  );
  return html`<table class="services" aria-labelledby="${options.captionId}">
<thead><tr>${columns.map((column) => html`<th scope="col" class="${column.className}">${t(lang, column.key)}</th>`)}</tr></thead>
<tbody>
${rows}</tbody>
</table>`;
}
