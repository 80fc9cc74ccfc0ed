// The store's own prices and stock from head office, on real SQLite: a price reprices the
// product's document whichever stream speaks first, and back to the chain's price; the store's
// stock level changes, the other stores' stay.
import { itemPriceOf, type Product } from '@vitrine/shared/core';
import { afterAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/database';
import {
  STORE_ID,
  bytes,
  catalogue,
  headOffice,
  holdings,
  openStore,
  product,
  type TestStore,
} from './intake-test-support';

const ho = headOffice();
const opened: Db[] = [];
const store = (): TestStore => {
  const opening = openStore(ho.anchor);
  opened.push(opening.db);
  return opening;
};
afterAll(() => {
  for (const db of opened) if (db.open) db.close();
});

const prices = (rev: number, lines: object[]) =>
  bytes({ v: 1, rev, type: 'prices', prices: lines });

describe("the store's own prices and stock from head office", () => {
  it("sets the store's own stock, keeping the other stores' levels", async () => {
    const { docs, intake } = store();
    const lyon = { locationId: 'lyon', quantities: { 'p1-s': 4 }, aisle: 'B2' };
    docs.write([{ c: 'stock', id: 'p1', body: { id: 'p1', levels: [lyon] } }]);
    const stock = (rev: number, lines: object[], atomicUntil?: number) =>
      bytes({ v: 1, rev, type: 'stock', ...(atomicUntil && { atomicUntil }), lines });

    await intake.receive(
      'HQ_STORES',
      stock(1, [{ productId: 'p1', variantId: 'p1-s', units: 3, aisle: 'A1' }], 2),
    );
    await intake.receive(
      'HQ_STORES',
      stock(2, [{ productId: 'p1', variantId: 'p1-m', units: 0 }], 2),
    );
    expect(docs.get('stock', 'p1')).toEqual({
      id: 'p1',
      levels: [lyon, { locationId: STORE_ID, quantities: { 'p1-s': 3, 'p1-m': 0 }, aisle: 'A1' }],
    });
  });

  it('reprices a product with the store price, and back to the chain price', async () => {
    const { docs, intake, db } = store();
    // The store's price can come before the chain's product (the two streams are not ordered).
    await intake.receive(
      'HQ_STORES',
      prices(1, [{ productId: 'p1', variantId: 'p1-m', priceCents: 3_490 }]),
    );
    await intake.receive('HQ_CHAIN', catalogue(1, [product('p1')]));
    const priceOf = (variantId: string) =>
      itemPriceOf(docs.get<Product>('products', 'p1')!, variantId).priceCents;
    expect([priceOf('p1-s'), priceOf('p1-m')]).toEqual([2_990, 3_490]);

    const sale = { priceCents: 1_990, endsAt: '2026-12-31T23:00:00.000Z' };
    await intake.receive('HQ_STORES', prices(2, [{ productId: 'p1', variantId: 'p1-s', sale }]));
    expect(itemPriceOf(docs.get<Product>('products', 'p1')!, 'p1-s')).toEqual({
      priceCents: 2_990,
      sale,
    });
    // The chain's new price shows where the store has none of its own.
    await intake.receive('HQ_CHAIN', catalogue(2, [product('p1', 2_790)]));
    expect([priceOf('p1-s'), priceOf('p1-m')]).toEqual([2_790, 3_490]);

    const head = docs.head();
    await intake.receive('HQ_STORES', prices(3, [{ productId: 'p1', variantId: 'p1-m' }]));
    expect(docs.head()).toBe(head + 1);
    expect(priceOf('p1-m')).toBe(2_790);
    expect(holdings(db).prices).toEqual([
      {
        location_id: STORE_ID,
        variant_id: 'p1-s',
        product_id: 'p1',
        price_cents: null,
        sale: JSON.stringify(sale),
        chain_cents: 2_790,
        chain_sale: null,
      },
    ]);
  });
});
