// The promised time limit of a service or a GRS step: "তাৎক্ষণিক/ ৩ কার্যদিবস (প্রযোজ্য ক্ষেত্রে)".

import { noTimeLimit, type ParseNote, type TimeLimit, type TimeUnit } from '../model.ts';
import { banglaPattern, cleanCellText, normaliseBangla, removeNumberGlosses, replaceNumberWords, toAsciiDigits } from './bangla-text.ts';
import { findContactStart } from './contacts.ts';

const IMMEDIATE = banglaPattern(
  'তা?ৎক্ষ[ণন]িক|তা?ৎক্ষ[ণন]াৎ|সাথে সাথে|সঙ্গে সঙ্গে|একই\\s*দিন|সে\\s*দিনই|ঐ\\s*দিনই|immediate|instant|same day',
  'iu',
);
// "১ ঘণ্টা ৩০ মিনিট" is one duration, not a range; "আধা ঘণ্টা" is half an hour
const HOURS_AND_MINUTES = banglaPattern('(\\d+(?:\\.\\d+)?)\\s*(?:ঘণ্টা|ঘন্টা)\\s*(?:এবং|ও)?\\s*(\\d+)\\s*মিনিট', 'giu');
const HALF_AN_HOUR = banglaPattern('(?:আধা|আধ|অর্ধ)\\s*(?:ঘণ্টা|ঘন্টা)', 'giu');

function joinCompoundDurations(text: string): string {
  return text
    .replace(HOURS_AND_MINUTES, (_whole, hours: string, minutes: string) => `${Number(hours) + Number(minutes) / 60} ঘণ্টা`)
    .replace(HALF_AN_HOUR, '0.5 ঘণ্টা');
}

// "পরবর্তী কর্মদিবসে": the next working day, i.e. one working day
const NEXT_WORKING_DAY = banglaPattern('পরবর্তী\\s*(?:কার্য|কর্ম)\\s*দিবস|next\\s+working\\s+day', 'giu');
const ON_DEMAND = banglaPattern(
  '(?:চাহিদা|প্রয়োজন)\\s*(?:অনুযায়ী|অনুসারে|মোতাবেক|মাফিক)|চাহিদানুযায়ী|প্রয়োজনানুসারে|প্রয়োজনমতো|as needed|as required|on demand',
  'iu',
);
const CONDITIONAL = banglaPattern('প্রযোজ্য\\s*ক্ষেত্রে|সাপেক্ষে|where applicable|if applicable', 'iu');

interface UnitWord {
  pattern: RegExp;
  unit: TimeUnit;
  factor: number;
}

function unitWord(words: string, unit: TimeUnit, factor = 1): UnitWord {
  return { pattern: banglaPattern(`^(?:${words})`, 'iu'), unit, factor };
}

// Longer words first: কার্যদিবস must not be read as the calendar দিবস.
const UNIT_WORDS: UnitWord[] = [
  // "১৫ দিন (কার্যদিবস)", "15 days (working)": days, then which days they are
  unitWord('(?:দিবস|দিন|days?)\\s*\\(\\s*(?:কার্য|কর্ম|কায|working|business)[^)]*\\)', 'working_day'),
  // "কাযদিবস": a reph lost when a Bijoy-typed charter was converted to Unicode
  unitWord('কার্য(?:্য)?\\s*দিবস|কায\\s*দিবস|কর্ম\\s*দিবস|কার্য(?:্য)?\\s*দিন|কর্ম\\s*দিন|(?:working|business|work)\\s*days?', 'working_day'),
  unitWord('ঘণ্টা|ঘন্টা|hours?|hrs?', 'hour'),
  unitWord('মিনিট|minutes?|mins?', 'hour', 1 / 60),
  // "৭ পঞ্জিকা দিবস", "7 calendar days": said outright, the plain days they always were
  unitWord('পঞ্জিকা\\s*(?:দিবস|দিন)|calendar\\s*days?', 'calendar_day'),
  unitWord('মাস|months?', 'month'),
  unitWord('বছর|বৎসর|years?', 'month', 12),
  unitWord('সপ্তাহ|weeks?', 'calendar_day', 7),
  unitWord('দিবস|দিন|days?', 'calendar_day'),
];
const ANY_UNIT = UNIT_WORDS.map((word) => word.pattern.source.slice(1)).join('|');
const STARTS_WITH_UNIT = new RegExp(`^\\s*(?:${ANY_UNIT})`, 'iu');
const UNIT_ANYWHERE = new RegExp(`(?:${ANY_UNIT})`, 'giu');

/**
 * The unit a time-limit column's header names for its bare figures ("সময়সীমা (দিন)" over "৭"),
 * or null when it names none, or several ("(ঘণ্টা/দিন/মাস)"), which tell nothing.
 */
export function unitNamedInHeader(header: string): string | null {
  const words = header.match(UNIT_ANYWHERE) ?? [];
  const units = new Set(words.map((word) => unitOf(word)?.unit));
  return words.length > 0 && units.size === 1 ? (words[0] ?? null) : null;
}

const NUMBER = '(\\d+(?:\\.\\d+)?)';
const RANGE_SEPARATOR = banglaPattern('\\s*(?:-|–|—|~|থেকে|হতে|to)\\s*').source;
const QUANTITY = new RegExp(`${NUMBER}(?:${RANGE_SEPARATOR}${NUMBER})?(?:\\s*(${ANY_UNIT}))?`, 'giu');

// What may surround bare numbers in a cell that is still only a time limit ("তাৎক্ষণিক/ ৩").
const NOT_NUMBERS = [IMMEDIATE, ON_DEMAND, CONDITIONAL].map((pattern) => new RegExp(pattern.source, `g${pattern.flags}`));
const FILLER = banglaPattern('(?:এর\\s*)?মধ্যে|সর্বোচ্চ|অনধিক|within|maximum|max|ভাবে|[\\s/,;:.()\\[\\]।\\-–—]', 'giu');

interface Duration {
  min: number;
  max: number;
  unit: TimeUnit | null;
  /** The unit word when it is not one of TIME_UNITS and the figures were converted ("সপ্তাহ"). */
  convertedFrom: string | null;
  /** "৭-৩": the larger figure written first */
  reversed: boolean;
}

function unitOf(word: string | undefined): UnitWord | null {
  if (word === undefined) return null;
  return UNIT_WORDS.find((candidate) => candidate.pattern.test(word)) ?? null;
}

function readDurations(text: string): { durations: Duration[]; leftover: string } {
  const durations: Duration[] = [];
  const leftover = text.replace(QUANTITY, (_whole, first: string, second: string | undefined, word: string | undefined) => {
    const unit = unitOf(word);
    const factor = unit?.factor ?? 1;
    const values = [Number(first), Number(second ?? first)].map((value) => value * factor);
    const convertedFrom = factor === 1 || word === undefined ? null : word;
    const reversed = second !== undefined && Number(first) > Number(second);
    durations.push({ min: Math.min(...values), max: Math.max(...values), unit: unit?.unit ?? null, convertedFrom, reversed });
    return ' ';
  });
  return { durations, leftover };
}

function describe(text: string): string {
  return `Time limit ${JSON.stringify(text)}`;
}

/** Durations in the cell; bare numbers count only when nothing else but filler surrounds them. */
function durationsIn(cleaned: string, notes: ParseNote[]): Duration[] {
  const glosses = removeNumberGlosses(toAsciiDigits(cleaned));
  for (const { written, spelled } of glosses.mismatches) {
    notes.push({ code: 'number_mismatch', message: `${describe(cleaned)} writes ${written} in digits but ${spelled} in words; used ${written}.` });
  }
  const digitised = joinCompoundDurations(
    replaceNumberWords(glosses.text.replace(NEXT_WORKING_DAY, '1 কার্যদিবস'), (after) => STARTS_WITH_UNIT.test(after)),
  );
  const { durations, leftover } = readDurations(digitised);
  const withUnit = durations.filter((duration) => duration.unit !== null);
  if (withUnit.length > 0 || durations.length === 0) return withUnit;
  const onlyNumbers = NOT_NUMBERS.reduce((rest, pattern) => rest.replace(pattern, ''), leftover).replace(FILLER, '') === '';
  if (!onlyNumbers) return [];
  notes.push({ code: 'assumed_unit', message: `${describe(cleaned)} gives no unit; assumed working days.` });
  return durations.map((duration) => ({ ...duration, unit: 'working_day' }));
}

function readFlags(cleaned: string): Pick<TimeLimit, 'immediate' | 'conditional' | 'on_demand'> {
  return { immediate: IMMEDIATE.test(cleaned), conditional: CONDITIONAL.test(cleaned), on_demand: ON_DEMAND.test(cleaned) };
}

// Rough lengths in calendar days, only to tell which figure of a mixed cell is the longest.
const APPROXIMATE_DAYS: Record<TimeUnit, number> = { hour: 1 / 24, working_day: 7 / 5, calendar_day: 1, month: 30 };

/** "৭ দিন থেকে ১ মাস": the promise runs to the longest figure, so its unit is the one kept. */
function longestUnit(durations: Duration[]): TimeUnit | null {
  let longest: Duration | undefined;
  for (const duration of durations) {
    if (duration.unit === null) continue;
    if (!longest?.unit || duration.max * APPROXIMATE_DAYS[duration.unit] > longest.max * APPROXIMATE_DAYS[longest.unit]) longest = duration;
  }
  return longest?.unit ?? null;
}

export function parseTimeLimit(text: string): { limit: TimeLimit; notes: ParseNote[] } {
  const notes: ParseNote[] = [];
  const split = splitTrailingOfficer(text);
  if (split.officerText !== null) {
    notes.push({
      code: 'officer_text_in_time_limit',
      message: `Time-limit cell also held officer details, left out of the time limit: ${JSON.stringify(cleanCellText(split.officerText))}.`,
    });
  }
  const cleaned = cleanCellText(split.timeLimitText);
  if (cleaned === '') {
    notes.push({ code: 'missing_time_limit', message: 'No time limit is given.' });
    return { limit: noTimeLimit(null), notes };
  }

  const flags = readFlags(cleaned);
  const durations = durationsIn(cleaned, notes);
  const unit = longestUnit(durations) ?? (flags.immediate ? 'working_day' : null);
  if (unit === null) {
    const why = flags.on_demand ? 'is "as needed", not a fixed duration' : 'is not a duration that can be tracked';
    notes.push({ code: 'no_fixed_limit', message: `${describe(cleaned)} ${why}; no deadline will be computed.` });
    return { limit: { ...noTimeLimit(cleaned), ...flags }, notes };
  }

  const sameUnit = durations.filter((duration) => duration.unit === unit);
  if (sameUnit.length < durations.length) {
    notes.push({ code: 'mixed_units', message: `${describe(cleaned)} mixes units; kept the longest, in ${unit.replace("_", " ")}s.` });
  }
  for (const { convertedFrom } of sameUnit.filter((duration) => duration.convertedFrom !== null)) {
    notes.push({ code: 'converted_unit', message: `${describe(cleaned)} is in ${JSON.stringify(convertedFrom)}; converted to ${unit.replace('_', ' ')}s.` });
  }
  // the figures are kept as a range from the smaller to the larger, the way every other range reads
  for (const { min, max } of sameUnit.filter((duration) => duration.reversed)) {
    notes.push({
      code: 'reversed_range',
      message: `${describe(cleaned)} gives its range backwards; read as ${min} to ${max} ${unit.replace('_', ' ')}s (expected after ${min}, due after ${max}).`,
    });
  }
  const max = Math.max(0, ...sameUnit.map((duration) => duration.max));
  const min = flags.immediate ? 0 : Math.min(max, ...sameUnit.map((duration) => duration.min));
  const { immediate, conditional, on_demand } = flags;
  return { limit: { text: cleaned, immediate, min, max, unit, conditional, on_demand }, notes };
}

const OFFICER_START = banglaPattern(
  '(?<![\\p{L}\\p{M}])(?:জনাবা|জনাব|বেগম|মোছাঃ|মোসাঃ|মোঃ|মো\\.|ডাঃ|ডা\\.|mr\\.|mrs\\.|md\\.)',
  'iu',
);

/** Separates officer details that spilled into the time-limit cell of a PDF table. */
export function splitTrailingOfficer(text: string): { timeLimitText: string; officerText: string | null } {
  const normalised = normaliseBangla(text);
  const starts = [OFFICER_START.exec(normalised)?.index ?? -1, findContactStart(normalised)].filter((index) => index >= 0);
  if (starts.length === 0) return { timeLimitText: normalised.trim(), officerText: null };
  let cut = Math.min(...starts);
  // Never cut inside a tag such as <a href="mailto:…">.
  const openTag = normalised.lastIndexOf('<', cut);
  if (openTag >= 0 && !normalised.slice(openTag, cut).includes('>')) cut = openTag;
  const officerText = normalised.slice(cut).trim();
  return {
    timeLimitText: normalised.slice(0, cut).trim(),
    officerText: /[\p{L}\p{N}]/u.test(officerText) ? officerText : null,
  };
}
