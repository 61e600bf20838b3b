// The office directory's reads: places and organisations with how many offices under each have
// a published charter (counted over the partial indexes of migration 0006), and one page of
// offices at a time.
import type { Kysely, Transaction } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../core/db/schema.ts';

type Executor = Kysely<DB> | Transaction<DB>;

export const OFFICES_PER_PAGE = 50;

/**
 * The number that changes, in the same transaction, with anything a directory page shows
 * (migration 0007): the key of every cached directory page, read from a table of one row.
 */
export async function readDirectoryRevision(db: Executor): Promise<number> {
  const row = await db.selectFrom('directory_revision').select('revision').executeTakeFirstOrThrow();
  return Number(row.revision);
}

export interface PlaceRow {
  id: number;
  parent_id: number | null;
  kind: string;
  slug: string;
  name_bn: string;
  name_en: string | null;
}

export interface OrganisationRow {
  id: number;
  parent_id: number | null;
  kind: string;
  slug: string;
  name_bn: string;
  name_en: string | null;
}

export interface OfficeListing {
  slug: string;
  name_bn: string;
  name_en: string | null;
  published_at: Date | null;
  service_count: number;
  /** where the office is, for search results: its upazila (if any) and district */
  place_bn: string | null;
  place_en: string | null;
}

export interface PlaceWithCount extends PlaceRow {
  /** offices with a published charter at this place or anywhere under it */
  count: number;
}

/**
 * The places under a parent (null: the divisions), each with how many offices at it or under it
 * have a published charter: one indexed count per place, never a walk over all offices or places.
 */
export async function childPlacesWithCounts(db: Executor, parentId: number | null): Promise<PlaceWithCount[]> {
  const { rows } = await sql<PlaceWithCount>`
    select c.id, c.parent_id, c.kind, c.slug, c.name_bn, c.name_en,
      (select count(*) from offices o
        where o.published_charter_version_id is not null
          and o.place_id in (
            select c.id
            union all select g.id from places g where g.parent_id = c.id
            union all select gg.id from places g join places gg on gg.parent_id = g.id where g.parent_id = c.id)
      )::int as count
    from places c
    where ${parentId === null ? sql`c.parent_id is null and c.kind = 'division'` : sql`c.parent_id = ${parentId}`}`.execute(db);
  return rows;
}

export async function findPlace(db: Executor, kind: 'division' | 'district' | 'upazila', slug: string): Promise<PlaceRow | undefined> {
  return db.selectFrom('places').select(['id', 'parent_id', 'kind', 'slug', 'name_bn', 'name_en']).where('kind', '=', kind).where('slug', '=', slug).executeTakeFirst();
}

export async function findPlaceById(db: Executor, id: number): Promise<PlaceRow | undefined> {
  return db.selectFrom('places').select(['id', 'parent_id', 'kind', 'slug', 'name_bn', 'name_en']).where('id', '=', id).executeTakeFirst();
}

/** How many offices with a published charter sit directly at this place (null: no place recorded). */
export async function publishedCountAt(db: Executor, placeId: number | null): Promise<number> {
  const row = await db
    .selectFrom('offices')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('published_charter_version_id', 'is not', null)
    .where('place_id', placeId === null ? 'is' : '=', placeId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** How many offices with a published charter belong directly to each organisation (key null: none). */
export async function publishedCountsByOrganisation(db: Executor): Promise<Map<number | null, number>> {
  const rows = await db
    .selectFrom('offices')
    .select(['organisation_id', (eb) => eb.fn.countAll<string>().as('count')])
    .where('published_charter_version_id', 'is not', null)
    .groupBy('organisation_id')
    .execute();
  return new Map(rows.map((row) => [row.organisation_id, Number(row.count)]));
}

/** Every organisation: at most a few hundred rows (data/organisations.json and those offices named). */
export async function allOrganisations(db: Executor): Promise<OrganisationRow[]> {
  return db.selectFrom('organisations').select(['id', 'parent_id', 'kind', 'slug', 'name_bn', 'name_en']).execute();
}

const listingColumns = [
  'o.slug',
  'o.name_bn',
  'o.name_en',
  'o.charter_published_at as published_at',
  'o.published_service_count as service_count',
] as const;

/** One page of the offices with a published charter at a place (null: no place recorded) or of an organisation. */
export async function listOfficesPage(
  db: Executor,
  where: { placeId: number | null } | { organisationId: number | null },
  page: number,
): Promise<OfficeListing[]> {
  const column = 'placeId' in where ? 'o.place_id' : 'o.organisation_id';
  const id = 'placeId' in where ? where.placeId : where.organisationId;
  const rows = await db
    .selectFrom('offices as o')
    .select(listingColumns)
    .where('o.published_charter_version_id', 'is not', null)
    .where(column, id === null ? 'is' : '=', id)
    .orderBy('o.name_bn')
    .orderBy('o.id')
    .limit(OFFICES_PER_PAGE)
    .offset((page - 1) * OFFICES_PER_PAGE)
    .execute();
  return rows.map((row) => ({ ...row, place_bn: null, place_en: null }));
}

function likePattern(term: string): string {
  return `%${term.normalize('NFC').replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Offices with a published charter whose Bangla or English name, address or slug contains the
 * term (search_text, migration 0006): one page of them and how many there are in all.
 */
export async function searchPublishedOffices(db: Executor, term: string, page: number): Promise<{ total: number; offices: OfficeListing[] }> {
  const pattern = likePattern(term.trim());
  const matching = db
    .selectFrom('offices as o')
    .where('o.published_charter_version_id', 'is not', null)
    // lower() on both sides: the same case folding for the term as for the stored text
    .where(sql<boolean>`o.search_text like lower(${pattern})`);
  const rows = await matching
    .leftJoin('places as p', 'p.id', 'o.place_id')
    .leftJoin('places as d', (join) => join.onRef('d.id', '=', 'p.parent_id').on('p.kind', '=', 'upazila'))
    .select(listingColumns)
    .select([
      sql<string | null>`concat_ws(', ', p.name_bn, d.name_bn)`.as('place_bn'),
      sql<string | null>`concat_ws(', ', coalesce(p.name_en, p.name_bn), coalesce(d.name_en, d.name_bn))`.as('place_en'),
      sql<string>`count(*) over ()`.as('total'),
    ])
    .orderBy('o.name_bn')
    .orderBy('o.id')
    .limit(OFFICES_PER_PAGE)
    .offset((page - 1) * OFFICES_PER_PAGE)
    .execute();
  // past the last page no row carries the total: count on its own
  const total =
    rows[0] !== undefined
      ? Number(rows[0].total)
      : page === 1
        ? 0
        : Number((await matching.select((eb) => eb.fn.countAll<string>().as('count')).executeTakeFirstOrThrow()).count);
  return {
    total,
    offices: rows.map(({ total: _total, place_bn, place_en, ...office }) => ({ ...office, place_bn: place_bn || null, place_en: place_en || null })),
  };
}
