// An HTML charter, however its line breaks fall: each table row becomes one line of
// tab-separated cells (numbered by the line its <tr> starts on), the text around the tables
// becomes lines at its block tags, and scripts, styles and navigation are dropped.
import { cleanCellText } from './bangla-text.ts';
import { parseSerial } from './service-rows.ts';
import type { InputLine } from './source-lines.ts';

/** A page or fragment with table cells in it; plain text with a stray tag is not HTML. */
export function looksLikeHtmlTables(text: string): boolean {
  return /<t[dh][\s>]/i.test(text) && /<\/t[dh]\s*>|<tr[\s>]/i.test(text);
}

// Not charter text: code, menus, page furniture, form controls.
const DROPPED_ELEMENTS = /<(script|style|noscript|head|nav|footer|select|iframe|svg|template|button)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const TOKEN = /<!--[\s\S]*?-->|<![^>]*>|<(\/?)([a-z][a-z0-9]*)\b([^>]*)>/gi;
const BLOCK_TAGS = new Set([
  'p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'section', 'article', 'header', 'main',
  'dl', 'dt', 'dd', 'blockquote', 'hr', 'title', 'body', 'html', 'aside', 'center', 'pre', 'caption',
]);

interface Cell {
  html: string;
  colspan: number;
  rowspan: number;
}

interface Row {
  line: number;
  cells: Cell[];
  open: Cell | null;
}

interface Table {
  /** a table used for page layout: it holds another table, so its cells are text, not data */
  layout: boolean;
  row: Row | null;
  /** columns still covered by a rowspan from a row above: how many rows more, and the text */
  spans: Map<number, { rows: number; html: string }>;
}

function numberAttribute(attributes: string, name: string): number {
  const match = new RegExp(`${name}\\s*=\\s*["']?(\\d{1,3})`, 'i').exec(attributes);
  const value = match ? Number(match[1]) : 1;
  return value >= 1 && value <= 50 ? value : 1;
}

const countLines = (s: string) => (s.match(/\n/g) ?? []).length;

class HtmlLineWriter {
  readonly out: InputLine[] = [];
  private text = '';
  private textLine = 0;
  private readonly tables: Table[] = [];
  line = 1;

  private get table(): Table | undefined {
    return this.tables.at(-1);
  }

  private get dataCell(): Cell | null {
    const table = this.table;
    return table && !table.layout ? (table.row?.open ?? null) : null;
  }

  addText(chunk: string): void {
    const cell = this.dataCell;
    if (cell) {
      cell.html += chunk;
      this.line += countLines(chunk);
      return;
    }
    const parts = chunk.split('\n');
    parts.forEach((part, index) => {
      if (index > 0) {
        this.flushText();
        this.line++;
      }
      this.appendText(part);
    });
  }

  private appendText(part: string): void {
    if (this.text.trim() === '' && part.trim() !== '') this.textLine = this.line;
    this.text += part;
  }

  flushText(): void {
    const text = this.text.replace(/\t/g, ' ').trim();
    if (text !== '' && cleanCellText(text) !== '') this.out.push({ line: this.textLine, text });
    this.text = '';
  }

  tag(closing: boolean, name: string, attributes: string, whole: string): void {
    const lineOfTag = this.line;
    this.line += countLines(whole);
    switch (name) {
      case 'table':
        if (closing) this.closeTable();
        else this.openTable();
        return;
      case 'tr':
        this.closeRow();
        if (!closing) this.openRow(lineOfTag);
        return;
      case 'td':
      case 'th':
        if (closing) this.closeCell();
        else this.openCell(attributes, lineOfTag);
        return;
      case 'thead':
      case 'tbody':
      case 'tfoot':
        return;
    }
    const cell = this.dataCell;
    if (cell) {
      // a paragraph or a line break inside a cell is a line break in the cell's text
      cell.html += name === 'br' || BLOCK_TAGS.has(name) ? '<br>' : whole;
      return;
    }
    if (name === 'br' || BLOCK_TAGS.has(name)) {
      if (!closing) this.flushText();
      // headings keep a bare <hN> so the reader knows them for headings
      if (/^h\d$/.test(name) && !closing) this.appendText(`<${name}>`);
      if (closing || name === 'br' || name === 'hr') this.flushText();
      return;
    }
    this.appendText(whole);
  }

  private openTable(): void {
    const outer = this.table;
    if (outer && !outer.layout && outer.row?.open) {
      // a table inside a cell: the outer one only lays the page out
      outer.layout = true;
      this.closeCell(outer);
      for (const cell of outer.row.cells) {
        this.appendText(cell.html);
        this.flushText();
      }
      outer.row = null;
    }
    this.flushText();
    this.tables.push({ layout: false, row: null, spans: new Map() });
  }

  private closeTable(): void {
    this.closeRow();
    this.flushText();
    this.tables.pop();
  }

  private openRow(line: number): void {
    const table = this.table;
    this.flushText();
    if (table && !table.layout) table.row = { line, cells: [], open: null };
  }

  private openCell(attributes: string, line: number): void {
    const table = this.table;
    if (!table) return;
    if (table.layout) {
      this.flushText();
      return;
    }
    this.closeCell();
    table.row ??= { line, cells: [], open: null };
    table.row.open = { html: '', colspan: numberAttribute(attributes, 'colspan'), rowspan: numberAttribute(attributes, 'rowspan') };
  }

  private closeCell(table = this.table): void {
    if (!table || table.layout) {
      this.flushText();
      return;
    }
    const row = table.row;
    if (row?.open) {
      row.cells.push(row.open);
      row.open = null;
    }
  }

  private closeRow(): void {
    const table = this.table;
    if (!table || table.layout || !table.row) return;
    this.closeCell(table);
    const row = table.row;
    table.row = null;
    const cells = placeRowCells(row.cells, table.spans);
    if (cells.some((cell) => cleanCellText(cell) !== '')) {
      this.out.push({ line: row.line, text: cells.join('\t') });
    }
  }

  finish(): InputLine[] {
    while (this.tables.length > 0) this.closeTable();
    this.flushText();
    return this.out;
  }
}

/**
 * The row's cells by column: a colspan leaves empty columns after its cell, a rowspan from
 * above fills its column again — with its text when this row starts a service (the officer
 * shared by several services), empty when the row only continues the one above.
 */
function placeRowCells(cells: Cell[], spans: Table['spans']): string[] {
  const placed: (string | { spanned: string })[] = [];
  const takeSpans = () => {
    let span = spans.get(placed.length);
    while (span) {
      placed.push({ spanned: span.html });
      if (--span.rows <= 0) spans.delete(placed.length - 1);
      span = spans.get(placed.length);
    }
  };
  for (const cell of cells) {
    takeSpans();
    const html = cell.html.replace(/[\t\r\n]+/g, ' ').trim();
    if (cell.rowspan > 1) spans.set(placed.length, { rows: cell.rowspan - 1, html });
    placed.push(html);
    for (let i = 1; i < cell.colspan; i++) placed.push('');
  }
  if (placed.length > 0) takeSpans();
  const first = placed[0];
  const startsService = typeof first === 'string' && parseSerial(cleanCellText(first)) !== null;
  return placed.map((cell) => (typeof cell === 'string' ? cell : startsService ? cell.spanned : ''));
}

export function htmlToInputLines(text: string): InputLine[] {
  const kept = text.replace(DROPPED_ELEMENTS, (element) => '\n'.repeat(countLines(element)));
  const writer = new HtmlLineWriter();
  let at = 0;
  for (const match of kept.matchAll(TOKEN)) {
    writer.addText(kept.slice(at, match.index));
    at = match.index + match[0].length;
    const [whole, slash, name, attributes] = match;
    if (name === undefined) {
      writer.line += countLines(whole);
      continue;
    }
    writer.tag(slash === '/', name.toLowerCase(), attributes ?? '', whole);
  }
  writer.addText(kept.slice(at));
  return writer.finish();
}
