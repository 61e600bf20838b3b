// Section headings of a charter: vision and mission, the service tables (২.১ নাগরিক সেবা …),
// the multi-office group, GRS and the expectations list.
import type { ServiceCategory } from '../model.ts';
import { filledCells, type SourceLine } from './source-lines.ts';

export type Section =
  | { kind: 'vision_mission' }
  | { kind: 'services'; category: ServiceCategory }
  | { kind: 'services_heading' }
  | { kind: 'grs' }
  | { kind: 'expectations' }
  | { kind: 'other' };

const SECTION_PATTERNS: [RegExp, Section][] = [
  [/একাধিক\s*(দপ্তর|অফিস|প্রতিষ্ঠান)|multi[- ]office/i, { kind: 'services', category: 'multi_office' }],
  [/(?:অভ্যন্তরী|আভ্যন্তরী)(?:ণ|ন)\s*সেবা|internal services?/i, { kind: 'services', category: 'internal' }],
  [/(?:প্রাতিষ্ঠানিক|দাপ্তরিক)\s*সেবা|institutional services?/i, { kind: 'services', category: 'institutional' }],
  [/নাগরিক\s*সেবা|citizen('?s)? services?/i, { kind: 'services', category: 'citizen' }],
  [/অভিযোগ\s*(প্রতিকার|নিষ্পত্তি)|grievance|\bGRS\b|if you are not satisfied/i, { kind: 'grs' }],
  [/আমাদের\s*(কাছে\s*)?(আপনার|আপনাদের)\s*প্রত্যাশা|আমাদের\s*প্রত্যাশা|আপনার\s*(কাছে|নিকট)\s*আমাদের\s*প্রত্যাশা|প্রত্যাশা|what we expect|(?:our\s+)?expectations?\s+(?:from|of)\b/i, { kind: 'expectations' }],
  [/প্রতিশ্?র?ু?ত\s*সেবা|promised services/i, { kind: 'services_heading' }],
  [/আওতাধীন|অধীনস্থ|subordinate offices/i, { kind: 'other' }],
  [/ভিশন|মিশন|রূপকল্প|অভিলক্ষ্য|vision|mission/i, { kind: 'vision_mission' }],
];

const HEADING_MARKUP = /^(#{1,6}\s*|\*\*|<h\d>)/i;
// "অভিযোগ নিষ্পত্তি কর্মকর্তা (অনিক)" alone is a cell of the GRS table naming the post, not its heading
const GRIEVANCE_OFFICER = /^(?:অভিযোগ\s*নিষ্পত্তি\s*কর্মকর্তা|grievance\s*redress\s*officer)\s*(?:\((?:অনিক|gro)\))?\s*[।.]?$/i;
// "২.১)", "২.১", "৩.", "3)" – section numbers in front of a heading
const SECTION_NUMBER = /^[(]?[০-৯0-9]+([.][০-৯0-9]+)*[.)।]?\s*/;

/**
 * A heading is a short line on its own: a table row whose only filled cell is the
 * heading text also counts (the multi-office group starts like that).
 */
export function recogniseSection(source: SourceLine): Section | null {
  const filled = filledCells(source);
  if (filled.length !== 1) return null;
  const text = (filled[0] ?? '').trim();
  if (text.length === 0 || text.length > 90) return null;
  const looksLikeHeading = HEADING_MARKUP.test(source.raw.trim()) || SECTION_NUMBER.test(text) || text.length <= 60;
  if (!looksLikeHeading) return null;
  const body = text.replace(SECTION_NUMBER, '');
  if (GRIEVANCE_OFFICER.test(body)) return null;
  // "ভিশন: জ্ঞানভিত্তিক …" is content with a label, not a heading
  if (/^(ভিশন|মিশন|রূপকল্প|অভিলক্ষ্য|vision|mission)\s*(?::|ঃ)\s*\S/i.test(body)) return null;
  const markedUp = HEADING_MARKUP.test(source.raw.trim());
  for (const [pattern, section] of SECTION_PATTERNS) {
    const match = pattern.exec(body);
    // mid-sentence keywords ("… উদ্ভাবনী নাগরিক সেবা …") belong to a wrapped cell, not a heading
    if (match && (match.index === 0 || markedUp)) return section;
  }
  return markedUp ? { kind: 'other' } : null;
}
