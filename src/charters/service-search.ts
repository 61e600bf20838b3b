// Services found by name across every office's published charter, best match first: the
// charters' part of the portal's search (src/search/ puts it beside the offices found).
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../core/db/schema.ts';
import { matchesKey, matchTier, similarityTo, type MatchTier } from '../core/db/search-match.ts';

type Executor = Kysely<DB> | Transaction<DB>;

export interface ServiceMatch {
  officeId: number;
  code: string;
  name_bn: string | null;
  name_en: string | null;
  tier: MatchTier;
  /** how alike the query is to the closest stretch of the name, 0 to 1 */
  score: number;
}

// the expression the trigram index charter_services_search_idx is built on (migration 0019)
const serviceKey = sql<string>`search_key(coalesce(s.name_bn, '') || ' ' || coalesce(s.name_en, ''))`;

/**
 * The first `limit` services of published charters whose Bangla or English name matches the
 * search key (searchKeyOf), ranked: exact name, name starting with it, whole word, part of a
 * word, then alike in spelling; and how many match in all. Fuzzy matches follow the threshold
 * the caller set in its transaction (useFuzzyThreshold).
 */
export async function searchPublishedServices(db: Executor, key: string, limit: number): Promise<{ total: number; services: ServiceMatch[] }> {
  if (key === '') return { total: 0, services: [] };
  const rows = await db
    .selectFrom('charter_services as s')
    .innerJoin('charter_versions as v', 'v.id', 's.charter_version_id')
    .where('v.status', '=', 'published')
    .where(matchesKey(serviceKey, key))
    .select([
      'v.office_id as officeId',
      's.code',
      's.name_bn',
      's.name_en',
      matchTier(key, [sql<string>`search_key(coalesce(s.name_bn, ''))`, sql<string>`search_key(coalesce(s.name_en, ''))`]).as('tier'),
      similarityTo(serviceKey, key).as('score'),
      sql<string>`count(*) over ()`.as('total'),
    ])
    .orderBy('tier')
    .orderBy('score', 'desc')
    .orderBy('s.name_bn')
    .orderBy('s.id')
    .limit(limit)
    .execute();
  return {
    total: rows[0] === undefined ? 0 : Number(rows[0].total),
    services: rows.map(({ total: _total, tier, score, ...service }) => ({ ...service, tier: Number(tier) as MatchTier, score: Number(score) })),
  };
}
