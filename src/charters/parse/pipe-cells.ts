// A web page table turned to text one cell per line, each cell ending in " |" (a cell of
// several lines ends with a lone "|"), as text copied from portal pages often is. The header
// says how many cells make a row; rows become lines of tab-separated cells.
import { recogniseSection } from './sections.ts';
import { parseSerial } from './service-rows.ts';
import { toSourceLine, type InputLine } from './source-lines.ts';
import { columnNumberRun, findHeader, serialStyle, tabLine, type StreamCell } from './cell-stream.ts';

const PIPE_CELL = /^[^|]*\|\s*$/;
// "||", "|||", "---|---|---|": empty rows and rules between the cells
const PIPE_RULE = /^\s*(?:\|{2,}|\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)+\|?)\s*$/;
/** fewer cell lines than this is a stray trailing bar, not a table */
const MIN_CELL_LINES = 6;

function isSectionHeading(text: string, line: number): boolean {
  const section = recogniseSection(toSourceLine(text, line));
  return section !== null && section.kind !== 'other';
}

/** The cells of a run of pipe lines starting at `start`, and the index after the run. */
function readRun(lines: InputLine[], start: number): { cells: StreamCell[]; end: number; cellLines: number } {
  const cells: StreamCell[] = [];
  let pending: InputLine[] = [];
  let cellLines = 0;
  let i = start;
  for (; i < lines.length; i++) {
    const { text, line } = lines[i] as InputLine;
    if (PIPE_RULE.test(text)) continue;
    if (PIPE_CELL.test(text)) {
      cellLines++;
      const own = text.replace(/\|\s*$/, '').trim();
      const parts = [...pending.map((p) => p.text.trim()), own].filter(Boolean);
      cells.push({ line: pending[0]?.line ?? line, text: parts.join(' ') });
      pending = [];
      continue;
    }
    // text lines join the next cell only while the run goes on after them
    if (text.trim() === '' || text.includes('\t') || (text.match(/\|/g)?.length ?? 0) > 1) break;
    if (isSectionHeading(text, line)) break;
    pending.push(lines[i] as InputLine);
  }
  return { cells, end: i - pending.length, cellLines };
}

/** Rows of a run's cells: the header's width cuts the cells into rows. */
function tableLines(cells: StreamCell[]): InputLine[] {
  const out: InputLine[] = [];
  let width = 0;
  let row: StreamCell[] | null = null;
  let pending: StreamCell[] = [];
  const flushPending = () => {
    out.push(...pending.map((cell) => ({ line: cell.line, text: cell.text })));
    pending = [];
  };
  const endRow = () => {
    if (row) out.push(tabLine(row));
    row = null;
  };
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i] as StreamCell;
    if (row) {
      if (!endsRowEarly(row, cell, width)) {
        row.push(cell);
        if (row.length >= width) endRow();
        continue;
      }
      endRow();
    }
    const numbers = columnNumberRun(cells, i);
    if (numbers > 0) {
      startTableAt(pending);
      out.push(tabLine(cells.slice(i, i + numbers)));
      i += numbers - 1;
      continue;
    }
    if (parseSerial(cell.text) !== null) {
      startTableAt(pending);
      if (width > 0) {
        row = [cell];
        continue;
      }
    }
    pending.push(cell);
  }
  endRow();
  flushPending();
  return out;

  /** The header among the cells read before a row or the column numbers, if there is one. */
  function startTableAt(before: StreamCell[]): void {
    const found = findHeader(before);
    if (found) {
      pending = before.slice(0, found.start);
      flushPending();
      const header = before.slice(found.start);
      out.push(tabLine(header));
      width = header.length;
    } else {
      flushPending();
    }
  }
}

/** A row one cell short (a cell lost to a rowspan) ends at the next serial written the same way. */
function endsRowEarly(row: StreamCell[], cell: StreamCell, width: number): boolean {
  const first = row[0] as StreamCell;
  const serial = parseSerial(first.text);
  return (
    serial !== null &&
    row.length >= Math.max(2, width - 2) &&
    parseSerial(cell.text) === serial + 1 &&
    serialStyle(cell.text) === serialStyle(first.text)
  );
}

export function readPipeCells(lines: InputLine[]): InputLine[] {
  const out: InputLine[] = [];
  for (let i = 0; i < lines.length; ) {
    const line = lines[i] as InputLine;
    if (!PIPE_CELL.test(line.text) && !PIPE_RULE.test(line.text)) {
      out.push(line);
      i++;
      continue;
    }
    const run = readRun(lines, i);
    if (run.cellLines < MIN_CELL_LINES || run.end <= i) {
      out.push(line);
      i++;
      continue;
    }
    out.push(...tableLines(run.cells));
    i = run.end;
  }
  return out;
}
