import { describe, expect, it } from 'vitest';
import type { Product, ProductStock } from '../../core';
import { createCatalogueIndex, searchCatalogue, searchDocOf } from './catalogue-index';

function product(id: string, fr: string, en: string, brand: string, priceCents: number): Product {
  return {
    id,
    gtin: '03764100000017',
    name: { fr, en },
    brand,
    category: 'food',
    subcategory: 'dessert',
    description: { fr: '', en: '' },
    priceCents,
    currency: 'EUR',
    images: [],
    tags: ['sucré'],
    variants: [],
    complementary: [],
  };
}
const stock = (id: string, units: number): ProductStock => ({
  id,
  levels: [{ locationId: 'here', quantities: { '03764100000017': units } }],
});

const index = createCatalogueIndex();
index.addAll([
  searchDocOf(
    product('p1', 'Crème brûlée vanille', 'Vanilla crème brûlée', 'Maison Dupré', 450),
    stock('p1', 3),
    'here',
  ),
  searchDocOf(
    product('p2', 'Œufs frais bio', 'Organic fresh eggs', 'La Ferme', 320),
    stock('p2', 0),
    'here',
  ),
  searchDocOf(
    product('p3', 'Chocolat noir 70 %', 'Dark chocolate 70%', 'Maison Dupré', 2_990),
    undefined,
    'here',
  ),
]);

const cheeses = createCatalogueIndex();
cheeses.addAll([
  searchDocOf(
    product('p4', 'Fromage de chèvre', 'Goat cheese', 'La Ferme', 590),
    stock('p4', 2),
    'here',
  ),
  searchDocOf(product('p5', 'Beurre doux', 'Butter', 'Ferme Martin', 250), undefined, 'here'),
]);

describe('catalogue search', () => {
  it('ignores accents and ligatures, in French and English', () => {
    expect(searchCatalogue(index, { query: 'creme brulee' }).hits.map((h) => h.id)).toEqual(['p1']);
    expect(searchCatalogue(index, { query: 'oeufs' }).hits.map((h) => h.id)).toEqual(['p2']);
    expect(searchCatalogue(index, { query: 'eggs' }).hits.map((h) => h.id)).toEqual(['p2']);
  });

  it('tolerates typos and finds by prefix as you type', () => {
    expect(searchCatalogue(index, { query: 'chocolta' }).hits.map((h) => h.id)).toEqual(['p3']);
    expect(searchCatalogue(index, { query: 'choc' }).hits.map((h) => h.id)).toEqual(['p3']);
  });

  it('allows two edits from seven letters on, so a swapped pair of letters still matches', () => {
    expect(searchCatalogue(cheeses, { query: 'fromgae' }).hits.map((h) => h.id)).toEqual(['p4']);
    // Under seven letters one edit only: "beure" (one) matches, "bruere" (two) does not.
    expect(searchCatalogue(cheeses, { query: 'beure' }).hits.map((h) => h.id)).toEqual(['p5']);
    expect(searchCatalogue(cheeses, { query: 'bruere' }).total).toBe(0);
  });

  it('returns what a result tile shows with each hit', () => {
    expect(searchCatalogue(cheeses, { query: 'fromage' }).hits[0]).toEqual({
      id: 'p4',
      nameFr: 'Fromage de chèvre',
      nameEn: 'Goat cheese',
      brand: 'La Ferme',
      priceCents: 590,
      inStockHere: true,
    });
  });

  it('expands prefixes from two letters on, so one letter does not match most of the catalogue', () => {
    expect(searchCatalogue(index, { query: 'c' }).total).toBe(0);
    expect(searchCatalogue(index, { query: 'ch' }).hits.map((hit) => hit.id)).toContain('p3');
  });

  it('counts facets and filters by brand, price band and stock here', () => {
    const all = searchCatalogue(index, { query: '' });
    expect(all.total).toBe(3);
    expect(all.facets.inStockHere).toBe(1);
    expect(all.facets.brands[0]).toEqual({ brand: 'Maison Dupré', count: 2 });
    expect(all.facets.priceBands).toEqual({
      'under-10': 2,
      '10-50': 1,
      '50-200': 0,
      'over-200': 0,
    });
    expect(searchCatalogue(index, { query: '', inStockHere: true }).hits.map((h) => h.id)).toEqual([
      'p1',
    ]);
    expect(searchCatalogue(index, { query: '', brand: 'La Ferme' }).total).toBe(1);
    expect(searchCatalogue(index, { query: '', priceBand: '10-50' }).hits[0]?.id).toBe('p3');
  });

  it('answers a huge or meaningless query without failing', () => {
    expect(searchCatalogue(index, { query: 'z'.repeat(100_000) }).total).toBe(0);
    expect(searchCatalogue(index, { query: '   ' }).total).toBe(3);
    expect(searchCatalogue(index, { query: '%%% ***' }).total).toBeGreaterThanOrEqual(0);
  });
});
