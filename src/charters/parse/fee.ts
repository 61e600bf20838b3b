// The fee cell (সেবার মূল্য ও পরিশোধ পদ্ধতি): free, an amount in taka, or a policy to look up.

import type { Fee } from '../model.ts';
import { banglaPattern, cleanCellText, removeNumberGlosses, replaceNumberWords, toAsciiDigits } from './bangla-text.ts';

const FREE = banglaPattern(
  'বিনা\\s*মূল্য|বিনা\\s*মুল্য|বিনা\\s*খরচ|বিনা\\s*ফি|বিনা\\s*পয়সায়|ফ্রি(?![\\p{L}\\p{M}])|\\bfree\\b|\\bno\\s+(?:fee|charge|cost)\\b|' +
    'কোন(?:ো)?\\s*(?:ফি|মূল্য|টাকা)\\s*(?:নেই|লাগে\\s*না|লাগবে\\s*না|দিতে\\s*হয়\\s*না)',
  'iu',
);

const AMOUNT = '(?<![\\d.,])(\\d{1,3}(?:,\\d{2,3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)';
const CURRENCY = banglaPattern('টাকা|taka|tk\\.?|bdt|৳').source;
// "ফি ২০০": the word for fee in front of a figure names it as an amount too
const FEE_WORD = banglaPattern('(?<![\\p{L}\\p{M}])(?:ফি|ফিস|fee)(?![\\p{L}\\p{M}])').source;
const CURRENCY_THEN_AMOUNT = new RegExp(`(?:${CURRENCY}|${FEE_WORD})\\s*[:=]?\\s*${AMOUNT}`, 'iu');
const AMOUNT_THEN_CURRENCY = new RegExp(`${AMOUNT}\\s*(?:\\/[-=]|(?:${CURRENCY}))`, 'iu');
const BARE_AMOUNT = new RegExp(`^${AMOUNT}\\s*(?:\\/[-=])?$`, 'u');
const STARTS_WITH_CURRENCY = new RegExp(`^\\s*(?:${CURRENCY})`, 'iu');

function readAmount(text: string): number | null {
  const digits = removeNumberGlosses(toAsciiDigits(text)).text;
  const withWordsAsDigits = replaceNumberWords(digits, (after) => STARTS_WITH_CURRENCY.test(after));
  const candidates = [AMOUNT_THEN_CURRENCY, CURRENCY_THEN_AMOUNT, BARE_AMOUNT]
    .map((pattern) => pattern.exec(withWordsAsDigits))
    .filter((match) => match !== null)
    .sort((a, b) => a.index - b.index);
  const amount = candidates[0]?.[1];
  if (amount === undefined) return null;
  const value = Number(amount.replace(/,/g, ''));
  return Number.isFinite(value) ? value : null;
}

export function parseFee(text: string): Fee {
  const cleaned = cleanCellText(text);
  if (cleaned === '') return { text: null, free: false, amount_bdt: null };
  // "বিনামূল্যে / বিদ্যমান নীতিমালা অনুযায়ী": free is the promise; the alternative is for exceptions.
  // "১৫/- টাকা (ভর্তি ফি), শয্যা বিনামূল্যে": an amount named first is what the service costs.
  const free = FREE.exec(cleaned);
  if (free && !readAmount(cleaned.slice(0, free.index))) return { text: cleaned, free: true, amount_bdt: null };
  const amount = readAmount(cleaned);
  return { text: cleaned, free: amount === 0, amount_bdt: amount };
}
