// Offices, places and organisations in the database.
import type { Kysely, Transaction } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../core/db/schema.ts';
import { OfficesError } from './errors.ts';
import type { OfficeLocation } from './geography.ts';
import { knownOrganisations, type KnownOrganisation } from './organisations.ts';

type Executor = Kysely<DB> | Transaction<DB>;

export interface OfficeDetails {
  slug: string;
  name_bn: string;
  name_en: string | null;
  address_bn: string | null;
  address_en: string | null;
  website: string | null;
}

async function ensurePlace(
  db: Executor,
  place: { kind: 'division' | 'district' | 'upazila'; slug: string; name_bn: string; name_en: string | null },
  parentId: number | null,
): Promise<number> {
  // a district and its division may share a slug (Sylhet, Dhaka …): the level is part of the key
  const existing = await db.selectFrom('places').select('id').where('kind', '=', place.kind).where('slug', '=', place.slug).executeTakeFirst();
  if (existing) return existing.id;
  const inserted = await db
    .insertInto('places')
    .values({ ...place, parent_id: parentId })
    .onConflict((oc) => oc.columns(['kind', 'slug']).doUpdateSet({ name_bn: place.name_bn }))
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

export async function ensureLocation(db: Executor, location: OfficeLocation): Promise<number> {
  const { district } = location;
  const divisionId = await ensurePlace(db, { kind: 'division', ...district.division }, null);
  const districtId = await ensurePlace(
    db,
    { kind: 'district', slug: district.slug, name_bn: district.name_bn, name_en: district.name_en },
    divisionId,
  );
  if (!location.upazila) return districtId;
  const { upazila } = location;
  return ensurePlace(
    db,
    { kind: 'upazila', slug: upazila.slug, name_bn: upazila.name_bn ?? upazila.name_en ?? upazila.slug, name_en: upazila.name_en },
    districtId,
  );
}

export async function ensureOrganisation(db: Executor, org: KnownOrganisation): Promise<number> {
  const parent = org.parent ? knownOrganisations().find((o) => o.slug === org.parent) : undefined;
  const parentId = parent ? await ensureOrganisation(db, parent) : null;
  const existing = await db.selectFrom('organisations').select('id').where('slug', '=', org.slug).executeTakeFirst();
  if (existing) return existing.id;
  const inserted = await db
    .insertInto('organisations')
    .values({ slug: org.slug, kind: org.kind, name_bn: org.name_bn, name_en: org.name_en, parent_id: parentId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

/** Creates the office or updates its details; returns its id. */
export async function saveOffice(
  db: Executor,
  office: OfficeDetails,
  placeId: number | null,
  organisationId: number | null,
): Promise<number> {
  const row = await db
    .insertInto('offices')
    .values({ ...office, place_id: placeId, organisation_id: organisationId })
    .onConflict((oc) =>
      oc.column('slug').doUpdateSet((eb) => ({
        name_bn: eb.ref('excluded.name_bn'),
        name_en: sql<string | null>`coalesce(excluded.name_en, offices.name_en)`,
        address_bn: sql<string | null>`coalesce(excluded.address_bn, offices.address_bn)`,
        address_en: sql<string | null>`coalesce(excluded.address_en, offices.address_en)`,
        website: sql<string | null>`coalesce(excluded.website, offices.website)`,
        place_id: sql<number | null>`coalesce(excluded.place_id, offices.place_id)`,
        organisation_id: sql<number | null>`coalesce(excluded.organisation_id, offices.organisation_id)`,
      })),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface PublishedCharterFacts {
  versionId: number;
  publishedAt: Date;
  serviceCount: number;
}

/** Called by charters whenever a version is published: the directory lists what is recorded here. */
export async function recordPublishedCharter(db: Executor, officeId: number, facts: PublishedCharterFacts): Promise<void> {
  await db
    .updateTable('offices')
    .set({
      published_charter_version_id: facts.versionId,
      charter_published_at: facts.publishedAt,
      published_service_count: facts.serviceCount,
    })
    .where('id', '=', officeId)
    .execute();
}

export async function findOfficeBySlug(db: Executor, slug: string) {
  return db.selectFrom('offices').selectAll().where('slug', '=', slug).executeTakeFirst();
}

/** The id of the office with this slug; `field` names the input it came from, for the error. */
export async function requireOfficeId(db: Executor, slug: string, field = 'office'): Promise<number> {
  const office = await db.selectFrom('offices').select('id').where('slug', '=', slug).executeTakeFirst();
  if (!office) throw new OfficesError('office_not_found', slug, field);
  return office.id;
}

/** The slug of the office with this id: how the public API names an office. */
export async function findOfficeSlug(db: Executor, id: number): Promise<string | null> {
  const office = await db.selectFrom('offices').select('slug').where('id', '=', id).executeTakeFirst();
  return office?.slug ?? null;
}

export interface OfficeNames {
  slug: string;
  name_bn: string;
  name_en: string | null;
}

/** The address and names of these offices, in one read (a tracking page names up to three). */
export async function findOfficeNames(db: Executor, ids: readonly number[]): Promise<Map<number, OfficeNames>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('offices').select(['id', 'slug', 'name_bn', 'name_en']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map(({ id, ...names }) => [id, names]));
}

/** Whether any office is stored yet (a fresh database gets the seed charters). */
export async function hasAnyOffice(db: Executor): Promise<boolean> {
  return (await db.selectFrom('offices').select('id').limit(1).executeTakeFirst()) !== undefined;
}

/** Holds the office's row until the transaction ends: writers of one office's data take turns. */
export async function lockOffice(trx: Transaction<DB>, officeId: number): Promise<void> {
  await trx.selectFrom('offices').select('id').where('id', '=', officeId).forUpdate().execute();
}
