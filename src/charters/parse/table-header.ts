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
const SERIAL_HEADER = /^(ক্রমিক|ক্রম(?:\s|$)|ক্র(?::|ঃ|\.)|নং|no\.?$|s\.?\s?no|sl\.?|serial)/i;

const SERVICE_COLUMN_PATTERNS: [ServiceColumn, RegExp][] = [
  ['serial', SERIAL_HEADER],
  ['remedy', /প্রতিকার|ব্যর্থ হলে|remedy/i],
  ['superior', /[উঊ]র্ধ?্?ব?তন|superior/i],
  ['time', /সময়সীমা|সময় সীমা|সময়|time\s*limit|deadline/i],
  ['fee', /মূল্য|মুল্য|(?:^|\s)ফি(?:স|\s|$|\/|,)|পরিশোধ|চার্জ|fee|cost|charge/i],
  // "কাগজপত্র প্রাপ্তির স্থান" is where to get them; "কাগজপত্র ও প্রাপ্তিস্থান" is both in one column
  ['source', /^(?!.*(?:ও|এবং|\/|,)\s*প্রাপ্তি).*প্রাপ্তি(?:র)?\s*স্থান|^(?!.*document).*where to (get|obtain)/i],
  ['documents', /কাগজ|দলিল|document/i],
  ['officer', /কর্মকর্তা|দায়িত্বপ্রাপ্ত|officer/i],
  ['method', /পদ্ধতি|প্রক্রিয়া|উপায়|সেবা প্রদানের ধর[নণ]|method|procedure|how to/i],
  ['name', /সেবা\s*(?:সমূহ(?:ের)?\s*)?(?:র\s*)?(?:নাম|বিবরণ|ধর[নণ]|শিরোনাম)|^সেবা(?:সমূহ)?$|service/i],
];

const GRS_COLUMN_PATTERNS: [GrsColumn, RegExp][] = [
  ['serial', SERIAL_HEADER],
  ['when', /কখন/],
  ['whom', /কার সঙ্গে|কার সাথে|কাহার|যোগাযোগ করবেন/],
  ['address', /ঠিকানা|যোগাযোগের/],
  ['time', /সময়সীমা|সময়/],
];

function classify<C extends string>(cells: string[], patterns: [C, RegExp][]): (C | null)[] {
  return cells.map((cell) => patterns.find(([, pattern]) => pattern.test(cell.trim()))?.[0] ?? null);
}

export function recogniseHeader(source: SourceLine): TableHeader | null {
  const cells = source.cells.map((cell) => cell.replace(/\s+/g, ' ').trim());
  if (filledCells(source).length < 2) return null;
  const joined = cells.join(' ');

  if (/কখন\s*যোগাযোগ/.test(joined) || (/কখন/.test(joined) && /(সঙ্গে|সাথে)/.test(joined))) {
    return { kind: 'grs', columns: classify(cells, GRS_COLUMN_PATTERNS) };
  }
  if (/করণীয়|করণীয়|প্রত্যাশা/.test(joined) && !/সেবার নাম/.test(joined)) {
    return {
      kind: 'expectations',
      columns: cells.map((cell) => (/^(ক্রমিক|ক্রম|নং|sl)/i.test(cell) ? 'serial' : cell ? 'text' : null)),
    };
  }
  // Two columns of one kind stay that kind ("সেবার মূল্য" then "পরিশোধ পদ্ধতি" are both the
  // fee): the row reader keeps them apart and the field joins them. Dropping the second would
  // send its text to the table's last column, which is usually the officer.
  const columns = classify(cells, SERVICE_COLUMN_PATTERNS);
  const known = new Set(columns.filter((column) => column !== null));
  if (known.size < 3 || !known.has('name') || cells.some((cell) => cell.length > 120)) return null;
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
export const STANDARD_SERVICE_COLUMNS: ServiceColumn[] = ['serial', 'name', 'method', 'documents', 'fee', 'time', 'officer'];
