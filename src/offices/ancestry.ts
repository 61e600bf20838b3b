// Where an office sits in the hierarchy: its places up to the division and its organisations
// up to the ministry, for deciding whether a role held higher up reaches it.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../core/db/schema.ts';

export interface OfficeAncestry {
  officeId: number;
  placeIds: number[];
  organisationIds: number[];
}

/** Null when there is no such office. */
export async function findOfficeAncestry(db: Kysely<DB>, officeId: number): Promise<OfficeAncestry | null> {
  const { rows } = await sql<{ kind: 'office' | 'place' | 'organisation'; id: number }>`
    with recursive
      office as (select id, place_id, organisation_id from offices where id = ${officeId}),
      place_chain(id) as (
        select place_id from office where place_id is not null
        union
        select p.parent_id from places p join place_chain c on p.id = c.id where p.parent_id is not null
      ),
      organisation_chain(id) as (
        select organisation_id from office where organisation_id is not null
        union
        select o.parent_id from organisations o join organisation_chain c on o.id = c.id where o.parent_id is not null
      )
    select 'office' as kind, id from office
    union all select 'place', id from place_chain
    union all select 'organisation', id from organisation_chain`.execute(db);
  if (!rows.some((row) => row.kind === 'office')) return null;
  const idsOf = (kind: string) => rows.filter((row) => row.kind === kind).map((row) => Number(row.id));
  return { officeId, placeIds: idsOf('place'), organisationIds: idsOf('organisation') };
}

/** The id of a place by level and slug, for granting a supervisor role over it. */
export async function findPlaceId(db: Kysely<DB>, kind: 'division' | 'district' | 'upazila', slug: string): Promise<number | null> {
  const row = await db.selectFrom('places').select('id').where('kind', '=', kind).where('slug', '=', slug).executeTakeFirst();
  return row?.id ?? null;
}

export async function findOrganisationId(db: Kysely<DB>, slug: string): Promise<number | null> {
  const row = await db.selectFrom('organisations').select('id').where('slug', '=', slug).executeTakeFirst();
  return row?.id ?? null;
}

export interface ScopeNames {
  offices: Map<number, { name_bn: string; name_en: string | null; slug: string }>;
  places: Map<number, { name_bn: string; name_en: string | null }>;
  organisations: Map<number, { name_bn: string; name_en: string | null }>;
}

/** Names of offices, places and organisations by id, for showing where a role is held. */
export async function findScopeNames(db: Kysely<DB>, ids: { officeIds: number[]; placeIds: number[]; organisationIds: number[] }): Promise<ScopeNames> {
  const named = async (table: 'offices' | 'places' | 'organisations', wanted: number[]) => {
    if (wanted.length === 0) return new Map();
    const rows = await db.selectFrom(table).select(['id', 'name_bn', 'name_en', 'slug']).where('id', 'in', wanted).execute();
    return new Map(rows.map((row) => [row.id, { name_bn: row.name_bn, name_en: row.name_en, slug: row.slug }]));
  };
  return {
    offices: await named('offices', ids.officeIds),
    places: await named('places', ids.placeIds),
    organisations: await named('organisations', ids.organisationIds),
  };
}
