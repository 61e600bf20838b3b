// The lines above the service tables: the office's name, parent and address, its website,
// and the vision and mission statements.
import type { CharterOffice, Warning } from '../model.ts';
import { banglaPattern } from './bangla-text.ts';
import { findContactStart } from './contacts.ts';
import { hasListMarker, stripListMarker } from './list-items.ts';
import { isGovernmentLine, namesAuthority, namesFieldOffice, wholeWords, withoutTrailingNotes } from './office-words.ts';
import { CHARTER_TITLE } from './page-furniture.ts';
import { filledCells, type SourceLine } from './source-lines.ts';

const URL = /(https?:\/\/[^\s<>)"]+|\b(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:gov\.bd|org\.bd|edu\.bd|com\.bd|bd|com|org|net)\b[^\s<>)"]*)/i;
// "হটলাইন: ৩৩৩", "ফোন: …", "ই-মেইল: …", "ওয়েবসাইট: …": how to reach the office, never its name or address
const CONTACT_LINE = banglaPattern(
  '^(?:হট\\s*লাইন|হেল্প\\s*লাইন|ফোন|টেলিফোন|মোবাইল|ফ্যাক্স|ই-?\\s*মেইল|ইমেইল|ওয়েব\\s*সাইট|ওয়েব|hot\\s*line|help\\s*line|phone|tel|telephone|mobile|fax|e-?\\s*mail|web\\s*site|web|url)\\s*(?:নং|নম্বর|no\\.?)?\\s*(?::|ঃ|-|–)',
  'iu',
);
const CONTACT_INSIDE = banglaPattern('(?:^|[\\s,;।|])(?:হট\\s*লাইন|হেল্প\\s*লাইন|hot\\s*line|help\\s*line)\\s*(?::|ঃ|-|–)', 'iu');
const ADDRESS_LABEL = banglaPattern('^(?:ঠিকানা|অফিসের\\s*ঠিকানা|address)\\s*(?::|ঃ|-|–)\\s*', 'iu');
// "উপজেলা নির্বাহী অফিসারের কার্যালয়ের সেবা প্রদান প্রতিশ্রুতি": the office in the possessive before the title
const POSSESSIVE_END = banglaPattern('(?:\\s*-?\\s*এর|[’\']র|ের|(?<=[\\u09BE-\\u09CC])র)$', 'u');
const JOINS_NEXT_LINE = banglaPattern('(?:\\s(?:ও|এবং|and)|&)$', 'iu');
const CONTINUES_LINE = banglaPattern('^(?:ও|এবং|and|&)\\s', 'iu');

type Kind = 'office' | 'authority' | 'other';

interface HeaderLine {
  text: string;
  line: number;
  kind: Kind;
  /** the office named in a title or a page banner: used when no plain line names one */
  fromTitle: boolean;
}

export interface Preamble {
  office: CharterOffice;
  vision_bn: string | null;
  mission_bn: string | null;
}

export class PreambleReader {
  private readonly headerLines: HeaderLine[] = [];
  private readonly englishLines: { text: string; line: number }[] = [];
  private readonly banners: HeaderLine[] = [];
  private website: string | null = null;
  private vision: string[] = [];
  private mission: string[] = [];
  private collecting: 'vision' | 'mission' | null = null;

  /** A line before the first section heading. */
  readHeaderLine(source: SourceLine): void {
    const text = this.withoutContacts(filledCells(source).join(' ').replace(/\s+/g, ' ').trim());
    if (!text || isGovernmentLine(text)) return;
    const url = URL.exec(text);
    if (url && text.replace(url[0], '').replace(/[<>\s]/g, '') === '') {
      this.website ??= normaliseWebsite(url[0]);
      return;
    }
    if (CHARTER_TITLE.test(text)) {
      const office = officeInTitle(text);
      if (office) this.headerLines.push({ text: office, line: source.line, kind: 'office', fromTitle: true });
      return;
    }
    if (isMostlyLatin(text)) {
      this.englishLines.push({ text: withoutTrailingNotes(text, { keepAcronym: true }), line: source.line });
      return;
    }
    // "সিলেট সিটি কর্পোরেশন (Sylhet City Corporation)": the English name in brackets
    const english = /\(([^()]*)\)\s*[।.]?$/u.exec(text);
    const bangla = english && isMostlyLatin(english[1] ?? '') ? text.slice(0, english.index).trim() : text;
    if (english && bangla !== text) this.englishLines.push({ text: (english[1] ?? '').trim(), line: source.line });
    this.headerLines.push({ text: bangla, line: source.line, kind: kindOf(bangla), fromTitle: false });
  }

  /** The office's banner, seen at a page break: its name, if no header line gives one. */
  readBannerLine(text: string, line: number): void {
    const office = CHARTER_TITLE.test(text) ? officeInTitle(text) : withoutTrailingNotes(text);
    if (office && namesFieldOffice(office)) this.banners.push({ text: office, line, kind: 'office', fromTitle: true });
  }

  /** "ফোন: …", "হটলাইন: ৩৩৩" and e-mail addresses are dropped, and the website kept. */
  private withoutContacts(text: string): string {
    const url = URL.exec(text);
    if (CONTACT_LINE.test(text)) {
      // the domain of an e-mail address is no website
      if (url && text[url.index - 1] !== '@') this.website ??= normaliseWebsite(url[0]);
      return '';
    }
    const starts = [findContactStart(text), CONTACT_INSIDE.exec(text)?.index ?? -1].filter((index) => index > 0);
    if (starts.length === 0) return text;
    return text.slice(0, Math.min(...starts)).replace(/[\s,;:।|–—-]+$/u, '').trim();
  }

  /** A line inside the vision-and-mission section; returns false if it is not part of it. */
  readVisionMissionLine(source: SourceLine): boolean {
    const text = filledCells(source).join(' ').trim();
    if (!text) return true;
    const labelled = /^(ভিশন|রূপকল্প|vision|মিশন|অভিলক্ষ্য|mission)\s*(?:\([^)]*\))?\s*(?:(?::|ঃ|-|–)\s*(.*)|)$/i.exec(text);
    if (labelled) {
      this.collecting = /^(ভিশন|রূপকল্প|vision)/i.test(labelled[1] ?? '') ? 'vision' : 'mission';
      if (labelled[2]) this.target().push(stripListMarker(labelled[2]));
      return true;
    }
    if (!this.collecting) return false;
    const item = stripListMarker(text);
    if (item) this.target().push(item);
    return true;
  }

  private target(): string[] {
    return this.collecting === 'vision' ? this.vision : this.mission;
  }

  finish(warnings: Warning[]): Preamble {
    const lines = this.headerLines;
    const officeIndex = findOfficeLine(lines);
    const used = new Set<number>();
    let name: string | null = null;
    let address: string | null = null;
    let parent: string | null = null;
    let banner: HeaderLine | undefined;

    if (officeIndex === -1) banner = this.banners[0];
    if (officeIndex !== -1 || banner) {
      const office = officeIndex === -1 ? banner : lines[officeIndex];
      let officeLine = tidyName(office?.text ?? '');
      let next = officeIndex + 1;
      // "উপজেলা প্রাণিসম্পদ দপ্তর ও" over "ভেটেরিনারি হাসপাতাল": one name on two lines
      while (officeIndex !== -1 && lines[next] && (JOINS_NEXT_LINE.test(officeLine) || CONTINUES_LINE.test(lines[next]?.text ?? ''))) {
        officeLine = `${officeLine} ${tidyName(lines[next]?.text ?? '')}`;
        used.add(next);
        next++;
      }
      used.add(officeIndex);
      const after = officeIndex === -1 ? [] : addressLinesFrom(lines, next);
      for (const entry of after) used.add(lines.indexOf(entry));
      const addressLines = after.map((entry) => tidyName(entry.text.replace(ADDRESS_LABEL, ''))).filter(Boolean);
      const comma = officeLine.indexOf(',');
      // "উপজেলা নির্বাচন অফিসারের কার্যালয়" over "কমলগঞ্জ, মৌলভীবাজার": the place completes the name;
      // a street address under "সার্কেল অফিস, মৌলভীবাজার" or "সিলেট সিটি কর্পোরেশন" does not
      const place = comma === -1 && addressLines[0] && isPlaceLine(addressLines[0]) ? addressLines[0] : null;
      name = place ? `${officeLine}, ${place}` : officeLine;
      address = addressLines.length > 0 ? addressLines.join(', ') : comma === -1 ? null : officeLine.slice(comma + 1).trim() || null;
      const parentIndex = findParentLine(lines, officeIndex === -1 ? lines.length : officeIndex, office?.text ?? '');
      if (parentIndex !== -1) parent = tidyName(lines[parentIndex]?.text ?? '');
      // every authority above the office (its ministry, its department) is accounted for
      lines.forEach((entry, index) => {
        if (entry.kind === 'authority' || entry.fromTitle) used.add(index);
      });
    } else if (lines.length > 0) {
      const guess = lines.at(-1);
      name = guess ? tidyName(guess.text) : null;
      used.add(lines.length - 1);
      warnings.push({
        line: guess?.line ?? null,
        code: 'office_name_guess',
        message: `No line names the office (কার্যালয়/অফিস/দপ্তর); "${name}" was taken as its name.`,
      });
    }
    lines.forEach((entry, index) => {
      if (!used.has(index)) {
        warnings.push({ line: entry.line, code: 'unplaced_line', message: `Header line not understood: "${entry.text}".` });
      }
    });
    // an English line naming an office is the office's English name; others are noted
    const englishName =
      this.englishLines.filter((entry) => namesFieldOffice(entry.text)).at(-1) ??
      this.englishLines.filter((entry) => namesAuthority(entry.text)).at(-1);
    // a charter in English prints its authority in English
    if (parent === null) {
      const authorities = this.englishLines.filter((entry) => entry !== englishName && namesAuthority(entry.text) && !namesFieldOffice(entry.text));
      const above = authorities.filter((entry) => entry.line < (englishName?.line ?? Infinity)).at(-1);
      parent = (above ?? authorities[0])?.text ?? null;
    }
    for (const entry of this.englishLines) {
      if (entry !== englishName && !CHARTER_TITLE.test(entry.text) && !namesAuthority(entry.text)) {
        warnings.push({ line: entry.line, code: 'unplaced_line', message: `Header line not understood: "${entry.text}".` });
      }
    }
    return {
      office: {
        name_bn: name || null,
        name_en: englishName?.text ?? null,
        parent_bn: parent || null,
        address_bn: address || null,
        website: this.website,
      },
      vision_bn: this.vision.join(' ') || null,
      mission_bn: this.mission.join(' ') || null,
    };
  }
}

/** The lines right under the office that give its address: no authority, no list item, no long sentence. */
function addressLinesFrom(lines: readonly HeaderLine[], start: number): HeaderLine[] {
  const found: HeaderLine[] = [];
  for (const entry of lines.slice(start)) {
    if (entry.kind === 'authority' || entry.fromTitle || entry.text.length > 80 || hasListMarker(entry.text)) break;
    found.push(entry);
  }
  return found;
}

const STREET_WORDS = wholeWords([
  'রোড', 'সড়ক', 'ভবন', 'বাজার', 'লেন', 'হোল্ডিং', 'বাড়ি', 'বাসা', 'পোস্ট', 'পোঃ', 'ডাকঘর', 'ফ্লোর', 'তলা', 'মোড়', 'চত্বর', 'কমপ্লেক্স',
  'road', 'lane', 'house', 'building', 'floor', 'street', 'avenue', 'complex',
]);

/** "কমলগঞ্জ, মৌলভীবাজার", "উপজেলা: কালিয়াকৈর, জেলা: গাজীপুর": places only, no street or building. */
function isPlaceLine(text: string): boolean {
  const parts = text.split(',').map((part) => part.trim());
  return (
    parts.length <= 3 &&
    parts.every((part) => part.split(/\s+/).length <= 3) &&
    !/[0-9০-৯]/.test(text) &&
    !STREET_WORDS.test(text) &&
    !namesFieldOffice(text)
  );
}

function kindOf(text: string): Kind {
  if (namesFieldOffice(text)) return 'office';
  return namesAuthority(text) ? 'authority' : 'other';
}

/**
 * The office is the first line naming a place of service; failing that, the office named
 * in the title; failing that, the last authority named (a directorate's own charter).
 */
function findOfficeLine(lines: readonly HeaderLine[]): number {
  const plain = lines.findIndex((entry) => entry.kind === 'office' && !entry.fromTitle);
  if (plain !== -1) return plain;
  const titled = lines.findIndex((entry) => entry.kind === 'office');
  if (titled !== -1) return titled;
  return lines.findLastIndex((entry) => entry.kind === 'authority');
}

/** The authority printed nearest above the office, or else the first one below it. */
function findParentLine(lines: readonly HeaderLine[], officeIndex: number, officeText: string): number {
  const isParent = (entry: HeaderLine | undefined) => entry?.kind === 'authority' && entry.text !== officeText;
  for (let index = Math.min(officeIndex, lines.length) - 1; index >= 0; index--) {
    if (isParent(lines[index])) return index;
  }
  return lines.findIndex((entry, index) => index > officeIndex && isParent(entry));
}

/** The office named in a title line, without the title: "উপজেলা ভূমি অফিস" of "উপজেলা ভূমি অফিসের সেবা প্রদান প্রতিশ্রুতি". */
function officeInTitle(text: string): string | null {
  const parts = text
    .split(CHARTER_TITLE)
    .map((part) => withoutTrailingNotes(part.replace(/^(?:[\s(),:|–—-]|\u0983)+|[\s(]+$/gu, '')))
    .filter(Boolean);
  for (const part of parts) {
    for (const candidate of [part, part.replace(POSSESSIVE_END, '')]) {
      const tidy = withoutTrailingNotes(candidate);
      if (namesFieldOffice(tidy) && !isMostlyLatin(tidy)) return tidy;
    }
  }
  return null;
}

function tidyName(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[\s,;:।.|–—-]+$/u, '').trim();
}

function isMostlyLatin(text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? [];
  const latin = letters.filter((letter) => /[a-z]/i.test(letter)).length;
  return letters.length > 0 && latin / letters.length > 0.7;
}

function normaliseWebsite(url: string): string {
  const trimmed = url.replace(/[/.,]+$/, '');
  return /^https?:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`;
}
