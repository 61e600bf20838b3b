// What a service table's cells look like: a fee, a time limit, an officer, documents, a way of
// delivery. Places columns whose header does not say what they hold, and finds the cell a
// merged cell took out of a row.
import { banglaPattern, cleanCellText, toAsciiDigits } from './bangla-text.ts';
import { findContactStart } from './contacts.ts';
import { parseFee } from './fee.ts';
import type { ServiceColumn } from './table-header.ts';
import type { SourceLine } from './source-lines.ts';
import { parseTimeLimit } from './time-limit.ts';

const MONEY = banglaPattern('টাকা|taka|tk\\.?|bdt|৳|\\d\\s*\\/[-=]|চালান|challan|ফি(?![\\p{L}\\p{M}])|fee', 'iu');
// "২৪৫.০০", "৭.৫০": a figure with paisa is an amount, never a number of days
const PAISA = /^\d{1,7}(?:,\d{2,3})*\.\d{2}$/;
const POLICY_FEE = banglaPattern('নীতিমালা|নির্ধারিত\\s*(?:হারে|ফি)|সরকার\\s*নির্ধারিত', 'iu');

const DESIGNATION = banglaPattern(
  [
    'কর্মকর্তা', 'অফিসার', 'কমিশনার', 'প্রকৌশলী', 'চেয়ারম্যান', 'সচিব', 'পরিচালক', 'ইনচার্জ', 'ইনর্চাজ',
    'প্রোগ্রামার', 'রেজিস্ট্রার', 'রেজিষ্টার', 'রেজিষ্ট্রার', 'ম্যাজিস্ট্রেট', 'চিকিৎসক', 'তত্ত্বাবধায়ক',
    'ব্যবস্থাপক', 'সহকারী', 'সহকারি', 'ইউএনও', 'এসপি', 'ওসি', 'প্রশাসক', 'মেয়র', 'কাউন্সিলর', 'হিসাবরক্ষক',
    'officer', 'commissioner', 'engineer', 'director', 'chairman', 'secretary', 'in-?charge', 'registrar',
    'manager', 'mayor', 'superintendent', 'assistant',
  ].join('|'),
  'iu',
);
const DOCUMENTS = banglaPattern(
  'আবেদন|ফরম|ফর্ম|কপি|সনদ|ছবি|পরিচয়\\s*পত্র|কাগজ|দলিল|প্রত্যয়ন|রশিদ|খতিয়ান|application|form|copy|certificate|photo|nid|deed',
  'iu',
);
const METHOD = banglaPattern(
  'সরাসরি|অনলাইন|ডাকযোগ|ই-?মেইল|ওয়েব|মাধ্যমে|উপস্থিত|in person|online|by post|e-?mail|website|through',
  'iu',
);
const NOT_A_TIME = banglaPattern('শুনান[িী]\\s*সাপেক্ষে|চলমান\\s*প্রক্রিয়া|আইনানুসারে|as per rules', 'iu');

function looksLikeFee(text: string): boolean {
  const fee = parseFee(text);
  if (fee.free) return true;
  const digits = toAsciiDigits(text.trim());
  if (PAISA.test(digits)) return true;
  return (fee.amount_bdt !== null && MONEY.test(text)) || POLICY_FEE.test(text);
}

function looksLikeTime(text: string): boolean {
  if (MONEY.test(text) || PAISA.test(toAsciiDigits(text.trim()))) return false;
  const { limit } = parseTimeLimit(text);
  return limit.unit !== null || limit.immediate || limit.on_demand || NOT_A_TIME.test(text);
}

function looksLikeOfficer(text: string): boolean {
  return DESIGNATION.test(text) || findContactStart(text) >= 0;
}

/** Whether a cell's text is what a column of this kind holds. */
export function cellFits(kind: ServiceColumn, raw: string): boolean {
  const text = cleanCellText(raw);
  if (text === '') return false;
  switch (kind) {
    case 'fee':
      return looksLikeFee(text);
    case 'time':
      return looksLikeTime(text);
    case 'officer':
    case 'superior':
      return looksLikeOfficer(text) && !looksLikeTime(text);
    case 'documents':
    case 'source':
      return DOCUMENTS.test(text) && !looksLikeFee(text);
    case 'method':
      return METHOD.test(text) && !looksLikeFee(text) && !looksLikeTime(text);
    case 'serial':
      return /^\(?[0-9০-৯]{1,3}\s*[.।):]?\)?$/.test(text);
    case 'name':
    case 'remedy':
      return /\p{L}/u.test(text);
  }
}

// the kinds a cell shows plainly, in the order a doubtful cell is given them
const TELLING_KINDS: ServiceColumn[] = ['fee', 'time', 'officer', 'documents', 'method'];

/** The kind a cell plainly shows, if any. */
function tellingKind(text: string): ServiceColumn | null {
  return TELLING_KINDS.find((kind) => cellFits(kind, text)) ?? null;
}

const SHARE_NEEDED = 0.6;

/**
 * Fills the columns a header left unnamed from what their cells look like: the fee column
 * holds money or "বিনামূল্যে", the time-limit column "৭ কার্যদিবস", the officer column posts
 * and phone numbers. A kind the header already names is not given twice; a second
 * officer-like column is the superior officer. The first column still unknown that holds
 * text is the service's name when no column is. `fixed` marks columns that must stay unknown.
 */
export function completeColumns(
  columns: readonly (ServiceColumn | null)[],
  rows: readonly (readonly string[])[],
  fixed: readonly boolean[] = [],
): (ServiceColumn | null)[] {
  const result = [...columns];
  const open = result.map((column, index) => column === null && !fixed[index]);
  const cellsOf = (index: number) => rows.map((row) => row[index] ?? '').filter((text) => cleanCellText(text) !== '');
  const share = (index: number, kind: ServiceColumn) => {
    const cells = cellsOf(index);
    return cells.length === 0 ? 0 : cells.filter((text) => cellFits(kind, text)).length / cells.length;
  };

  if (!result.includes('serial') && open[0] && share(0, 'serial') >= SHARE_NEEDED) {
    result[0] = 'serial';
    open[0] = false;
  }
  const place = (kinds: readonly ServiceColumn[]) => {
    const candidates: { index: number; kind: ServiceColumn; score: number }[] = [];
    for (const [index, isOpen] of open.entries()) {
      if (!isOpen) continue;
      for (const kind of kinds) {
        const score = share(index, kind);
        if (score >= SHARE_NEEDED) candidates.push({ index, kind, score });
      }
    }
    // the most certain placements first; ties go to the kind listed first
    candidates.sort((a, b) => b.score - a.score || kinds.indexOf(a.kind) - kinds.indexOf(b.kind) || a.index - b.index);
    for (const { index, kind } of candidates) {
      if (!open[index]) continue;
      const placed = kind === 'officer' && result.includes('officer') ? 'superior' : kind;
      if (result.includes(placed)) continue;
      result[index] = placed;
      open[index] = false;
    }
  };
  // money, durations and posts are unmistakable; the name comes next, before the columns
  // whose words ("সনদ", "আবেদন") a service's name may share
  place(['fee', 'time', 'officer']);
  if (!result.includes('name')) {
    const index = open.findIndex((isOpen, i) => isOpen && cellsOf(i).some((text) => /\p{L}/u.test(text)));
    if (index !== -1) {
      result[index] = 'name';
      open[index] = false;
    }
  }
  place(['documents', 'method']);
  return result;
}

/** How well the cells sit under the columns: a cell plainly of another kind counts against. */
function fitScore(columns: readonly (ServiceColumn | null)[], cells: readonly (string | null)[]): number {
  let score = 0;
  cells.forEach((text, index) => {
    const column = columns[index];
    if (text === null || column === null || column === undefined || cleanCellText(text) === '') return;
    if (cellFits(column, text)) score += TELLING_KINDS.includes(column) ? 1 : 0;
    else if (tellingKind(text) !== null) score -= 1;
  });
  return score;
}

/**
 * How many cells the line shows, empty ones at its end included: the reader drops those, but a
 * row that ends in an empty cell is not one cell short.
 */
function visibleCellCount(source: SourceLine): number {
  const raw = source.raw.trim();
  if (source.raw.includes('\t')) return source.raw.replace(/^\t+/, '').split('\t').length + (source.raw.match(/^\t+/)?.[0].length ?? 0);
  const htmlCells = source.raw.match(/<\/t[dh]>/gi)?.length ?? 0;
  if (htmlCells > 0) return Math.max(htmlCells, source.cells.length);
  if (raw.includes('|')) {
    const pipes = raw.match(/\|/g)?.length ?? 0;
    return pipes + 1 - (raw.startsWith('|') ? 1 : 0) - (raw.endsWith('|') ? 1 : 0);
  }
  return source.cells.length;
}

/**
 * A row one cell short of its header: which column its cells skip. A merged cell (one officer
 * for several services) loses its place in every row but the first when the table is copied,
 * and the cells after it move one column left. Null when the cells fit best as they are, the
 * missing one being the last.
 */
export function missingColumnOf(source: SourceLine, columns: readonly (ServiceColumn | null)[]): number | null {
  const cells = source.cells;
  if (visibleCellCount(source) !== columns.length - 1 || columns.length < 3) return null;
  const last = columns.length - 1;
  let best = last;
  let bestScore = fitScore(columns, cells);
  for (let gap = last - 1; gap >= 1; gap--) {
    const shifted = [...cells.slice(0, gap), null, ...cells.slice(gap)];
    const score = fitScore(columns, shifted);
    if (score > bestScore) {
      best = gap;
      bestScore = score;
    }
  }
  return best === last ? null : best;
}
