// A charter's services as a spreadsheet: one row per service, RFC 4180, UTF-8 with a BOM so
// Excel shows Bangla, and text cells defused so a spreadsheet never runs them as formulas.
import type { Service } from './model.ts';

export const CHARTER_CSV_COLUMNS = [
  'category',
  'serial',
  'name_bn',
  'delivery_methods',
  'documents_bn',
  'fee_text',
  'fee_free',
  'fee_amount_bdt',
  'time_limit_text',
  'time_min',
  'time_max',
  'time_unit',
  'time_immediate',
  'time_conditional',
  'time_on_demand',
  'officer_name_bn',
  'officer_designation_bn',
  'officer_phone',
  'officer_mobile',
  'officer_email',
  'remedy_bn',
] as const;

type CsvColumn = (typeof CHARTER_CSV_COLUMNS)[number];
type Cell = string | number | boolean | null;

const BOM = '\uFEFF';
/** Several methods share one cell; a line break keeps them apart and reads well in Excel. */
const METHOD_SEPARATOR = '\n';

function cellsOf(service: Service): Record<CsvColumn, Cell> {
  const officer = service.officer;
  return {
    category: service.category,
    serial: service.serial,
    name_bn: service.name_bn,
    delivery_methods: service.delivery_methods.join(METHOD_SEPARATOR),
    documents_bn: service.documents_bn,
    fee_text: service.fee.text,
    fee_free: service.fee.free,
    fee_amount_bdt: service.fee.amount_bdt,
    time_limit_text: service.time_limit.text,
    time_min: service.time_limit.min,
    time_max: service.time_limit.max,
    time_unit: service.time_limit.unit,
    time_immediate: service.time_limit.immediate,
    time_conditional: service.time_limit.conditional,
    time_on_demand: service.time_limit.on_demand,
    officer_name_bn: officer?.name_bn ?? null,
    officer_designation_bn: officer?.designation_bn ?? null,
    officer_phone: officer?.phone ?? null,
    officer_mobile: officer?.mobile ?? null,
    officer_email: officer?.email ?? null,
    remedy_bn: service.remedy_bn,
  };
}

/** Text a spreadsheet would read as a formula (=, +, -, @, or a leading tab or carriage return, which Excel skips) is prefixed with an apostrophe. */
export function defuseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function csvCell(value: Cell): string {
  if (value === null) return '';
  const text = typeof value === 'string' ? defuseFormula(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function charterCsv(services: readonly Service[]): string {
  const lines = [
    CHARTER_CSV_COLUMNS.join(','),
    ...services.map((service) => {
      const cells = cellsOf(service);
      return CHARTER_CSV_COLUMNS.map((column) => csvCell(cells[column])).join(',');
    }),
  ];
  return `${BOM}${lines.map((line) => `${line}\r\n`).join('')}`;
}
