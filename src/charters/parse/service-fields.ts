// Turns a finished raw row into a Service: each cell parsed into its structured field.
import type { Fee, ParseNote, Service, Warning } from '../model.ts';
import { parseOfficerCell } from './contacts.ts';
import { parseFee } from './fee.ts';
import { cellText, cellTexts, type RawServiceRow } from './service-rows.ts';
import { parseTimeLimit, splitTrailingOfficer } from './time-limit.ts';

// "১। দাপ্তরিক ওয়েব সাইটের মাধ্যমে ২। টেলিফোন …": items numbered ১। / ২) / 3.
const NUMBERED_ITEM = /(?:^|\s)[(]?[০-৯0-9]{1,2}\s*[।.)]\s+/;

export function splitDeliveryMethods(text: string): string[] {
  if (!text) return [];
  if (NUMBERED_ITEM.test(text)) {
    return text.split(NUMBERED_ITEM).map((part) => part.trim()).filter(Boolean);
  }
  // "টেলিফোন/ সরাসরি/ ই-মেইল যোগাযোগ": short alternatives separated by slashes
  const slashed = text.split('/').map((part) => part.trim()).filter(Boolean);
  return slashed.every((part) => part.length <= 40) ? slashed : [text];
}

const LATIN_ONLY = /^(?=.*[A-Za-z])[^\u0980-\u09FF]*$/;

function attach(notes: ParseNote[], line: number, warnings: Warning[]): void {
  for (const note of notes) warnings.push({ line, ...note });
}

function joinLabelled(parts: [string | null, string][]): string | null {
  const present = parts.filter(([, text]) => text !== '');
  if (present.length === 0) return null;
  return present.map(([label, text]) => (label && present.length > 1 ? `${label}: ${text}` : text)).join('; ');
}

/**
 * "সেবার মূল্য" and "পরিশোধ পদ্ধতি" in two columns: the text keeps both, the figure (or free)
 * comes from the first column that states one, so "৫০০" stays 500 taka beside "ব্যাংক চালান".
 */
function feeOfColumns(texts: readonly string[]): Fee {
  const whole = parseFee(texts.join('; '));
  const stated = texts.map(parseFee).find((fee) => fee.free || fee.amount_bdt !== null);
  return stated ? { ...stated, text: whole.text } : whole;
}

/** Bare figures ("৭") take the unit their column's header names, else the parser assumes working days. */
function timeOfCell(text: string, headerUnit: string | null): ReturnType<typeof parseTimeLimit> {
  const time = parseTimeLimit(text);
  if (headerUnit === null || !time.notes.some((note) => note.code === 'assumed_unit')) return time;
  const named = parseTimeLimit(`${text} ${headerUnit}`);
  // the cell's own words stay the time limit's text
  return { ...named, limit: { ...named.limit, text: time.limit.text } };
}

export function buildService(row: RawServiceRow, warnings: Warning[]): Service {
  const name = cellText(row, 'name');
  if (!name) {
    warnings.push({ line: row.line, code: 'missing_service_name', message: `Service ${row.serial} has no name.` });
  }

  let timeText = cellText(row, 'time');
  let officerText = cellText(row, 'officer');
  if (timeText) {
    const split = splitTrailingOfficer(timeText);
    if (split.officerText) {
      timeText = split.timeLimitText;
      officerText = [officerText, split.officerText].filter(Boolean).join(' ');
      warnings.push({
        line: row.line,
        code: 'officer_in_time_limit',
        message: `Service ${row.serial}: officer details found in the time-limit cell were moved to the officer column.`,
      });
    }
  }

  const fee = feeOfColumns(cellTexts(row, 'fee'));
  if (fee.schedule.length > 1) {
    const amounts = fee.schedule.map((item) => `${item.amount_bdt}${item.condition_bn ? ` (${item.condition_bn})` : ''}`).join(', ');
    warnings.push({
      line: row.line,
      code: 'fee_schedule',
      message: `Service ${row.serial}: the fee names ${fee.schedule.length} amounts (${amounts}); all are kept as a fee schedule, and the first, ${fee.schedule[0]?.amount_bdt} taka, is the service's fee.`,
    });
  }
  const time = timeOfCell(timeText, row.timeUnitWord ?? null);
  attach(time.notes, row.line, warnings);
  const officer = parseOfficerCell(officerText);
  attach(officer.notes, row.line, warnings);

  return {
    category: row.category,
    serial: row.serial,
    name_bn: name || null,
    // an English charter's name is the English name as well
    name_en: LATIN_ONLY.test(name) ? name : null,
    delivery_methods: splitDeliveryMethods(cellText(row, 'method')),
    documents_bn: joinLabelled([
      [null, cellText(row, 'documents')],
      ['প্রাপ্তিস্থান', cellText(row, 'source')],
    ]),
    fee,
    time_limit: time.limit,
    officer: officer.officer,
    remedy_bn: joinLabelled([
      [null, cellText(row, 'remedy')],
      ['ঊর্ধ্বতন কর্মকর্তা', cellText(row, 'superior')],
    ]),
    source_line: row.line,
  };
}
