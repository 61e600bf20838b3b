// Compares what the importer read from a charter with the facts a reader of that charter
// wrote down by hand, fact by fact: the yardstick for charters of kinds of office it never saw.
import type { CharterDocument, Fee, Service, ServiceCategory, TimeLimit, TimeUnit } from '../model.ts';

/** A fee as the reader sees it: free, one sum (null: charged, but no sum printed), or several sums. */
export type ExpectedFee = { free: true } | { amount: number | null } | { amounts: [number, number, ...number[]] };

/** A time limit as the reader sees it: a duration, "at once", or no limit that a clock could track. */
export type ExpectedTime = { max: number; unit: TimeUnit } | 'immediate' | 'no_fixed_limit';

export interface ExpectedService {
  /** citizen when absent */
  category?: ServiceCategory;
  serial: number;
  name: string;
  fee: ExpectedFee;
  time: ExpectedTime;
  /** the responsible officer's designation, without name, phone or address */
  officer: string;
}

export interface ExpectedCharter {
  /** the office's name as printed (its English name, for a charter in English) */
  office: string;
  /** the authority printed above the office, when the charter prints one */
  parent?: string;
  services: ExpectedService[];
  grs: { level: number; role: string }[];
  expectations: number;
}

export interface FactResult {
  fact: string;
  expected: string;
  got: string;
  right: boolean;
}

export interface CharterScore {
  facts: FactResult[];
  right: number;
  checked: number;
  /** right / checked, 0…1 */
  share: number;
}

/** Whitespace and invisible joiners are how a text was pasted, not what it says. */
export function normaliseFactText(text: string | null | undefined): string {
  return (text ?? '')
    .normalize('NFC')
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const same = (a: string | null | undefined, b: string | null | undefined) => normaliseFactText(a) === normaliseFactText(b);
const shown = (text: string | null | undefined) => (text === null || text === undefined ? '(none)' : normaliseFactText(text));

export function scoreCharter(expected: ExpectedCharter, doc: CharterDocument): CharterScore {
  const facts: FactResult[] = [];
  const check = (fact: string, expectedText: string, got: string, right: boolean) => facts.push({ fact, expected: expectedText, got, right });

  const officeNames = [doc.office.name_bn, doc.office.name_en];
  check('office name', expected.office, shown(doc.office.name_bn ?? doc.office.name_en), officeNames.some((name) => same(name, expected.office)));
  if (expected.parent !== undefined) check('parent authority', expected.parent, shown(doc.office.parent_bn), same(doc.office.parent_bn, expected.parent));
  check('number of services', String(expected.services.length), String(doc.services.length), doc.services.length === expected.services.length);

  const unmatched = new Set(doc.services);
  for (const want of expected.services) {
    const category = want.category ?? 'citizen';
    const label = `service ${category} ${want.serial}`;
    const got = takeMatchingService(unmatched, category, want);
    if (!got) {
      for (const field of ['name', 'fee', 'time limit', 'officer']) check(`${label} ${field}`, field === 'name' ? want.name : '…', '(service not found)', false);
      if ('amounts' in want.fee) check(`${label} fee schedule`, want.fee.amounts.join(' + '), '(service not found)', false);
      continue;
    }
    check(`${label} name`, want.name, shown(serviceName(got)), same(got.name_bn, want.name) || same(got.name_en, want.name));
    check(`${label} fee`, describeExpectedFee(want.fee), describeFee(got.fee), feeMatches(want.fee, got.fee));
    if ('amounts' in want.fee) {
      const kept = got.fee.schedule.map((step) => step.amount_bdt);
      check(`${label} fee schedule`, want.fee.amounts.join(' + '), kept.length > 0 ? kept.join(' + ') : '(no schedule)', sameAmounts(kept, want.fee.amounts));
    }
    check(`${label} time limit`, describeExpectedTime(want.time), describeTime(got.time_limit), timeMatches(want.time, got.time_limit));
    check(`${label} officer`, want.officer, shown(got.officer?.designation_bn), same(got.officer?.designation_bn, want.officer));
  }

  for (const step of expected.grs) {
    const got = doc.grs_contacts.find((contact) => contact.level === step.level);
    check(`GRS level ${step.level}`, step.role, got ? shown(got.role_bn) : '(no such level)', same(got?.role_bn, step.role));
  }
  check('number of GRS levels', String(expected.grs.length), String(doc.grs_contacts.length), doc.grs_contacts.length === expected.grs.length);
  check('number of expectations', String(expected.expectations), String(doc.expectations_bn.length), doc.expectations_bn.length === expected.expectations);

  const right = facts.filter((fact) => fact.right).length;
  return { facts, right, checked: facts.length, share: facts.length === 0 ? 0 : right / facts.length };
}

/** By name first (a service whose serial was misread is still the same service), else by category and serial. */
function takeMatchingService(candidates: Set<Service>, category: ServiceCategory, want: ExpectedService): Service | undefined {
  const all = [...candidates];
  const found =
    all.find((service) => same(service.name_bn, want.name) || same(service.name_en, want.name)) ??
    all.find((service) => service.category === category && service.serial === want.serial);
  if (found) candidates.delete(found);
  return found;
}

const serviceName = (service: Service) => service.name_bn ?? service.name_en;

function feeMatches(want: ExpectedFee, got: Fee): boolean {
  if ('free' in want) return got.free;
  if ('amounts' in want) return !got.free && got.amount_bdt === want.amounts[0];
  return !got.free && got.amount_bdt === want.amount;
}

/** The same amounts, in any order: a schedule keeps every sum the cell names and invents none. */
function sameAmounts(got: number[], want: number[]): boolean {
  const sorted = (amounts: number[]) => [...amounts].sort((a, b) => a - b).join(',');
  return sorted(got) === sorted(want);
}

function timeMatches(want: ExpectedTime, got: TimeLimit): boolean {
  if (want === 'immediate') return got.immediate;
  if (want === 'no_fixed_limit') return got.max === null;
  return got.max === want.max && got.unit === want.unit;
}

function describeExpectedFee(fee: ExpectedFee): string {
  if ('free' in fee) return 'free';
  if ('amounts' in fee) return `${fee.amounts[0]} (first of ${fee.amounts.join(', ')})`;
  return fee.amount === null ? 'charged, no sum' : String(fee.amount);
}

function describeFee(fee: Fee): string {
  const read = fee.free ? 'free' : fee.amount_bdt === null ? 'charged, no sum' : String(fee.amount_bdt);
  return `${read} ← ${shown(fee.text)}`;
}

function describeExpectedTime(time: ExpectedTime): string {
  return typeof time === 'string' ? time : `${time.max} ${time.unit}`;
}

function describeTime(time: TimeLimit): string {
  const read = time.max === null ? 'no_fixed_limit' : `${time.max} ${time.unit ?? '?'}`;
  return `${time.immediate ? 'immediate, ' : ''}${read} ← ${shown(time.text)}`;
}

/** A table of one charter's facts: the count, then every wrong fact with what was expected and what was read. */
export function formatCharterScore(name: string, score: CharterScore): string {
  const lines = [`${name}: ${score.right}/${score.checked} facts right (${(score.share * 100).toFixed(1)} %)`];
  for (const fact of score.facts) {
    if (!fact.right) lines.push(`  ✗ ${fact.fact}\n      expected: ${fact.expected}\n      got:      ${fact.got}`);
  }
  return lines.join('\n');
}
