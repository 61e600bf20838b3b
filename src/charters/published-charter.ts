// Reading charters for the portal and for export.
import type { Kysely } from 'kysely';
import type { DB } from '../core/db/schema.ts';
import { findOfficeBySlug } from '../offices/index.ts';
import { ChartersError } from './errors.ts';
import type { CharterDocument } from './model.ts';
import {
  findPublishedVersion,
  findServiceRow,
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
    services: serviceRows.map((row) => ({ id: row.id, ...serviceFromRow(row) })),
    officers,
    grs_contacts: doc.grs_contacts,
    expectations_bn: doc.expectations_bn,
  };
}

export type PublishedCharter = Awaited<ReturnType<typeof loadPublishedCharter>>;

export async function loadPublishedService(db: Kysely<DB>, slug: string, serviceId: number) {
  const { office, version } = await requirePublished(db, slug);
  const row = await findServiceRow(db, version.id, serviceId);
  if (!row) throw new ChartersError('service_not_found', String(serviceId));
  return { office, version, service: { id: row.id, ...serviceFromRow(row) } };
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
