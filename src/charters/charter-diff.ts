// What changed between two versions of one office's charter, service by service (matched by
// code) and in the charter's own parts, and how each change reads: "time limit 7 → 5 working
// days". Pure: the history page loads the versions and shows what this returns.
import { formatNumber } from '../core/format.ts';
import { t, type Lang, type MessageKey } from '../core/i18n/index.ts';
import type { CharterDocument, Fee, Officer, Service, TimeLimit, TimeUnit } from './model.ts';

export type TextField = 'name_bn' | 'name_en' | 'category' | 'serial' | 'delivery' | 'documents' | 'officer' | 'remedy';

export type FieldChange =
  | { field: TextField; before: string | null; after: string | null }
  | { field: 'fee'; before: Fee; after: Fee }
  | { field: 'time_limit'; before: TimeLimit; after: TimeLimit };

export type ServiceChange =
  | { kind: 'added'; code: string; service: Service }
  | { kind: 'removed'; code: string; service: Service }
  | { kind: 'changed'; code: string; service: Service; fields: FieldChange[] };

export type CharterPart = 'office_name' | 'vision' | 'mission' | 'grs_contacts' | 'expectations';

export interface PartChange {
  part: CharterPart;
  before: string | null;
  after: string | null;
}

export interface CharterDiff {
  parts: PartChange[];
  services: ServiceChange[];
}

type Comparable = Pick<CharterDocument, 'office' | 'vision_bn' | 'mission_bn' | 'services' | 'grs_contacts' | 'expectations_bn'>;

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
  const grs = (doc: Comparable) => doc.grs_contacts.map((c) => [c.level, c.role_bn, c.contact_bn, c.time_limit.text].join(' · ')).join('\n') || null;
  part('grs_contacts', grs(before), grs(after));
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
  return { parts, services };
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
  grs_contacts: 'diff.part.grs_contacts',
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
  if (change.part === 'grs_contacts' || change.part === 'expectations') return t(lang, 'diff.part_changed', { label });
  return t(lang, 'diff.change', { label, before: quoted(lang, change.before), after: quoted(lang, change.after) });
}
