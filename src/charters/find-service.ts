// A service by its lasting code, for features that refer to services (a request records the
// service code and the charter version in force when it was received).
import { sql, type Kysely, type Selectable } from 'kysely';
import type { CharterServices, DB } from '../core/db/schema.ts';
import type { Service } from './model.ts';
import { serviceFromRow } from './repository.ts';

export interface ServiceInVersion {
  service: Service & { code: string };
  versionId: number;
  versionNo: number;
}

/**
 * The service with this code in the given version of the office's charter; or in the version in
 * force at a moment (the last published by then; the published one if none was yet); or in its
 * published version. Undefined when that version does not offer it (or is not the office's).
 */
export async function findServiceByCode(
  db: Kysely<DB>,
  officeId: number,
  code: string,
  options: { versionId?: number; inForceAt?: Date } = {},
): Promise<ServiceInVersion | undefined> {
  let query = db
    .selectFrom('charter_services as s')
    .innerJoin('charter_versions as v', 'v.id', 's.charter_version_id')
    .selectAll('s')
    .select(['v.version_no'])
    .where('v.office_id', '=', officeId)
    .where('s.code', '=', code);
  const { versionId, inForceAt } = options;
  if (versionId !== undefined) query = query.where('v.id', '=', versionId);
  else if (inForceAt !== undefined) {
    // the version in force is found in the same statement: a receipt reads its service in one round trip
    query = query.where('v.id', '=', (eb) =>
      eb.fn.coalesce(
        eb
          .selectFrom('charter_versions')
          .select('id')
          .where('office_id', '=', officeId)
          .where('status', '!=', 'draft')
          .where('published_at', '<=', inForceAt)
          .orderBy('published_at', 'desc')
          .orderBy('id', 'desc')
          .limit(1),
        eb.selectFrom('charter_versions').select('id').where('office_id', '=', officeId).where('status', '=', 'published'),
      ),
    );
  } else query = query.where('v.status', '=', 'published');
  const row = await query.executeTakeFirst();
  if (!row) return undefined;
  return { service: { ...serviceFromRow(row), code: row.code }, versionId: row.charter_version_id, versionNo: row.version_no };
}

type ServiceRowInVersion = Selectable<CharterServices> & { version_no: number };

export interface ServiceWanted {
  officeId: number;
  code: string;
  /** the moment whose version in force counts (see findServiceByCode) */
  inForceAt: Date;
}

/**
 * findServiceByCode with `inForceAt` for many at once, in one statement (a batch of receipts);
 * the answers in the order asked, undefined where that version does not offer the service.
 */
export async function findServicesInForce(db: Kysely<DB>, wanted: readonly ServiceWanted[]): Promise<(ServiceInVersion | undefined)[]> {
  if (wanted.length === 0) return [];
  const { rows } = await sql<ServiceRowInVersion & { wanted_no: number }>`
    select w.n as wanted_no, s.*, v.version_no
    from unnest(${wanted.map((w) => w.officeId)}::int[], ${wanted.map((w) => w.code)}::text[], ${wanted.map((w) => w.inForceAt.toISOString())}::timestamptz[])
      with ordinality as w(office_id, code, at, n)
    cross join lateral (
      select coalesce(
        (select id from charter_versions where office_id = w.office_id and status <> 'draft' and published_at <= w.at order by published_at desc, id desc limit 1),
        (select id from charter_versions where office_id = w.office_id and status = 'published')
      ) as id
    ) as in_force
    join charter_versions v on v.id = in_force.id
    join charter_services s on s.charter_version_id = v.id and s.code = w.code`.execute(db);
  const found = new Map(rows.map((row) => [Number(row.wanted_no), row]));
  return wanted.map((_, index) => {
    const row = found.get(index + 1);
    return row && { service: { ...serviceFromRow(row), code: row.code }, versionId: row.charter_version_id, versionNo: row.version_no };
  });
}
