// Reading charters for the portal and for export.
import type { DialectAdapter, Kysely } from 'kysely';
import { LRUCache } from 'lru-cache';
import type { DB } from '../core/db/schema.ts';
import { currentDirectoryRevision, findOfficeBySlug } from '../offices/index.ts';
import { ChartersError } from './errors.ts';
import type { CharterDocument } from './model.ts';
import {
  findPublishedVersion,
  findServiceCodeOfRow,
  findServiceRowByCode,
  listOfficerRows,
  listServiceRows,
  loadCharterDocument,
  serviceFromRow,
} from './repository.ts';

async function requirePublished(db: Kysely<DB>, slug: string) {
  const office = await findOfficeBySlug(db, slug);
  if (!office) throw new ChartersError('office_not_found', slug);
  const version = await findPublishedVersion(db, office.id);
  if (!version) throw new ChartersError('office_not_found', slug);
  return { office, version };
}

/** The office with its published charter: everything the charter page shows. */
export async function loadPublishedCharter(db: Kysely<DB>, slug: string) {
  const { office, version } = await requirePublished(db, slug);
  const [serviceRows, officers, doc] = await Promise.all([
    listServiceRows(db, version.id),
    listOfficerRows(db, version.id),
    loadCharterDocument(db, version.id),
  ]);
  return {
    office,
    version,
    services: serviceRows.map((row) => ({ ...serviceFromRow(row), code: row.code })),
    officers,
    grs_contacts: doc.grs_contacts,
    expectations_bn: doc.expectations_bn,
  };
}

export type PublishedCharter = Awaited<ReturnType<typeof loadPublishedCharter>>;

/**
 * Published services as the apply form and the service page read them, kept per database and
 * directory revision: publishing a version changes the office's row, which moves the revision,
 * so a new version is a new key on every instance. Under load a request costs a share of one
 * read of the revision instead of two reads of its own.
 */
const PUBLISHED_SERVICES_KEPT = 5_000;
const publishedServices = new WeakMap<DialectAdapter, LRUCache<string, PublishedService>>();

type PublishedService = Awaited<ReturnType<typeof readPublishedService>>;

async function readPublishedService(db: Kysely<DB>, slug: string, code: string) {
  const office = await findOfficeBySlug(db, slug);
  if (!office || office.published_charter_version_id === null) throw new ChartersError('office_not_found', slug);
  const row = await findServiceRowByCode(db, office.published_charter_version_id, code);
  if (!row) throw new ChartersError('service_not_found', code);
  return { office, service: { ...serviceFromRow(row), code: row.code } };
}

/** The service with this code in the office's published charter (shared: not to be changed). */
export async function loadPublishedService(db: Kysely<DB>, slug: string, code: string): Promise<PublishedService> {
  const database = db.getExecutor().adapter;
  let kept = publishedServices.get(database);
  if (!kept) {
    kept = new LRUCache({ max: PUBLISHED_SERVICES_KEPT });
    publishedServices.set(database, kept);
  }
  // a publish committed between this read and the reads below files the newer service under the
  // older number, which later requests no longer ask for: never an older one under a newer number
  const key = `${await currentDirectoryRevision(db)}:${slug}:${code}`;
  const known = kept.get(key);
  if (known) return known;
  const read = await readPublishedService(db, slug, code);
  kept.set(key, read);
  return read;
}

/** The code of a service of any version of this office, named by its old row id (links before codes). */
export async function serviceCodeOfOldId(db: Kysely<DB>, slug: string, serviceId: number): Promise<string> {
  const office = await findOfficeBySlug(db, slug);
  if (!office) throw new ChartersError('office_not_found', slug);
  const code = await findServiceCodeOfRow(db, office.id, serviceId);
  if (!code) throw new ChartersError('service_not_found', String(serviceId));
  return code;
}

/** The canonical document of an office's published charter, or of one numbered version. */
export async function exportCharter(db: Kysely<DB>, slug: string, versionNo?: number): Promise<CharterDocument> {
  const office = await findOfficeBySlug(db, slug);
  if (!office) throw new ChartersError('office_not_found', slug);
  const version = versionNo
    ? await db
        .selectFrom('charter_versions')
        .select('id')
        .where('office_id', '=', office.id)
        .where('version_no', '=', versionNo)
        .executeTakeFirst()
    : await findPublishedVersion(db, office.id);
  if (!version) throw new ChartersError('office_not_found', `${slug}${versionNo ? ` version ${versionNo}` : ''}`);
  return loadCharterDocument(db, version.id);
}
