import 'fake-indexeddb/auto';
import Dexie, { type ObservabilitySet } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Product } from '../../core';
import { DeviceDb } from '../device-db';
import { CatalogueIndexer } from './catalogue-indexer';
import { changedProducts } from './changed-products';
import type { IndexStatus } from './search-protocol';

function product(id: string, fr: string, en: string, priceCents: number, shelf = 'Vins') {
  return {
    id,
    gtin: '03764100000017',
    name: { fr, en },
    brand: 'Maison',
    department: 'vins',
    categoryPath: [{ fr: shelf, en: shelf }],
    description: { fr: '', en: '' },
    priceCents,
    images: [],
    tags: [],
    variants: [{ id: `${id}-1`, gtin: '03764100000017' }],
    complementary: [],
    attributes: [],
    codes: [],
  } satisfies Product & { codes: string[] };
}

let db: DeviceDb;
let statuses: IndexStatus[];
let indexer: CatalogueIndexer;
/** What Dexie told of each commit to the copy, as the worker hears it. */
let heard: ObservabilitySet[];
const listen = (parts: ObservabilitySet) => heard.push(parts);

beforeEach(async () => {
  db = new DeviceDb(`indexer-${Math.random()}`);
  await db.products.bulkPut([
    product('p1', 'Côtes-du-Rhône rouge', 'Côtes-du-Rhône red', 990),
    product('p2', 'Chablis blanc', 'Chablis white', 1_590),
    product('p3', 'Fromage de chèvre', 'Goat cheese', 590, 'Crèmerie'),
  ]);
  await db.stock.put({ id: 'p1', levels: [{ locationId: 'here', quantities: { 'p1-1': 4 } }] });
  statuses = [];
  indexer = new CatalogueIndexer(db, 'here', (status) => statuses.push(status));
  await indexer.open();
  heard = [];
  Dexie.on('storagemutated', listen);
});

afterEach(() => {
  Dexie.on.storagemutated.unsubscribe(listen);
  db.close();
});

/** The changes heard since the last call, merged as the worker takes them. */
function changes() {
  const all = heard.map((parts) => changedProducts(parts, db.name));
  heard = [];
  if (all.includes('all')) return 'all' as const;
  return new Set(all.flatMap((each) => (each && each !== 'all' ? [...each] : [])));
}

describe('catalogue indexer', () => {
  it('builds once over the copy, then indexes again only the product a sync changed', async () => {
    expect(indexer.search({ query: 'vin' }).total).toBe(2);
    expect(indexer.search({ query: 'rouge' }).hits[0]).toMatchObject({ id: 'p1', priceCents: 990 });
    expect(statuses.at(-1)).toMatchObject({ state: 'ready', documents: 3, reindexed: 0 });
    const index = indexer.index;

    // A new price for one product, as the replicator writes it (a transaction, bulkPut).
    await db.transaction('rw', db.products, () =>
      db.products.bulkPut([product('p1', 'Côtes-du-Rhône rouge', 'Côtes-du-Rhône red', 1_090)]),
    );
    const changed = changes();
    expect(changed).toEqual(new Set(['p1']));
    await indexer.changed(changed);

    expect(indexer.search({ query: 'rouge' }).hits[0]).toMatchObject({
      id: 'p1',
      priceCents: 1_090,
    });
    expect(indexer.index).toBe(index);
    expect(statuses.at(-1)).toMatchObject({ state: 'ready', documents: 3, reindexed: 1 });
  });

  it('follows stock, deletions and a rewrite that changes nothing', async () => {
    expect(indexer.search({ query: 'chablis' }).hits[0]?.inStockHere).toBe(false);
    await db.stock.put({ id: 'p2', levels: [{ locationId: 'here', quantities: { 'p2-1': 1 } }] });
    await db.products.delete('p3');
    await db.products.put(product('p1', 'Côtes-du-Rhône rouge', 'Côtes-du-Rhône red', 990));
    const changed = changes();
    expect(changed).toEqual(new Set(['p1', 'p2', 'p3']));
    await indexer.changed(changed);

    expect(indexer.search({ query: 'chablis' }).hits[0]?.inStockHere).toBe(true);
    expect(indexer.search({ query: 'fromage' }).total).toBe(0);
    // Only p2 is indexed again: p1 was written as it was, p3 went.
    expect(statuses.at(-1)).toMatchObject({ documents: 2, reindexed: 1 });
  });

  it('reads the whole copy when a write does not name its products, and indexes only what differs', async () => {
    // Dexie names the keys of a write of under 50 records; 60 new products come as a range.
    await db.products.bulkPut(
      Array.from({ length: 60 }, (_, i) => product(`n${i}`, `Crémant ${i}`, `Cremant ${i}`, 1_200)),
    );
    const changed = changes();
    expect(changed).toBe('all');
    await indexer.changed(changed);

    expect(indexer.search({ query: 'cremant' }).total).toBe(60);
    expect(statuses.at(-1)).toMatchObject({ documents: 63, reindexed: 60 });
  });

  it('empties the index with the copy', async () => {
    await db.products.clear();
    const changed = changes();
    expect(changed).toBe('all');
    await indexer.changed(changed);
    expect(indexer.search({ query: '' }).total).toBe(0);
  });
});
