// Spreadsheet pastes: tab-separated rows whose cells may be quoted and run over several
// lines ("১. আবেদন\n২. ছবি", with "" for a quote), and CSV when the whole text is plainly CSV.
import { parseSerial } from './service-rows.ts';
import type { InputLine } from './source-lines.ts';

/** A quoted cell longer than this many lines is no cell: the quote was a quotation mark. */
const MAX_QUOTED_LINES = 40;

interface DelimitedRecord {
  line: number;
  fields: string[];
  /** index of the first line after the record */
  next: number;
}

/**
 * Reads one record from lines[start]: fields split by the delimiter, a field that starts
 * with a quote runs to the closing quote (which must end the field), across lines.
 */
function readRecord(lines: InputLine[], start: number, delimiter: string): DelimitedRecord {
  const first = lines[start] as InputLine;
  const fields: string[] = [];
  let index = start;
  let text = first.text;
  let at = 0;
  for (;;) {
    if (text[at] === '"') {
      const closed = closeQuote(lines, index, at + 1, delimiter);
      if (closed) {
        fields.push(closed.value);
        index = closed.index;
        text = (lines[index] as InputLine).text;
        at = closed.at;
        if (at >= text.length) break;
        at++; // the delimiter
        continue;
      }
    }
    const end = text.indexOf(delimiter, at);
    if (end === -1) {
      fields.push(text.slice(at));
      break;
    }
    fields.push(text.slice(at, end));
    at = end + 1;
  }
  return { line: first.line, fields, next: index + 1 };
}

/** The quoted field's value and where its closing quote leaves off, or null when it never closes properly. */
function closeQuote(
  lines: InputLine[],
  index: number,
  from: number,
  delimiter: string,
): { value: string; index: number; at: number } | null {
  const parts: string[] = [];
  let at = from;
  for (let i = index; i < lines.length && i < index + MAX_QUOTED_LINES; i++) {
    const text = (lines[i] as InputLine).text;
    let part = '';
    while (at < text.length) {
      const char = text[at];
      if (char === '"' && text[at + 1] === '"') {
        part += '"';
        at += 2;
      } else if (char === '"') {
        const after = text[at + 1];
        if (after !== undefined && after !== delimiter) return null;
        parts.push(part);
        return { value: parts.join('\n'), index: i, at: at + 1 };
      } else {
        part += char;
        at++;
      }
    }
    parts.push(part);
    at = 0;
  }
  return null;
}

/** A cell's lines become one line of text; the reader splits numbered items again. */
function flatten(field: string): string {
  return field.split('\n').map((part) => part.trim()).filter(Boolean).join(' ').replace(/\t/g, ' ');
}

/** Tab-separated lines with quoted cells are joined back into one line per spreadsheet row. */
export function joinQuotedTabCells(lines: InputLine[]): InputLine[] {
  if (!lines.some((line) => line.text.includes('\t') && line.text.includes('"'))) return lines;
  const out: InputLine[] = [];
  for (let i = 0; i < lines.length; ) {
    const line = lines[i] as InputLine;
    if (!line.text.includes('\t') && !line.text.startsWith('"')) {
      out.push(line);
      i++;
      continue;
    }
    const record = readRecord(lines, i, '\t');
    if (record.fields.length < 2) {
      out.push(line);
      i++;
      continue;
    }
    out.push({ line: record.line, text: record.fields.map(flatten).join('\t') });
    i = record.next;
  }
  return out;
}

/**
 * CSV only when the shape is unmistakable: most non-blank lines split into the same number
 * (four or more) of comma-separated fields, and several of them start with a serial. Bangla
 * prose has commas too, but not in the same number on line after line.
 */
export function isPlainlyCsv(lines: InputLine[]): boolean {
  if (lines.some((line) => line.text.includes('\t'))) return false;
  const records: DelimitedRecord[] = [];
  for (let i = 0; i < lines.length; ) {
    if ((lines[i] as InputLine).text.trim() === '') {
      i++;
      continue;
    }
    const record = readRecord(lines, i, ',');
    records.push(record);
    i = record.next;
  }
  const counts = new Map<number, DelimitedRecord[]>();
  for (const record of records) counts.set(record.fields.length, [...(counts.get(record.fields.length) ?? []), record]);
  const [width, same] = [...counts.entries()].sort((a, b) => b[1].length - a[1].length)[0] ?? [0, []];
  const serialLed = same.filter((record) => parseSerial(record.fields[0] ?? '') !== null).length;
  return width >= 4 && same.length >= 3 && same.length >= records.length * 0.6 && serialLed >= 2;
}

export function csvToTabLines(lines: InputLine[]): InputLine[] {
  const out: InputLine[] = [];
  for (let i = 0; i < lines.length; ) {
    const record = readRecord(lines, i, ',');
    out.push({ line: record.line, text: record.fields.map(flatten).join('\t') });
    i = record.next;
  }
  return out;
}
