// The service form of the charter editor: what was typed, read into a Service with the errors
// named per field, the way the importer reads the same cells. Pure.
import type { MessageKey } from '../../core/i18n/index.ts';
import { SERVICE_CATEGORIES, type ParseNote, type Service, type ServiceCategory, type TimeLimit } from '../model.ts';
import { cleanCellText } from '../parse/bangla-text.ts';
import { isMobileNumber, normalisePhone } from '../parse/contacts.ts';
import { parseFee } from '../parse/fee.ts';
import { parseTimeLimit } from '../parse/time-limit.ts';

export const SERVICE_FORM_FIELDS = [
  'name_bn',
  'name_en',
  'category',
  'serial',
  'delivery_methods',
  'documents_bn',
  'fee',
  'time_limit',
  'officer_name_bn',
  'officer_designation_bn',
  'officer_phone',
  'officer_mobile',
  'officer_email',
  'remedy_bn',
] as const;
export type ServiceFormField = (typeof SERVICE_FORM_FIELDS)[number];
export type ServiceFormValues = Record<ServiceFormField, string>;
export type FormErrors<Field extends string> = Partial<Record<Field, MessageKey>>;

export interface ServiceFormReading {
  /** null while any field has an error */
  service: Service | null;
  errors: FormErrors<ServiceFormField>;
  timeLimit: TimeLimit;
  /** what the importer would warn about this time limit (no_fixed_limit, assumed_unit …) */
  timeLimitNotes: ParseNote[];
}

/** Longest text a field takes: a charter cell is rarely more than a paragraph. */
const MAX_LENGTH = 4000;
const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;

const optional = (text: string) => {
  const cleaned = cleanCellText(text);
  return cleaned === '' ? null : cleaned;
};

export function emptyServiceForm(serial: number): ServiceFormValues {
  const values = Object.fromEntries(SERVICE_FORM_FIELDS.map((field) => [field, ''])) as ServiceFormValues;
  return { ...values, category: 'citizen', serial: String(serial) };
}

/** The form as it opens for a stored service. */
export function serviceFormValues(service: Service): ServiceFormValues {
  const officer = service.officer;
  return {
    name_bn: service.name_bn ?? '',
    name_en: service.name_en ?? '',
    category: service.category,
    serial: String(service.serial),
    delivery_methods: service.delivery_methods.join('\n'),
    documents_bn: service.documents_bn ?? '',
    fee: service.fee.text ?? '',
    time_limit: service.time_limit.text ?? '',
    officer_name_bn: officer?.name_bn ?? '',
    officer_designation_bn: officer?.designation_bn ?? '',
    officer_phone: officer?.phone ?? '',
    officer_mobile: officer?.mobile ?? '',
    officer_email: officer?.email ?? '',
    remedy_bn: service.remedy_bn ?? '',
  };
}

/** Only the known fields, as strings: anything else a form might carry is left out. */
export function pickServiceForm(body: Partial<Record<string, unknown>>): ServiceFormValues {
  return Object.fromEntries(SERVICE_FORM_FIELDS.map((field) => [field, typeof body[field] === 'string' ? body[field] : ''])) as ServiceFormValues;
}

function readPhone(text: string, errors: FormErrors<ServiceFormField>, field: 'officer_phone' | 'officer_mobile'): string | null {
  if (text.trim() === '') return null;
  const phone = normalisePhone(text);
  if (phone === null) errors[field] = 'editor.error.phone';
  return phone;
}

export function readServiceForm(values: ServiceFormValues, previous?: Pick<Service, 'source_line'>): ServiceFormReading {
  const errors: FormErrors<ServiceFormField> = {};
  for (const field of SERVICE_FORM_FIELDS) if (values[field].length > MAX_LENGTH) errors[field] = 'editor.error.too_long';
  const nameBn = optional(values.name_bn);
  if (nameBn === null && !errors.name_bn) errors.name_bn = 'editor.error.name_required';
  const category = SERVICE_CATEGORIES.find((value) => value === values.category);
  if (!category) errors.category = 'editor.error.category';
  const serialText = values.serial.trim();
  const serial = /^\d{1,4}$/.test(serialText) ? Number(serialText) : NaN;
  if (!(serial >= 1)) errors.serial = 'editor.error.serial';
  const { limit, notes } = parseTimeLimit(values.time_limit);

  let phone = readPhone(values.officer_phone, errors, 'officer_phone');
  let mobile = readPhone(values.officer_mobile, errors, 'officer_mobile');
  // as the importer does: a mobile number typed as the phone is the mobile
  if (phone && !mobile && isMobileNumber(phone)) [phone, mobile] = [null, phone];
  const email = optional(values.officer_email);
  if (email !== null && !EMAIL.test(email)) errors.officer_email = 'editor.error.email';

  if (Object.keys(errors).length > 0) return { service: null, errors, timeLimit: limit, timeLimitNotes: notes };
  const officer = {
    name_bn: optional(values.officer_name_bn),
    designation_bn: optional(values.officer_designation_bn),
    phone,
    mobile,
    email,
    inferred: false,
  };
  const hasOfficer = Object.values(officer).some((value) => value !== null && value !== false);
  const service: Service = {
    category: category as ServiceCategory,
    serial,
    name_bn: nameBn,
    name_en: optional(values.name_en),
    // one method a line, as the form shows them
    delivery_methods: values.delivery_methods
      .split(/\r?\n/)
      .map(cleanCellText)
      .filter((method) => method !== ''),
    documents_bn: optional(values.documents_bn),
    fee: parseFee(values.fee),
    time_limit: limit,
    officer: hasOfficer ? officer : null,
    remedy_bn: optional(values.remedy_bn),
    source_line: previous?.source_line ?? null,
  };
  return { service, errors, timeLimit: limit, timeLimitNotes: notes };
}
