// How a searched text matches a query, for the features that search their own tables: both are
// compared as search keys (migration 0019's search_key: Bangla folded to Latin letters, only
// a–z, 0–9 and single spaces), and a match is ranked by how close it is.
import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { DB } from './schema.ts';

type Executor = Kysely<DB> | Transaction<DB>;

/** How a result matched, best first: results are ranked by this, then by similarity. */
export const MATCH_TIER = { exact: 0, prefix: 1, word: 2, part: 3, fuzzy: 4, none: 5 } as const;
export type MatchTier = (typeof MATCH_TIER)[keyof typeof MATCH_TIER];

/**
 * How alike a query and a text must be for a fuzzy match: pg_trgm's word similarity of the query
 * to the closest stretch of the text (its default, 0.6, misses "jaintapur" for "Jaintiapur").
 */
export const FUZZY_THRESHOLD = 0.5;

/** A query as search_key folds it: what every feature's search is given. */
export async function searchKeyOf(db: Executor, query: string): Promise<string> {
  const { rows } = await sql<{ key: string | null }>`select search_key(${query}) as key`.execute(db);
  return rows[0]?.key ?? '';
}

/**
 * Sets the fuzzy threshold for the rest of the transaction: the `<%` operator, which the trigram
 * indexes answer, reads it from the session.
 */
export async function useFuzzyThreshold(trx: Transaction<DB>): Promise<void> {
  await sql`select set_config('pg_trgm.word_similarity_threshold', ${String(FUZZY_THRESHOLD)}, true)`.execute(trx);
}

// A key holds only a–z, 0–9 and spaces, so it goes into a LIKE pattern as it is.
const contains = (key: string) => `%${key}%`;

/** The text's key contains the query's key, or is like it: what a trigram index on the text's key answers. */
export function matchesKey(textKey: RawBuilder<string>, key: string): RawBuilder<boolean> {
  return sql<boolean>`(${textKey} like ${contains(key)} or ${key} <% ${textKey})`;
}

/** How alike the query is to the closest stretch of the text, 0 to 1. */
export function similarityTo(textKey: RawBuilder<string>, key: string): RawBuilder<number> {
  return sql<number>`word_similarity(${key}, ${textKey})`;
}

/**
 * The best tier at which the query's key matches: `names` are keys of whole names (an exact or
 * prefix match counts), `texts` keys of anything else searched (address, place).
 */
export function matchTier(key: string, names: readonly RawBuilder<string>[], texts: readonly RawBuilder<string>[] = []): RawBuilder<MatchTier> {
  const any = (fields: readonly RawBuilder<string>[], test: (field: RawBuilder<string>) => RawBuilder<boolean>) =>
    fields.length === 0 ? sql<boolean>`false` : sql<boolean>`(${sql.join(fields.map(test), sql` or `)})`;
  const all = [...names, ...texts];
  return sql<MatchTier>`(case
    when ${any(names, (field) => sql<boolean>`${field} = ${key}`)} then ${sql.lit(MATCH_TIER.exact)}
    when ${any(names, (field) => sql<boolean>`${field} like ${`${key}%`}`)} then ${sql.lit(MATCH_TIER.prefix)}
    when ${any(all, (field) => sql<boolean>`' ' || ${field} || ' ' like ${contains(` ${key} `)}`)} then ${sql.lit(MATCH_TIER.word)}
    when ${any(all, (field) => sql<boolean>`${field} like ${contains(key)}`)} then ${sql.lit(MATCH_TIER.part)}
    when ${any(all, (field) => sql<boolean>`${key} <% ${field}`)} then ${sql.lit(MATCH_TIER.fuzzy)}
    else ${sql.lit(MATCH_TIER.none)} end)`;
}
