// Collects a service table's rows: a row with a serial starts a service; a row without one
// continues the row above, cell by cell. Cells stay raw text, kept by column, until the
// table is finished: then the columns its header did not name are placed by their cells.
// A kind of column the header names twice (a fee column and a payment-method column) keeps
// its columns apart, so a continuation line never interleaves the two.
import { toAsciiDigits } from './bangla-text.ts';
import { isDittoMark } from './contacts.ts';
import type { ServiceCategory, Warning } from '../model.ts';
import { completeColumns, missingColumnOf } from './column-content.ts';
import { headerTextOf, isOtherColumnHeader, type ServiceColumn } from './table-header.ts';
import type { SourceLine } from './source-lines.ts';

export interface RawServiceRow {
  category: ServiceCategory;
  serial: number;
  line: number;
  /**
   * The columns of the row's table, shared by its rows: as its header named them while the
   * table is read, completed from the cells of all its rows when it is finished.
   */
  columns: (ServiceColumn | null)[];
  /** the text of each column, one part per line */
  parts: string[][];
  /** columns the row's first line left out (a merged cell lost in copying): the row above's text */
  sameAsAbove: number[];
  /** the unit its table's time-limit header names ("সময়সীমা (দিন)"), for cells that give bare figures */
  timeUnitWord?: string | null;
}

// ১ · ১. · ০১। · 01 · (১) · ১)
const SERIAL = /^\(?0*(\d{1,3})\s*[.।):]?\)?$/;

export function parseSerial(cell: string): number | null {
  const match = SERIAL.exec(toAsciiDigits(cell.trim()));
  if (!match) return null;
  const serial = Number(match[1]);
  return serial > 0 ? serial : null;
}

function append(row: RawServiceRow, index: number, text: string): void {
  while (row.parts.length <= index) row.parts.push([]);
  row.parts[index]?.push(text);
}

// a cell holding only a dash says "nothing here"
const EMPTY_MARK = /^[-–—_]+$/;

function slotText(parts: readonly string[]): string {
  return parts
    .filter((part) => !EMPTY_MARK.test(part.trim()))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The text of each column of this kind that has any, in header order. */
export function cellTexts(row: RawServiceRow, column: ServiceColumn): string[] {
  return row.columns
    .map((kind, index) => (kind === column ? slotText(row.parts[index] ?? []) : ''))
    .filter((text) => text !== '');
}

/** The text of a kind of column; two columns of the kind are joined with "; ". */
export function cellText(row: RawServiceRow, column: ServiceColumn): string {
  return cellTexts(row, column).join('; ');
}

// "১। জন্ম নিবন্ধন" in the first cell: a PDF copy glued the serial to the name
const GLUED_SERIAL = /^\(?([০-৯0-9]{1,3})\s*[.।):]\)?\s+(\S.*)$/u;

/**
 * A row one cell short whose first cell holds a serial and the name together is split back
 * into the two columns the header has there.
 */
export function unglueSerial(source: SourceLine, columns: (ServiceColumn | null)[]): SourceLine {
  if (columns[0] !== 'serial' || columns[1] !== 'name') return source;
  const filled = source.cells.length;
  const expected = columns.length;
  const match = GLUED_SERIAL.exec(source.cells[0] ?? '');
  if (!match || filled !== expected - 1) return source;
  return { ...source, cells: [match[1] ?? '', match[2] ?? '', ...source.cells.slice(1)] };
}

/** Starts a service from a row whose serial cell holds a serial; null when it has none. */
export function startServiceRow(
  source: SourceLine,
  columns: (ServiceColumn | null)[],
  category: ServiceCategory,
  warnings: Warning[],
  /** the serial a table without a serial column gives its next service */
  nextSerial: number,
): RawServiceRow | null {
  const serialIndex = columns.indexOf('serial');
  const nameIndex = columns.indexOf('name');
  // without a serial column, a row that names a service starts one; a row that does not continues
  const serial =
    serialIndex === -1 && nameIndex !== -1
      ? source.cells[nameIndex]
        ? nextSerial
        : null
      : parseSerial(source.cells[serialIndex === -1 ? 0 : serialIndex] ?? '');
  if (serial === null) return null;
  const row: RawServiceRow = { category, serial, line: source.line, columns, parts: [], sameAsAbove: [] };
  const missing = missingColumnOf(source, columns);
  const cells = missing === null ? source.cells : [...source.cells.slice(0, missing), '', ...source.cells.slice(missing)];
  if (missing !== null) row.sameAsAbove.push(missing);
  placeCells(row, { ...source, cells }, columns, serialIndex === -1 ? (nameIndex === -1 ? 0 : -1) : serialIndex, warnings);
  return row;
}

/** Merges a continuation line into the row above, each cell into its own column. */
export function continueServiceRow(
  row: RawServiceRow,
  source: SourceLine,
  columns: (ServiceColumn | null)[],
  warnings: Warning[],
): void {
  placeCells(row, source, columns, -1, warnings);
}

function placeCells(
  row: RawServiceRow,
  source: SourceLine,
  columns: (ServiceColumn | null)[],
  skipIndex: number,
  warnings: Warning[],
): void {
  source.cells.forEach((text, index) => {
    if (text === '' || index === skipIndex) return;
    if (index >= columns.length) {
      const lastIndex = lastNamedIndex(columns);
      const target = lastIndex === -1 ? columns.length - 1 : lastIndex;
      warnings.push({
        line: source.line,
        code: 'extra_cell',
        message: `A cell outside the table's columns ("${text}") was added to the "${columns[target] ?? 'last'}" column.`,
      });
      append(row, target, text);
      return;
    }
    // wrapped text of the service name that the PDF copy put under the serial
    const nameIndex = columns.indexOf('name');
    append(row, columns[index] === 'serial' && nameIndex !== -1 ? nameIndex : index, text);
  });
}

function lastNamedIndex(columns: (ServiceColumn | null)[]): number {
  for (let i = columns.length - 1; i >= 0; i--) {
    if (columns[i]) return i;
  }
  return -1;
}

/**
 * Completes each table's columns from the cells of all its rows (see completeColumns), and
 * names in a warning each column that stays unknown though it holds text. Rows read under
 * the same header (a PDF repeats it on every page) count as one table.
 */
export function resolveTableColumns(rows: RawServiceRow[], warnings: Warning[]): void {
  const tables = new Map<string, RawServiceRow[]>();
  const keys = new Map<(ServiceColumn | null)[], string>();
  for (const row of rows) {
    let key = keys.get(row.columns);
    if (key === undefined) {
      const header = headerTextOf(row.columns);
      key = header ? JSON.stringify([row.columns, header.cells]) : `headerless:${keys.size}`;
      keys.set(row.columns, key);
    }
    tables.set(key, [...(tables.get(key) ?? []), row]);
  }
  for (const tableRows of tables.values()) {
    const first = tableRows[0];
    if (!first) continue;
    const header = headerTextOf(first.columns);
    const fixed = first.columns.map((_, index) => isOtherColumnHeader(header?.cells[index] ?? ''));
    const texts = tableRows.map((row) => row.columns.map((_, index) => slotText(row.parts[index] ?? [])));
    const named = first.columns;
    const completed = completeColumns(named, texts, fixed);
    const serialIndex = completed.indexOf('serial');
    const nameIndex = completed.indexOf('name');
    for (const row of tableRows) {
      // text under a serial column whose name column was found only now joins the name
      if (serialIndex !== -1 && nameIndex !== -1 && named[nameIndex] === null) {
        while (row.parts.length <= nameIndex) row.parts.push([]);
        row.parts[nameIndex]?.push(...(row.parts[serialIndex] ?? []));
        row.parts[serialIndex] = [];
      }
      row.columns = completed;
    }
    warnUnknownColumns(tableRows[0] ?? first, completed, texts, header, warnings);
    const found = completed
      .map((column, index) => (column !== null && named[index] === null ? `${index + 1}: ${column}` : null))
      .filter((text) => text !== null);
    if (found.length > 0) {
      warnings.push({
        line: header?.line ?? first.line,
        code: 'columns_by_content',
        message: `The service table${header ? '' : ' without a header row'} at line ${header?.line ?? first.line} does not name every column; placed by what the cells hold: ${found.join(', ')}.`,
      });
    }
  }
}

function warnUnknownColumns(
  first: RawServiceRow,
  completed: (ServiceColumn | null)[],
  texts: string[][],
  header: { cells: string[]; line: number } | undefined,
  warnings: Warning[],
): void {
  completed.forEach((column, index) => {
    if (column !== null || !texts.some((row) => row[index])) return;
    const title = header?.cells[index] ? `"${header.cells[index]}"` : 'without a title';
    warnings.push({
      line: header?.line ?? first.line,
      code: 'unknown_column',
      message: `Column ${index + 1} (${title}) of the service table at line ${header?.line ?? first.line} is none the importer knows; its text was left out.`,
    });
  });
}

/** Which of the columns of its kind the column at this index is: 0 for the first. */
function slotOf(columns: readonly (ServiceColumn | null)[], index: number): number {
  return columns.slice(0, index).filter((column) => column === columns[index]).length;
}

/** The row's text in the `slot`-th column of a kind, wherever that column is in its table. */
function slotPartsOf(row: RawServiceRow, column: ServiceColumn, slot: number): string {
  const index = row.columns.findIndex((kind, i) => kind === column && slotOf(row.columns, i) === slot);
  return index === -1 ? '' : slotText(row.parts[index] ?? []);
}

/**
 * Replaces ditto marks (ঐ), and the cells a merged cell took out of a row, with the same
 * column of the row above.
 */
export function resolveDittoMarks(rows: RawServiceRow[], warnings: Warning[]): void {
  rows.forEach((row, index) => {
    row.columns.forEach((column, at) => {
      if (column === null) return;
      const merged = row.sameAsAbove.includes(at);
      if (!merged && !isDittoMark((row.parts[at] ?? []).join(' ').trim())) return;
      const previous = rows[index - 1];
      const copied = previous ? slotPartsOf(previous, column, slotOf(row.columns, at)) : '';
      // an empty list, not a removed one, keeps the other columns in their places
      row.parts[at] = copied ? [copied, ...(merged ? (row.parts[at] ?? []) : [])] : merged ? (row.parts[at] ?? []) : [];
      warnings.push(dittoWarning(row, column, merged, copied !== ''));
    });
  });
}

function dittoWarning(row: RawServiceRow, column: ServiceColumn, merged: boolean, copied: boolean): Warning {
  if (merged) {
    return {
      line: row.line,
      code: copied ? 'merged_cell' : 'merged_cell_without_source',
      message: copied
        ? `Service ${row.serial}: the row is one cell short, as when a merged cell is copied; its "${column}" column was taken from the row above.`
        : `Service ${row.serial}: the row is one cell short, as when a merged cell is copied, but there is no row above to take its "${column}" column from.`,
    };
  }
  return copied
    ? { line: row.line, code: 'ditto_mark', message: `Ditto mark (ঐ) in the "${column}" column of service ${row.serial} copied from the row above.` }
    : {
        line: row.line,
        code: 'ditto_without_source',
        message: `Ditto mark (ঐ) in the "${column}" column of service ${row.serial} has no row above to copy from.`,
      };
}

const CATEGORY_WORDS: Record<ServiceCategory, string> = {
  citizen: 'citizen',
  institutional: 'institutional',
  internal: 'internal',
  multi_office: 'multi-office',
};

/**
 * A serial given twice in one category (a table pasted twice, a misprint): both services are
 * kept, the second with a warning, so that nothing the charter lists is lost.
 */
export function warnRepeatedSerials(rows: readonly RawServiceRow[], warnings: Warning[]): void {
  const seen = new Map<string, number>();
  for (const row of rows) {
    const key = `${row.category}:${row.serial}`;
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, row.line);
      continue;
    }
    warnings.push({
      line: row.line,
      code: 'repeated_serial',
      message: `${CATEGORY_WORDS[row.category]} service ${row.serial} appears again (first at line ${first}); both were kept. If it is the same service listed twice, remove one.`,
    });
  }
}
