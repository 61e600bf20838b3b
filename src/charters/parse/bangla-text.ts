// Bangla text as it arrives from charter PDFs and web pages: two Unicode spellings of some
// letters, Bangla digits, stray HTML, and numbers written out as words.

export { toAsciiDigits, toBanglaDigits } from '../../core/format.ts';

export function normaliseBangla(s: string): string {
  // NFC turns the precomposed ড় ঢ় য় (U+09DC, U+09DD, U+09DF are composition exclusions) into
  // letter + nukta, the spelling the seed charters already use; old fonts write ৎ as ত্ + ZWJ.
  // A zero-width non-joiner, or a joiner away from a hasanta (র‍্যাব keeps its one), only
  // changes how a word is drawn: "কার্য\u200Cদিবস" is the word কার্যদিবস.
  return s
    .normalize('NFC')
    .replace(/\u09A4\u09CD\u200D/g, '\u09CE')
    .replace(/[\u200B\u200C\uFEFF]/g, '')
    .replace(/(?<!\u09CD)\u200D(?!\u09CD)/g, '');
}

/** A RegExp whose Bangla literals match normalised text, however the source file spells them. */
export function banglaPattern(source: string, flags = ''): RegExp {
  return new RegExp(normaliseBangla(source), flags);
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ',
  ndash: '–', mdash: '—', zwnj: '\u200C', zwj: '\u200D',
};

function decodeEntities(s: string): string {
  return s.replace(/&(#[0-9]{1,7}|#x[0-9a-f]{1,6}|[a-z]+);/gi, (entity, body: string) => {
    if (!body.startsWith('#')) return NAMED_ENTITIES[body.toLowerCase()] ?? entity;
    const hex = body[1] === 'x' || body[1] === 'X';
    const codePoint = Number.parseInt(body.slice(hex ? 2 : 1), hex ? 16 : 10);
    const isScalar = codePoint <= 0x10ffff && (codePoint < 0xd800 || codePoint > 0xdfff);
    return isScalar ? String.fromCodePoint(codePoint) : entity;
  });
}

/** The cell's lines with tags, entities and markdown bold removed; `<br>` starts a new line. */
export function cleanCellLines(s: string): string[] {
  const withoutTags = s
    .replace(/<(https?:\/\/[^<>\s]+)>/gi, '$1')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>/gi, '')
    .replace(/\*\*/g, '');
  return normaliseBangla(decodeEntities(withoutTags))
    .split(/[\r\n]+/)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '');
}

export function cleanCellText(s: string): string {
  return cleanCellLines(s).join(' ');
}

// 1–100 in the spelling of the Bangla Academy; common variants below. Keys are compared after
// numberWordKey, which already forgives a missing chandrabindu, ঊ/উ and a final -ো.
const ONE_TO_A_HUNDRED = [
  'এক দুই তিন চার পাঁচ ছয় সাত আট নয় দশ',
  'এগারো বারো তেরো চৌদ্দ পনেরো ষোলো সতেরো আঠারো উনিশ বিশ',
  'একুশ বাইশ তেইশ চব্বিশ পঁচিশ ছাব্বিশ সাতাশ আটাশ উনত্রিশ ত্রিশ',
  'একত্রিশ বত্রিশ তেত্রিশ চৌত্রিশ পঁয়ত্রিশ ছত্রিশ সাঁইত্রিশ আটত্রিশ উনচল্লিশ চল্লিশ',
  'একচল্লিশ বিয়াল্লিশ তেতাল্লিশ চুয়াল্লিশ পঁয়তাল্লিশ ছেচল্লিশ সাতচল্লিশ আটচল্লিশ উনপঞ্চাশ পঞ্চাশ',
  'একান্ন বাহান্ন তিপ্পান্ন চুয়ান্ন পঞ্চান্ন ছাপ্পান্ন সাতান্ন আটান্ন উনষাট ষাট',
  'একষট্টি বাষট্টি তেষট্টি চৌষট্টি পঁয়ষট্টি ছেষট্টি সাতষট্টি আটষট্টি উনসত্তর সত্তর',
  'একাত্তর বাহাত্তর তিয়াত্তর চুয়াত্তর পঁচাত্তর ছিয়াত্তর সাতাত্তর আটাত্তর উনআশি আশি',
  'একাশি বিরাশি তিরাশি চুরাশি পঁচাশি ছিয়াশি সাতাশি অষ্টআশি উননব্বই নব্বই',
  'একানব্বই বিরানব্বই তিরানব্বই চুরানব্বই পঁচানব্বই ছিয়ানব্বই সাতানব্বই আটানব্বই নিরানব্বই একশো',
].join(' ').split(' ');

const VARIANT_NUMBER_WORDS: Record<string, number> = {
  'শূন্য': 0, 'দু': 2, 'ছ': 6, 'চোদ্দ': 14, 'বেয়াল্লিশ': 42, 'বায়ান্ন': 52, 'আটাশি': 88, 'অষ্টাশি': 88, 'উনাশি': 79,
};

const MULTIPLIERS: Record<string, number> = {
  'শত': 100, 'শ': 100, 'হাজার': 1000, 'লক্ষ': 100000, 'লাখ': 100000, 'কোটি': 10000000,
};

function numberWordKey(word: string): string {
  return normaliseBangla(word).replace(/\u0981/g, '').replace(/\u098A/g, '\u0989').replace(/\u09CB$/, '');
}

function keyedTable(entries: Array<[string, number]>): Map<string, number> {
  return new Map(entries.map(([word, value]) => [numberWordKey(word), value]));
}

const NUMBER_WORDS = keyedTable([
  ...ONE_TO_A_HUNDRED.map((word, index): [string, number] => [word, index + 1]),
  ...Object.entries(VARIANT_NUMBER_WORDS),
]);
const MULTIPLIER_WORDS = keyedTable(Object.entries(MULTIPLIERS));

type NumberToken = { kind: 'number' | 'multiplier'; value: number };

function readNumberToken(word: string): NumberToken[] | null {
  const key = numberWordKey(word);
  const withoutCounter = key.replace(/(?:টি|টা)$/, '');
  return readNumberKey(key) ?? (withoutCounter === key ? null : readNumberKey(withoutCounter));
}

function readNumberKey(key: string): NumberToken[] | null {
  const number = NUMBER_WORDS.get(key);
  if (number !== undefined) return [{ kind: 'number', value: number }];
  const multiplier = MULTIPLIER_WORDS.get(key);
  if (multiplier !== undefined) return [{ kind: 'multiplier', value: multiplier }];
  for (const [suffix, value] of MULTIPLIER_WORDS) {
    const head = NUMBER_WORDS.get(key.slice(0, -suffix.length));
    if (key.endsWith(suffix) && head !== undefined) {
      return [{ kind: 'number', value: head }, { kind: 'multiplier', value }];
    }
  }
  return null;
}

/** "সাত" → 7, "একশত পঁচিশ" → 125, "দুই হাজার" → 2000; null unless every word is part of the number. */
export function parseBanglaNumberWords(s: string): number | null {
  const words = s.split(/[\s\-–,]+/).filter((word) => word !== '');
  const tokens: NumberToken[] = [];
  for (const word of words) {
    const read = readNumberToken(word);
    if (read === null) return null;
    tokens.push(...read);
  }
  if (tokens.length === 0) return null;
  let total = 0;
  let group = 0;
  let groupHasNumber = false;
  let lastLargeMultiplier = Infinity;
  for (const token of tokens) {
    if (token.kind === 'number') {
      if (groupHasNumber) return null;
      group += token.value;
      groupHasNumber = true;
    } else if (token.value === 100) {
      if (group >= 100) return null;
      group = (group || 1) * 100;
      groupHasNumber = false;
    } else {
      if (token.value >= lastLargeMultiplier) return null;
      total += (group || 1) * token.value;
      group = 0;
      groupHasNumber = false;
      lastLargeMultiplier = token.value;
    }
  }
  return total + group;
}

const BANGLA_WORD = /[\u0980-\u09E5\u09F0-\u09FF\u200C\u200D]+/g;
const LONGEST_NUMBER_PHRASE = 6;
const FOLLOWING_TEXT_SHOWN = 40;

/**
 * Writes number words as ASCII digits where `accept` agrees, given the next few dozen characters:
 * "নয়" is also "not", so a caller only accepts words followed by what it expects (a unit).
 */
export function replaceNumberWords(s: string, accept: (textAfter: string) => boolean): string {
  const words = [...s.matchAll(BANGLA_WORD)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  let result = '';
  let cursor = 0;
  let i = 0;
  while (i < words.length) {
    let matched = false;
    for (let j = Math.min(words.length, i + LONGEST_NUMBER_PHRASE) - 1; j >= i; j--) {
      const first = words[i];
      const last = words[j];
      if (first === undefined || last === undefined) continue;
      const phrase = s.slice(first.start, last.end);
      if (!/^[\u0980-\u09FF\u200C\u200D\s\-–]+$/.test(phrase)) continue;
      const value = parseBanglaNumberWords(phrase);
      if (value === null || !accept(s.slice(last.end, last.end + FOLLOWING_TEXT_SHOWN))) continue;
      result += s.slice(cursor, first.start) + String(value);
      cursor = last.end;
      i = j + 1;
      matched = true;
      break;
    }
    if (!matched) i++;
  }
  return result + s.slice(cursor);
}

export interface NumberGlossMismatch {
  written: number;
  spelled: number;
}

/**
 * Drops the spelled-out repeat after a number, "২৪ (চব্বিশ)" or "১০০/-(একশত)", keeping the
 * digits (expects ASCII digits). A repeat that disagrees with the digits is reported.
 */
export function removeNumberGlosses(s: string): { text: string; mismatches: NumberGlossMismatch[] } {
  const mismatches: NumberGlossMismatch[] = [];
  const text = s.replace(
    /(?<![\d,.])(\d[\d,]*(?:\.\d+)?)(\s*\/[-=])?\s*\(\s*([^()]{1,80}?)\s*\)/g,
    (whole, digits: string, slashDash: string | undefined, gloss: string) => {
      const spelled = parseBanglaNumberWords(gloss);
      if (spelled === null) return whole;
      const written = Number(digits.replace(/,/g, ''));
      if (written !== spelled) mismatches.push({ written, spelled });
      return digits + (slashDash ?? '');
    },
  );
  return { text, mismatches };
}
