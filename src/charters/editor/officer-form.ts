// The officer form of the charter editor: what was typed, read into an officer of the charter's
// list with the errors named per field, the way the service form reads an officer. Pure.
import { cleanCellText } from '../parse/bangla-text.ts';
import { isMobileNumber, normalisePhone } from '../parse/contacts.ts';
import type { OfficerEntry } from './officer-list.ts';
import type { FormErrors } from './service-form.ts';

export const OFFICER_FORM_FIELDS = ['name_bn', 'designation_bn', 'phone', 'mobile', 'email'] as const;
export type OfficerFormField = (typeof OFFICER_FORM_FIELDS)[number];
export type OfficerFormValues = Record<OfficerFormField, string>;

const MAX_LENGTH = 400;
const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;

const optional = (text: string) => {
  const cleaned = cleanCellText(text);
  return cleaned === '' ? null : cleaned;
};

export function emptyOfficerForm(): OfficerFormValues {
  return { name_bn: '', designation_bn: '', phone: '', mobile: '', email: '' };
}

export function officerFormValues(entry: OfficerEntry): OfficerFormValues {
  return { name_bn: entry.name_bn ?? '', designation_bn: entry.designation_bn ?? '', phone: entry.phone ?? '', mobile: entry.mobile ?? '', email: entry.email ?? '' };
}

export function pickOfficerForm(body: Partial<Record<string, unknown>>): OfficerFormValues {
  return Object.fromEntries(OFFICER_FORM_FIELDS.map((field) => [field, typeof body[field] === 'string' ? body[field] : ''])) as OfficerFormValues;
}

export function readOfficerForm(values: OfficerFormValues): { officer: OfficerEntry | null; errors: FormErrors<OfficerFormField> } {
  const errors: FormErrors<OfficerFormField> = {};
  for (const field of OFFICER_FORM_FIELDS) if (values[field].length > MAX_LENGTH) errors[field] = 'editor.error.officer_too_long';
  const phoneOf = (field: 'phone' | 'mobile') => {
    if (values[field].trim() === '') return null;
    const phone = normalisePhone(values[field]);
    if (phone === null) errors[field] = 'editor.error.phone';
    return phone;
  };
  let phone = phoneOf('phone');
  let mobile = phoneOf('mobile');
  // as the importer does: a mobile number typed as the phone is the mobile
  if (phone && !mobile && isMobileNumber(phone)) [phone, mobile] = [null, phone];
  const email = optional(values.email);
  if (email !== null && !EMAIL.test(email)) errors.email = 'editor.error.email';
  const name = optional(values.name_bn);
  const designation = optional(values.designation_bn);
  // the list names officers by name or post, as the charter does
  if (name === null && designation === null && !errors.name_bn) errors.name_bn = 'editor.error.officer_name_required';
  if (Object.keys(errors).length > 0) return { officer: null, errors };
  return { officer: { name_bn: name, designation_bn: designation, phone, mobile, email }, errors };
}
