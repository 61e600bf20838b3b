// A service by its lasting code, for features that refer to services (a request records the
// service code and the charter version in force when it was received).
import type { Kysely } from 'kysely';
import type { DB } from '../core/db/schema.ts';
import type { Service } from './model.ts';
import { serviceFromRow } from './repository.ts';

export interface ServiceInVersion {
  service: Service & { code: string };
  versionId: number;
  versionNo: number;
}

/**
 * The service with this code in the given version of the office's charter, or in its published
 * version when none is given; undefined when that version does not offer it (or is not the office's).
 */
export async function findServiceByCode(
  db: Kysely<DB>,
  officeId: number,
  code: string,
  options: { versionId?: number } = {},
): Promise<ServiceInVersion | undefined> {
  let query = db
    .selectFrom('charter_services as s')
    .innerJoin('charter_versions as v', 'v.id', 's.charter_version_id')
    .selectAll('s')
    .select(['v.version_no'])
    .where('v.office_id', '=', officeId)
    .where('s.code', '=', code);
  query = options.versionId === undefined ? query.where('v.status', '=', 'published') : query.where('v.id', '=', options.versionId);
  const row = await query.executeTakeFirst();
  if (!row) return undefined;
  return { service: { ...serviceFromRow(row), code: row.code }, versionId: row.charter_version_id, versionNo: row.version_no };
}
