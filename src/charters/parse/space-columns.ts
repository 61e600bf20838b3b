// Tables set out with runs of spaces (a word processor's text, `pdftotext -layout`): the
// header and the serial-led rows say where each column starts, and every line of the table,
// wrapped cells included, is cut at those positions into tab-separated cells. Lines outside
// such a table, prose with a double space among them, are left alone.
import { recogniseSection } from './sections.ts';
import { parseSerial } from './service-rows.ts';
import { toSourceLine, type InputLine } from './source-lines.ts';
import { recogniseHeader } from './table-header.ts';

interface Chunk {
  /** the column where the text starts, counted in the table's metric */
  at: number;
  text: string;
}

/**
 * How a line's columns are counted. A word processor and a screen give Bangla vowel signs no
 * column of their own; some PDF converters do. Each table is read in the one that lines its
 * cells up best.
 */
type Metric = (prefix: string) => number;
const CODE_POINTS: Metric = (prefix) => prefix.length;
const ON_SCREEN: Metric = (prefix) => prefix.replace(/[\p{M}\u200C\u200D]/gu, '').length;

const TOLERANCE = 2;
const MAX_HEADER_LINES = 4;
const PAGE_FURNITURE = /^(?:পৃষ্ঠা|page)\s*[-:]?\s*[০-৯0-9]+|^[-–\s]*[০-৯0-9]{1,3}[-–\s]*$/i;

function chunksOf(text: string, metric: Metric = CODE_POINTS): Chunk[] {
  const chunks: Chunk[] = [];
  for (const match of text.matchAll(/\S+(?: \S+)*/g)) {
    chunks.push({ at: metric(text.slice(0, match.index)), text: match[0] });
  }
  return chunks;
}

const isSerialLed = (chunks: Chunk[]) => chunks.length >= 3 && parseSerial(chunks[0]?.text ?? '') !== null;

/** Which column each chunk falls in: by order when there is one chunk a column, else by position. */
function columnsOf(chunks: Chunk[], starts: number[]): number[] {
  if (chunks.length === starts.length) return chunks.map((_, index) => index);
  const columns: number[] = [];
  for (const chunk of chunks) {
    let column = 0;
    starts.forEach((start, index) => {
      if (Math.abs(start - chunk.at) < Math.abs((starts[column] ?? 0) - chunk.at)) column = index;
    });
    const previous = columns.at(-1) ?? -1;
    columns.push(Math.min(Math.max(column, previous + 1), starts.length - 1));
  }
  return columns;
}

function cellsOf(chunks: Chunk[], starts: number[]): string[] {
  const cells = starts.map(() => '');
  const columns = columnsOf(chunks, starts);
  chunks.forEach((chunk, index) => {
    const column = columns[index] ?? 0;
    cells[column] = [cells[column], chunk.text].filter(Boolean).join(' ');
  });
  return cells;
}

/** A header at `at` (over up to four lines) followed by serial-led rows: its column starts and lines. */
interface SpacedTable {
  starts: number[];
  header: string[];
  headerEnd: number;
  metric: Metric;
}

/** The table at `at` read in the metric whose column starts more of its lines' cells fall on. */
function tableAt(lines: InputLine[], at: number): SpacedTable | null {
  const byCodePoints = tableInMetric(lines, at, CODE_POINTS);
  const onScreen = byCodePoints && tableInMetric(lines, at, ON_SCREEN);
  if (!byCodePoints || !onScreen) return byCodePoints;
  return fitOf(lines, onScreen) > fitOf(lines, byCodePoints) ? onScreen : byCodePoints;
}

function fitOf(lines: InputLine[], table: SpacedTable): number {
  return lines
    .slice(table.headerEnd, table.headerEnd + 40)
    .flatMap((line) => chunksOf(line.text, table.metric))
    .filter((chunk) => table.starts.some((start) => Math.abs(start - chunk.at) <= TOLERANCE)).length;
}

function tableInMetric(lines: InputLine[], at: number, metric: Metric): SpacedTable | null {
  const first = lines[at] as InputLine;
  if (first.text.includes('\t') || chunksOf(first.text).length < 3) return null;
  const headerLines: Chunk[][] = [];
  let end = at;
  for (let i = at; i < lines.length && headerLines.length < MAX_HEADER_LINES; i++) {
    const text = (lines[i] as InputLine).text;
    const chunks = chunksOf(text, metric);
    if (text.includes('\t') || chunks.length === 0 || isSerialLed(chunks)) break;
    headerLines.push(chunks);
    end = i + 1;
  }
  const anchor = headerLines.reduce((a, b) => (b.length > a.length ? b : a), []);
  let starts = anchor.map((chunk) => chunk.at);
  const header = starts.map(() => '');
  for (const chunks of headerLines) {
    cellsOf(chunks, starts).forEach((cell, index) => {
      header[index] = [header[index], cell].filter(Boolean).join(' ');
    });
  }
  const recognised = recogniseHeader({ line: first.line, raw: first.text, cells: header, tabular: true });
  if (!recognised) return null;
  const next = lines.slice(end, end + 8).map((line) => chunksOf(line.text)).find((chunks) => chunks.length > 0);
  if (!next || !isSerialLed(next)) return null;
  // data starts at a column's left edge, where a centred header word may not
  const rows = lines
    .slice(end, end + 60)
    .map((line) => chunksOf(line.text, metric))
    .filter((chunks) => isSerialLed(chunks) && chunks.length === starts.length && !chunks.every((chunk) => parseSerial(chunk.text) !== null));
  if (rows.length > 0) starts = starts.map((start, index) => Math.min(start, ...rows.map((row) => row[index]?.at ?? start)));
  return { starts, header, headerEnd: end, metric };
}

/** A line that ends the table: a heading, or prose starting left of the second column. */
function endsTable(line: InputLine, chunks: Chunk[], starts: number[]): boolean {
  if (line.text.includes('\t')) return true;
  const section = recogniseSection(toSourceLine(line.text, line.line));
  if (section && section.kind !== 'other') return true;
  const first = chunks[0];
  if (!first) return false;
  return first.at < (starts[1] ?? 0) - TOLERANCE && parseSerial(first.text) === null;
}

export function readSpaceColumns(lines: InputLine[]): InputLine[] {
  const out: InputLine[] = [];
  for (let i = 0; i < lines.length; ) {
    const table = tableAt(lines, i);
    if (!table) {
      out.push(lines[i] as InputLine);
      i++;
      continue;
    }
    out.push({ line: (lines[i] as InputLine).line, text: table.header.join('\t') });
    i = table.headerEnd;
    let afterPageBreak = false;
    for (; i < lines.length; i++) {
      const line = lines[i] as InputLine;
      const chunks = chunksOf(line.text, table.metric);
      if (chunks.length === 0) {
        out.push(line);
        continue;
      }
      if (PAGE_FURNITURE.test(line.text.trim())) {
        afterPageBreak = true;
        out.push(line);
        continue;
      }
      if (tableAt(lines, i)) break; // the header again, on the next page, or another table
      if (endsTable(line, chunks, table.starts)) break;
      // the next page's running head ("office … charter") lines up with no column
      const aligned = chunks.every((chunk) => table.starts.some((start) => Math.abs(start - chunk.at) <= TOLERANCE));
      if (afterPageBreak && !aligned) {
        out.push(line);
        continue;
      }
      afterPageBreak = false;
      out.push({ line: line.line, text: cellsOf(chunks, table.starts).join('\t') });
    }
  }
  return out;
}
