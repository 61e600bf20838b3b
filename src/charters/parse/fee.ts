// The fee cell (সেবার মূল্য ও পরিশোধ পদ্ধতি): free, an amount in taka, or a policy to look up.

import type { Fee, FeeAmount } from '../model.ts';
import { banglaPattern, cleanCellText, removeNumberGlosses, replaceNumberWords, toAsciiDigits, toBanglaDigits } from './bangla-text.ts';

const FREE = banglaPattern(
  'বিনা\\s*মূল্য|বিনা\\s*মুল্য|বিনা\\s*খরচ|বিনা\\s*ফি|বিনা\\s*পয়সায়|ফ্রি(?![\\p{L}\\p{M}])|\\bfree\\b|\\bno\\s+(?:fee|charge|cost)\\b|' +
    'নিঃ?\\s*শুল্ক|বিনা\\s*শুল্কে|' +
    'কোন(?:ো)?\\s*(?:সেবা\\s*)?(?:ফি|মূল্য|টাকা)\\s*(?:নেই|লাগে\\s*না|লাগবে\\s*না|দিতে\\s*হয়\\s*না)|' +
    // "সেবামূল্য নেই; ঋণের উপর ৫% সার্ভিস চার্জ": the service itself costs nothing
    '^(?:সেবা\\s*)?(?:মূল্য|ফি)\\s*(?:নেই|লাগে\\s*না|লাগবে\\s*না)',
  'iu',
);

const AMOUNT = '(?<![\\d.,])(\\d{1,3}(?:,\\d{2,3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)';
// "টাঃ ৫০০", "৫০০ টা.": the short forms of টাকা, never the counter of "একটা"
const CURRENCY = banglaPattern('টাকা|(?<![\\p{L}\\p{M}])টা(?:ঃ|\\.)|taka|tk\\.?|bdt|৳').source;
// "ফি ২০০": the word for fee in front of a figure names it as an amount too
const FEE_WORD = banglaPattern('(?<![\\p{L}\\p{M}])(?:ফি|ফিস|fee)(?![\\p{L}\\p{M}])').source;
const CURRENCY_THEN_AMOUNT = new RegExp(`(?:${CURRENCY}|${FEE_WORD})\\s*[:=]?\\s*${AMOUNT}`, 'iu');
const AMOUNT_THEN_CURRENCY = new RegExp(`${AMOUNT}\\s*(?:\\/[-=]|(?:${CURRENCY}))`, 'iu');
const BARE_AMOUNT = new RegExp(`^${AMOUNT}\\s*(?:\\/[-=])?$`, 'u');
const WITH_PAISA = '(?<![\\d.,])(\\d{1,3}(?:,\\d{2,3})*\\.\\d{2}|\\d+\\.\\d{2})(?![\\d.])';
// "বর্গফুট প্রতি ২.৫০": taka and paisa need no currency word to be a sum
const PAISA_AMOUNT = new RegExp(WITH_PAISA, 'u');
const STARTS_WITH_CURRENCY = new RegExp(`^\\s*(?:${CURRENCY})`, 'iu');

function readAmount(text: string): number | null {
  const digits = removeNumberGlosses(toAsciiDigits(text)).text;
  const withWordsAsDigits = replaceNumberWords(digits, (after) => STARTS_WITH_CURRENCY.test(after));
  const candidates = [AMOUNT_THEN_CURRENCY, CURRENCY_THEN_AMOUNT, BARE_AMOUNT, PAISA_AMOUNT]
    .map((pattern) => pattern.exec(withWordsAsDigits))
    .filter((match) => match !== null)
    .sort((a, b) => a.index - b.index);
  const amount = candidates[0]?.[1];
  if (amount === undefined) return null;
  const value = Number(amount.replace(/,/g, ''));
  return Number.isFinite(value) ? value : null;
}

// an amount with its currency, either side ("১০০ টাকা", "২০০/-", "Tk. 50"), or with paisa ("৩৪৫.০০")
const PRICED_AMOUNT = new RegExp(`${AMOUNT_THEN_CURRENCY.source}|(?:${CURRENCY})\\s*[:=]?\\s*${AMOUNT}|${WITH_PAISA}`, 'giu');
// "(একশত)", "মাত্র", "প্রতি", separators: what surrounds an amount without saying when it applies
const CONDITION_EDGES = banglaPattern('^[\\s,;:/|।.\\-–—=)]+|[\\s,;:/|।.\\-–—=(]+$|^\\s*মাত্র\\b', 'gu');

const LEADING_JOINER = banglaPattern('^(?:and|or|ও|এবং|অথবা)(?:\\s+|$)', 'iu');

function conditionText(part: string, banglaDigits: boolean): string | null {
  const text = part.replace(CONDITION_EDGES, '').replace(LEADING_JOINER, '').replace(/^\(([^()]*)\)$/, '$1').trim();
  if (!/[\p{L}]/u.test(text)) return null;
  return banglaDigits ? toBanglaDigits(text) : text;
}

/**
 * "সাধারণ: ১০০ টাকা, জরুরি: ৩০০ টাকা", "১ম শ্রেণি ২০০/- ২য় শ্রেণি ১০০/-": every amount with the
 * words that say when it applies, those before it, or after it when the first amount has none
 * before ("১০০ টাকা (সাধারণ), ৩০০ টাকা (জরুরি)"). Empty unless there are two amounts or more.
 */
function readSchedule(cleaned: string): FeeAmount[] {
  const text = removeNumberGlosses(toAsciiDigits(cleaned)).text;
  const banglaDigits = /[০-৯]/.test(cleaned);
  const matches = [...text.matchAll(PRICED_AMOUNT)];
  if (matches.length < 2) return [];
  const amounts = matches.map((match) => Number((match[1] ?? match[2] ?? match[3] ?? '').replace(/,/g, '')));
  if (amounts.some((amount) => !Number.isFinite(amount))) return [];
  const before = matches.map((match, i) => text.slice(i === 0 ? 0 : (matches[i - 1]?.index ?? 0) + (matches[i - 1]?.[0].length ?? 0), match.index));
  const after = matches.map((match, i) => text.slice(match.index + match[0].length, matches[i + 1]?.index ?? text.length));
  const labelledAfter = conditionText(before[0] ?? '', false) === null && after.every((part) => conditionText(part, false) !== null);
  return amounts.map((amount_bdt, i) => ({ amount_bdt, condition_bn: conditionText((labelledAfter ? after : before)[i] ?? '', banglaDigits) }));
}

export function parseFee(text: string): Fee {
  const cleaned = cleanCellText(text);
  if (cleaned === '') return { text: null, free: false, amount_bdt: null, schedule: [] };
  // "বিনামূল্যে / বিদ্যমান নীতিমালা অনুযায়ী": free is the promise; the alternative is for exceptions.
  // "১৫/- টাকা (ভর্তি ফি), শয্যা বিনামূল্যে": an amount named first is what the service costs.
  const free = FREE.exec(cleaned);
  if (free && !readAmount(cleaned.slice(0, free.index))) return { text: cleaned, free: true, amount_bdt: null, schedule: [] };
  const schedule = readSchedule(cleaned);
  const amount = schedule[0]?.amount_bdt ?? readAmount(cleaned);
  return { text: cleaned, free: amount === 0, amount_bdt: amount, schedule };
}
