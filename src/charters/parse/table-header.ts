// Recognises a table's header row by the text of its cells (never by position), and the
// row of column numbers (১ ২ ৩ … or (১) (২) …) that charters print under or over it.
import { toAsciiDigits } from './bangla-text.ts';
import { filledCells, type SourceLine } from './source-lines.ts';

export type ServiceColumn =
  | 'serial'
  | 'name'
  | 'method'
  | 'documents'
  | 'source'
  | 'fee'
  | 'time'
  | 'officer'
  | 'remedy'
  | 'superior';

export type GrsColumn = 'serial' | 'when' | 'whom' | 'address' | 'time';
export type ExpectationColumn = 'serial' | 'text';

export type TableHeader =
  | { kind: 'services'; columns: (ServiceColumn | null)[] }
  | { kind: 'grs'; columns: (GrsColumn | null)[] }
  | { kind: 'expectations'; columns: (ExpectationColumn | null)[] };

// Order matters: a remedy header ("নির্দিষ্ট সেবা প্রদানে ব্যর্থ হলে প্রতিকারের বিধান") also says
// "সেবা প্রদান", and the fee header ("সেবার মূল্য ও পরিশোধ পদ্ধতি") also says "পদ্ধতি".
// Bangla letters are not "word" characters to \b, so word edges are spelled out.
const SERIAL_HEADER = /^(ক্রমিক|ক্রম(?:\s|$)|ক্র(?::|ঃ|\.)|ক্রঃ|নং|no\.?$|s\.?\s?no|sl\.?|sr\.?|s\/n|serial|#$)/i;

// Columns a charter may add that are none of ours ("সেবা গ্রহীতা", "Frequency", "মন্তব্য"):
// they stay unknown, whatever their cells look like, and are named in a warning.
const OTHER_HEADER =
  /গ্রহীতা|গ্রহণকারী|recipient|frequency|মন্তব্য|remarks?|comments?|আইন|বিধি(?:বিধান|মালা)?(?:\s|$)|(?:^|\s)(?:law|rules?)(?:\s|$)|ইউনিটের নাম|^বিভাগ\s*\/\s*দপ্তর/i;

const SERVICE_COLUMN_PATTERNS: [ServiceColumn, RegExp][] = [
  ['serial', SERIAL_HEADER],
  ['remedy', /প্রতিকার|ব্যর্থ হলে|remedy|redress|if (?:the )?service (?:is )?not|fail/i],
  ['superior', /[উঊ]র্দ?্?ধ?্?ব?তন|superior|higher authority|supervising/i],
  ['time', /সময়সীমা|সময় সীমা|সময়|সয়মসীমা|time|deadline|duration|timeline/i],
  ['fee', /মূল্য|মুল্য|(?:^|\s)ফি(?:স|\s|$|\/|,)|পরিশোধ|চার্জ|খরচ|fee|cost|(?<!in[- ])charge|price|payment/i],
  // "কাগজপত্র প্রাপ্তির স্থান" is where to get them; "কাগজপত্র ও প্রাপ্তিস্থান" is both in one column
  ['source', /^(?!.*(?:ও|এবং|\/|,)\s*প্রাপ্তি).*প্রাপ্তি(?:র)?\s*স্থান|^(?!.*document).*where to (get|obtain)/i],
  ['documents', /কাগজ|দলিল|document|papers/i],
  ['officer', /কর্মকর্তা|কমকর্তা|দায়িত্বপ্রাপ্ত|সেবা\s*(?:দান|প্রদান)কারী|officer|official|responsible|in[- ]charge|contact person|designation/i],
  ['method', /পদ্ধতি|প্রক্রিয়া|উপায়|সেবা প্রদানের ধর[নণ]|method|procedure|process|how to|mode of/i],
  [
    'name',
    /সেবা\s*(?:সমূহ(?:ের)?\s*)?(?:র\s*)?(?:নাম|বিবরণ|ধর[নণ]|শিরোনাম|প্রকৃতি)|^সেবা(?:সমূহ|সমুহ)?$|(?:প্রদেয়|প্রদত্ত)\s*সেবা|কার্যক্রম|কাজের\s*(?:বিবরণ|নাম)|service|activit|particulars/i,
  ],
];

const GRS_COLUMN_PATTERNS: [GrsColumn, RegExp][] = [
  ['serial', SERIAL_HEADER],
  ['when', /কখন|when/i],
  ['whom', /কার সঙ্গে|কার সাথে|কাহার|যোগাযোগ করবেন|whom|who/i],
  ['address', /ঠিকানা|যোগাযোগের|address|contact details/i],
  ['time', /সময়সীমা|সময়|time|deadline|days/i],
];

// "প্রতিশ্রুত/কাঙ্ক্ষিত সেবা প্রাপ্তির লক্ষ্যে করণীয়", "What we expect from you", "Things to do"
const EXPECTATIONS_HEADER = /করণীয়|করণীয়|প্রত্যাশা|expect|to do\b|should do/i;

function classify<C extends string>(cells: string[], patterns: [C, RegExp][]): (C | null)[] {
  return cells.map((cell) => patterns.find(([, pattern]) => pattern.test(cell.trim()))?.[0] ?? null);
}

const LEADING_SERIAL = /^\(?[0-9০-৯]{1,3}\s*[.।):]?\)?$/;

// The header row each service table's columns were read from, for warnings that name a column.
const HEADER_TEXT = new WeakMap<readonly (ServiceColumn | null)[], { cells: string[]; line: number }>();

/** The header cells and line a service table's columns were read from (none for an assumed header). */
export function headerTextOf(columns: readonly (ServiceColumn | null)[]): { cells: string[]; line: number } | undefined {
  return HEADER_TEXT.get(columns);
}

/** A header cell that names a column of its own which is none of ours ("সেবা গ্রহীতা", "Remarks"). */
export function isOtherColumnHeader(cell: string): boolean {
  return OTHER_HEADER.test(cell.trim());
}

function classifyServiceColumns(cells: string[]): (ServiceColumn | null)[] {
  return cells.map((cell) => (isOtherColumnHeader(cell) && !SERIAL_HEADER.test(cell.trim()) ? null : classify([cell], SERVICE_COLUMN_PATTERNS)[0] ?? null));
}

export function recogniseHeader(source: SourceLine): TableHeader | null {
  const cells = source.cells.map((cell) => cell.replace(/\s+/g, ' ').trim());
  if (filledCells(source).length < 2) return null;
  const joined = cells.join(' ');

  if (/কখন\s*যোগাযোগ|when to contact/i.test(joined) || (/কখন/.test(joined) && /(সঙ্গে|সাথে)/.test(joined)) || (/\bwhen\b/i.test(joined) && /\bwhom\b/i.test(joined))) {
    return { kind: 'grs', columns: classify(cells, GRS_COLUMN_PATTERNS) };
  }
  // a list has a serial and the text; a service table that names what the citizen must do has more
  if (EXPECTATIONS_HEADER.test(joined) && filledCells(source).length <= 3 && !/সেবার নাম|name of service/i.test(joined)) {
    return {
      kind: 'expectations',
      columns: cells.map((cell) => (SERIAL_HEADER.test(cell) ? 'serial' : cell ? 'text' : null)),
    };
  }
  // Two columns of one kind stay that kind ("সেবার মূল্য" then "পরিশোধ পদ্ধতি" are both the
  // fee): the row reader keeps them apart and the field joins them. Dropping the second would
  // send its text to the table's last column, which is usually the officer.
  // a row that starts with a serial is a service, whatever words its cells use
  if (LEADING_SERIAL.test(cells[0] ?? '')) return null;
  const columns = classifyServiceColumns(cells);
  const known = new Set(columns.filter((column) => column !== null));
  if (known.size < 3 || !known.has('name') || cells.some((cell) => cell.length > 120)) return null;
  HEADER_TEXT.set(columns, { cells, line: source.line });
  return { kind: 'services', columns };
}

/** "১ ২ ৩ …", "(১) (২) …", "1 2 3": the printed column numbers, counting up from one */
export function isColumnNumberRow(source: SourceLine): boolean {
  const filled = filledCells(source);
  const numbers = (filled.length === 1 ? (filled[0] ?? '').split(/\s+/) : filled).map((cell) =>
    toAsciiDigits(cell).replace(/^\((\d+)\)$/, '$1'),
  );
  if (numbers.length < 3 || !numbers.every((n) => /^\d+$/.test(n))) return false;
  return numbers.every((n, index) => Number(n) === index + 1);
}

/** The standard seven columns, assumed for a service table that has no header row. */
export const STANDARD_SERVICE_COLUMNS: readonly ServiceColumn[] = ['serial', 'name', 'method', 'documents', 'fee', 'time', 'officer'];

/**
 * The columns of a service table without a header row, from its first row: the standard seven
 * when it has seven cells, else a serial first and the rest left for the cells to tell.
 */
export function assumedServiceColumns(source: SourceLine): (ServiceColumn | null)[] {
  if (source.cells.length === STANDARD_SERVICE_COLUMNS.length) return [...STANDARD_SERVICE_COLUMNS];
  return source.cells.map((_, index) => (index === 0 ? 'serial' : null));
}

/**
 * A header row in words the importer does not know ("ক্রঃনং | কার্যক্রম | …"), recognised by
 * the table under it: the row of its first service has as many cells. Its columns are those
 * its words name; the rest are left for the cells to tell.
 */
export function headerFromShape(header: SourceLine, firstRow: SourceLine): TableHeader | null {
  const cells = header.cells.map((cell) => cell.replace(/\s+/g, ' ').trim());
  const filled = cells.filter(Boolean);
  if (!header.tabular || filled.length < 3 || cells.length !== firstRow.cells.length) return null;
  if (filled.some((cell) => cell.length > 80 || /^[\d০-৯().।\s]+$/.test(cell))) return null;
  const columns = classifyServiceColumns(cells);
  if (columns.includes('serial') || filled.length === cells.length) {
    HEADER_TEXT.set(columns, { cells, line: header.line });
    return { kind: 'services', columns };
  }
  return null;
}

/**
 * The header rows, by line, that only the table under them shows to be headers: a row of
 * short cells followed (past column numbers and rules) by a row that starts with a serial and
 * has as many cells. Rows the words already recognise are left to recogniseHeader.
 */
export function findShapedHeaders(lines: readonly SourceLine[]): Map<number, TableHeader> {
  const headers = new Map<number, TableHeader>();
  const content = lines.filter((line) => filledCells(line).length > 0 && !/^[-=_:.|\s]+$/.test(line.raw) && !isColumnNumberRow(line));
  content.forEach((line, index) => {
    const next = content[index + 1];
    if (!next?.tabular || !LEADING_SERIAL.test(next.cells[0]?.trim() ?? '')) return;
    if (LEADING_SERIAL.test(line.cells[0]?.trim() ?? '') || recogniseHeader(line)) return;
    const header = headerFromShape(line, next);
    if (header) headers.set(line.line, header);
  });
  return headers;
}
