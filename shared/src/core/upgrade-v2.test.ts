import { describe, expect, it } from 'vitest';
import { Product } from './catalogue';
import { makeGtin13 } from './gtin';
import { ProductV2 } from './catalogue-v2';
import { slugOf } from './product-facts';
import { upgradeProductV2 } from './upgrade-v2';

const gtin = `0${makeGtin13('376410000001')}`;
const v2 = {
  id: 'headphones-1',
  gtin,
  name: { fr: 'Casque', en: 'Headphones' },
  brand: 'Sonique',
  category: 'electronics',
  subcategory: 'headphones',
  categoryPath: [
    { fr: 'High-tech', en: 'Electronics' },
    { fr: 'Casques', en: 'Headphones' },
  ],
  description: { fr: '', en: '' },
  priceCents: 9_900,
  currency: 'EUR',
  images: [],
  tags: [],
  variants: [{ id: 'headphones-1-v1', gtin }],
  complementary: [],
  electronics: {
    specs: { 'battery-life': '30 h', 'Poids net': '250 g' },
    model3d: '/assets/models/headphones.gltf',
  },
};

describe('catalogue v2 → v3', () => {
  it('turns the category into a department and the specs into attributes', () => {
    expect(ProductV2.safeParse(v2).success).toBe(true);
    const product = upgradeProductV2(v2);
    expect(product.department).toBe('electronics');
    expect(product.categoryPath).toEqual(v2.categoryPath);
    expect(product.attributes).toEqual([
      { key: 'battery-life', value: '30 h' },
      { key: 'poids-net', value: '250 g', label: { fr: 'Poids net', en: 'Poids net' } },
    ]);
    expect(product.model3d).toBe('/assets/models/headphones.gltf');
    expect(product).not.toHaveProperty('currency');
    expect(product).not.toHaveProperty('subcategory');
    // Already upgraded: the same product back.
    expect(upgradeProductV2(product)).toEqual(product);
  });

  it('makes wine its own department, rooted at the wine shelf', () => {
    const wine = upgradeProductV2({
      ...v2,
      id: 'wine-red-1',
      category: 'food',
      subcategory: 'wine-red',
      categoryPath: [
        { fr: 'Épicerie', en: 'Grocery' },
        { fr: 'Vins', en: 'Wines' },
        { fr: 'Rouge', en: 'Red' },
      ],
      electronics: undefined,
    });
    expect(wine.department).toBe('wine');
    expect(wine.categoryPath.map((shelf) => shelf.en)).toEqual(['Wines', 'Red']);
  });

  it('gives a product without a path its department and subcategory as shelves', () => {
    const product = upgradeProductV2({
      ...v2,
      categoryPath: undefined,
      category: 'fashion',
      electronics: undefined,
    });
    expect(product.categoryPath.map((shelf) => shelf.en)).toEqual(['Fashion', 'headphones']);
  });

  it('keeps the size chart as the size system and drops the sizes the variants carry', () => {
    const product = upgradeProductV2({
      ...v2,
      category: 'fashion',
      electronics: undefined,
      fashion: { sizes: ['S', 'M'], colours: ['Noir'], sizeChart: 'letters' },
    });
    expect(product.sizeSystem).toBe('letters');
    expect(product).not.toHaveProperty('fashion');
    expect(Product.safeParse(product).success).toBe(true);
  });

  it('refuses a document that is neither shape', () => {
    expect(() => upgradeProductV2({ id: 'x' })).toThrow();
  });

  it('writes free keys as slugs', () => {
    expect(slugOf('Écran (pouces)')).toBe('ecran-pouces');
    expect(slugOf('  --A__b  ')).toBe('a-b');
    expect(slugOf('x'.repeat(70))).toHaveLength(64);
  });
});
