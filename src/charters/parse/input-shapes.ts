// Every shape a charter is pasted in, turned into the numbered lines of cells the reader
// understands: HTML pages, spreadsheet and CSV pastes, one cell per line (with or without
// " |"), services written as labelled blocks, and columns set out with runs of spaces.
// Each step changes only the lines it recognises and keeps their original line numbers.
import type { Warning } from '../model.ts';
import { joinBrokenTabRows } from './broken-tab-rows.ts';
import { readCellPerLine } from './cell-per-line.ts';
import { csvToTabLines, isPlainlyCsv, joinQuotedTabCells } from './delimited-text.ts';
import { htmlToInputLines, looksLikeHtmlTables } from './html-tables.ts';
import { readLabelledServices } from './labelled-services.ts';
import { readPipeCells } from './pipe-cells.ts';
import { inputLines, toSourceLine, type InputLine, type SourceLine } from './source-lines.ts';
import { readSpaceColumns } from './space-columns.ts';

export function readSourceLines(text: string): { lines: SourceLine[]; warnings: Warning[] } {
  const warnings: Warning[] = [];
  // pdftotext starts each page with a form feed on the page's first line
  const plain = text.replace(/\f/g, '');
  let lines: InputLine[] = looksLikeHtmlTables(plain) ? htmlToInputLines(plain.replace(/^\uFEFF/, '').normalize('NFC')) : inputLines(plain);
  lines = isPlainlyCsv(lines) ? csvToTabLines(lines) : joinBrokenTabRows(joinQuotedTabCells(lines));
  lines = readPipeCells(lines);
  lines = readLabelledServices(lines);
  lines = readCellPerLine(lines, warnings);
  lines = readSpaceColumns(lines);
  return { lines: lines.map(({ text: raw, line }) => toSourceLine(raw, line)), warnings };
}
