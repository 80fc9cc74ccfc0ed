import { describe, expect, it } from 'vitest';
import { ProductV2 as Product } from './catalogue-v2';
import { makeGtin13 } from './gtin';
import { upgradeProductV1, upgradeStockV1 } from './upgrade-v1';
import { unitsOfVariant, totalUnits } from './variants';

const gtin = (n: number) => `0${makeGtin13(`376410000${String(n).padStart(3, '0')}`)}`;
const v1 = {
  id: 'cheese-1',
  gtin: gtin(1),
  name: { fr: 'Comté', en: 'Comté' },
  brand: 'Jura',
  category: 'food',
  subcategory: 'cheese',
  description: { fr: '', en: '' },
  priceCents: 1_250,
  currency: 'EUR',
  images: [],
  tags: [],
  variants: [],
  complementary: [],
};

describe('catalogue v1 → v2', () => {
  it('gives a product sold as one item one variant, named by the GTIN it had', () => {
    const product = upgradeProductV1(v1);
    expect(product.variants).toEqual([{ id: gtin(1), gtin: gtin(1) }]);
    expect(product.gtin).toBe(gtin(1));
    // Already upgraded: the same product back.
    expect(upgradeProductV1(product)).toEqual(product);
  });

  it('keeps an item whose GTIN has a wrong check digit, unscannable but counted', () => {
    const wrong = `${gtin(2).slice(0, 13)}${(Number(gtin(2).at(-1)) + 1) % 10}`;
    const product = upgradeProductV1({
      ...v1,
      variants: [
        { gtin: gtin(3), size: 'S' },
        { gtin: wrong, size: 'M' },
        { gtin: gtin(3), size: 'S' }, // the same item twice: kept once
      ],
    });
    expect(product.variants).toEqual([
      { id: gtin(3), gtin: gtin(3), size: 'S' },
      { id: wrong, size: 'M' },
    ]);
    expect(Product.safeParse(product).success).toBe(true);
  });

  it('refuses a document that is neither shape', () => {
    expect(() => upgradeProductV1({ id: 'x' })).toThrow();
  });

  it('keys stock by variant id, dropping codes the product does not have', () => {
    const product = upgradeProductV1({
      ...v1,
      variants: [
        { gtin: gtin(3), size: 'S' },
        { gtin: gtin(4), size: 'M' },
      ],
    });
    const stock = upgradeStockV1(
      {
        id: 'cheese-1',
        levels: [
          { locationId: 'online', quantities: { [gtin(3)]: 2, [gtin(4)]: 5, [gtin(9)]: 7 } },
        ],
      },
      product,
    );
    expect(stock.levels[0]?.quantities).toEqual({ [gtin(3)]: 2, [gtin(4)]: 5 });
  });

  it('reads an id named like an object property as a count of its own', () => {
    const quantities = JSON.parse('{"constructor": 3, "a": 2}') as Record<string, number>;
    expect(unitsOfVariant(quantities, 'constructor')).toBe(3);
    expect(unitsOfVariant({ a: 2 }, 'constructor')).toBe(0);
    expect(unitsOfVariant({ a: 2 }, 'toString')).toBe(0);
    expect(totalUnits(quantities)).toBe(5);
  });
});
