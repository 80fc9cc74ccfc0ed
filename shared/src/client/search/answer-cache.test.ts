import { describe, expect, it } from 'vitest';
import { AnswerCache } from './answer-cache';
import type { SearchResponse } from './search-types';

const response = (total: number): SearchResponse => ({
  total,
  hits: [],
  facets: {
    brands: [],
    departments: [],
    priceBands: [],
    inStockHere: 0,
  },
});

describe('answer cache', () => {
  it('finds a request again whatever the order or presence of undefined fields', () => {
    const cache = new AnswerCache();
    cache.set({ query: 'ch', department: undefined }, response(7));
    expect(cache.get({ query: 'ch' })?.total).toBe(7);
    expect(cache.get({ query: 'ch', department: 'food' })).toBeUndefined();
    cache.set({ brand: 'La Ferme', query: 'ch' }, response(2));
    expect(cache.get({ query: 'ch', brand: 'La Ferme' })?.total).toBe(2);
  });

  it('keeps at most 1,000 answers, dropping the oldest', () => {
    const cache = new AnswerCache();
    for (let i = 0; i < 1_001; i++) cache.set({ query: `q${i}` }, response(i));
    expect(cache.size).toBe(1_000);
    expect(cache.get({ query: 'q0' })).toBeUndefined();
    expect(cache.get({ query: 'q1000' })?.total).toBe(1_000);
  });
});
