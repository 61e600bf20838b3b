// Table types for Kysely, kept in step with migrations/ by hand (the repository tests exercise them on both engines).
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Numeric = ColumnType<number, number | string, number | string>;
type Json<T> = ColumnType<T, string, string>;

export interface SchemaMigrationsTable {
  name: string;
  applied_at: Generated<Date>;
}

export interface PlacesTable {
  id: Generated<number>;
  parent_id: number | null;
  kind: 'division' | 'district' | 'upazila' | 'union';
  slug: string;
  name_bn: string;
  name_en: string | null;
}

export interface OrganisationsTable {
  id: Generated<number>;
  parent_id: number | null;
  kind: 'ministry' | 'division' | 'department' | 'directorate';
  slug: string;
  name_bn: string;
  name_en: string | null;
}

export interface OfficesTable {
  id: Generated<number>;
  slug: string;
  organisation_id: number | null;
  place_id: number | null;
  name_bn: string;
  name_en: string | null;
  address_bn: string | null;
  address_en: string | null;
  website: string | null;
  phone: string | null;
  email: string | null;
  created_at: Generated<Date>;
}

export type CharterStatus = 'draft' | 'published' | 'archived';

export interface CharterVersionsTable {
  id: Generated<number>;
  office_id: number;
  version_no: number;
  status: ColumnType<CharterStatus, CharterStatus | undefined, CharterStatus>;
  created_at: Generated<Date>;
  published_at: Timestamp | null;
  archived_at: Timestamp | null;
  source_name: string | null;
  source_text: string | null;
  office_name_bn: string | null;
  office_name_en: string | null;
  office_parent_bn: string | null;
  office_address_bn: string | null;
  office_website: string | null;
  vision_bn: string | null;
  vision_en: string | null;
  mission_bn: string | null;
  mission_en: string | null;
  warnings: Json<unknown>;
}

/** The time-limit columns shared by services and GRS contacts. */
export interface TimeLimitColumns {
  time_limit_text: string | null;
  time_immediate: boolean;
  time_min: Numeric | null;
  time_max: Numeric | null;
  time_unit: 'working_day' | 'calendar_day' | 'hour' | 'month' | null;
  time_conditional: boolean;
  time_on_demand: boolean;
}

export interface CharterServicesTable extends TimeLimitColumns {
  id: Generated<number>;
  charter_version_id: number;
  position: number;
  category: 'citizen' | 'institutional' | 'internal' | 'multi_office';
  serial: number;
  name_bn: string | null;
  name_en: string | null;
  delivery_methods: string[];
  documents_bn: string | null;
  documents_en: string | null;
  fee_text: string | null;
  fee_free: boolean;
  fee_amount_bdt: Numeric | null;
  has_officer: boolean;
  officer_name_bn: string | null;
  officer_designation_bn: string | null;
  officer_phone: string | null;
  officer_mobile: string | null;
  officer_email: string | null;
  officer_inferred: boolean;
  remedy_bn: string | null;
  remedy_en: string | null;
  source_line: number | null;
}

export interface CharterOfficersTable {
  id: Generated<number>;
  charter_version_id: number;
  position: number;
  name_bn: string | null;
  name_en: string | null;
  designation_bn: string | null;
  designation_en: string | null;
  phone: string | null;
  mobile: string | null;
  email: string | null;
}

export interface CharterGrsContactsTable extends TimeLimitColumns {
  id: Generated<number>;
  charter_version_id: number;
  position: number;
  level: number;
  role_bn: string | null;
  contact_bn: string | null;
}

export interface CharterExpectationsTable {
  id: Generated<number>;
  charter_version_id: number;
  position: number;
  text_bn: string;
  text_en: string | null;
}

/** 'YYYY-MM-DD' both ways (the date type parser keeps it a string) */
type CalendarDate = string;

export interface HolidaysTable {
  id: Generated<number>;
  office_id: number | null;
  date: CalendarDate;
  name_bn: string;
  name_en: string | null;
  kind: 'general' | 'executive_order' | 'optional' | 'local_closure';
  moon_dependent: Generated<boolean>;
  confirmed: Generated<boolean>;
  source: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface SpecialWorkingDaysTable {
  id: Generated<number>;
  office_id: number | null;
  date: CalendarDate;
  name_bn: string;
  name_en: string | null;
  source: string | null;
  created_at: Generated<Date>;
}

export interface HolidayYearsTable {
  year: number;
  source: string | null;
  loaded_at: Generated<Date>;
}

export interface OfficeHoursTable {
  office_id: number;
  weekly_holidays: Generated<number[]>;
  opening: Generated<string>;
  closing: Generated<string>;
}

export interface DeadlineClocksTable {
  id: Generated<number>;
  subject_type: string;
  subject_id: string;
  office_id: number;
  received_at: Timestamp;
  time_limit: Json<unknown>;
  pauses: ColumnType<unknown, string | undefined, string>;
  expected_at: Timestamp | null;
  due_at: Timestamp | null;
  rule: string;
  status: ColumnType<'open' | 'closed', 'open' | 'closed' | undefined, 'open' | 'closed'>;
  closed_at: Timestamp | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface CalendarChangesTable {
  id: Generated<number>;
  changed_at: Generated<Date>;
  actor: string;
  action: string;
  office_id: number | null;
  detail: Json<unknown>;
  moved_clocks: ColumnType<unknown, string | undefined, string>;
}

export interface DB {
  schema_migrations: SchemaMigrationsTable;
  places: PlacesTable;
  organisations: OrganisationsTable;
  offices: OfficesTable;
  charter_versions: CharterVersionsTable;
  charter_services: CharterServicesTable;
  charter_officers: CharterOfficersTable;
  charter_grs_contacts: CharterGrsContactsTable;
  charter_expectations: CharterExpectationsTable;
  holidays: HolidaysTable;
  special_working_days: SpecialWorkingDaysTable;
  holiday_years: HolidayYearsTable;
  office_hours: OfficeHoursTable;
  deadline_clocks: DeadlineClocksTable;
  calendar_changes: CalendarChangesTable;
}
