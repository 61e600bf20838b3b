// The responsible-officer cell: name, designation, phone numbers and e-mail in one run of text.

import type { Officer, ParseNote } from '../model.ts';
import { banglaPattern, cleanCellLines, cleanCellText, toAsciiDigits } from './bangla-text.ts';
import { findDesignationStart, isPostWord, postWordKind, withoutWorkplace } from './designations.ts';
import { namesFieldOffice } from './office-words.ts';

const BANGLADESH = '880';

/** One phone number in E.164 ("+8801734954256"), or null when it cannot be dialled as written. */
export function normalisePhone(raw: string): string | null {
  const ascii = toAsciiDigits(raw);
  let digits = ascii.replace(/\D/g, '');
  const international = /^\s*(?:\+|00)/.test(ascii);
  if (international && digits.startsWith('00')) digits = digits.slice(2);

  let national: string;
  if (digits.startsWith(BANGLADESH)) national = digits.slice(BANGLADESH.length);
  else if (international) return digits.length >= 8 && digits.length <= 15 ? `+${digits}` : null;
  else if (digits.startsWith('0')) national = digits;
  else if (/^1[3-9]\d{8}$/.test(digits)) national = digits;
  else return null;

  national = national.replace(/^0+/, '');
  const isMobileShaped = national.startsWith('1');
  if (isMobileShaped ? national.length !== 10 : national.length < 6 || national.length > 10) return null;
  return `+${BANGLADESH}${national}`;
}

export function isMobileNumber(e164: string): boolean {
  return /^\+8801[3-9]\d{8}$/.test(e164);
}

const EMAIL = /[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/gi;

export function extractEmails(s: string): string[] {
  const found = [...cleanCellText(s).matchAll(EMAIL), ...s.matchAll(EMAIL)].map((m) => m[0].toLowerCase());
  return [...new Set(found)];
}

const DITTO = /^[\s\-–—(]*(?:ঐ|ঔ|"|”|“|〃|''|,,|do|ditto)[\s\-–—.)]*$/i;

/** "ঐ", "-ঐ-", `"`: the cell repeats the one above. */
export function isDittoMark(s: string): boolean {
  return DITTO.test(cleanCellText(s));
}

type ContactKind = 'email' | 'mobile' | 'phone' | 'fax';

const NOT_AFTER_LETTER = '(?<![\\p{L}\\p{M}])';
const LABELS: Array<[ContactKind, string]> = [
  ['email', 'ই-?\\s?মেইল|ইমেল|e-?\\s?mail'],
  ['mobile', 'মোবাইল|মোবা|মোব|সেল|mobile|mob|cell'],
  ['phone', 'টেলিফোন|ফোন|টেলি|telephone|phone|tel'],
  ['fax', 'ফ্যাক্স|fax'],
];
// A word like সেল (cell) is only a label when a colon, a number or an e-mail follows it,
// so "মিডিয়া সেল এর" stays part of a designation.
const LABEL = banglaPattern(
  `${NOT_AFTER_LETTER}(?:${LABELS.map(([, words]) => words).join('|')})(?:\\s*(?:নং|নম্বর|নাম্বার|no\\.?))?` +
    `(?:\\s*[:ঃ]|\\s*[-–](?=\\s*[+(0-9০-৯])|(?![\\p{L}\\p{M}])\\s*(?=[+(0-9০-৯]|[a-z0-9._%+-]+@))`,
  'giu',
);
const PHONE_LIKE = /\+?\(?[0-9০-৯](?:[\s\-.()]{0,2}[0-9০-৯]){6,}/g;

const LABEL_KINDS = LABELS.map(([kind, words]) => ({ kind, pattern: banglaPattern(`^(?:${words})`, 'iu') }));

function labelKind(label: string): ContactKind {
  return LABEL_KINDS.find(({ pattern }) => pattern.test(label))?.kind ?? 'phone';
}

/** Where the contact part of an officer's text starts: a label, an e-mail or a phone number. */
export function findContactStart(s: string): number {
  const starts = [LABEL, EMAIL, PHONE_LIKE]
    .map((pattern) => new RegExp(pattern.source, pattern.flags.replace('g', '')).exec(s)?.index ?? -1)
    .filter((index) => index >= 0);
  return starts.length === 0 ? -1 : Math.min(...starts);
}

type SegmentKind = ContactKind | 'unlabelled';

function labelledSegments(contactText: string): Array<{ kind: SegmentKind; text: string }> {
  const labels = [...contactText.matchAll(LABEL)];
  const beforeFirstLabel = contactText.slice(0, labels[0]?.index ?? contactText.length);
  return [
    { kind: 'unlabelled', text: beforeFirstLabel },
    ...labels.map((label, i) => ({
      kind: labelKind(label[0]),
      text: contactText.slice(label.index + label[0].length, labels[i + 1]?.index ?? contactText.length),
    })),
  ];
}

/** One number, or several that PDF extraction ran together with spaces; null if unreadable. */
function readPhoneCandidate(candidate: string): string[] | null {
  const whole = normalisePhone(candidate);
  if (whole !== null) return [whole];
  const parts = candidate.trim().split(/\s+/).map(normalisePhone);
  const readable = parts.filter((part): part is string => part !== null);
  return parts.length > 1 && readable.length === parts.length ? readable : null;
}

interface FoundNumbers {
  numbers: Array<{ kind: SegmentKind; e164: string }>;
  unreadable: string[];
}

function numbersIn(contactText: string): FoundNumbers {
  const found: FoundNumbers = { numbers: [], unreadable: [] };
  for (const { kind, text } of labelledSegments(contactText)) {
    if (kind === 'email' || kind === 'fax') continue;
    for (const candidate of text.replace(EMAIL, ' ').match(PHONE_LIKE) ?? []) {
      const numbers = readPhoneCandidate(candidate);
      if (numbers === null) found.unreadable.push(candidate.trim());
      else found.numbers.push(...numbers.map((e164) => ({ kind, e164 })));
    }
  }
  return found;
}

function assignNumbers(found: FoundNumbers): { phone: string | null; mobile: string | null; extra: string[] } {
  let phone: string | null = null;
  let mobile: string | null = null;
  const extra: string[] = [];
  const waitingForMobileSlot: string[] = [];
  const unique = [...new Map(found.numbers.map((n) => [n.e164, n])).values()];
  for (const { kind, e164 } of unique) {
    const isMobile = isMobileNumber(e164);
    if (isMobile && kind === 'mobile' && mobile === null) mobile = e164;
    else if (isMobile) waitingForMobileSlot.push(e164);
    else if (phone === null) phone = e164;
    else extra.push(e164);
  }
  // A mobile labelled ফোন is still the officer's mobile when no number was labelled মোবাইল.
  for (const e164 of waitingForMobileSlot) {
    if (mobile === null) mobile = e164;
    else if (phone === null) phone = e164;
    else extra.push(e164);
  }
  return { phone, mobile, extra };
}

const HONORIFIC = banglaPattern('^(?:জনাবা|জনাব|janab|mrs\\.?|mr\\.?|ms\\.?)(?:\\s+|$)', 'iu');
const NAME_TITLES = banglaPattern(
  '^(?:(?:প্রকৌশলী|কৃষিবিদ|অধ্যাপক|প্রফেসর|ডাঃ|ডা\\.|ড\\.|engr\\.?|dr\\.?|prof\\.?)\\s+)+',
  'iu',
);
const EDGE_PUNCTUATION = /^[\s,;:/|\-–—।.]+|[\s,;:/|\-–—।]+$/g;

function tidy(part: string): string | null {
  const text = part.replace(/\s+/g, ' ').replace(EDGE_PUNCTUATION, '');
  return /[\p{L}]/u.test(text) ? text : null;
}

// "সেবা প্রদানকারী: ইউনিয়ন পরিষদ সচিব": a label in front of the person, not part of them
const LEADING_LABEL = banglaPattern('^\\s*(?:সেবা\\s*প্রদানকারী|দায়িত্বপ্রাপ্ত\\s*কর্মকর্তা|কর্মকর্তা|নাম\\s*ও\\s*পদব[িী])\\s*(?::|ঃ|-|–)\\s*', 'u');
const NAME_WORDS = 'মোঃ|মো:|মো\\.|মোছাঃ|মোসাঃ|মোহাম্মদ|মুহাম্মদ|শ্রী|শ্রীমতি|বেগম|সৈয়দ|md\\.?';
const NAME_START = banglaPattern(`^(?:${NAME_WORDS})(?:\\s|$)`, 'iu');
const NAME_AFTER_POST = banglaPattern(`\\s(?:জনাবা|জনাব|${NAME_WORDS}|mr\\.?|mrs\\.?|ms\\.?)\\s`, 'iu');

const COMPOUND_POST = banglaPattern('(?:^|\\s)(?:ও|এবং|and|&)(?:\\s|$)', 'iu');

/**
 * Whether the words before a designation are a person's name. Officer cells often hold a post
 * alone ("আবাসিক মেডিকেল অফিসার"), so a name needs some sign of being one: a title, a comma
 * before the post, or two or more words none of which qualifies a post.
 */
function looksLikeName(prefix: string, hadTitle: boolean): boolean {
  if (hadTitle || NAME_START.test(prefix)) return true;
  // "লাইসেন্স ও বস্তি উন্নয়ন কর্মকর্তা": fields of work joined by "ও" name a post, not a person
  if (COMPOUND_POST.test(prefix)) return false;
  const words = prefix.trim().split(/\s+/).filter(Boolean);
  return words.length >= 2 && words.every((word) => !isPostWord(word));
}

function splitNameAndDesignation(personText: string): { name: string | null; designation: string | null; guessed: boolean } {
  const labelled = banglaPattern('^\\s*নাম\\s*[:ঃ]?\\s*([\\s\\S]*?)\\s*(?:পদবি|পদবী)\\s*[:ঃ]?\\s*([\\s\\S]*)$', 'u').exec(personText);
  if (labelled) return { name: tidy((labelled[1] ?? '').replace(HONORIFIC, '')), designation: tidy(labelled[2] ?? ''), guessed: false };

  const unlabelled = personText.trim().replace(LEADING_LABEL, '');
  // a comma left before the contacts ("…সংগঠক, মোবাইল: …") separates nothing
  const hadHonorific = HONORIFIC.test(unlabelled);
  const text = unlabelled.replace(HONORIFIC, '').replace(/[\s,;]+$/u, '');
  const titles = NAME_TITLES.exec(text)?.[0].length ?? 0;
  const found = findDesignationStart(text.slice(titles));
  const designationAt = found === -1 ? undefined : found;
  const separatorAt = /[,\n]/.exec(text)?.index;
  const splitAt =
    separatorAt !== undefined && (designationAt === undefined || separatorAt < designationAt + titles)
      ? separatorAt
      : designationAt === undefined ? undefined : designationAt + titles;
  if (splitAt === undefined) {
    // "উপজেলা ভূমি অফিস": an office answers for the service, not a person
    if (namesFieldOffice(text) && !NAME_START.test(text)) return { name: null, designation: tidy(text), guessed: false };
    // "ইউনিয়ন সমাজসেবা সংগঠক": a post whose rank word is not known, told by its qualifiers; a name has none
    if (!hadHonorific && titles === 0 && !NAME_START.test(text) && text.split(/\s+/).some((word) => postWordKind(word) === 'qualifier')) {
      return { name: null, designation: tidy(text), guessed: false };
    }
    return { name: tidy(text), designation: null, guessed: tidy(text) !== null };
  }
  // "উপজেলা নির্বাহী অফিসার জনাব মোঃ করিম": the post first, then the person
  const laterName = splitAt === titles && titles === 0 ? NAME_AFTER_POST.exec(text) : null;
  if (laterName) {
    return { name: tidy(text.slice(laterName.index).replace(/^\s+/, '').replace(HONORIFIC, '')), designation: tidy(text.slice(0, laterName.index)), guessed: false };
  }
  const bySeparator = splitAt === separatorAt;
  if (!bySeparator && !looksLikeName(text.slice(0, splitAt), hadHonorific || titles > 0)) {
    return { name: null, designation: tidy(text), guessed: false };
  }
  return { name: tidy(text.slice(0, splitAt)), designation: tidy(text.slice(splitAt)), guessed: false };
}

export function parseOfficerCell(text: string): { officer: Officer | null; notes: ParseNote[] } {
  const cleaned = cleanCellLines(text).join('\n');
  if (!/[\p{L}\p{N}]/u.test(cleaned)) return { officer: null, notes: [] };
  const quoted = JSON.stringify(cleaned.replace(/\n/g, ' '));
  const notes: ParseNote[] = [];

  const contactStart = findContactStart(cleaned);
  const person = splitNameAndDesignation(contactStart === -1 ? cleaned : cleaned.slice(0, contactStart));
  const found = numbersIn(contactStart === -1 ? '' : cleaned.slice(contactStart));
  const { phone, mobile, extra } = assignNumbers(found);
  const [email = null, ...otherEmails] = extractEmails(text);

  if (person.guessed) {
    notes.push({ code: 'officer_split_guess', message: `Officer ${quoted}: no designation recognised, so all of it was taken as the name.` });
  }
  const unreadable = found.unreadable.filter((candidate) => toAsciiDigits(candidate).replace(/\D/g, '').length > 3);
  if (unreadable.length > 0) {
    notes.push({ code: 'invalid_phone', message: `Officer ${quoted}: could not read phone number ${unreadable.map((n) => JSON.stringify(n)).join(', ')}.` });
  }
  if (extra.length > 0 || otherEmails.length > 0) {
    notes.push({ code: 'extra_contact', message: `Officer ${quoted}: kept the first phone, mobile and e-mail; ignored ${[...extra, ...otherEmails].join(', ')}.` });
  }

  const designation = person.designation === null ? null : withoutWorkplace(person.designation);
  const officer: Officer = { name_bn: person.name, designation_bn: designation, phone, mobile, email, inferred: false };
  if (Object.values(officer).every((value) => value === null || value === false)) {
    notes.push({ code: 'unrecognised_officer', message: `Officer ${quoted}: no name, designation, phone or e-mail found.` });
    return { officer: null, notes };
  }
  return { officer, notes };
}
