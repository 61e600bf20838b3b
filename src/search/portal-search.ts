// The portal's search: the offices (offices/) and the services of published charters
// (charters/) that match what was typed, in one list ranked by how well each matched.
import type { Kysely } from 'kysely';
import { searchPublishedServices } from '../charters/index.ts';
import type { DB } from '../core/db/schema.ts';
import { searchKeyOf, useFuzzyThreshold, type MatchTier } from '../core/db/search-match.ts';
import { SEARCH_MAX_LENGTH } from '../http/search-form.ts';
import { findOfficeListings, searchOffices, type OfficeListing } from '../offices/index.ts';

export const RESULTS_PER_PAGE = 20;
/** Ten pages of the best matches: past them a search wants another word, not another page. */
export const MAX_PAGES = 10;
/** Letters and digits a search needs before anything is looked up. */
export const MIN_KEY_LENGTH = 2;

export type SearchResult =
  | { kind: 'office'; office: OfficeListing }
  | { kind: 'service'; code: string; name_bn: string | null; name_en: string | null; office: OfficeListing };

export type SearchOutcome =
  | { kind: 'empty' }
  | { kind: 'too_long' }
  | { kind: 'too_short' }
  | {
      kind: 'results';
      results: SearchResult[];
      /** everything that matched, of which at most MAX_PAGES pages are shown */
      total: number;
      page: number;
      pages: number;
    };

interface Ranked {
  tier: MatchTier;
  score: number;
}

/** Before: a better tier, then (in the same tier) the closer spelling. */
const isBefore = (a: Ranked, b: Ranked) => a.tier < b.tier || (a.tier === b.tier && a.score > b.score);

/**
 * The first `count` of two lists each already in rank order, in rank order; on a tie the first
 * list's item comes first (an office before a service named alike).
 */
export function mergeRanked<A extends Ranked, B extends Ranked>(first: readonly A[], second: readonly B[], count: number): (A | B)[] {
  const merged: (A | B)[] = [];
  let i = 0;
  let j = 0;
  while (merged.length < count) {
    const a = first[i];
    const b = second[j];
    if (a === undefined && b === undefined) break;
    if (b === undefined || (a !== undefined && !isBefore(b, a))) {
      merged.push(a as A);
      i++;
    } else {
      merged.push(b);
      j++;
    }
  }
  return merged;
}

export function pagesOf(total: number): number {
  return Math.min(MAX_PAGES, Math.max(1, Math.ceil(total / RESULTS_PER_PAGE)));
}

/** One page of what matches `query` (already trimmed and in one Unicode form: normaliseSearchTerm). */
export async function searchPortal(db: Kysely<DB>, query: string, page: number): Promise<SearchOutcome> {
  if (query === '') return { kind: 'empty' };
  if (query.length > SEARCH_MAX_LENGTH) return { kind: 'too_long' };
  return db.transaction().execute(async (trx): Promise<SearchOutcome> => {
    const key = await searchKeyOf(trx, query);
    if (key.replace(/ /g, '').length < MIN_KEY_LENGTH) return { kind: 'too_short' };
    await useFuzzyThreshold(trx);
    // the best of both lists up to the end of this page; a page past the last asks for nothing
    const wanted = page <= MAX_PAGES ? page * RESULTS_PER_PAGE : 0;
    const offices = await searchOffices(trx, key, Math.max(wanted, 1));
    const services = await searchPublishedServices(trx, key, Math.max(wanted, 1));
    const total = offices.total + services.total;
    const shown = mergeRanked(offices.offices, services.services, wanted).slice((page - 1) * RESULTS_PER_PAGE);
    const serviceOffices = await findOfficeListings(
      trx,
      shown.flatMap((match) => ('officeId' in match ? [match.officeId] : [])),
    );
    const results = shown.flatMap((match): SearchResult[] => {
      if (!('officeId' in match)) return [{ kind: 'office', office: match }];
      const office = serviceOffices.get(match.officeId);
      return office ? [{ kind: 'service', code: match.code, name_bn: match.name_bn, name_en: match.name_en, office }] : [];
    });
    return { kind: 'results', results, total, page, pages: pagesOf(total) };
  });
}
