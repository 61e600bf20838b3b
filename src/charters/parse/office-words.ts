// The words that name a government office and the authority above it, matched as whole
// words ("অফিস" never inside "অফিসার", "দপ্তর" never inside "অধিদপ্তর").
import { banglaPattern } from './bangla-text.ts';

/** Bangla letters are not word characters to \b: a whole word has no letter or mark on either side. */
export function wholeWords(words: readonly string[], flags = 'iu'): RegExp {
  const alternatives = [...new Set(words)].sort((a, b) => b.length - a.length).map(escapeForPattern).join('|');
  return banglaPattern(`(?<![\\p{L}\\p{M}\\p{N}])(?:${alternatives})(?![\\p{L}\\p{M}])`, flags);
}

function escapeForPattern(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
}

/**
 * The kinds of place where a citizen is served: a field office of any ministry, directorate,
 * authority or commission, a local government body, a police unit, a hospital or a school.
 */
const FIELD_OFFICE_KINDS = [
  // offices in general
  'কার্যালয়', 'অফিস', 'দপ্তর', 'দফতর',
  // local government
  'পরিষদ', 'পৌরসভা', 'সিটি কর্পোরেশন', 'সিটি কর্পোরেশান', 'প্রশাসন',
  // police, prisons, fire service, courts
  'থানা', 'মডেল থানা', 'পুলিশ স্টেশন', 'পুলিশ ফাঁড়ি', 'ফাঁড়ি', 'তদন্ত কেন্দ্র', 'কারাগার', 'ফায়ার স্টেশন', 'আদালত', 'ট্রাইব্যুনাল',
  // regional units of national authorities
  'সার্কেল', 'আঞ্চলিক কেন্দ্র', 'ইউনিট', 'ক্যাম্প', 'ব্যাটালিয়ন', 'রেঞ্জ', 'জোন', 'স্টেশন', 'সার্ভার স্টেশন',
  // health and animal health
  'হাসপাতাল', 'কমপ্লেক্স', 'ক্লিনিক', 'স্বাস্থ্য কেন্দ্র', 'কেন্দ্র', 'সেন্টার', 'ডিসপেনসারি', 'ল্যাবরেটরি', 'গবেষণাগার', 'খামার',
  // education
  'বিদ্যালয়', 'বিশ্ববিদ্যালয়', 'স্কুল', 'কলেজ', 'মাদ্রাসা', 'মাদরাসা', 'ইনস্টিটিউট', 'ইন্সটিটিউট', 'একাডেমি', 'পলিটেকনিক',
  // other services
  'ট্রেজারি', 'ডাকঘর', 'পোস্ট অফিস', 'সমিতি', 'শাখা', 'বন্দর', 'গুদাম', 'খাদ্য গুদাম',
];

const ENGLISH_FIELD_OFFICE_KINDS = [
  'office', 'police station', 'thana', 'circle', 'circle office', 'city corporation', 'municipality',
  'pourashava', 'paurashava', 'union parishad', 'upazila parishad', 'zila parishad', 'parishad', 'council', 'hospital',
  'health complex', 'complex', 'clinic', 'centre', 'center', 'school', 'college', 'madrasa', 'madrasah', 'university',
  'institute', 'academy', 'station', 'unit', 'camp', 'court', 'treasury', 'post office', 'branch',
];

/**
 * Authorities that field offices belong to: ministries and divisions, departments and
 * directorates, statutory authorities and commissions, a national force.
 */
const AUTHORITY_KINDS = [
  'মন্ত্রণালয়', 'মন্ত্রনালয়', 'বিভাগ', 'অধিদপ্তর', 'অধিদফতর', 'পরিদপ্তর', 'পরিদফতর', 'কর্তৃপক্ষ', 'অথরিটি',
  'কমিশন', 'সচিবালয়', 'ব্যুরো', 'সংস্থা', 'বোর্ড', 'কর্পোরেশন', 'পুলিশ', 'বাহিনী', 'ব্যাংক', 'ফাউন্ডেশন', 'কাউন্সিল',
];

const ENGLISH_AUTHORITY_KINDS = [
  'ministry', 'division', 'department', 'directorate', 'authority', 'commission', 'secretariat', 'bureau', 'board',
  'corporation', 'police', 'force', 'bank', 'foundation',
];

const FIELD_OFFICE = wholeWords([...FIELD_OFFICE_KINDS, ...ENGLISH_FIELD_OFFICE_KINDS]);
const AUTHORITY_WORD = wholeWords([...AUTHORITY_KINDS, ...ENGLISH_AUTHORITY_KINDS]);
// "… কর্তৃপক্ষ", "Ministry of …": the authority word ends the name, or starts an English one
const AUTHORITY_AT_END = new RegExp(`(?:${AUTHORITY_WORD.source})$`, 'iu');
const ENGLISH_AUTHORITY_FIRST = wholeWords(ENGLISH_AUTHORITY_KINDS.map((word) => `${word} of`));
const GOVERNMENT = banglaPattern(
  "^(?:গণপ্রজাতন্ত্রী\\s+বাংলাদেশ\\s+সরকার|বাংলাদেশ\\s+সরকার|government\\s+of\\s+(?:the\\s+)?people'?s\\s+republic\\s+of\\s+bangladesh|government\\s+of\\s+bangladesh)$",
  'iu',
);

const TRAILING_ACRONYM = /\s\([A-Z][A-Za-z&]{0,8}[A-Z]\)$/u;

/** "(বিআরটিএ)", "(Sylhet City Corporation)", a full stop or a দাঁড়ি: not part of what the line names */
export function withoutTrailingNotes(text: string, { keepAcronym = false } = {}): string {
  let result = text.trim();
  for (;;) {
    // "Bureau of Manpower, Employment and Training (BMET)": an acronym in brackets is part of the name
    if (keepAcronym && TRAILING_ACRONYM.test(result)) return result;
    const next = result.replace(/\s*\([^()]*\)\s*$/u, '').replace(/[\s,;:।.|–—-]+$/u, '').trim();
    if (next === result) return result;
    result = next;
  }
}

/** The name of the whole government, which is printed above every charter and is no parent. */
export function isGovernmentLine(text: string): boolean {
  return GOVERNMENT.test(withoutTrailingNotes(text).replace(/\s+/g, ' '));
}

// "Court Road, …", "হাসপাতাল রোড, …", "থানা সড়ক ৩": a street named after a place of service is an address
const STREET_NAMED_AFTER = banglaPattern(
  '[\\p{L}\\p{M}]+\\s+(?:road|rd\\.?|lane|street|avenue|রোড|সড়ক|লেন)(?=\\s*(?:[,،।]|$)|\\s+[0-9০-৯])',
  'giu',
);

/** The line names a place of service: a field office, a police station, a hospital, a council … */
export function namesFieldOffice(text: string): boolean {
  return FIELD_OFFICE.test(text.replace(STREET_NAMED_AFTER, ' '));
}

/** The line names an authority (a ministry, directorate, commission …) rather than its field office. */
export function namesAuthority(text: string): boolean {
  if (isGovernmentLine(text)) return false;
  const name = withoutTrailingNotes(text.split(/[,،]/)[0] ?? text);
  return AUTHORITY_AT_END.test(name) || ENGLISH_AUTHORITY_FIRST.test(name);
}

/** Any word naming an office or an authority, whole. */
export function namesAnyOffice(text: string): boolean {
  return namesFieldOffice(text) || AUTHORITY_WORD.test(text);
}
