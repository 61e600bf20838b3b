// What the one-cell-per-line shapes share: cells read one after another, the header found
// among them by its words, the column numbers (১ ২ ৩ …) known and skipped.
import { parseSerial } from './service-rows.ts';
import type { InputLine } from './source-lines.ts';
import { recogniseHeader, type TableHeader } from './table-header.ts';

export interface StreamCell {
  line: number;
  text: string;
}

const SERIAL_HEADER_WORD = /^(ক্রমিক|ক্রম(?:\s|$)|ক্র\s*(?::|ঃ|\.)|নং|sl\b|s\.?\s?no|serial|no\.?$)/i;
// a header cell wrapped onto the next line: "এবং প্রাপ্তি স্থান", "(ঘন্টা/দিন/মাস)"
const WRAPPED_HEADER_PART = /^(ও|এবং|বা|and|or|&|\(|\/|,)/i;

export function headerOf(cells: readonly StreamCell[]): TableHeader | null {
  const first = cells[0];
  if (!first) return null;
  return recogniseHeader({ line: first.line, raw: '', cells: cells.map((cell) => cell.text), tabular: true });
}

/**
 * The header among the cells read since the last row: it starts at the last serial header
 * word ("ক্রমিক নং"), else at the earliest cell from which the cells read as a header.
 * Cells before it are not part of the table (titles, headings).
 */
export function findHeader(cells: readonly StreamCell[]): { start: number; header: TableHeader } | null {
  let serialAt = -1;
  cells.forEach((cell, index) => {
    if (SERIAL_HEADER_WORD.test(cell.text.trim())) serialAt = index;
  });
  const starts = serialAt === -1 ? cells.map((_, index) => index) : [serialAt];
  for (const start of starts) {
    const header = headerOf(cells.slice(start));
    if (header) return { start, header };
  }
  return null;
}

/** Header cells that only continue the cell before them (wrapped lines) are joined to it. */
export function joinWrappedHeaderCells(cells: readonly StreamCell[]): StreamCell[] {
  const header = headerOf(cells);
  const joined: StreamCell[] = [];
  cells.forEach((cell, index) => {
    const previous = joined.at(-1);
    const unknown = header !== null && header.columns[index] === null;
    // "ক্রমিক" over "নং": one serial column
    const secondSerial = header?.columns[index] === 'serial' && header.columns[index - 1] === 'serial';
    if (previous && (unknown || secondSerial || WRAPPED_HEADER_PART.test(cell.text.trim()))) {
      previous.text = `${previous.text} ${cell.text}`;
    } else {
      joined.push({ ...cell });
    }
  });
  return joined;
}

/** How many cells from `at` count up 1, 2, 3 … (printed column numbers); 0 when fewer than three. */
export function columnNumberRun(cells: readonly StreamCell[], at: number): number {
  let count = 0;
  while (parseSerial(cells[at + count]?.text ?? '') === count + 1) count++;
  return count >= 3 ? count : 0;
}

export function tabLine(cells: readonly StreamCell[]): InputLine {
  return { line: cells[0]?.line ?? 0, text: cells.map((cell) => cell.text.replace(/\t/g, ' ')).join('\t') };
}

/** "০৯।" and "১০।" are written alike; a bare "১০" in a column after "০৯।" is no serial */
export function serialStyle(text: string): string {
  return text.trim().replace(/[০-৯0-9]+/g, '#');
}
