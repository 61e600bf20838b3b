// Offices found by name, address or place (their upazila or district, under any of the names
// the district is known by), best match first: the offices' part of the portal's search.
import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { DB } from '../core/db/schema.ts';
import { MATCH_TIER, matchesKey, matchTier, similarityTo, type MatchTier } from '../core/db/search-match.ts';
import type { OfficeListing } from './directory-repository.ts';
import { allDistricts } from './geography.ts';

type Executor = Kysely<DB> | Transaction<DB>;

export interface OfficeMatch extends OfficeListing {
  id: number;
  tier: MatchTier;
  /** how alike the query is to the closest stretch of the office's names and address, 0 to 1 */
  score: number;
}

/**
 * Districts the key names by another of their names: Jessore for Jashore, Comilla for Cumilla
 * (data/geo/districts.json). The places table keeps one English name; the others live there.
 */
export function districtsCalled(key: string): string[] {
  const words = ` ${key} `;
  return allDistricts()
    .filter((district) => district.aliases.some((alias) => words.includes(` ${alias.replace(/-/g, ' ')} `)))
    .map((district) => district.slug);
}

/**
 * Upazilas and districts whose name matches the key, and the places under them, each with the
 * tier an office there matches at: never better than a whole word, since the office's own name
 * does not hold the term. Divisions are left out: a district carries its division's name.
 */
async function placesMatching(db: Executor, key: string): Promise<Map<number, MatchTier>> {
  const placeKey = sql<string>`search_key(p.name_bn || ' ' || coalesce(p.name_en, ''))`;
  const aliased = districtsCalled(key);
  const { rows } = await sql<{ id: number; tier: number }>`
    with recursive matched as (
      select p.id, greatest(${matchTier(key, [sql<string>`search_key(p.name_bn)`, sql<string>`search_key(coalesce(p.name_en, ''))`])}, ${sql.lit(MATCH_TIER.word)}) as tier
      from places p
      where p.kind <> 'division' and ${matchesKey(placeKey, key)}
      union all
      select p.id, ${sql.lit(MATCH_TIER.word)} from places p
      where p.kind = 'district' and p.slug = any(${aliased}::text[])
      union all
      select c.id, m.tier from places c join matched m on c.parent_id = m.id
    )
    select id, min(tier)::int as tier from matched group by id`.execute(db);
  return new Map(rows.map((row) => [row.id, row.tier as MatchTier]));
}

/** Where the office is, for a result: its upazila (if any) and district, in each language. */
const placeColumns = [
  sql<string | null>`concat_ws(', ', p.name_bn, d.name_bn)`.as('place_bn'),
  sql<string | null>`concat_ws(', ', coalesce(p.name_en, p.name_bn), coalesce(d.name_en, d.name_bn))`.as('place_en'),
];

const listingColumns = ['o.id', 'o.slug', 'o.name_bn', 'o.name_en', 'o.charter_published_at as published_at', 'o.published_service_count as service_count'] as const;

function tierAtPlace(places: Map<number, MatchTier>): RawBuilder<number> {
  const ids = (tier: MatchTier) => [...places].filter(([, at]) => at === tier).map(([id]) => id);
  return sql<number>`(case
    when o.place_id = any(${ids(MATCH_TIER.word)}::int[]) then ${sql.lit(MATCH_TIER.word)}
    when o.place_id = any(${ids(MATCH_TIER.part)}::int[]) then ${sql.lit(MATCH_TIER.part)}
    when o.place_id = any(${ids(MATCH_TIER.fuzzy)}::int[]) then ${sql.lit(MATCH_TIER.fuzzy)}
    else ${sql.lit(MATCH_TIER.none)} end)`;
}

// the expression the trigram index offices_search_idx is built on (migration 0019)
const officeKey = sql<string>`search_key(o.search_text)`;

/**
 * The first `limit` offices with a published charter that match the search key (searchKeyOf) by
 * name, address or place, ranked like the services; and how many match in all. Fuzzy matches
 * follow the threshold the caller set in its transaction (useFuzzyThreshold).
 */
export async function searchOffices(db: Executor, key: string, limit: number): Promise<{ total: number; offices: OfficeMatch[] }> {
  if (key === '') return { total: 0, offices: [] };
  const places = await placesMatching(db, key);
  const placeIds = [...places.keys()];
  const ownTier = matchTier(key, [sql<string>`search_key(o.name_bn)`, sql<string>`search_key(coalesce(o.name_en, ''))`], [officeKey]);
  const rows = await db
    .selectFrom('offices as o')
    .leftJoin('places as p', 'p.id', 'o.place_id')
    .leftJoin('places as d', (join) => join.onRef('d.id', '=', 'p.parent_id').on('p.kind', '=', 'upazila'))
    .where('o.published_charter_version_id', 'is not', null)
    .where((eb) => eb.or([matchesKey(officeKey, key), sql<boolean>`o.place_id = any(${placeIds}::int[])`]))
    .select(listingColumns)
    .select(placeColumns)
    .select([
      sql<number>`least(${ownTier}, ${tierAtPlace(places)})`.as('tier'),
      similarityTo(officeKey, key).as('score'),
      sql<string>`count(*) over ()`.as('total'),
    ])
    .orderBy('tier')
    .orderBy('score', 'desc')
    .orderBy('o.name_bn')
    .orderBy('o.id')
    .limit(limit)
    .execute();
  return {
    total: rows[0] === undefined ? 0 : Number(rows[0].total),
    offices: rows.map(({ total: _total, tier, score, place_bn, place_en, ...office }) => ({
      ...office,
      place_bn: place_bn || null,
      place_en: place_en || null,
      tier: Number(tier) as MatchTier,
      score: Number(score),
    })),
  };
}

/** Offices by id with where they are, for results found elsewhere (a service names its office by id). */
export async function findOfficeListings(db: Executor, ids: readonly number[]): Promise<Map<number, OfficeListing>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('offices as o')
    .leftJoin('places as p', 'p.id', 'o.place_id')
    .leftJoin('places as d', (join) => join.onRef('d.id', '=', 'p.parent_id').on('p.kind', '=', 'upazila'))
    .where('o.id', 'in', [...ids])
    .select(listingColumns)
    .select(placeColumns)
    .execute();
  return new Map(rows.map(({ id, place_bn, place_en, ...office }) => [id, { ...office, place_bn: place_bn || null, place_en: place_en || null }]));
}
