// Offices and services come ranked from two queries; the page shows the best of both in one order.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MATCH_TIER } from '../core/db/search-match.ts';
import { MAX_PAGES, mergeRanked, pagesOf, RESULTS_PER_PAGE } from './portal-search.ts';

const office = (name: string, tier: number, score: number) => ({ name, tier: tier as 0, score });

test('a better tier comes first whichever list it is in, then the closer spelling', () => {
  const offices = [office('office word', MATCH_TIER.word, 0.9), office('office fuzzy', MATCH_TIER.fuzzy, 0.7)];
  const services = [office('service exact', MATCH_TIER.exact, 1), office('service fuzzy closer', MATCH_TIER.fuzzy, 0.8), office('service fuzzy', MATCH_TIER.fuzzy, 0.5)];
  assert.deepEqual(
    mergeRanked(offices, services, 10).map((item) => item.name),
    ['service exact', 'office word', 'service fuzzy closer', 'office fuzzy', 'service fuzzy'],
  );
});

test('on a tie the office comes before the service', () => {
  assert.deepEqual(
    mergeRanked([office('office', MATCH_TIER.word, 0.5)], [office('service', MATCH_TIER.word, 0.5)], 10).map((item) => item.name),
    ['office', 'service'],
  );
});

test('only as many as asked for are taken', () => {
  const many = Array.from({ length: 5 }, (_, n) => office(`o${n}`, MATCH_TIER.part, 1 - n / 10));
  assert.equal(mergeRanked(many, many, 7).length, 7);
  assert.deepEqual(mergeRanked([], [], 7), []);
});

test('no more pages are offered than the best ten pages hold', () => {
  assert.equal(pagesOf(0), 1);
  assert.equal(pagesOf(RESULTS_PER_PAGE + 1), 2);
  assert.equal(pagesOf(RESULTS_PER_PAGE * MAX_PAGES * 5), MAX_PAGES);
});
