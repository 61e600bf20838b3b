// Charter versions in the database: writing a canonical document as a new version,
// publishing it, and reading any version back as the same canonical document.
import { sql, type Insertable, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { CharterServices, DB } from '../core/db/schema.ts';
import { lockOffice, recordPublishedCharter } from '../offices/index.ts';
import { distinctOfficers } from './parse/officer-inference.ts';
import { CHARTER_FORMAT, type CharterDocument, type FeeAmount, type Service, type TimeLimit, type Warning } from './model.ts';
import { identifyServices, type PreviousService } from './service-identity.ts';

type Executor = Kysely<DB> | Transaction<DB>;

/** The time-limit columns shared by services and GRS contacts. */
type TimeLimitColumns = Pick<
  CharterServices,
  'time_limit_text' | 'time_immediate' | 'time_min' | 'time_max' | 'time_unit' | 'time_conditional' | 'time_on_demand'
>;

export function timeLimitColumns(limit: TimeLimit): Insertable<TimeLimitColumns> {
  return {
    time_limit_text: limit.text,
    time_immediate: limit.immediate,
    time_min: limit.min,
    time_max: limit.max,
    time_unit: limit.unit,
    time_conditional: limit.conditional,
    time_on_demand: limit.on_demand,
  };
}

export function timeLimitFromColumns(row: Selectable<TimeLimitColumns>): TimeLimit {
  return {
    text: row.time_limit_text,
    immediate: row.time_immediate,
    min: row.time_min,
    max: row.time_max,
    unit: row.time_unit,
    conditional: row.time_conditional,
    on_demand: row.time_on_demand,
  };
}

export interface VersionSource {
  name: string | null;
  text: string | null;
}

export interface InsertedVersion {
  id: number;
  version_no: number;
  /** which services were matched to the previous version, added or retired */
  identityWarnings: Warning[];
}

/**
 * Stores the document as the office's next version: a draft, or with `publish` its published
 * charter at once (the one published before archived), as publishCharterVersion would make it.
 */
export async function insertCharterVersion(
  trx: Transaction<DB>,
  officeId: number,
  doc: CharterDocument,
  source: VersionSource,
  options: { publish?: boolean | undefined } = {},
): Promise<InsertedVersion> {
  // serialises concurrent imports for one office so version numbers and service codes never collide
  await lockOffice(trx, officeId);
  const latest = await latestVersion(trx, officeId);
  // An office without versions has no services to match, has given out no codes and has no
  // published charter to archive: a bulk import of new offices saves these round trips.
  const identities = identifyServices({
    previous: latest ? await versionServices(trx, latest.id) : null,
    incoming: doc.services,
    highestCodeNumber: latest ? await highestServiceCodeNumber(trx, officeId) : 0,
  });
  const publishedAt = options.publish ? new Date() : null;
  if (publishedAt && latest) await archivePublishedVersion(trx, officeId, publishedAt);
  const version = await trx
    .insertInto('charter_versions')
    .values({
      office_id: officeId,
      version_no: (latest?.version_no ?? 0) + 1,
      status: publishedAt ? 'published' : 'draft',
      published_at: publishedAt,
      source_name: source.name,
      source_text: source.text,
      office_name_bn: doc.office.name_bn,
      office_name_en: doc.office.name_en,
      office_parent_bn: doc.office.parent_bn,
      office_address_bn: doc.office.address_bn,
      office_website: doc.office.website,
      vision_bn: doc.vision_bn,
      mission_bn: doc.mission_bn,
      warnings: JSON.stringify(doc.warnings),
    })
    .returning(['id', 'version_no'])
    .executeTakeFirstOrThrow();

  const services = doc.services.map((service, position) =>
    serviceRow(version.id, position, service, identities.services[position]?.code ?? ''),
  );
  for (const rows of inChunks(services)) await trx.insertInto('charter_services').values(rows).execute();
  await insertVersionOfficers(trx, version.id, doc.services);
  const contacts = doc.grs_contacts.map((contact, position) => ({
    charter_version_id: version.id,
    position,
    level: contact.level,
    role_bn: contact.role_bn,
    contact_bn: contact.contact_bn,
    ...timeLimitColumns(contact.time_limit),
  }));
  for (const rows of inChunks(contacts)) await trx.insertInto('charter_grs_contacts').values(rows).execute();
  const expectations = doc.expectations_bn.map((text, position) => ({ charter_version_id: version.id, position, text_bn: text }));
  for (const rows of inChunks(expectations)) await trx.insertInto('charter_expectations').values(rows).execute();
  if (publishedAt) await recordPublishedCharter(trx, officeId, { versionId: version.id, publishedAt, serviceCount: services.length });
  return { ...version, identityWarnings: identities.warnings };
}

// One statement may carry at most 65,535 bind parameters (PostgreSQL's wire protocol counts
// them in 16 bits; PGlite speaks the same protocol): a charter_services row takes ~30.
const MAX_BIND_PARAMETERS = 65_535;

/** Rows of one table (all with the same columns) in groups that each fit one INSERT; none for no rows. */
function* inChunks<Row extends object>(rows: readonly Row[]): Generator<Row[]> {
  const columns = rows[0] ? Object.keys(rows[0]).length : 1;
  const size = Math.max(1, Math.floor(MAX_BIND_PARAMETERS / columns));
  for (let start = 0; start < rows.length; start += size) yield rows.slice(start, start + size);
}

/** The office's latest version (the highest number), whatever its status. */
async function latestVersion(trx: Transaction<DB>, officeId: number) {
  return trx
    .selectFrom('charter_versions')
    .select(['id', 'version_no'])
    .where('office_id', '=', officeId)
    .orderBy('version_no', 'desc')
    .limit(1)
    .executeTakeFirst();
}

async function versionServices(trx: Transaction<DB>, versionId: number): Promise<PreviousService[]> {
  return trx
    .selectFrom('charter_services')
    .select(['code', 'category', 'serial', 'name_bn', 'name_en'])
    .where('charter_version_id', '=', versionId)
    .orderBy('position')
    .execute();
}

/** The highest code number the office has ever given a service, in any version; 0 for none. */
export async function highestServiceCodeNumber(trx: Transaction<DB>, officeId: number): Promise<number> {
  const row = await trx
    .selectFrom('charter_services as s')
    .innerJoin('charter_versions as v', 'v.id', 's.charter_version_id')
    .select(sql<number | null>`max(cast(substr(s.code, 2) as integer))`.as('n'))
    .where('v.office_id', '=', officeId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export function serviceRow(versionId: number, position: number, service: Service, code: string) {
  const officer = service.officer;
  return {
    charter_version_id: versionId,
    position,
    code,
    category: service.category,
    serial: service.serial,
    name_bn: service.name_bn,
    name_en: service.name_en,
    delivery_methods: service.delivery_methods,
    documents_bn: service.documents_bn,
    fee_text: service.fee.text,
    fee_free: service.fee.free,
    fee_amount_bdt: service.fee.amount_bdt,
    fee_schedule: JSON.stringify(service.fee.schedule),
    ...timeLimitColumns(service.time_limit),
    has_officer: officer !== null,
    officer_name_bn: officer?.name_bn ?? null,
    officer_designation_bn: officer?.designation_bn ?? null,
    officer_phone: officer?.phone ?? null,
    officer_mobile: officer?.mobile ?? null,
    officer_email: officer?.email ?? null,
    officer_inferred: officer?.inferred ?? false,
    remedy_bn: service.remedy_bn,
    source_line: service.source_line,
  };
}

export function serviceFromRow(row: Selectable<CharterServices>): Service {
  return {
    code: row.code,
    category: row.category,
    serial: row.serial,
    name_bn: row.name_bn,
    name_en: row.name_en,
    delivery_methods: row.delivery_methods,
    documents_bn: row.documents_bn,
    fee: { text: row.fee_text, free: row.fee_free, amount_bdt: row.fee_amount_bdt, schedule: row.fee_schedule as FeeAmount[] },
    time_limit: timeLimitFromColumns(row),
    officer: row.has_officer
      ? {
          name_bn: row.officer_name_bn,
          designation_bn: row.officer_designation_bn,
          phone: row.officer_phone,
          mobile: row.officer_mobile,
          email: row.officer_email,
          inferred: row.officer_inferred,
        }
      : null,
    remedy_bn: row.remedy_bn,
    source_line: row.source_line,
  };
}

/** Makes the version the office's published charter; the one published before is archived. */
export async function publishCharterVersion(trx: Transaction<DB>, versionId: number): Promise<void> {
  const version = await trx
    .selectFrom('charter_versions')
    .select(['office_id', 'status'])
    .where('id', '=', versionId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  if (version.status === 'published') return;
  const now = new Date();
  await archivePublishedVersion(trx, version.office_id, now);
  await trx
    .updateTable('charter_versions')
    .set({ status: 'published', published_at: now, archived_at: null })
    .where('id', '=', versionId)
    .execute();
  const services = await trx
    .selectFrom('charter_services')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('charter_version_id', '=', versionId)
    .executeTakeFirstOrThrow();
  await recordPublishedCharter(trx, version.office_id, { versionId, publishedAt: now, serviceCount: Number(services.n) });
}

/** The office's published version, if it has one, becomes archived (one is published at a time). */
async function archivePublishedVersion(trx: Transaction<DB>, officeId: number, at: Date): Promise<void> {
  await trx
    .updateTable('charter_versions')
    .set({ status: 'archived', archived_at: at })
    .where('office_id', '=', officeId)
    .where('status', '=', 'published')
    .execute();
}

/** The columns of a version that pages and forms read: not the source text and warnings, which can run to megabytes. */
const VERSION_COLUMNS = [
  'id',
  'office_id',
  'version_no',
  'status',
  'created_at',
  'published_at',
  'archived_at',
  'source_name',
  'office_name_bn',
  'office_name_en',
  'office_parent_bn',
  'office_address_bn',
  'office_website',
  'vision_bn',
  'vision_en',
  'mission_bn',
  'mission_en',
] as const;

export async function findPublishedVersion(db: Executor, officeId: number) {
  return db
    .selectFrom('charter_versions')
    .select(VERSION_COLUMNS)
    .where('office_id', '=', officeId)
    .where('status', '=', 'published')
    .executeTakeFirst();
}

export async function listVersions(db: Executor, officeId: number) {
  return db
    .selectFrom('charter_versions')
    .select(['id', 'version_no', 'status', 'created_at', 'published_at', 'archived_at'])
    .where('office_id', '=', officeId)
    .orderBy('version_no', 'desc')
    .execute();
}

/** The officers a version lists, worked out again from its services (the editor changes services one at a time). */
export async function replaceVersionOfficers(trx: Transaction<DB>, versionId: number, services: Service[]): Promise<void> {
  await trx.deleteFrom('charter_officers').where('charter_version_id', '=', versionId).execute();
  await insertVersionOfficers(trx, versionId, services);
}

/** The distinct officers of a version's services, as its officer list. */
async function insertVersionOfficers(trx: Executor, versionId: number, services: Service[]): Promise<void> {
  const officers = distinctOfficers(services).map((officer, position) => ({
    charter_version_id: versionId,
    position,
    name_bn: officer.name_bn,
    designation_bn: officer.designation_bn,
    phone: officer.phone,
    mobile: officer.mobile,
    email: officer.email,
  }));
  for (const rows of inChunks(officers)) await trx.insertInto('charter_officers').values(rows).execute();
}

export async function listServiceRows(db: Executor, versionId: number) {
  return db.selectFrom('charter_services').selectAll().where('charter_version_id', '=', versionId).orderBy('position').execute();
}

export async function findServiceRowByCode(db: Executor, versionId: number, code: string) {
  return db
    .selectFrom('charter_services')
    .selectAll()
    .where('charter_version_id', '=', versionId)
    .where('code', '=', code)
    .executeTakeFirst();
}

/** The code of a service row of any version of the office (old links name services by row id). */
export async function findServiceCodeOfRow(db: Executor, officeId: number, serviceId: number): Promise<string | undefined> {
  const row = await db
    .selectFrom('charter_services as s')
    .innerJoin('charter_versions as v', 'v.id', 's.charter_version_id')
    .select('s.code')
    .where('s.id', '=', serviceId)
    .where('v.office_id', '=', officeId)
    .executeTakeFirst();
  return row?.code;
}

export async function listOfficerRows(db: Executor, versionId: number) {
  return db.selectFrom('charter_officers').selectAll().where('charter_version_id', '=', versionId).orderBy('position').execute();
}

/** Reads a stored version back as the canonical document it was imported from. */
export async function loadCharterDocument(db: Executor, versionId: number): Promise<CharterDocument> {
  const version = await db.selectFrom('charter_versions').selectAll().where('id', '=', versionId).executeTakeFirstOrThrow();
  const [services, grs, expectations] = await Promise.all([
    listServiceRows(db, versionId),
    db.selectFrom('charter_grs_contacts').selectAll().where('charter_version_id', '=', versionId).orderBy('position').execute(),
    db.selectFrom('charter_expectations').selectAll().where('charter_version_id', '=', versionId).orderBy('position').execute(),
  ]);
  return {
    format: CHARTER_FORMAT,
    office: {
      name_bn: version.office_name_bn,
      name_en: version.office_name_en,
      parent_bn: version.office_parent_bn,
      address_bn: version.office_address_bn,
      website: version.office_website,
    },
    vision_bn: version.vision_bn,
    mission_bn: version.mission_bn,
    services: services.map(serviceFromRow),
    grs_contacts: grs.map((row) => ({
      level: row.level,
      role_bn: row.role_bn,
      contact_bn: row.contact_bn,
      time_limit: timeLimitFromColumns(row),
    })),
    expectations_bn: expectations.map((row) => row.text_bn),
    warnings: version.warnings as Warning[],
  };
}
