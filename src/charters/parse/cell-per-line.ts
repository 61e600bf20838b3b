// Text copied from a PDF or a web page without its layout: one header word per line, then
// each service as a serial alone on a line followed by its cells, each on its own line(s).
// The header says how many cells a row has; where a row has more or fewer lines than that,
// its lines are placed by what they say, with a warning to check the row.
import type { Warning } from '../model.ts';
import { isPageNumber, isPortalFurniture } from './page-furniture.ts';
import { recogniseSection } from './sections.ts';
import { parseSerial } from './service-rows.ts';
import { toSourceLine, type InputLine } from './source-lines.ts';
import { columnNumberRun, headerOf, joinWrappedHeaderCells, tabLine, type StreamCell } from './cell-stream.ts';
import { isColumnNumberRow, type TableHeader } from './table-header.ts';

const SERIAL_HEADER_LINE = /^(ক্রমিক|ক্রম|ক্র\s*(?::|ঃ|\.)|sl\b|s\.?\s?no|serial|no\.)/i;
const MAX_HEADER_LINES = 16;
const MAX_HEADER_CELL = 150;

const isBare = (text: string) => parseSerial(text) !== null;

function isSectionHeading(line: InputLine): boolean {
  const section = recogniseSection(toSourceLine(line.text, line.line));
  return section !== null && section.kind !== 'other';
}

/** Non-blank lines from `from`, as cells, until `stop` says so; the index after the last taken. */
function takeLines(lines: InputLine[], from: number, stop: (line: InputLine, taken: StreamCell[]) => boolean): { cells: StreamCell[]; end: number } {
  const cells: StreamCell[] = [];
  let end = from;
  for (let i = from; i < lines.length; i++) {
    const line = lines[i] as InputLine;
    if (line.text.trim() === '') continue;
    if (line.text.includes('\t') || stop(line, cells)) break;
    // "পৃষ্ঠা-২" between a row's cells: the page broke there, the row goes on
    if (isPageNumber(line.text) || isPortalFurniture(line.text)) {
      end = i + 1;
      continue;
    }
    cells.push({ line: line.line, text: line.text.trim() });
    end = i + 1;
  }
  return { cells, end };
}

/** A header set out one cell per line at `at`, ending where the first row's serial stands alone. */
function headerAt(lines: InputLine[], at: number): { header: TableHeader; cells: StreamCell[]; end: number } | null {
  const first = lines[at] as InputLine;
  if (first.text.includes('\t') || !SERIAL_HEADER_LINE.test(first.text.trim())) return null;
  const { cells, end } = takeLines(lines, at, (line, taken) => isBare(line.text) || taken.length >= MAX_HEADER_LINES);
  const next = lines.slice(end).find((line) => line.text.trim() !== '');
  if (!next || !(isBare(next.text) || isColumnNumberRow(toSourceLine(next.text, next.line)))) return null;
  if (cells.length < 3 || cells.some((cell) => cell.text.length > MAX_HEADER_CELL)) return null;
  const joined = joinWrappedHeaderCells(cells);
  const header = headerOf(joined);
  return header ? { header, cells: joined, end } : null;
}

export function readCellPerLine(lines: InputLine[], warnings: Warning[]): InputLine[] {
  const out: InputLine[] = [];
  for (let i = 0; i < lines.length; ) {
    const found = headerAt(lines, i);
    if (!found) {
      out.push(lines[i] as InputLine);
      i++;
      continue;
    }
    out.push(tabLine(found.cells));
    i = readRows(lines, found.end, found.header, found.cells.length, out, warnings);
  }
  return out;
}

/** The rows after a header, each a serial line and its cells; returns where the table ends. */
function readRows(lines: InputLine[], from: number, header: TableHeader, width: number, out: InputLine[], warnings: Warning[]): number {
  let at = from;
  // the printed column numbers: "১ ২ ৩ …" on a line, or one number a line
  const numbers = takeLines(lines, at, (line, taken) => !isBare(line.text) || taken.length >= width);
  const run = columnNumberRun(numbers.cells, 0);
  if (run > 0) at = endOfCells(lines, at, run);
  else {
    const next = lines.slice(at).findIndex((line) => line.text.trim() !== '');
    const line = lines[at + next];
    if (next !== -1 && line && isColumnNumberRow(toSourceLine(line.text, line.line))) at += next + 1;
  }
  const columns: (string | null)[] = header.columns;
  const serialIndex = Math.max(columns.indexOf('serial'), 0);
  const cellColumns = columns.map((_, index) => index).filter((index) => index !== serialIndex);
  for (;;) {
    const serialLine = lines.slice(at).find((line) => line.text.trim() !== '');
    const serial = serialLine ? parseSerial(serialLine.text) : null;
    if (!serialLine || serial === null) return at;
    const start = lines.indexOf(serialLine) + 1;
    const row = takeLines(lines, start, (line) => parseSerial(line.text) === serial + 1 || isSectionHeading(line) || headerAt(lines, lines.indexOf(line)) !== null);
    const nextLine = lines[row.end + countBlank(lines, row.end)];
    const last = !nextLine || parseSerial(nextLine.text) !== serial + 1;
    const items = groupItems(row.cells);
    const kept = last ? lastRowItems(items, cellColumns.length) : items;
    const cells: string[] = Array.from({ length: width }, () => '');
    cells[serialIndex] = serialLine.text.trim();
    const placed = kept.length === cellColumns.length ? kept.map((item) => [item]) : placeByContent(kept, cellColumns.map((index) => columns[index] ?? null));
    if (kept.length !== cellColumns.length) {
      warnings.push({
        line: serialLine.line,
        code: 'cells_placed_by_content',
        message: `Row ${serial} has ${kept.length} lines for ${cellColumns.length} columns; they were put in the columns their words suit. Check this row, or paste the table with tabs between cells.`,
      });
    }
    placed.forEach((group, index) => {
      cells[cellColumns[index] ?? 0] = group.map((item) => item.text).join(' ');
    });
    out.push({ line: serialLine.line, text: cells.join('\t') });
    at = last ? endOfCells(lines, start, kept.reduce((n, item) => n + item.lines, 0)) : row.end;
    if (last) return at;
  }
}

/**
 * The table's last row has no next serial to end it: past its columns' count it takes only
 * short lines, at most twice as many as it has columns; what follows is the page's text again.
 */
function lastRowItems(items: Item[], columns: number): Item[] {
  let end = Math.min(columns, items.length);
  while (end < items.length && end < columns * 2 && (items[end]?.text.length ?? 0) <= 60) end++;
  return items.slice(0, end);
}

function countBlank(lines: InputLine[], from: number): number {
  let n = 0;
  while (lines[from + n]?.text.trim() === '') n++;
  return n;
}

/** The index after `count` non-blank lines from `from`. */
function endOfCells(lines: InputLine[], from: number, count: number): number {
  let i = from;
  for (let seen = 0; i < lines.length && seen < count; i++) {
    const text = (lines[i] as InputLine).text;
    if (text.trim() !== '' && !isPageNumber(text) && !isPortalFurniture(text)) seen++;
  }
  return i;
}

interface Item {
  text: string;
  lines: number;
}

// "২। জাতীয় পরিচয়পত্র" after "১। আবেদন": the next item of the same list, not a new cell
const NUMBERED = /^\(?([০-৯0-9]{1,2})\s*[.।)]/;
// "মোবাইল: ০১৭…" under a designation: the officer's contact, never a cell of its own
const CONTACT_LINE = /^(?:মোবাইল|মোবা:|ফোন|টেলিফোন|ফ্যাক্স|ই-?মেইল|ইমেইল|e-?mail|phone|tel|mobile|fax|cell)\s*(?:নং|নম্বর|no\.?)?\s*(?::|ঃ|\.)/i;

// "০৭ (সাত)" over "কার্যদিবস": a duration broken between its number and its unit is one cell
const UNIT_ALONE = /^(?:কার্য\s*দিবস|কর্ম\s*দিবস|কার্যদিবসের মধ্যে|দিবস|দিন|মাস|ঘণ্টা|ঘন্টা|মিনিট|সপ্তাহ|বছর|(?:working\s+|calendar\s+)?days?|hours?|weeks?|months?)\s*[।.]?$/i;
const ENDS_IN_NUMBER = /[০-৯0-9]\s*(?:\([^()]*\))?$/;

function groupItems(cells: StreamCell[]): Item[] {
  const items: Item[] = [];
  let listAt = 0;
  for (const cell of cells) {
    const number = NUMBERED.exec(cell.text);
    const value = number ? parseSerial(`${number[1]}`) : null;
    const previous = items.at(-1);
    if (previous && (CONTACT_LINE.test(cell.text) || (UNIT_ALONE.test(cell.text) && ENDS_IN_NUMBER.test(previous.text)))) {
      previous.text = `${previous.text} ${cell.text}`;
      previous.lines++;
      continue;
    }
    if (previous && value !== null && value === listAt + 1 && value > 1) {
      previous.text = `${previous.text} ${cell.text}`;
      previous.lines++;
      listAt = value;
      continue;
    }
    items.push({ text: cell.text, lines: 1 });
    listAt = value ?? 0;
  }
  return items;
}

const LOOKS: Record<string, RegExp> = {
  time: /তাৎক্ষণিক|তাৎক্ষনিক|সাথে সাথে|সঙ্গে সঙ্গে|কার্যদিবস|কর্মদিবস|দিন|ঘণ্টা|ঘন্টা|মাস|সপ্তাহ|immediate|working day|days?\b|hours?\b/i,
  fee: /টাকা|বিনামূল্যে|বিনা মূল্যে|বিনামুল্যে|ফি|৳|\btk\b|taka|free|fee|চালান|মূল্য/i,
  officer: /কর্মকর্তা|অফিসার|কমিশনার|সার্জন|চেয়ারম্যান|চেয়ারম্যান|পরিচালক|ইনচার্জ|সহকারী|প্রকৌশলী|সচিব|ফোন|মোবাইল|টেলিফোন|ই-?মেইল|@|officer|phone|mobile|email/i,
  documents: /কপি|সনদ|ফরম|আবেদন|ছবি|পত্র|দলিল|প্রযোজ্য নয়|document|form|copy/i,
  method: /সরাসরি|অনলাইন|ডাকযোগে|মাধ্যমে|ই-মেইলে|online|in person|post/i,
};
const WEIGHT: Record<string, [number, number]> = { time: [4, -3], fee: [4, -2], officer: [3, -1], documents: [1, 0], method: [1, 0] };
const address = 'address';

function fit(column: string | null, text: string): number {
  const kind = column === address ? 'officer' : column;
  const pattern = kind ? LOOKS[kind] : undefined;
  const [hit, miss] = (kind && WEIGHT[kind]) || [0, 0];
  return pattern ? (pattern.test(text) ? hit : miss) : 0;
}

/** Contiguous lines to columns in order, each column getting what its words suit best. */
function placeByContent(items: Item[], columns: (string | null)[]): Item[][] {
  const EMPTY = -3;
  const score = (column: string | null, group: Item[]) =>
    group.length === 0 ? EMPTY : fit(column, group.map((item) => item.text).join(' ')) - 2 * (group.length - 1);
  // best[j][i]: the best score for the first j columns holding the first i items
  const best: number[][] = columns.map(() => items.map(() => -Infinity).concat(-Infinity));
  const from: number[][] = columns.map(() => items.map(() => 0).concat(0));
  const prior = (j: number, i: number) => (j === 0 ? (i === 0 ? 0 : -Infinity) : (best[j - 1]?.[i] ?? -Infinity));
  columns.forEach((column, j) => {
    for (let i = 0; i <= items.length; i++) {
      for (let k = 0; k <= i; k++) {
        const value = prior(j, k) + score(column, items.slice(k, i));
        // on a tie the later split wins: a wrapped line more likely continues the cell above it
        if (value >= (best[j]?.[i] ?? -Infinity) && value > -Infinity) {
          (best[j] as number[])[i] = value;
          (from[j] as number[])[i] = k;
        }
      }
    }
  });
  const groups: Item[][] = [];
  let end = items.length;
  for (let j = columns.length - 1; j >= 0; j--) {
    const start = from[j]?.[end] ?? 0;
    groups.unshift(items.slice(start, end));
    end = start;
  }
  return groups;
}
