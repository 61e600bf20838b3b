// What a printed or saved charter carries besides the charter: page numbers, headers and
// footers repeated at page breaks (often the office's banner), a browser's print stamp, and
// the national portal's menus and credit lines. Found here so the reader never sees them.
import { banglaPattern, toAsciiDigits } from './bangla-text.ts';
import { hasListMarker } from './list-items.ts';
import { isGovernmentLine, namesAuthority, namesFieldOffice, withoutTrailingNotes } from './office-words.ts';
import { recogniseSection } from './sections.ts';
import { parseSerial } from './service-rows.ts';
import { filledCells, isBlank, type SourceLine } from './source-lines.ts';
import { isColumnNumberRow, recogniseHeader } from './table-header.ts';

/** "সেবা প্রদান প্রতিশ্রুতি (Citizen's Charter)", "নাগরিক সনদ": the document's title */
export const CHARTER_TITLE = banglaPattern(
  "নাগরিক\\s*(?:অধিকার\\s*)?সনদ|সিটিজেন[’'`]?স?\\s*চার্টার|সেবা\\s*প্রদান\\s*প্রতিশ্রুতি|সিঃ\\s*চাঃ|citizen[’'`]?s?\\s*charter",
  'iu',
);

const NUMBER = '[০-৯0-9]{1,3}';
const PAGE_WORD = '(?:পৃষ্ঠা|পৃষ্টা|পাতা|পেজ|page|pg\\.?|p\\.)';
const PAGE_NUMBERS = [
  // পৃষ্ঠা ২ এর ৫ · পৃষ্ঠা-২ · পৃষ্ঠা নং: ২ · Page 2 of 5 · page 2/5
  banglaPattern(`^${PAGE_WORD}\\s*(?:নং|নম্বর|no\\.?)?\\s*[-:ঃ.]?\\s*${NUMBER}(?:\\s*(?:এর|of|/|-)\\s*${NUMBER})?(?:\\s*(?:এর মধ্যে|টির মধ্যে))?\\.?$`, 'iu'),
  // ২ / ৫ · 2 of 5 · ৫ এর ২ পৃষ্ঠা
  banglaPattern(`^${NUMBER}\\s*(?:/|of|এর)\\s*${NUMBER}(?:\\s*${PAGE_WORD})?$`, 'iu'),
  // - 3 - · — ৩ — · [3]
  new RegExp(`^(?:[-–—=~_]+\\s*${NUMBER}\\s*[-–—=~_]+|\\[\\s*${NUMBER}\\s*\\])$`, 'u'),
];
const BARE_NUMBER = new RegExp(`^${NUMBER}$`, 'u');

// a browser's print header: "11/25/23, 10:15 AM   সিটিজেন চার্টার - …"
const PRINT_DATE = /^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4},?\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s|$)/i;
// a browser's print footer: the page's address and its page count
const PRINT_URL = /^(?:https?:\/\/|www\.)\S+\s+\d{1,3}\s*\/\s*\d{1,3}$/i;
const PAGE_URL = /^(?:https?:\/\/)?(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+\/\S*[a-z0-9%]\S*$/i;

const PORTAL_LINES = [
  // credit lines of the national portal (bangladesh.gov.bd and every *.gov.bd site under it)
  banglaPattern('^(?:পরিকল্পনা\\s*ও\\s*বাস্তবায়নে?|planning\\s*(?:&|and)\\s*implementation)(?:\\s|:|ঃ|$)', 'iu'),
  banglaPattern('^(?:কারিগরি\\s*(?:সহায়তায়|সহযোগিতায়|সহায়তা)|technical\\s*(?:assistance|support|partners?)|powered\\s*by|developed\\s*by|design(?:ed)?\\s*(?:&|and)\\s*develop)', 'iu'),
  banglaPattern('^(?:(?:সাইটটি|কন্টেন্টটি|কনটেন্টটি|পাতাটি)\\s*)?(?:সর্ব\\s*-?\\s*)?শেষ\\s*হাল\\s*-?\\s*নাগাদ', 'iu'),
  /^(?:(?:this\s*)?(?:site|page|content)\s*(?:was\s*)?)?last\s*updated/i,
  /^(?:©|copyright\b|কপিরাইট)/iu,
  // the portal's menus and buttons, saved with the page
  banglaPattern(
    '^(?:wel+come\\s*to\\s*(?:the\\s*)?national\\s*portal|মেনু\\s*নির্বাচন\\s*করুন|main\\s*co[mn]t?ent\\s*skipp?ed|skip\\s*to\\s*(?:main\\s*)?content|' +
      'text\\s*size(?:\\s*a)*|colou?r(?:\\s*c)*|(?:বাংলাদেশ\\s*)?জাতীয়\\s*তথ্য\\s*বাতায়ন|national\\s*portal\\s*of\\s*bangladesh|' +
      'ক[ন্]?টেন্ট\\s*:\\s*পাতা|পাতা|ডাউনলোড\\s*পিডিএফ\\s*ফাইল|সংযুক্তি(?:\\s*\\(একাধিক\\))?|ছবি|শেয়ার\\s*করুন|প্রিন্ট|share|print|sitemap|সাইটম্যাপ|' +
      'স্ক্রিন\\s*রিডার\\s*ডাউনলোড\\s*করুন|হটলাইন)$',
    'iu',
  ),
];

// the portal's navigation and social links, copied with the page: "প্রথম পাতা", "এক নজরে",
// "উপজেলা সম্পর্কিত", "লগইন | English", "ফেসবুক  টুইটার  ইউটিউব"
const MENU_ITEM = banglaPattern(
  '^(?:প্রথম\\s*পাতা|নীড়\\s*পাতা|হোম(?:\\s*পেজ)?|home|এক\\s*নজরে(?:\\s+\\S+){0,3}|(?:\\S+\\s+){0,3}সম্পর্কিত|আমাদের\\s*সম্পর্কে|সেবাসমূহ|ডাউনলোড(?:\\s*সমূহ)?|লগ\\s*ইন|log\\s*in|sign\\s*in|' +
    'english|বাংলা|ই-?\\s*সেবা(?:সমূহ)?|যোগাযোগ|সরকারি\\s*অফিস(?:সমূহ)?|অন্যান্য\\s*প্রতিষ্ঠান|প্রকল্পসমূহ|(?:ফটো\\s*)?গ্যালারি|নোটিশ\\s*বোর্ড|' +
    'ফরমস)$',
  'iu',
);
const SOCIAL_NETWORK = /^(?:ফেসবুক|টুইটার|ইউটিউব|লিংকডইন|লিঙ্কডইন|ইনস্টাগ্রাম|facebook|twitter|youtube|linkedin|instagram)$/iu;
// "প্রথম পাতা » সরকারি অফিস » সিটিজেন চার্টার": where the page sits on the portal
const BREADCRUMB = banglaPattern('^(?:প্রথম\\s*পাতা|নীড়\\s*পাতা|হোম|home)\\s*(?:»|>|›|→|/)', 'iu');

/** A line of the portal's menus, breadcrumbs or social links, however its items were split. */
export function isPortalMenu(cells: readonly string[]): boolean {
  const items = cells.flatMap((cell) => cell.split(/\s*[|•·]\s*|\s{2,}/u)).map((item) => item.trim()).filter(Boolean);
  if (items.length === 0) return false;
  const isSocial = (item: string) => item.split(/\s+/u).every((word) => SOCIAL_NETWORK.test(word));
  return BREADCRUMB.test(items.join(' ')) || items.every((item) => MENU_ITEM.test(item) || isSocial(item));
}

function lineText(source: SourceLine): string {
  return filledCells(source).join(' ').replace(/\s+/g, ' ').trim();
}

/** A page number in any of the ways charters print one, except a bare number (see below). */
export function isPageNumber(text: string): boolean {
  const trimmed = text.trim();
  return PAGE_NUMBERS.some((pattern) => pattern.test(trimmed));
}

/** The portal's credit lines, "last updated" stamps, menus, and a browser's print header or footer. */
export function isPortalFurniture(text: string): boolean {
  const trimmed = text.trim();
  const ascii = toAsciiDigits(trimmed);
  return PORTAL_LINES.some((pattern) => pattern.test(trimmed)) || PRINT_DATE.test(ascii) || PRINT_URL.test(ascii);
}

/** A line that only says what the document is ("সেবা প্রদান প্রতিশ্রুতি (Citizen's Charter)"), with or without the office. */
export function isCharterTitle(text: string): boolean {
  return CHARTER_TITLE.test(text) && text.length <= 160;
}

export interface PageFurniture {
  /** line numbers of the lines that are furniture, never content */
  dropped: Set<number>;
  /** the office's banner where it was dropped: the office's name when no header line gives it */
  banners: { text: string; line: number }[];
}

interface Candidate {
  index: number;
  source: SourceLine;
  text: string;
}

const NEAR = 3;

/**
 * Finds the furniture among a charter's lines. `pageStarts` are the line numbers where a new
 * page began (a form feed), when the source said so.
 */
export function findPageFurniture(all: readonly SourceLine[], pageStarts: ReadonlySet<number> = new Set()): PageFurniture {
  const lines = all.filter((source) => !isBlank(source));
  const texts = lines.map(lineText);
  const single = lines.map((source) => !source.tabular || filledCells(source).length === 1);
  const preambleEnd = firstContentIndex(lines, texts);
  const dropped = new Set<number>();
  const banners: PageFurniture['banners'] = [];
  const drop = (index: number) => {
    const source = lines[index];
    if (source) dropped.add(source.line);
  };

  // page breaks: a form feed, a page number, a print stamp, a table header printed again
  const pageBreak = lines.map((source, index) => {
    const text = texts[index] ?? '';
    return pageStarts.has(source.line) || (single[index] === true && (isPageNumber(text) || isPortalFurniture(text)));
  });
  markRepeatedHeaders(lines, pageBreak);
  const nearBreak = (index: number) =>
    index < NEAR || index >= lines.length - NEAR || pageBreak.slice(Math.max(0, index - NEAR), index + NEAR + 1).some(Boolean);

  let lastSerial: number | null = null;
  lines.forEach((source, index) => {
    const text = texts[index] ?? '';
    if (!single[index]) {
      const serial = parseSerial(source.cells[0] ?? '');
      lastSerial = serial ?? lastSerial;
      // a print header or footer set out in columns: "3/14/24, 11:05 AM | সিটিজেন চার্টার - …"
      if (serial === null && filledCells(source).length <= 3 && (isPageNumber(text) || isPortalFurniture(text))) drop(index);
      else if (serial === null && isPortalMenu(filledCells(source))) drop(index);
      // "সিলেট সিটি কর্পোরেশন | সেবা প্রদান প্রতিশ্রুতি": a banner set out in two columns
      else if (index > preambleEnd && isBannerRow(source, text)) {
        drop(index);
        banners.push({ text, line: source.line });
      }
      return;
    }
    if (isPageNumber(text) || isPortalFurniture(text) || isPortalMenu(source.cells)) drop(index);
    else if (BARE_NUMBER.test(text) && !source.tabular && isBarePageNumber(lines, index, lastSerial)) drop(index);
    else if (index > preambleEnd && recogniseSection(source) === null && (isCharterTitle(text) || isGovernmentLine(text) || (PAGE_URL.test(text) && !text.includes(' ')))) {
      drop(index);
      if (namesFieldOffice(text.replace(CHARTER_TITLE, ' '))) banners.push({ text, line: source.line });
    }
  });

  // running headers and footers: the same short line again and again at page breaks
  const repeats = new Map<string, Candidate[]>();
  lines.forEach((source, index) => {
    const text = texts[index] ?? '';
    if (!single[index] || dropped.has(source.line) || !mayRunAcrossPages(source, text)) return;
    const key = repeatKey(text);
    repeats.set(key, [...(repeats.get(key) ?? []), { index, source, text }]);
  });
  for (const occurrences of repeats.values()) {
    if (occurrences.length < 2) continue;
    const later = occurrences.filter((occurrence) => occurrence.index > preambleEnd);
    const inPreamble = later.length < occurrences.length;
    const officeBanner = occurrences.some(({ text }) => namesFieldOffice(text) || namesAuthority(text));
    const atBreaks = occurrences.filter(({ index }) => nearBreak(index)).length >= 2;
    if (!inPreamble && !officeBanner && !atBreaks) continue;
    for (const occurrence of later) {
      drop(occurrence.index);
      if (officeBanner) banners.push({ text: occurrence.text, line: occurrence.source.line });
    }
  }

  // the rest of a banner: an office's or authority's name printed with the title at a page break
  const isBannerPart = (index: number) => {
    const source = lines[index];
    const text = texts[index] ?? '';
    return source !== undefined && dropped.has(source.line) && (isCharterTitle(text) || isGovernmentLine(text) || namesFieldOffice(text) || namesAuthority(text));
  };
  for (let changed = true; changed; ) {
    changed = false;
    lines.forEach((source, index) => {
      const text = texts[index] ?? '';
      if (index <= preambleEnd || dropped.has(source.line) || !single[index] || text.length > 100) return;
      if (!(namesFieldOffice(text) || namesAuthority(text)) || hasListMarker(text) || recogniseSection(source) !== null) return;
      // a heading that merely says "সিটিজেন চার্টার" was not dropped, so an office under it stays
      if (!isBannerPart(index - 1) && !isBannerPart(index + 1)) return;
      drop(index);
      if (namesFieldOffice(text)) banners.push({ text, line: source.line });
      changed = true;
    });
  }

  banners.sort((a, b) => a.line - b.line);
  return { dropped, banners };
}

/** The line numbers where a page begins, from the form feeds that pdftotext writes. */
export function formFeedLines(text: string): Set<number> {
  const starts = new Set<number>();
  text.split(/\r\n|\r|\n/).forEach((line, index) => {
    if (line.includes('\f')) starts.add(index + 1);
  });
  return starts;
}

/** Where the charter's content begins: its first section, table or vision statement. */
function firstContentIndex(lines: readonly SourceLine[], texts: readonly string[]): number {
  const index = lines.findIndex((source, i) => {
    const section = recogniseSection(source);
    if (section && section.kind !== 'other') return true;
    if (recogniseHeader(source) !== null) return true;
    if (source.tabular && filledCells(source).length >= 3) return true;
    return /^(ভিশন|মিশন|রূপকল্প|অভিলক্ষ্য|vision|mission)\s*(?:\([^)]*\))?\s*(?::|ঃ)/iu.test(texts[i] ?? '');
  });
  return index === -1 ? lines.length : index;
}

/** A table header or column-number row printed again is where a new page began. */
function markRepeatedHeaders(lines: readonly SourceLine[], pageBreak: boolean[]): void {
  const seen = new Set<string>();
  lines.forEach((source, index) => {
    if (!source.tabular || (recogniseHeader(source) === null && !isColumnNumberRow(source))) return;
    const key = JSON.stringify(filledCells(source));
    if (seen.has(key)) pageBreak[index] = true;
    seen.add(key);
  });
}

/**
 * A number alone on a line is a page number unless it is the serial of the next service
 * (a PDF copy sometimes puts a row's serial on a line of its own).
 */
function isBarePageNumber(lines: readonly SourceLine[], index: number, lastSerial: number | null): boolean {
  const next = lines[index + 1];
  if (!next) return true;
  if (!next.tabular) return true;
  if (parseSerial(next.cells[0] ?? '') !== null) return true;
  if (recogniseHeader(next) !== null || isColumnNumberRow(next)) return true;
  const number = Number(toAsciiDigits(lineText(lines[index] ?? next)));
  return lastSerial === null ? number !== 1 : number !== lastSerial + 1;
}

function isBannerRow(source: SourceLine, text: string): boolean {
  return (
    filledCells(source).length <= 3 &&
    parseSerial(source.cells[0] ?? '') === null &&
    isCharterTitle(text) &&
    recogniseHeader(source) === null &&
    recogniseSection(source) === null
  );
}

function mayRunAcrossPages(source: SourceLine, text: string): boolean {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  if (letters < 4 || text.length > 150) return false;
  if (recogniseSection(source) !== null || recogniseHeader(source) !== null) return false;
  return !hasListMarker(text);
}

function repeatKey(text: string): string {
  return toAsciiDigits(withoutTrailingNotes(text))
    .toLowerCase()
    .replace(/\d+/g, '#')
    .replace(/[\s,;:।.|–—-]+/g, ' ')
    .trim();
}
