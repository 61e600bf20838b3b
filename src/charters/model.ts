// The canonical charter document (protishruti.charter/v1): what the importer produces,
// what export writes and what import reads back. Field names are a public contract.

export const CHARTER_FORMAT = 'protishruti.charter/v1';

export const SERVICE_CATEGORIES = ['citizen', 'institutional', 'internal', 'multi_office'] as const;
export type ServiceCategory = (typeof SERVICE_CATEGORIES)[number];

export const TIME_UNITS = ['working_day', 'calendar_day', 'hour', 'month'] as const;
export type TimeUnit = (typeof TIME_UNITS)[number];

/**
 * A promised time limit. `min` is when the service is expected, `max` when it is due,
 * both in `unit`: "তাৎক্ষণিক/ ৩ কার্যদিবস" is {immediate, min 0, max 3}, "৩-৭" is {min 3, max 7},
 * "৭ কার্যদিবস" is {min 7, max 7}. No duration at all leaves min, max and unit null.
 */
export interface TimeLimit {
  text: string | null;
  immediate: boolean;
  min: number | null;
  max: number | null;
  unit: TimeUnit | null;
  conditional: boolean;
  on_demand: boolean;
}

export interface Fee {
  text: string | null;
  free: boolean;
  /** what the service costs; the first amount of a schedule */
  amount_bdt: number | null;
  /**
   * Every amount of a cell that names several ("সাধারণ: ১০০ টাকা, জরুরি: ৩০০ টাকা"), each with
   * the words that say when it applies; empty when the cell names one amount or none.
   */
  schedule: FeeAmount[];
}

export interface FeeAmount {
  amount_bdt: number;
  condition_bn: string | null;
}

export interface Officer {
  name_bn: string | null;
  designation_bn: string | null;
  phone: string | null;
  mobile: string | null;
  email: string | null;
  /** true when any part was filled in from elsewhere in the charter rather than read from the row */
  inferred: boolean;
}

export interface Service {
  /**
   * The service's identity in its office across charter versions (s1, s2, …): given on export,
   * honoured on import, assigned by matching with the previous version when absent.
   */
  code?: string;
  category: ServiceCategory;
  serial: number;
  name_bn: string | null;
  name_en: string | null;
  delivery_methods: string[];
  documents_bn: string | null;
  fee: Fee;
  time_limit: TimeLimit;
  officer: Officer | null;
  remedy_bn: string | null;
  source_line: number | null;
}

/** s1, s2, …: short, URL-safe, never numeric (so never taken for an old row id), readable over the phone. */
export const SERVICE_CODE_PATTERN = /^s[1-9][0-9]{0,5}$/;

export function serviceCode(n: number): string {
  return `s${n}`;
}

export function serviceCodeNumber(code: string): number {
  return Number(code.slice(1));
}

export interface GrsContact {
  level: number;
  role_bn: string | null;
  contact_bn: string | null;
  time_limit: TimeLimit;
}

export interface Warning {
  line: number | null;
  code: string;
  message: string;
}

export interface CharterOffice {
  name_bn: string | null;
  name_en: string | null;
  parent_bn: string | null;
  address_bn: string | null;
  website: string | null;
}

export interface CharterDocument {
  format: typeof CHARTER_FORMAT;
  office: CharterOffice;
  vision_bn: string | null;
  mission_bn: string | null;
  services: Service[];
  grs_contacts: GrsContact[];
  expectations_bn: string[];
  warnings: Warning[];
}

/** A warning before the importer knows which source line it belongs to. */
export type ParseNote = Omit<Warning, 'line'>;

export function noTimeLimit(text: string | null): TimeLimit {
  return { text, immediate: false, min: null, max: null, unit: null, conditional: false, on_demand: false };
}
