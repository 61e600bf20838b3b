// A table copied from a word processor keeps a line break typed inside a cell: the row goes on
// on the next line, the broken cell's rest first ("সেবার মূল্য ও" over "পরিশোধ পদ্ধতি\tসময়সীমা…").
// Such lines are joined back into one row where, together, they make exactly as many cells as the
// table's full rows; lines that never add up are left as they are.
import { cleanCellText } from './bangla-text.ts';
import { isCharterTitle, isPageNumber, isPortalFurniture } from './page-furniture.ts';
import { recogniseSection } from './sections.ts';
import { parseSerial } from './service-rows.ts';
import { toSourceLine, type InputLine } from './source-lines.ts';

const hasTab = (line: InputLine) => line.text.includes('\t');
const cellsOf = (line: InputLine) => line.text.split('\t');
const isBlankLine = (line: InputLine) => line.text.trim() === '';

/** A line no row continues into: a blank, a section heading, a page number or the portal's furniture. */
function endsRun(line: InputLine): boolean {
  if (isBlankLine(line) || hasTab(line)) return isBlankLine(line);
  const text = line.text.trim();
  const section = recogniseSection(toSourceLine(line.text, line.line));
  return (section !== null && section.kind !== 'other') || isPageNumber(text) || isPortalFurniture(text) || isCharterTitle(text);
}

/** Runs of lines between blanks and headings, each the body of at most a table or two. */
function runsOf(lines: InputLine[]): InputLine[][] {
  const runs: InputLine[][] = [];
  let run: InputLine[] = [];
  for (const line of lines) {
    if (endsRun(line)) {
      if (run.length > 0) runs.push(run);
      runs.push([line]);
      run = [];
    } else run.push(line);
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/** The first cell's text without markup ("<br>১<br>" is a serial). */
const firstCell = (line: InputLine) => cleanCellText(cellsOf(line)[0] ?? '');
const startsEmpty = (line: InputLine) => firstCell(line) === '';
const startsRow = (line: InputLine | undefined) => line !== undefined && hasTab(line) && parseSerial(firstCell(line)) !== null;

/** The lines from `at` that make one row of `width` cells, or 0 when they do not add up. */
function brokenRowLength(run: InputLine[], at: number, width: number): number {
  const first = run[at] as InputLine;
  const next = run[at + 1];
  if (cellsOf(first).length >= width || !next || !(hasTab(first) || hasTab(next))) return 0;
  // "\t\tরেফারেন্স…": a PDF's continuation line keeps its columns by empty cells; a broken cell never starts empty
  if (startsEmpty(first)) return 0;
  let cells = cellsOf(first).length;
  for (let end = at + 1; end < run.length; end++) {
    const line = run[end] as InputLine;
    const count = cellsOf(line).length;
    if (count >= width || startsRow(line) || startsEmpty(line)) return 0;
    cells += count - 1;
    if (cells === width) return end - at + 1;
    if (cells > width) return 0;
  }
  return 0;
}

/** Lines without a tab after a row, up to the next row: the rest of its last cell. */
function trailingLines(run: InputLine[], from: number): number {
  let end = from;
  while (end < run.length && !hasTab(run[end] as InputLine)) {
    // a line that the next line continues with tabs starts a broken row of its own ("ক্রমিক" over "নং\t…")
    const after = run[end + 1];
    if (after && hasTab(after) && !startsRow(after)) break;
    end++;
  }
  return end - from;
}

function joinRow(lines: InputLine[]): InputLine {
  const cells: string[] = [];
  for (const line of lines) {
    const [first = '', ...rest] = hasTab(line) ? cellsOf(line) : [line.text];
    if (cells.length === 0) cells.push(first);
    else cells[cells.length - 1] = `${cells[cells.length - 1]?.trim() ?? ''} ${first.trim()}`.trim();
    cells.push(...rest);
  }
  return { line: lines[0]?.line ?? 0, text: cells.join('\t') };
}

const widthOf = (run: InputLine[]) => Math.max(...run.map((line) => cellsOf(line).length));

/** How many lines of the run join into rows of `width` cells, and where each joined row starts. */
function breaksAt(run: InputLine[], width: number): { breaks: number[]; joined: number } {
  const breaks = run.map(() => 0);
  let joined = 0;
  for (let at = 0; at < run.length; ) {
    const length = brokenRowLength(run, at, width);
    breaks[at] = length;
    joined += length;
    at += Math.max(length, 1);
  }
  return { breaks, joined };
}

/**
 * The run's width is its widest line's, unless every row of it is broken: then it is the width
 * of another table of the charter (the next section repeats the header) under which most lines join.
 */
function joinRun(run: InputLine[], widths: readonly number[]): InputLine[] {
  const own = widthOf(run);
  if (own < 3 && !run.some(hasTab)) return run;
  let best = { width: own, ...breaksAt(run, own) };
  for (const width of widths.filter((candidate) => candidate > own)) {
    const found = breaksAt(run, width);
    if (found.joined > best.joined) best = { width, ...found };
  }
  const { width, breaks } = best;
  if (width < 3 || best.joined === 0) return run;
  const out: InputLine[] = [];
  for (let at = 0; at < run.length; ) {
    const length = breaks[at] ?? 0;
    const line = run[at] as InputLine;
    if (length === 0 && !(hasTab(line) && cellsOf(line).length === width)) {
      out.push(line);
      at++;
      continue;
    }
    const rowEnd = at + Math.max(length, 1);
    const end = rowEnd + trailingLines(run, rowEnd);
    out.push(joinRow(run.slice(at, end)));
    at = end;
  }
  return out;
}

export function joinBrokenTabRows(lines: InputLine[]): InputLine[] {
  if (!lines.some(hasTab)) return lines;
  const runs = runsOf(lines);
  const widths = [...new Set(runs.filter((run) => run.some(hasTab)).map(widthOf))].filter((width) => width >= 3).sort((x, y) => x - y);
  return runs.flatMap((run) => joinRun(run, widths));
}
