// What changed between two versions of one office's charter, service by service (matched by
// code), officer by officer, step by step of the GRS table and in the charter's own parts, and
// how each change reads: "time limit 7 → 5 working days". Pure: the history page loads the
// versions and shows what this returns.
import { formatNumber } from '../core/format.ts';
import { t, type Lang, type MessageKey } from '../core/i18n/index.ts';
import type { CharterDocument, Fee, GrsContact, Officer, Service, TimeLimit, TimeUnit } from './model.ts';
import { sameOfficer } from './parse/officer-inference.ts';

export type TextField = 'name_bn' | 'name_en' | 'category' | 'serial' | 'delivery' | 'documents' | 'officer' | 'remedy';

export type FieldChange =
  | { field: TextField; before: string | null; after: string | null }
  | { field: 'fee'; before: Fee; after: Fee }
  | { field: 'time_limit'; before: TimeLimit; after: TimeLimit };

export type ServiceChange =
  | { kind: 'added'; code: string; service: Service }
  | { kind: 'removed'; code: string; service: Service }
  | { kind: 'changed'; code: string; service: Service; fields: FieldChange[] };

export type CharterPart = 'office_name' | 'vision' | 'mission' | 'expectations';

export interface PartChange {
  part: CharterPart;
  before: string | null;
  after: string | null;
}

/** An officer on a charter's list of officers (a service's officer without the "inferred" mark). */
export type ListedOfficer = Omit<Officer, 'inferred'>;
export type OfficerField = 'name_bn' | 'designation_bn' | 'phone' | 'mobile' | 'email';
const OFFICER_FIELDS: readonly OfficerField[] = ['name_bn', 'designation_bn', 'phone', 'mobile', 'email'];

export type OfficerChange =
  | { kind: 'added'; officer: ListedOfficer }
  | { kind: 'removed'; officer: ListedOfficer }
  | { kind: 'changed'; officer: ListedOfficer; fields: { field: OfficerField; before: string | null; after: string | null }[] };

export type GrsFieldChange =
  | { field: 'level' | 'role' | 'contact'; before: string | null; after: string | null }
  | { field: 'time_limit'; before: TimeLimit; after: TimeLimit };

export type GrsChange =
  | { kind: 'added'; contact: GrsContact }
  | { kind: 'removed'; contact: GrsContact }
  | { kind: 'changed'; contact: GrsContact; fields: GrsFieldChange[] };

export interface CharterDiff {
  parts: PartChange[];
  services: ServiceChange[];
  officers: OfficerChange[];
  grs_contacts: GrsChange[];
}

type Comparable = Pick<CharterDocument, 'office' | 'vision_bn' | 'mission_bn' | 'services' | 'grs_contacts' | 'expectations_bn'> & {
  /** the charter's list of officers, when the caller has it (the canonical document has none) */
  officers?: readonly ListedOfficer[];
};

function officerText(officer: Officer | null): string | null {
  if (!officer) return null;
  const parts = [officer.name_bn, officer.designation_bn, officer.phone, officer.mobile, officer.email].filter((part) => part);
  return parts.length > 0 ? parts.join(', ') : null;
}

const sameTimeLimit = (a: TimeLimit, b: TimeLimit) =>
  a.text === b.text && a.immediate === b.immediate && a.min === b.min && a.max === b.max && a.unit === b.unit && a.conditional === b.conditional && a.on_demand === b.on_demand;

const sameFee = (a: Fee, b: Fee) => a.text === b.text && a.free === b.free && a.amount_bdt === b.amount_bdt;

function serviceFieldChanges(before: Service, after: Service): FieldChange[] {
  const changes: FieldChange[] = [];
  const text = (field: TextField, a: string | null, b: string | null) => {
    if (a !== b) changes.push({ field, before: a, after: b });
  };
  text('name_bn', before.name_bn, after.name_bn);
  text('name_en', before.name_en, after.name_en);
  text('category', before.category, after.category);
  text('serial', String(before.serial), String(after.serial));
  text('delivery', before.delivery_methods.join(' / ') || null, after.delivery_methods.join(' / ') || null);
  text('documents', before.documents_bn, after.documents_bn);
  if (!sameFee(before.fee, after.fee)) changes.push({ field: 'fee', before: before.fee, after: after.fee });
  if (!sameTimeLimit(before.time_limit, after.time_limit)) changes.push({ field: 'time_limit', before: before.time_limit, after: after.time_limit });
  text('officer', officerText(before.officer), officerText(after.officer));
  text('remedy', before.remedy_bn, after.remedy_bn);
  return changes;
}

/** Services are the same service when they have the same code; one without a code is new. */
export function diffCharters(before: Comparable, after: Comparable): CharterDiff {
  const parts: PartChange[] = [];
  const part = (name: CharterPart, a: string | null, b: string | null) => {
    if (a !== b) parts.push({ part: name, before: a, after: b });
  };
  part('office_name', before.office.name_bn, after.office.name_bn);
  part('vision', before.vision_bn, after.vision_bn);
  part('mission', before.mission_bn, after.mission_bn);
  part('expectations', before.expectations_bn.join('\n') || null, after.expectations_bn.join('\n') || null);

  const oldByCode = new Map(before.services.filter((s) => s.code).map((s) => [s.code as string, s]));
  const kept = new Set<string>();
  const services: ServiceChange[] = [];
  for (const service of after.services) {
    const old = service.code ? oldByCode.get(service.code) : undefined;
    const code = service.code ?? '';
    if (!old) {
      services.push({ kind: 'added', code, service });
      continue;
    }
    kept.add(code);
    const fields = serviceFieldChanges(old, service);
    if (fields.length > 0) services.push({ kind: 'changed', code, service, fields });
  }
  for (const service of before.services) {
    if (service.code && !kept.has(service.code)) services.push({ kind: 'removed', code: service.code, service });
  }
  return { parts, services, officers: diffOfficers(before.officers ?? [], after.officers ?? []), grs_contacts: diffGrsContacts(before.grs_contacts, after.grs_contacts) };
}

const asOfficer = (officer: ListedOfficer): Officer => ({ ...officer, inferred: false });

/**
 * Pairs the items of two lists, in order: first the equal ones, then those `alike` says are the
 * same thing changed; what is left is added or removed.
 */
function pairUp<T>(before: readonly T[], after: readonly T[], equal: (a: T, b: T) => boolean, alike: (a: T, b: T) => boolean) {
  const partner = new Map<number, number>();
  const taken = new Set<number>();
  for (const test of [equal, alike]) {
    after.forEach((item, index) => {
      if (partner.has(index)) return;
      const match = before.findIndex((old, oldIndex) => !taken.has(oldIndex) && test(old, item));
      if (match >= 0) {
        partner.set(index, match);
        taken.add(match);
      }
    });
  }
  return {
    pairs: [...partner.entries()].sort(([a], [b]) => a - b).map(([index, oldIndex]) => [before[oldIndex] as T, after[index] as T] as const),
    added: after.filter((_, index) => !partner.has(index)),
    removed: before.filter((_, index) => !taken.has(index)),
  };
}

/**
 * Officers are the same officer changed when the importer would take them for one, or when they
 * keep their name or a contact (a new mobile number is the same officer's new number).
 */
export function diffOfficers(before: readonly ListedOfficer[], after: readonly ListedOfficer[]): OfficerChange[] {
  const fieldsOf = (a: ListedOfficer, b: ListedOfficer) =>
    OFFICER_FIELDS.filter((field) => a[field] !== b[field]).map((field) => ({ field, before: a[field], after: b[field] }));
  const keeps = (a: ListedOfficer, b: ListedOfficer) => (['name_bn', 'email', 'mobile', 'phone'] as const).some((field) => a[field] !== null && a[field] === b[field]);
  const alike = (a: ListedOfficer, b: ListedOfficer) => sameOfficer(asOfficer(a), asOfficer(b)) || keeps(a, b);
  const { pairs, added, removed } = pairUp(before, after, (a, b) => fieldsOf(a, b).length === 0, alike);
  const changes: OfficerChange[] = [];
  for (const [old, officer] of pairs) {
    const fields = fieldsOf(old, officer);
    if (fields.length > 0) changes.push({ kind: 'changed', officer, fields });
  }
  for (const officer of added) changes.push({ kind: 'added', officer });
  for (const officer of removed) changes.push({ kind: 'removed', officer });
  return changes;
}

/** Steps of the GRS table are the same step when they have the same role, or else the same level. */
export function diffGrsContacts(before: readonly GrsContact[], after: readonly GrsContact[]): GrsChange[] {
  const fieldsOf = (a: GrsContact, b: GrsContact): GrsFieldChange[] => {
    const fields: GrsFieldChange[] = [];
    if (a.level !== b.level) fields.push({ field: 'level', before: String(a.level), after: String(b.level) });
    if (a.role_bn !== b.role_bn) fields.push({ field: 'role', before: a.role_bn, after: b.role_bn });
    if (a.contact_bn !== b.contact_bn) fields.push({ field: 'contact', before: a.contact_bn, after: b.contact_bn });
    if (!sameTimeLimit(a.time_limit, b.time_limit)) fields.push({ field: 'time_limit', before: a.time_limit, after: b.time_limit });
    return fields;
  };
  const sameRole = (a: GrsContact, b: GrsContact) => a.role_bn !== null && a.role_bn === b.role_bn;
  const first = pairUp(before, after, (a, b) => fieldsOf(a, b).length === 0, sameRole);
  const second = pairUp(first.removed, first.added, () => false, (a, b) => a.level === b.level);
  const changes: GrsChange[] = [];
  for (const [old, contact] of [...first.pairs, ...second.pairs]) {
    const fields = fieldsOf(old, contact);
    if (fields.length > 0) changes.push({ kind: 'changed', contact, fields });
  }
  for (const contact of second.added) changes.push({ kind: 'added', contact });
  for (const contact of second.removed) changes.push({ kind: 'removed', contact });
  return changes;
}

const FIELD_LABELS: Record<FieldChange['field'], MessageKey> = {
  name_bn: 'diff.field.name_bn',
  name_en: 'diff.field.name_en',
  category: 'diff.field.category',
  serial: 'diff.field.serial',
  delivery: 'diff.field.delivery',
  documents: 'diff.field.documents',
  fee: 'diff.field.fee',
  time_limit: 'diff.field.time_limit',
  officer: 'diff.field.officer',
  remedy: 'diff.field.remedy',
};

const PART_LABELS: Record<CharterPart, MessageKey> = {
  office_name: 'diff.part.office_name',
  vision: 'diff.part.vision',
  mission: 'diff.part.mission',
  expectations: 'diff.part.expectations',
};

function duration(lang: Lang, count: number, unit: TimeUnit): string {
  return t(lang, `time.unit.${unit}.${count === 1 ? 'one' : 'other'}`, { count: formatNumber(lang, count) });
}

const quoted = (lang: Lang, text: string | null) => (text === null ? t(lang, 'diff.empty') : `“${text}”`);

/** A single figure in one unit ("৭ কার্যদিবস"), which two limits can be compared by. */
function singleFigure(limit: TimeLimit): { max: number; unit: TimeUnit } | null {
  if (limit.unit === null || limit.max === null || limit.immediate || limit.conditional || limit.on_demand) return null;
  if (limit.min !== null && limit.min !== limit.max) return null;
  return { max: limit.max, unit: limit.unit };
}

function describeTimeLimit(lang: Lang, label: string, before: TimeLimit, after: TimeLimit): string {
  const a = singleFigure(before);
  const b = singleFigure(after);
  if (a && b && a.unit === b.unit) return t(lang, 'diff.change', { label, before: formatNumber(lang, a.max), after: duration(lang, b.max, b.unit) });
  return t(lang, 'diff.change', { label, before: quoted(lang, before.text), after: quoted(lang, after.text) });
}

function feeText(lang: Lang, fee: Fee): string {
  if (fee.text) return quoted(lang, fee.text);
  if (fee.amount_bdt !== null) return t(lang, 'charter.fee_amount', { amount: formatNumber(lang, fee.amount_bdt) });
  return fee.free ? t(lang, 'charter.free') : t(lang, 'diff.empty');
}

/** One changed field in words: "সময়সীমা ৭ → ৫ কার্যদিবস", "time limit 7 → 5 working days". */
export function describeFieldChange(lang: Lang, change: FieldChange): string {
  const label = t(lang, FIELD_LABELS[change.field]);
  switch (change.field) {
    case 'time_limit':
      return describeTimeLimit(lang, label, change.before, change.after);
    case 'fee':
      return t(lang, 'diff.change', { label, before: feeText(lang, change.before), after: feeText(lang, change.after) });
    case 'serial':
      return t(lang, 'diff.change', { label, before: formatNumber(lang, change.before ?? ''), after: formatNumber(lang, change.after ?? '') });
    case 'category': {
      const name = (value: string | null) => (value ? t(lang, `charter.category.${value}` as MessageKey) : t(lang, 'diff.empty'));
      return t(lang, 'diff.change', { label, before: name(change.before), after: name(change.after) });
    }
    default:
      return t(lang, 'diff.change', { label, before: quoted(lang, change.before), after: quoted(lang, change.after) });
  }
}

export function describePartChange(lang: Lang, change: PartChange): string {
  const label = t(lang, PART_LABELS[change.part]);
  if (change.part === 'expectations') return t(lang, 'diff.part_changed', { label });
  return t(lang, 'diff.change', { label, before: quoted(lang, change.before), after: quoted(lang, change.after) });
}

/** The officer in one line: name, designation and contacts. */
export function officerLine(officer: ListedOfficer): string {
  return OFFICER_FIELDS.map((field) => officer[field])
    .filter((part) => part)
    .join(', ');
}

const OFFICER_FIELD_LABELS: Record<OfficerField, MessageKey> = {
  name_bn: 'diff.officer_field.name_bn',
  designation_bn: 'diff.officer_field.designation_bn',
  phone: 'diff.officer_field.phone',
  mobile: 'diff.officer_field.mobile',
  email: 'diff.officer_field.email',
};

/** "New officer: রহিম, প্রোগ্রামার, +8801712345678"; "রহিম: phone “…” → “…”". */
export function describeOfficerChange(lang: Lang, change: OfficerChange): string[] {
  if (change.kind === 'added') return [`${t(lang, 'diff.officer_added')}: ${officerLine(change.officer)}`];
  if (change.kind === 'removed') return [`${t(lang, 'diff.officer_removed')}: ${officerLine(change.officer)}`];
  const who = change.officer.name_bn ?? change.officer.designation_bn ?? officerLine(change.officer);
  return change.fields.map((field) => `${who}: ${t(lang, 'diff.change', { label: t(lang, OFFICER_FIELD_LABELS[field.field]), before: quoted(lang, field.before), after: quoted(lang, field.after) })}`);
}

const GRS_FIELD_LABELS: Record<GrsFieldChange['field'], MessageKey> = {
  level: 'diff.grs_field.level',
  role: 'diff.grs_field.role',
  contact: 'diff.grs_field.contact',
  time_limit: 'diff.field.time_limit',
};

const grsLine = (contact: GrsContact) => [contact.role_bn, contact.contact_bn?.replace(/\n/g, ', '), contact.time_limit.text].filter((part) => part).join(' · ');

/** "New GRS contact: …"; "GRS contact, step 2: time limit 20 → 15 working days". */
export function describeGrsChange(lang: Lang, change: GrsChange): string[] {
  if (change.kind === 'added') return [`${t(lang, 'diff.grs_added')}: ${grsLine(change.contact)}`];
  if (change.kind === 'removed') return [`${t(lang, 'diff.grs_removed')}: ${grsLine(change.contact)}`];
  const step = t(lang, 'diff.grs_changed', { level: formatNumber(lang, change.contact.level) });
  return change.fields.map((field) => {
    const label = t(lang, GRS_FIELD_LABELS[field.field]);
    if (field.field === 'time_limit') return `${step}: ${describeTimeLimit(lang, label, field.before, field.after)}`;
    if (field.field === 'level') return `${step}: ${t(lang, 'diff.change', { label, before: formatNumber(lang, field.before ?? ''), after: formatNumber(lang, field.after ?? '') })}`;
    return `${step}: ${t(lang, 'diff.change', { label, before: quoted(lang, field.before), after: quoted(lang, field.after) })}`;
  });
}
