// Splits charter text into numbered lines of cells: tab-separated, markdown pipe tables,
// or HTML table remnants. Cell text is cleaned of tags and entities. The other shapes a
// charter is pasted in are first turned into such lines by input-shapes.ts.
import { cleanCellText } from './bangla-text.ts';

/** One line of input before it is cut into cells: its text and its 1-based line in the original. */
export interface InputLine {
  line: number;
  text: string;
}

export interface SourceLine {
  /** 1-based line number in the original input */
  line: number;
  raw: string;
  cells: string[];
  /** true when the line had cell separators, i.e. it belongs to a table */
  tabular: boolean;
}

const HTML_CELL_BREAK = /<\/t[dh]>\s*<t[dh][^>]*>/gi;
const HTML_ROW_EDGE = /<\/?(tr|td|th|table|tbody|thead)[^>]*>/gi;

/** The text's lines, numbered from 1, without a byte-order mark, in NFC. */
export function inputLines(text: string): InputLine[] {
  const lines = text.replace(/^\uFEFF/, '').normalize('NFC').split(/\r\n|\r|\n/);
  return lines.map((raw, index) => ({ line: index + 1, text: raw }));
}

export function splitSourceLines(text: string): SourceLine[] {
  return inputLines(text).map(({ text: raw, line }) => toSourceLine(raw, line));
}

export function toSourceLine(raw: string, line: number): SourceLine {
  // <http://…> autolinks are addresses, not tags
  let body = raw.replace(/<((?:https?:\/\/|mailto:)[^>\s]+)>/gi, '$1');
  let tabular = false;
  if (/<\/t[dh]>/i.test(body)) {
    body = body.replace(HTML_CELL_BREAK, '\t').replace(HTML_ROW_EDGE, '');
    tabular = true;
  }
  let parts: string[];
  if (body.includes('\t')) {
    parts = body.split('\t');
    tabular = true;
  } else if (/^\s*\|.*\|\s*$/.test(body) || (body.match(/\|/g)?.length ?? 0) >= 3) {
    // markdown tables, with or without pipes at the edges
    const trimmed = body.trim();
    parts = trimmed.slice(trimmed.startsWith('|') ? 1 : 0, trimmed.endsWith('|') ? -1 : undefined).split('|');
    tabular = true;
  } else {
    parts = [body];
  }
  const cells = parts.map(cleanCellText);
  while (cells.length > 1 && cells[cells.length - 1] === '') cells.pop();
  if (tabular) withoutSectionNumber(cells);
  return { line, raw, cells, tabular };
}

// "১.৩", "2.10": a row numbered under its section's number, whose own serial is the last part
const SECTION_SERIAL = /^([০-৯0-9]{1,2})\s*[.।]\s*([০-৯0-9]{1,2})\s*[.।)]?$/u;

/** A table row whose first cell is "১.৩" is row ৩ of section ১; a lone decimal is no such row. */
function withoutSectionNumber(cells: string[]): void {
  const match = SECTION_SERIAL.exec(cells[0] ?? '');
  if (!match || cells.filter((cell) => cell !== '').length < 3) return;
  cells[0] = match[2] ?? '';
}

export function isBlank(source: SourceLine): boolean {
  return source.cells.every((cell) => cell === '');
}

/** `----`, `| --- | :-: |`, `====`: table rules with no content */
export function isSeparatorRow(source: SourceLine): boolean {
  const filled = source.cells.filter((cell) => cell !== '');
  return filled.length > 0 && filled.every((cell) => /^[-=_:.\s]+$/.test(cell) && /[-=_]{2,}/.test(cell));
}

export function filledCells(source: SourceLine): string[] {
  return source.cells.filter((cell) => cell !== '');
}
