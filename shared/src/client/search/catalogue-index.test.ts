import { describe, expect, it } from 'vitest';
import type { Product, ProductStock } from '../../core';
import {
  createCatalogueIndex,
  type CatalogueIndex,
  searchCatalogue,
  searchDocOf,
  type PriceBand,
  type SearchDoc,
  type SearchRequest,
} from './catalogue-index';
import { priceBandsOf } from './price-bands';

/** Searches without price bands unless a test gives them. */
const find = (target: CatalogueIndex, request: SearchRequest, bands: PriceBand[] = []) =>
  searchCatalogue(target, request, bands);

function product(id: string, fr: string, en: string, brand: string, priceCents: number): Product {
  return {
    id,
    gtin: '03764100000017',
    name: { fr, en },
    brand,
    department: 'desserts',
    categoryPath: [{ fr: 'Desserts', en: 'Desserts' }],
    description: { fr: '', en: '' },
    priceCents,
    images: [],
    tags: ['sucré'],
    variants: [{ id: `${id}-1`, gtin: '03764100000017' }],
    complementary: [],
    attributes: [],
  };
}
const stock = (id: string, units: number): ProductStock => ({
  id,
  levels: [{ locationId: 'here', quantities: { [`${id}-1`]: units } }],
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

// Shelves as a chain's data names them, broadest first (Product.categoryPath).
const shelf = (fr: string, en: string) => ({ fr, en });
function shelved(id: string, fr: string, en: string, path: { fr: string; en: string }[]): Product {
  return { ...product(id, fr, en, 'Maison', 1_000), categoryPath: path };
}
const shelves = createCatalogueIndex();
shelves.addAll(
  [
    shelved('sneaker', 'Baskets basses en cuir', 'Leather low-top sneakers', [
      shelf('Mode', 'Fashion'),
      shelf('Chaussures', 'Shoes'),
      shelf('Baskets', 'Sneakers'),
    ]),
    shelved('boot', 'Bottines Chelsea en daim', 'Suede Chelsea boots', [
      shelf('Mode', 'Fashion'),
      shelf('Chaussures', 'Shoes'),
      shelf('Bottines', 'Ankle boots'),
    ]),
    shelved('wrap', 'Portefeuille en lin', 'Linen wrap', [
      shelf('Mode', 'Fashion'),
      shelf('Robes', 'Dresses'),
    ]),
    shelved('red', 'Côtes-du-Rhône 2021', 'Côtes-du-Rhône 2021', [
      shelf('Épicerie', 'Grocery'),
      shelf('Vins', 'Wines'),
      shelf('Vins rouges', 'Red wines'),
    ]),
    shelved('brut', 'Brut réserve', 'Brut reserve', [
      shelf('Épicerie', 'Grocery'),
      shelf('Vins', 'Wines'),
      shelf('Champagnes', 'Champagne'),
    ]),
  ].map((doc) => searchDocOf(doc, undefined, 'here')),
);
const ids = (query: string) =>
  find(shelves, { query })
    .hits.map((hit) => hit.id)
    .sort();

describe('catalogue search', () => {
  it('finds a kind of product by its shelf, in French and English, singular or plural, any case', () => {
    for (const query of ['chaussures', 'Chaussure', 'CHAUSSURES', 'shoes', 'shoe'])
      expect(ids(query), query).toEqual(['boot', 'sneaker']);
    for (const query of ['vin', 'vins', 'VIN', 'wine', 'wines'])
      expect(ids(query), query).toEqual(['brut', 'red']);
    for (const query of ['robe', 'robes', 'dress', 'dresses'])
      expect(ids(query), query).toEqual(['wrap']);
    expect(ids('vins rouges')).toEqual(['red']);
    expect(ids('red wine')).toEqual(['red']);
    expect(ids('mode')).toEqual(['boot', 'sneaker', 'wrap']);
  });

  it('lists what matches the words as typed before what matches only with a typo', () => {
    const index = createCatalogueIndex();
    index.addAll(
      [
        shelved('jeans', 'Jean large', 'Wide-leg jeans', [shelf('Mode', 'Fashion')]),
        ...['a', 'b', 'c', 'd'].map((id) =>
          shelved(`wine-${id}`, `Bordeaux ${id}`, `Bordeaux ${id}`, [shelf('Vins', 'Wines')]),
        ),
      ].map((doc) => searchDocOf(doc, undefined, 'here')),
    );
    const found = find(index, { query: 'wine' }).hits.map((hit) => hit.id);
    expect(found).toEqual(['wine-a', 'wine-b', 'wine-c', 'wine-d', 'jeans']);
  });

  it('ignores accents on shelf words', () => {
    expect(ids('epicerie')).toEqual(['brut', 'red']);
    expect(ids('EPICERIE')).toEqual(['brut', 'red']);
  });

  it('returns the sizes and colours that tell same-named products apart', () => {
    const dress = product('d1', 'Robe', 'Dress', 'Maison', 5_000);
    dress.variants = ['34', '36', '38', '40'].flatMap((size) =>
      ['Kaki', 'Écru'].map((colour) => ({ id: `d1-${size}-${colour.length}`, size, colour })),
    );
    const onlyOne = product('d2', 'Robe', 'Dress', 'Maison', 5_000);
    onlyOne.variants = [{ id: 'd2-tu', size: 'TU', colour: 'Noir' }];
    const index = createCatalogueIndex();
    index.addAll([searchDocOf(dress, undefined, 'here'), searchDocOf(onlyOne, undefined, 'here')]);
    const hits = find(index, { query: 'robe' }).hits;
    expect(hits.find((hit) => hit.id === 'd1')).toMatchObject({
      sizeRange: '34–40',
      colours: ['Kaki', 'Écru'],
    });
    expect(hits.find((hit) => hit.id === 'd2')).toMatchObject({
      sizeRange: 'TU',
      colours: ['Noir'],
    });
  });

  it('ignores accents and ligatures, in French and English', () => {
    expect(find(index, { query: 'creme brulee' }).hits.map((h) => h.id)).toEqual(['p1']);
    expect(find(index, { query: 'oeufs' }).hits.map((h) => h.id)).toEqual(['p2']);
    expect(find(index, { query: 'eggs' }).hits.map((h) => h.id)).toEqual(['p2']);
  });

  it('tolerates typos and finds by prefix as you type', () => {
    expect(find(index, { query: 'chocolta' }).hits.map((h) => h.id)).toEqual(['p3']);
    expect(find(index, { query: 'choc' }).hits.map((h) => h.id)).toEqual(['p3']);
  });

  it('allows two edits from seven letters on, so a swapped pair of letters still matches', () => {
    expect(find(cheeses, { query: 'fromgae' }).hits.map((h) => h.id)).toEqual(['p4']);
    // Under seven letters one edit only: "beure" (one) matches, "bruere" (two) does not.
    expect(find(cheeses, { query: 'beure' }).hits.map((h) => h.id)).toEqual(['p5']);
    expect(find(cheeses, { query: 'bruere' }).total).toBe(0);
  });

  it('returns what a result tile shows with each hit', () => {
    expect(find(cheeses, { query: 'fromage' }).hits[0]).toEqual({
      id: 'p4',
      nameFr: 'Fromage de chèvre',
      nameEn: 'Goat cheese',
      brand: 'La Ferme',
      priceCents: 590,
      inStockHere: true,
    });
  });

  it('expands prefixes from two letters on, so one letter does not match most of the catalogue', () => {
    expect(find(index, { query: 'c' }).total).toBe(0);
    expect(find(index, { query: 'ch' }).hits.map((hit) => hit.id)).toContain('p3');
  });

  it('counts facets and filters by brand, price band and stock here', () => {
    const bands = priceBandsOf([450, 320, 2_990]);
    const all = find(index, { query: '' }, bands);
    expect(all.total).toBe(3);
    expect(all.facets.inStockHere).toBe(1);
    expect(all.facets.brands[0]).toEqual({ brand: 'Maison Dupré', count: 2 });
    expect(all.facets.priceBands).toEqual([
      { id: '0-500', min: 0, max: 500, count: 2 },
      { id: '500-', min: 500, count: 1 }, // no product between 5 and 20 €: that band is dropped
    ]);
    expect(find(index, { query: '', inStockHere: true }).hits.map((h) => h.id)).toEqual(['p1']);
    expect(find(index, { query: '', brand: 'La Ferme' }).total).toBe(1);
    expect(find(index, { query: '', priceBand: '500-' }).hits.map((h) => h.id)).toEqual(['p3']);
    expect(find(index, { query: '', priceBand: '0-500' }).total).toBe(2);
    expect(find(index, { query: '', priceBand: 'not-a-band' }).total).toBe(3);
  });

  it('files a product on sale under the price it sells at now, and back once the sale ends', () => {
    const sale = {
      priceCents: 1_490,
      startsAt: '2026-06-01T00:00:00.000Z',
      endsAt: '2026-06-15T00:00:00.000Z',
    };
    const drill = { ...product('p8', 'Perceuse', 'Drill', 'Outilpro', 2_990), sale };
    const priced = createCatalogueIndex();
    priced.addAll([searchDocOf(drill, undefined, 'here')]);
    const bands = priceBandsOf([990, 2_000, 2_990, 5_000]);
    const during = searchCatalogue(
      priced,
      { query: '', priceBand: '0-2000' },
      bands,
      new Date('2026-06-10T12:00:00Z'),
    );
    expect(during.hits.map((hit) => hit.id)).toEqual(['p8']);
    expect(during.facets.priceBands.find((band) => band.id === '0-2000')?.count).toBe(1);
    const after = searchCatalogue(
      priced,
      { query: '', priceBand: '0-2000' },
      bands,
      new Date('2026-06-15T00:00:00Z'),
    );
    expect(after.total).toBe(0);
  });

  it('offers no empty brand to filter by: a product without a brand is counted under none', () => {
    const mixed = createCatalogueIndex();
    mixed.addAll([
      searchDocOf(product('p6', 'Ficelle', 'Twine', '', 190), undefined, 'here'),
      searchDocOf(product('p7', 'Sécateur', 'Pruner', 'Outilpro', 1_490), undefined, 'here'),
    ]);
    const all = find(mixed, { query: '' });
    expect(all.total).toBe(2);
    expect(all.facets.brands).toEqual([{ brand: 'Outilpro', count: 1 }]);
  });

  it('replaces a product in place and forgets one discarded, words and facets alike', () => {
    const live = createCatalogueIndex();
    live.addAll([
      searchDocOf(product('a', 'Tarte aux pommes', 'Apple pie', 'Maison', 500), undefined, 'here'),
      searchDocOf(product('b', 'Tarte au citron', 'Lemon tart', 'Dupré', 600), undefined, 'here'),
    ]);
    live.add(
      searchDocOf(product('a', 'Tarte aux poires', 'Pear pie', 'Ferme', 550), undefined, 'here'),
    );
    expect(live.documentCount).toBe(2);
    expect(find(live, { query: 'pommes' }).total).toBe(0);
    expect(find(live, { query: 'poire' }).hits).toMatchObject([{ id: 'a', priceCents: 550 }]);
    expect(find(live, { query: 'tarte' }).facets.brands.map((b) => b.brand)).toEqual([
      'Dupré',
      'Ferme',
    ]);
    live.discard('b');
    expect(find(live, { query: 'tarte' }).hits.map((hit) => hit.id)).toEqual(['a']);
    expect(find(live, { query: '' }).facets.brands).toEqual([{ brand: 'Ferme', count: 1 }]);
    live.discard('nothing');
    expect(live.documentCount).toBe(1);
  });

  it('lists the folded first two letters of every searchable word', () => {
    const one = createCatalogueIndex();
    one.add({
      id: 'p1',
      nameFr: 'Crème brûlée',
      nameEn: 'Œuf',
      brand: 'Maison-Dupré',
      department: 'food',
      departmentLabel: { fr: 'Épicerie', en: 'Grocery' },
      shelves: 'Épicerie Grocery',
      tags: 'sucré x',
      priceCents: 1,
      inStockHere: false,
    } satisfies SearchDoc);
    expect([...one.twoLetterPrefixes()].sort()).toEqual([
      'br',
      'cr',
      'du',
      'ep',
      'gr',
      'ma',
      'oe',
      'su',
    ]);
  });

  it('answers a huge or meaningless query without failing', () => {
    expect(find(index, { query: 'z'.repeat(100_000) }).total).toBe(0);
    expect(find(index, { query: '   ' }).total).toBe(3);
    expect(find(index, { query: '%%% ***' }).total).toBeGreaterThanOrEqual(0);
  });
});

describe('what a hit keeps of its pricing', () => {
  it('keeps a sale and variants priced otherwise, so a tile prices it as its page; nothing more for the rest', () => {
    const sale = { priceCents: 2_500, endsAt: '2026-12-01T00:00:00.000Z' };
    const priced = createCatalogueIndex();
    priced.addAll([
      searchDocOf(
        {
          ...product('coat', 'Manteau', 'Coat', 'Maison', 3_000),
          sale,
          variants: [
            { id: 'coat-s', size: 'S' },
            { id: 'coat-xl', size: 'XL', priceCents: 3_400, sale: null },
          ],
        },
        undefined,
        'here',
      ),
      searchDocOf(product('scarf', 'Écharpe', 'Scarf', 'Maison', 1_000), undefined, 'here'),
    ]);
    const hits = find(priced, { query: '' }).hits;
    expect(hits.find((hit) => hit.id === 'coat')?.pricing).toEqual({
      sale,
      variants: [{ id: 'coat-s' }, { id: 'coat-xl', priceCents: 3_400, sale: null }],
    });
    expect(hits.find((hit) => hit.id === 'scarf')).not.toHaveProperty('pricing');
  });
});
