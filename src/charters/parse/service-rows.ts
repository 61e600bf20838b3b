// Collects a service table's rows: a row with a serial starts a service; a row without one
// continues the row above, cell by cell. Cells stay raw text until the table is finished.
// A kind of column the header names twice (a fee column and a payment-method column) keeps
// one list per column, so a continuation line never interleaves the two.
import { toAsciiDigits } from './bangla-text.ts';
import { isDittoMark } from './contacts.ts';
import type { ServiceCategory, Warning } from '../model.ts';
import type { ServiceColumn } from './table-header.ts';
import type { SourceLine } from './source-lines.ts';

export interface RawServiceRow {
  category: ServiceCategory;
  serial: number;
  line: number;
  /** per kind of column, one list of text parts (line by line) for each header column of that kind */
  cells: Map<ServiceColumn, string[][]>;
}

// ১ · ১. · ০১। · 01 · (১) · ১)
const SERIAL = /^\(?0*(\d{1,3})\s*[.।):]?\)?$/;

export function parseSerial(cell: string): number | null {
  const match = SERIAL.exec(toAsciiDigits(cell.trim()));
  if (!match) return null;
  const serial = Number(match[1]);
  return serial > 0 ? serial : null;
}

function append(row: RawServiceRow, column: ServiceColumn, text: string, slot = 0): void {
  const slots = row.cells.get(column) ?? [];
  while (slots.length <= slot) slots.push([]);
  slots[slot]?.push(text);
  row.cells.set(column, slots);
}

/** Which of the header's columns of its kind the column at this index is: 0 for the first. */
function slotOf(columns: (ServiceColumn | null)[], index: number): number {
  return columns.slice(0, index).filter((column) => column === columns[index]).length;
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

/** The text of each header column of this kind that has any, in header order. */
export function cellTexts(row: RawServiceRow, column: ServiceColumn): string[] {
  return (row.cells.get(column) ?? []).map(slotText).filter((text) => text !== '');
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
  const row: RawServiceRow = { category, serial, line: source.line, cells: new Map() };
  placeCells(row, source, columns, serialIndex, warnings);
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
    const column = columns[index];
    if (column === 'serial') {
      // wrapped text of the service name that the PDF copy put under the serial
      append(row, 'name', text);
      return;
    }
    if (column === undefined || column === null) {
      const lastIndex = lastNamedIndex(columns);
      const last = columns[lastIndex] ?? 'name';
      warnings.push({
        line: source.line,
        code: 'extra_cell',
        message: `A cell outside the table's columns ("${text}") was added to the "${last}" column.`,
      });
      append(row, last, text, lastIndex === -1 ? 0 : slotOf(columns, lastIndex));
      return;
    }
    append(row, column, text, slotOf(columns, index));
  });
}

function lastNamedIndex(columns: (ServiceColumn | null)[]): number {
  for (let i = columns.length - 1; i >= 0; i--) {
    if (columns[i]) return i;
  }
  return -1;
}

/** Replaces ditto marks (ঐ) with the same column of the row above. */
export function resolveDittoMarks(rows: RawServiceRow[], warnings: Warning[]): void {
  rows.forEach((row, index) => {
    for (const [column, slots] of row.cells) {
      slots.forEach((parts, slot) => {
        if (!isDittoMark(parts.join(' ').trim())) return;
        const previous = rows[index - 1];
        const copied = previous ? slotText(previous.cells.get(column)?.[slot] ?? []) : '';
        // an empty list, not a removed one, keeps the other columns of the kind in their places
        slots[slot] = copied ? [copied] : [];
        if (copied) {
          warnings.push({
            line: row.line,
            code: 'ditto_mark',
            message: `Ditto mark (ঐ) in the "${column}" column of service ${row.serial} copied from the row above.`,
          });
        } else {
          warnings.push({
            line: row.line,
            code: 'ditto_without_source',
            message: `Ditto mark (ঐ) in the "${column}" column of service ${row.serial} has no row above to copy from.`,
          });
        }
      });
    }
  });
}
