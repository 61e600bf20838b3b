// The lines above the service tables: the office's name, parent and address, its website,
// and the vision and mission statements.
import type { CharterOffice, Warning } from '../model.ts';
import { filledCells, type SourceLine } from './source-lines.ts';

const TITLE_LINES = /^(গণপ্রজাতন্ত্রী বাংলাদেশ সরকার|government of the people'?s republic of bangladesh)$/i;
// "ইউনিয়ন পরিষদের নাগরিক সনদ (Citizen Charter)": the document's title, whatever else the line says
const CHARTER_TITLE = /নাগরিক সনদ|সিটিজেন'?স?\s*চার্টার|সেবা প্রদান প্রতিশ্রুতি|citizen'?s? charter/i;
const ENGLISH_OFFICE = /\b(office|council|directorate|department|ministry|division|commissioner|parishad)\b/i;
const URL = /(https?:\/\/[^\s<>)"]+|\b[a-z0-9.-]+\.gov\.bd\b[^\s<>)"]*)/i;
const PARENT_WORDS = /(মন্ত্রণালয়|অধিদপ্তর|অধিদফতর|পরিদপ্তর|বিভাগ|ministry|department|directorate)$/i;
const OFFICE_WORDS =
  /(কার্যালয়|অফিস|পরিষদ|দপ্তর|দফতর|কমপ্লেক্স|হাসপাতাল|কেন্দ্র|বিদ্যালয়|কলেজ|মাদ্রাসা|বোর্ড|কমিশন|কর্তৃপক্ষ|সংস্থা|ইনস্টিটিউট|একাডেমি|ব্যুরো|পৌরসভা|কর্পোরেশন|office|council|hospital|complex)/i;

export interface Preamble {
  office: CharterOffice;
  vision_bn: string | null;
  mission_bn: string | null;
}

export class PreambleReader {
  private readonly headerLines: { text: string; line: number }[] = [];
  private readonly englishLines: { text: string; line: number }[] = [];
  private website: string | null = null;
  private vision: string[] = [];
  private mission: string[] = [];
  private collecting: 'vision' | 'mission' | null = null;

  /** A line before the first section heading. */
  readHeaderLine(source: SourceLine): void {
    const text = filledCells(source).join(' ').trim();
    if (!text) return;
    const url = URL.exec(text);
    if (url && text.replace(url[0], '').replace(/[<>\s]/g, '') === '') {
      this.website ??= normaliseWebsite(url[0]);
      return;
    }
    if (TITLE_LINES.test(text) || CHARTER_TITLE.test(text)) return;
    (isMostlyLatin(text) ? this.englishLines : this.headerLines).push({ text, line: source.line });
  }

  /** A line inside the vision-and-mission section; returns false if it is not part of it. */
  readVisionMissionLine(source: SourceLine): boolean {
    const text = filledCells(source).join(' ').trim();
    if (!text) return true;
    const labelled = /^(ভিশন|রূপকল্প|vision|মিশন|অভিলক্ষ্য|mission)\s*(?:\([^)]*\))?\s*(?:(?::|ঃ|-|–)\s*(.*)|)$/i.exec(text);
    if (labelled) {
      this.collecting = /^(ভিশন|রূপকল্প|vision)/i.test(labelled[1] ?? '') ? 'vision' : 'mission';
      if (labelled[2]) this.target().push(labelled[2]);
      return true;
    }
    if (!this.collecting) return false;
    this.target().push(text);
    return true;
  }

  private target(): string[] {
    return this.collecting === 'vision' ? this.vision : this.mission;
  }

  finish(warnings: Warning[]): Preamble {
    const lines = this.headerLines.map((entry) => entry.text);
    const officeIndex = lines.findIndex((text) => OFFICE_WORDS.test(text) && !PARENT_WORDS.test(text));
    const parents = (officeIndex === -1 ? lines : lines.slice(0, officeIndex)).filter((text) => PARENT_WORDS.test(text));
    let name: string | null = null;
    let address: string | null = null;
    if (officeIndex !== -1) {
      const officeLine = lines[officeIndex] ?? '';
      const after = lines.slice(officeIndex + 1).filter((text) => text.length <= 80);
      const comma = officeLine.indexOf(',');
      if (after.length > 0) {
        address = after.join(', ');
        name = `${officeLine}, ${address}`;
      } else {
        name = officeLine;
        address = comma === -1 ? null : officeLine.slice(comma + 1).trim() || null;
      }
    } else if (lines.length > 0) {
      name = lines[lines.length - 1] ?? null;
      warnings.push({
        line: this.headerLines.at(-1)?.line ?? null,
        code: 'office_name_guess',
        message: `No line names the office (কার্যালয়/অফিস/দপ্তর); "${name}" was taken as its name.`,
      });
    }
    const used = new Set([...(officeIndex === -1 ? [lines.length - 1] : []), officeIndex, ...parents.map((p) => lines.indexOf(p))]);
    this.headerLines.forEach((entry, index) => {
      if (!used.has(index) && !(officeIndex !== -1 && index > officeIndex)) {
        warnings.push({ line: entry.line, code: 'unplaced_line', message: `Header line not understood: "${entry.text}".` });
      }
    });
    // an English line naming an office is the office's English name; others are noted
    const englishName = this.englishLines.filter((entry) => ENGLISH_OFFICE.test(entry.text)).at(-1);
    for (const entry of this.englishLines) {
      if (entry !== englishName) {
        warnings.push({ line: entry.line, code: 'unplaced_line', message: `Header line not understood: "${entry.text}".` });
      }
    }
    return {
      office: {
        name_bn: name,
        name_en: englishName?.text ?? null,
        parent_bn: parents.at(-1) ?? null,
        address_bn: address,
        website: this.website,
      },
      vision_bn: this.vision.join(' ') || null,
      mission_bn: this.mission.join(' ') || null,
    };
  }
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
