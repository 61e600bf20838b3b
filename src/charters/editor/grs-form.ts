// The GRS contact form of the charter editor: one step of the charter's grievance redress table
// (its level, the role, whom to contact and how, and the time limit), read the way the importer
// reads the same cells. Pure.
import type { GrsContact, ParseNote, TimeLimit } from '../model.ts';
import { cleanCellText } from '../parse/bangla-text.ts';
import { parseTimeLimit } from '../parse/time-limit.ts';
import type { FormErrors } from './service-form.ts';

export const GRS_FORM_FIELDS = ['level', 'role_bn', 'contact_bn', 'time_limit'] as const;
export type GrsFormField = (typeof GRS_FORM_FIELDS)[number];
export type GrsFormValues = Record<GrsFormField, string>;

const MAX_LENGTH = 4000;

const optional = (text: string) => {
  // the contact keeps its lines (name, post, phone, address …), each cleaned as a cell is
  const cleaned = text
    .split(/\r?\n/)
    .map(cleanCellText)
    .filter((line) => line !== '')
    .join('\n');
  return cleaned === '' ? null : cleaned;
};

export function emptyGrsForm(level: number): GrsFormValues {
  return { level: String(level), role_bn: '', contact_bn: '', time_limit: '' };
}

export function grsFormValues(contact: GrsContact): GrsFormValues {
  return { level: String(contact.level), role_bn: contact.role_bn ?? '', contact_bn: contact.contact_bn ?? '', time_limit: contact.time_limit.text ?? '' };
}

export function pickGrsForm(body: Partial<Record<string, unknown>>): GrsFormValues {
  return Object.fromEntries(GRS_FORM_FIELDS.map((field) => [field, typeof body[field] === 'string' ? body[field] : ''])) as GrsFormValues;
}

export interface GrsFormReading {
  contact: GrsContact | null;
  errors: FormErrors<GrsFormField>;
  timeLimit: TimeLimit;
  timeLimitNotes: ParseNote[];
}

export function readGrsForm(values: GrsFormValues): GrsFormReading {
  const errors: FormErrors<GrsFormField> = {};
  for (const field of GRS_FORM_FIELDS) if (values[field].length > MAX_LENGTH) errors[field] = 'editor.error.too_long';
  const levelText = values.level.trim();
  const level = /^\d{1,2}$/.test(levelText) ? Number(levelText) : NaN;
  if (!(level >= 1)) errors.level = 'editor.error.grs_level';
  const role = optional(values.role_bn);
  const contact = optional(values.contact_bn);
  if (role === null && !errors.role_bn) errors.role_bn = 'editor.error.grs_role_required';
  if (contact === null && !errors.contact_bn) errors.contact_bn = 'editor.error.grs_contact_required';
  const { limit, notes } = parseTimeLimit(values.time_limit);
  if (Object.keys(errors).length > 0) return { contact: null, errors, timeLimit: limit, timeLimitNotes: notes };
  return { contact: { level, role_bn: role, contact_bn: contact, time_limit: limit }, errors, timeLimit: limit, timeLimitNotes: notes };
}
