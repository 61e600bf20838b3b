// Government posts and desks as officer cells print them: a rank word ("কর্মকর্তা",
// "পরিদর্শক", "সচিব") with its qualifiers in front ("উপজেলা প্রাণিসম্পদ", "সহকারী", "ভারপ্রাপ্ত").
// Used to tell a post alone from a person's name followed by their post.
import { banglaPattern, normaliseBangla } from './bangla-text.ts';
import { wholeWords } from './office-words.ts';

/** Head words of posts: civil-service ranks, posts of field offices, local government and police. */
const RANKS = [
  // civil service and field offices
  'কর্মকর্তা', 'কর্মকতা', 'অফিসার', 'কর্মচারী', 'সচিব', 'পরিচালক', 'কমিশনার', 'প্রশাসক', 'পরিদর্শক', 'ইন্সপেক্টর',
  'তত্ত্বাবধায়ক', 'অধীক্ষক', 'সুপারিনটেনডেন্ট', 'সুপার', 'নিয়ন্ত্রক', 'ম্যাজিস্ট্রেট', 'প্রসিকিউটর', 'উপদেষ্টা',
  'পরামর্শক', 'সমন্বয়ক', 'প্রতিনিধি', 'সুপারভাইজার', 'ব্যবস্থাপক', 'ম্যানেজার', 'প্রকৌশলী', 'ইঞ্জিনিয়ার', 'প্রোগ্রামার',
  'সিস্টেম এনালিস্ট', 'এনালিস্ট', 'হিসাবরক্ষক', 'নিরীক্ষক', 'অডিটর', 'ক্যাশিয়ার', 'কোষাধ্যক্ষ', 'নাজির', 'রেজিস্ট্রার',
  'মোহরার', 'নকলনবিশ', 'উমেদার', 'কানুনগো', 'সার্ভেয়ার', 'তহসিলদার', 'পেশকার', 'স্টেনোগ্রাফার', 'স্টেনো-টাইপিস্ট', 'সাঁটলিপিকার',
  'সাঁটমুদ্রাক্ষরিক', 'মুদ্রাক্ষরিক', 'টাইপিস্ট', 'অপারেটর', 'ক্লার্ক', 'কেরানি', 'সহায়ক', 'সহকারী', 'সহকারি',
  'অ্যাসিস্ট্যান্ট', 'এসিস্ট্যান্ট', 'উদ্যোক্তা', 'গবেষক', 'বিজ্ঞানী', 'ড্রাইভার', 'গাড়িচালক', 'চালক', 'পিয়ন',
  'এমএলএসএস', 'দপ্তরি', 'নৈশপ্রহরী', 'প্রহরী', 'সভাপতি', 'আহ্বায়ক', 'কর্মী', 'কাউন্সেলর',
  // health and animal health
  'সার্জন', 'চিকিৎসক', 'ডাক্তার', 'নার্স', 'সেবিকা', 'ফার্মাসিস্ট', 'টেকনোলজিস্ট', 'টেকনিশিয়ান', 'মিডওয়াইফ',
  'আরএমও', 'ইউএইচএফপিও', 'ইউএলও', 'ইউএলএ', 'ভিএফএ', 'এলইও',
  // education
  'শিক্ষক', 'অধ্যক্ষ', 'উপাধ্যক্ষ', 'প্রভাষক', 'ইনস্ট্রাক্টর', 'প্রিন্সিপাল',
  // local government
  'চেয়ারম্যান', 'মেয়র', 'কাউন্সিলর', 'সদস্য', 'সদস্যা',
  // police and courts
  'কনস্টেবল', 'সার্জেন্ট', 'ইনচার্জ', 'ইন-চার্জ', 'অফিসার-ইন-চার্জ', 'ওসি', 'এসআই', 'এএসআই', 'এসপি', 'বিচারক', 'জজ',
  // common abbreviations of posts
  'ইউএনও', 'এসিল্যান্ড', 'ডিসি', 'এডিসি', 'ইউপিএস',
  // desks and counters answer for a service as a post does
  'ডেস্ক', 'হেল্পডেস্ক', 'কাউন্টার', 'বুথ', 'শাখা', 'সেল', 'কক্ষ', 'রুম',
  // English
  'officer', 'secretary', 'director', 'commissioner', 'administrator', 'inspector', 'superintendent', 'controller',
  'magistrate', 'prosecutor', 'adviser', 'advisor', 'counsellor', 'counselor', 'consultant', 'coordinator', 'supervisor', 'manager', 'engineer',
  'programmer', 'analyst', 'accountant', 'auditor', 'cashier', 'nazir', 'registrar', 'sub-registrar', 'surveyor',
  'stenographer', 'typist', 'operator', 'clerk', 'assistant', 'entrepreneur', 'surgeon', 'doctor', 'physician', 'nurse',
  'pharmacist', 'technologist', 'technician', 'teacher', 'principal', 'lecturer', 'instructor', 'chairman', 'chairperson',
  'mayor', 'councillor', 'councilor', 'member', 'constable', 'sergeant', 'in-charge', 'incharge', 'officer-in-charge', 'oc', 'si', 'asi',
  'uno', 'judge', 'desk', 'counter', 'section', 'cell',
];

/** Words in front of a rank: grade, acting charge, level of office, and the field of work. */
const QUALIFIERS = [
  // grade and charge
  'সহকারী', 'সহকারি', 'উপ', 'উপ-', 'উপসহকারী', 'উপ-সহকারী', 'অতিরিক্ত', 'সিনিয়র', 'জ্যেষ্ঠ', 'কনিষ্ঠ', 'জুনিয়র',
  'ভারপ্রাপ্ত', 'দায়িত্বপ্রাপ্ত', 'যুগ্ম', 'যুগ্ম-', 'প্রধান', 'সহযোগী', 'উচ্চমান', 'নিম্নমান', 'ঊর্ধ্বতন', 'উর্ধ্বতন',
  'ডেপুটি', 'এডিশনাল', 'চীফ', 'চিফ', 'মহা', 'নির্বাহী', 'প্রশাসনিক', 'কাম', 'আবাসিক', 'ডিউটি', 'ভাইস', 'প্যানেল',
  'সংরক্ষিত', 'মহিলা', 'সাধারণ', 'অনারারি', 'সাব', 'সাব-', 'প্রথম', 'দ্বিতীয়', 'শ্রেণি', 'শ্রেণির', 'গ্রেড',
  // level of office
  'উপজেলা', 'জেলা', 'ইউনিয়ন', 'বিভাগীয়', 'আঞ্চলিক', 'থানা', 'পৌর', 'পৌরসভা', 'সিটি', 'মেট্রোপলিটন', 'ওয়ার্ড',
  'সার্কেল', 'ইউপি', 'ফিল্ড', 'মাঠ', 'কেন্দ্রীয়', 'জাতীয়', 'সদর', 'অফিস', 'দপ্তর',
  // field of work
  'ভূমি', 'নির্বাচন', 'প্রাণিসম্পদ', 'কৃষি', 'মৎস্য', 'স্বাস্থ্য', 'পরিবার', 'পরিকল্পনা', 'শিক্ষা', 'মাধ্যমিক', 'প্রাথমিক',
  'সমাজসেবা', 'সমাজ', 'যুব', 'উন্নয়ন', 'সমবায়', 'পল্লী', 'বিষয়ক', 'শিশু', 'বন', 'পরিবেশ', 'খাদ্য', 'ত্রাণ', 'দুর্যোগ',
  'ব্যবস্থাপনা', 'প্রকল্প', 'বাস্তবায়ন', 'জনস্বাস্থ্য', 'প্রকৌশল', 'হিসাব', 'হিসাবরক্ষণ', 'নিরীক্ষা', 'আনসার', 'ভিডিপি',
  'তথ্য', 'প্রযুক্তি', 'আইসিটি', 'ই-সার্ভিস', 'রাজস্ব', 'ট্রাফিক', 'তদন্ত', 'নিবন্ধন', 'মেডিকেল', 'ডেন্টাল', 'জরুরি',
  'জরুরী', 'বহির্বিভাগ', 'মোটরযান', 'ইঞ্জিনিয়ারিং', 'ভেটেরিনারি', 'ভেটেরিনারী', 'পশু', 'পুষ্টি', 'বীজ', 'উদ্ভিদ',
  'সংরক্ষণ', 'সম্প্রসারণ', 'ব্লক', 'পরিসংখ্যান', 'কারিগরি', 'বিদ্যুৎ', 'রেকর্ড', 'অভিযোগ', 'নিষ্পত্তি', 'আপিল',
  'জনসংযোগ', 'প্রটোকল', 'বাজেট', 'ক্রয়', 'স্টোর', 'ভান্ডার', 'সংস্থাপন', 'প্রশাসন', 'আইন', 'নিরাপত্তা',
  'কম্পিউটার', 'ডাটা', 'এন্ট্রি', 'সাঁটলিপি', 'সিভিল', 'অধিগ্রহণ', 'স্থানীয়', 'গোয়েন্দা', 'বিশেষ', 'হেল্প',
  'সহায়তা', 'ফ্রন্ট', 'অভ্যর্থনা', 'পাসপোর্ট', 'ইমিগ্রেশন', 'কর', 'আয়কর', 'শুল্ক', 'গণপূর্ত', 'সড়ক', 'ফায়ার',
  'ডাক', 'রেলওয়ে', 'বিআরটিএ', 'ওয়ান', 'স্টপ', 'সার্ভিস', 'সেবা', 'পানি', 'জনপথ', 'এআই', 'কৃত্রিম', 'প্রজনন',
  'সার্জারী', 'সার্জারি', 'শল্য', 'গাইনী', 'শিশুরোগ',
  // English
  'assistant', 'deputy', 'additional', 'senior', 'junior', 'joint', 'chief', 'acting', 'executive', 'sub', 'vice',
  'head', 'upazila', 'district', 'union', 'divisional', 'regional', 'ward', 'circle', 'field', 'zonal', 'land',
  'election', 'livestock', 'agriculture', 'fisheries', 'health', 'family', 'planning', 'education', 'social', 'welfare',
  'youth', 'development', 'ict', 'e-service', 'revenue', 'traffic', 'duty', 'medical', 'resident', 'veterinary', 'motor',
  'vehicle', 'system', 'information', 'computer', 'data', 'entry', 'office', 'administrative', 'accounts', 'help',
  'front', 'station', 'police', 'sub-inspector',
];

const key = (word: string) => normaliseBangla(word).toLowerCase();
const RANK_WORDS = new Set(RANKS.map(key));
const QUALIFIER_WORDS = new Set(QUALIFIERS.map(key));
// a rank written with its grade glued on: উপপরিচালক, মহাপরিচালক, সহকারীপ্রোগ্রামার
const GLUED_PREFIXES = ['উপ', 'মহা', 'সহ', 'সহকারী', 'অতিরিক্ত', 'প্রধান', 'সাব'].map(key);

export type PostWordKind = 'rank' | 'qualifier';

// punctuation and brackets around a word in a cell ("(ভূমি)", "অফিসার,", "প্রোগ্রামার/")
const EDGES = /^[\s(["'“‘,;:/|.।]+|[\s)\]"'”’,;:/|.।]+$/gu;
const GENITIVE = /(?:ের|এর|-এর)$/u;
const AGENT_NOUN = /[\p{L}\p{M}]{2,}(?:কারী|কারি)$/u;
// "সমাজকর্মী", "স্বাস্থ্যকর্মী", "মাঠকর্মী": a worker of a field is a post
const FIELD_WORKER = /[\p{L}\p{M}]{2,}কর্মী$/u;
// "পরিদর্শিকা", "শিক্ষিকা": the feminine of a rank that ends in -ক is that rank
const FEMININE = /িকা$/u;

/** Whether a word of an officer cell belongs to a post, and as its head or as a qualifier. */
export function postWordKind(word: string): PostWordKind | null {
  const bare = key(word.replace(EDGES, ''));
  if (bare === '') return null;
  if (RANK_WORDS.has(bare)) return 'rank';
  if (QUALIFIER_WORDS.has(bare)) return 'qualifier';
  const parts = bare.split('-').filter(Boolean);
  if (parts.length > 1) {
    const last = parts.at(-1) ?? '';
    const front = parts.slice(0, -1);
    const frontIsPost = front.every((part) => QUALIFIER_WORDS.has(part) || RANK_WORDS.has(part) || GLUED_PREFIXES.includes(part) || part === 'ই');
    if (frontIsPost && RANK_WORDS.has(last)) return 'rank';
    if (frontIsPost && QUALIFIER_WORDS.has(last)) return 'qualifier';
  }
  for (const prefix of GLUED_PREFIXES) {
    if (bare.length > prefix.length + 2 && bare.startsWith(prefix) && RANK_WORDS.has(bare.slice(prefix.length))) return 'rank';
  }
  // "আদায়কারী", "তদন্তকারী": one who does the work is a post
  if (AGENT_NOUN.test(bare) || FIELD_WORKER.test(bare)) return 'rank';
  if (FEMININE.test(bare) && postWordKind(bare.replace(FEMININE, 'ক')) === 'rank') return 'rank';
  return null;
}

/** "জরুরি বিভাগের", "শাখার": a word in the possessive qualifies the post that follows it. */
function isPossessive(word: string): boolean {
  return GENITIVE.test(key(word.replace(EDGES, '')));
}

/** Any word that may be part of a post: a rank, a qualifier or a possessive in front of one. */
export function isPostWord(word: string): boolean {
  return postWordKind(word) !== null || isPossessive(word);
}

interface Word {
  text: string;
  start: number;
}

function wordsOf(text: string): Word[] {
  return [...text.matchAll(/[^\s/]+/gu)].map((match) => ({ text: match[0], start: match.index }));
}

/**
 * Where the post starts in a run of text, or -1: the first rank word, with the qualifiers and
 * possessives right in front of it ("মোঃ করিম | ইউনিয়ন ভূমি সহকারী কর্মকর্তা").
 */
export function findDesignationStart(text: string): number {
  const words = wordsOf(text);
  const rankAt = words.findIndex((word) => postWordKind(word.text) === 'rank');
  if (rankAt === -1) return -1;
  let start = rankAt;
  while (start > 0 && isPostWord(words[start - 1]?.text ?? '')) start--;
  return words[start]?.start ?? -1;
}

// "রুম নং-০২", "কক্ষ ১০৫", "উপজেলা কোড-৫৮৫৩", "২য় তলা": where the officer sits, not the post
const WORKPLACE = banglaPattern(
  '^(?:(?:রুম|কক্ষ|room)\\s*(?:নং|নম্বর|no\\.?)?|(?:উপজেলা|জেলা|অফিস)?\\s*কোড|(?:upazila\\s*)?code)\\s*[-:ঃ.]?\\s*[\\p{L}\\p{N}-]*$|(?:তলা|ফ্লোর|floor)$',
  'iu',
);

// buildings and rooms where a post is found, as opposed to the council or circle it serves
const WORKPLACE_KINDS = wholeWords([
  'কার্যালয়', 'অফিস', 'দপ্তর', 'দফতর', 'শাখা', 'ভবন', 'হাসপাতাল', 'কমপ্লেক্স', 'ক্লিনিক', 'কেন্দ্র', 'সেন্টার',
  'office', 'section', 'building', 'hospital', 'complex', 'centre', 'center',
]);

/**
 * The post without the room or office it is found in: "ভেটেরিনারি সার্জন, রুম নং-০২" is a
 * ভেটেরিনারি সার্জন, "ওয়ার্ড সচিব, সংশ্লিষ্ট ওয়ার্ড কার্যালয়" a ওয়ার্ড সচিব. A place stays, and so does
 * the body whose post it is ("চেয়ারম্যান, ইউনিয়ন পরিষদ").
 */
export function withoutWorkplace(designation: string): string {
  const parts = designation.split(/\s*,\s*/);
  const kept = parts.filter((part, index) => index === 0 || !(WORKPLACE.test(part) || (WORKPLACE_KINDS.test(part) && !part.split(/\s+/).some((word) => postWordKind(word) === 'rank'))));
  return kept.join(', ');
}
