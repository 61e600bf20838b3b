// Numbers, dates and times as a reader of either language writes them: the one digit
// converter and the one date formatter of the program. Dates are Asia/Dhaka dates.
import type { Lang } from './i18n/index.ts';

const BANGLA_DIGITS = '০১২৩৪৫৬৭৮৯';
const DHAKA = 'Asia/Dhaka';

export function toBanglaDigits(text: string): string {
  return text.replace(/[0-9]/g, (digit) => BANGLA_DIGITS.charAt(Number(digit)));
}

export function toAsciiDigits(text: string): string {
  return text.replace(/[০-৯]/g, (digit) => String(BANGLA_DIGITS.indexOf(digit)));
}

/** Numbers as the reader writes them: Bangla digits on Bangla pages. */
export function formatNumber(lang: Lang, value: number | string): string {
  const text = String(value);
  return lang === 'bn' ? toBanglaDigits(text) : text;
}

/**
 * - `long`: 3 December 2026 / ৩ ডিসেম্বর, ২০২৬ (when a charter was published)
 * - `weekday`: Thursday 3 December / বৃহস্পতিবার ৩ ডিসেম্বর (a day within a year's calendar)
 * - `weekday_year`: Thu 3 Dec 2026 / বৃহস্পতিবার, ৩ ডিসেম্বর ২০২৬ (a day in a deadline's explanation)
 */
export type DateStyle = 'long' | 'weekday' | 'weekday_year';

const STYLES: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  long: { year: 'numeric', month: 'long', day: 'numeric' },
  weekday: { weekday: 'long', day: 'numeric', month: 'long' },
  weekday_year: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' },
};

// Building a DateTimeFormat is far dearer than using one: keep one per language, style and zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

// British English words, except the short month: en-GB writes "Sept", en-US the usual "Sep".
const LOCALES = { bn: 'bn-BD', en: 'en-GB', en_short: 'en-US' } as const;

function formatter(locale: keyof typeof LOCALES, options: Intl.DateTimeFormatOptions, timeZone: string): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(LOCALES[locale], { ...options, timeZone });
    formatters.set(key, found);
  }
  return found;
}

function partsOf(lang: keyof typeof LOCALES, options: Intl.DateTimeFormatOptions, date: Date, timeZone: string): Record<string, string> {
  const parts: Record<string, string> = {};
  for (const part of formatter(lang, options, timeZone).formatToParts(date)) parts[part.type] = part.value;
  return parts;
}

/** A calendar date ('2026-12-03') is the same day everywhere; an instant is shown on its Dhaka date. */
function asInstant(date: Date | string): { instant: Date; timeZone: string } {
  return typeof date === 'string' ? { instant: new Date(`${date}T00:00:00Z`), timeZone: 'UTC' } : { instant: date, timeZone: DHAKA };
}

export function formatDate(lang: Lang, date: Date | string, style: DateStyle = 'long'): string {
  const { instant, timeZone } = asInstant(date);
  if (style !== 'weekday_year') {
    const p = partsOf(lang, STYLES[style], instant, timeZone);
    if (style === 'long') return lang === 'bn' ? `${p.day} ${p.month}, ${p.year}` : `${p.day} ${p.month} ${p.year}`;
    return `${p.weekday} ${p.day} ${p.month}`;
  }
  if (lang === 'bn') {
    const p = partsOf(lang, STYLES.weekday_year, instant, timeZone);
    return `${p.weekday}, ${p.day} ${p.month} ${p.year}`;
  }
  const p = partsOf('en_short', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }, instant, timeZone);
  return `${p.weekday} ${p.day} ${p.month} ${p.year}`;
}

/** 10:00 / ১০:০০, on the Dhaka clock. */
export function formatTime(lang: Lang, instant: Date): string {
  const p = partsOf('en', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }, instant, DHAKA);
  return formatNumber(lang, `${p.hour}:${p.minute}`);
}

/** Thu 3 Dec 2026, 10:00 / বৃহস্পতিবার, ৩ ডিসেম্বর ২০২৬, ১০:০০ */
export function formatMoment(lang: Lang, instant: Date): string {
  return `${formatDate(lang, instant, 'weekday_year')}, ${formatTime(lang, instant)}`;
}

const ORDINAL_SUFFIXES: Record<string, string> = { one: 'st', two: 'nd', few: 'rd', other: 'th' };
const englishOrdinals = new Intl.PluralRules('en', { type: 'ordinal' });

/** 1st, 2nd, 3rd, 11th in English; a Bangla sentence says the number itself. */
export function formatOrdinal(lang: Lang, value: number): string {
  if (lang === 'bn') return formatNumber(lang, value);
  return `${value}${ORDINAL_SUFFIXES[englishOrdinals.select(value)] ?? 'th'}`;
}
