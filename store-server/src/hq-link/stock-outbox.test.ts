// The store's own stock towards head office and its neighbours, on real SQLite: inert on a
// standalone store; once enrolled, the whole stock is owed once, then every change of the
// store's own level (a staff correction, an inventory line, a variant gone) and nothing else (a
// neighbour's figure written into the same record); storeSeq never skips; an unchanged store
// re-confirms; a neighbour's lines land in the stock records with when they were confirmed.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { NeighbourStatus, ProductStock } from '@vitrine/shared/core';
import { CatalogueStore } from '../catalogue/catalogue-store';
import { openDatabase } from '../db/database';
import { DocStore } from '../sync/doc-store';
import { applyNeighbourStock, heldNeighbourSeq } from './apply-neighbour-stock';
import { stockWrites } from './apply-stock';
import { HqOutbox } from './outbox';
import { StockOutbox } from './stock-outbox';

const HERE = 'paris-rivoli';
const NEIGHBOUR = 'lyon-part-dieu';
const RECONFIRM_MS = 15 * 60_000;

function openStore() {
  const db = openDatabase(mkdtempSync(join(tmpdir(), 'vitrine-stock-outbox-')));
  const docs = new DocStore(db);
  docs.write([
    {
      c: 'stock',
      id: 'p1',
      body: {
        id: 'p1',
        levels: [
          { locationId: NEIGHBOUR, quantities: { 'p1-s': 9 } },
          { locationId: HERE, quantities: { 'p1-s': 3, 'p1-m': 1 }, aisle: 'A4' },
        ],
      },
    },
  ]);
  return { db, docs, catalogue: new CatalogueStore(db, docs), stock: new StockOutbox(db, HERE) };
}

const at = (minutes: number) => new Date(Date.UTC(2026, 11, 7, 9, minutes));

describe('the store’s own stock, owed to head office', () => {
  it('owes nothing on a standalone store', () => {
    const { db, catalogue, stock } = openStore();
    catalogue.setStock('p1', HERE, 'p1-s', 2);
    expect(stock.seal(at(0), RECONFIRM_MS)).toBe(0);
    expect(db.prepare('SELECT COUNT(*) FROM hq_stock_changes').pluck().get()).toBe(0);
  });

  it('owes its whole stock once, then each change of its own level, with no gap in storeSeq', () => {
    const { db, docs, catalogue, stock } = openStore();
    new HqOutbox(db).enrol(HERE);
    stock.oweWholeStock();
    stock.oweWholeStock(); // a restart owes nothing again
    expect(stock.seal(at(0), RECONFIRM_MS)).toBe(1);
    expect(stock.owed()).toEqual([
      {
        storeSeq: 1,
        confirmedAt: at(0).toISOString(),
        lines: [
          { productId: 'p1', variantId: 'p1-m', units: 1, aisle: 'A4' },
          { productId: 'p1', variantId: 'p1-s', units: 3, aisle: 'A4' },
        ],
      },
    ]);
    expect(stock.seal(at(1), RECONFIRM_MS)).toBe(0);

    catalogue.setStock('p1', HERE, 'p1-s', 2); // a staff correction
    // Another store's figure in the same record: nothing of this store's changed.
    applyNeighbourStock({ db, docs }, NEIGHBOUR, {
      untilSeq: 1,
      lines: [{ productId: 'p1', variantId: 'p1-s', units: 7, confirmedAt: at(1).toISOString() }],
    });
    expect(stock.seal(at(2), RECONFIRM_MS)).toBe(1);
    // An inventory line from head office, and the M size gone from the level: owed as 0.
    docs.write(
      stockWrites({ docs, storeId: HERE }, [{ productId: 'p1', variantId: 'p1-s', units: 5 }]),
    );
    const record = docs.get<ProductStock>('stock', 'p1')!;
    docs.write([
      {
        c: 'stock',
        id: 'p1',
        body: {
          ...record,
          levels: record.levels.map((level) =>
            level.locationId === HERE ? { locationId: HERE, quantities: { 'p1-s': 5 } } : level,
          ),
        },
      },
    ]);
    expect(stock.seal(at(3), RECONFIRM_MS)).toBe(1);
    expect(stock.owed().map(({ storeSeq, lines }) => ({ storeSeq, lines }))).toEqual([
      { storeSeq: 1, lines: expect.any(Array) as unknown },
      // A changed product's whole own level goes (its other size with it).
      {
        storeSeq: 2,
        lines: [
          { productId: 'p1', variantId: 'p1-m', units: 1, aisle: 'A4' },
          { productId: 'p1', variantId: 'p1-s', units: 2, aisle: 'A4' },
        ],
      },
      {
        storeSeq: 3,
        lines: [
          { productId: 'p1', variantId: 'p1-m', units: 0 },
          { productId: 'p1', variantId: 'p1-s', units: 5 },
        ],
      },
    ]);

    // Acknowledged batches go; the numbering carries on after them.
    for (const batch of stock.owed()) stock.acknowledged(batch.storeSeq);
    expect(stock.owed()).toEqual([]);
    expect(stock.seal(at(3 + 14), RECONFIRM_MS)).toBe(0);
    // Unchanged for 15 min: a re-confirmation, an empty batch.
    expect(stock.seal(at(3 + 15), RECONFIRM_MS)).toBe(1);
    expect(stock.owed()).toEqual([{ storeSeq: 4, confirmedAt: at(18).toISOString(), lines: [] }]);
  });

  it('splits a large change into batches of at most 2,000 lines, numbered in a row', () => {
    const { db, docs, stock } = openStore();
    new HqOutbox(db).enrol(HERE);
    stock.oweWholeStock();
    stock.seal(at(0), RECONFIRM_MS);
    const lines = Array.from({ length: 4_500 }, (_, i) => ({
      productId: `q${i}`,
      variantId: '1',
      units: i,
    }));
    docs.write(stockWrites({ docs, storeId: HERE }, lines)); // an import's worth
    expect(stock.seal(at(1), RECONFIRM_MS)).toBe(3);
    expect(stock.owed().map((batch) => [batch.storeSeq, batch.lines.length])).toEqual([
      [1, 2],
      [2, 2_000],
      [3, 2_000],
      [4, 500],
    ]);
  });
});

describe('a neighbour’s stock, applied', () => {
  it('sets the neighbour’s levels with their confirmation and its own status record', () => {
    const { db, docs } = openStore();
    const confirmedAt = at(5).toISOString();
    applyNeighbourStock({ db, docs }, NEIGHBOUR, {
      untilSeq: 4,
      lines: [
        { productId: 'p1', variantId: 'p1-m', units: 6, confirmedAt },
        { productId: 'p2', variantId: 'p2-s', units: 1, aisle: 'B1', confirmedAt },
      ],
      confirmedAt,
    });
    expect(heldNeighbourSeq(db, NEIGHBOUR)).toBe(4);
    expect(docs.get<ProductStock>('stock', 'p1')!.levels).toEqual([
      { locationId: NEIGHBOUR, quantities: { 'p1-s': 9, 'p1-m': 6 }, confirmedAt },
      { locationId: HERE, quantities: { 'p1-s': 3, 'p1-m': 1 }, aisle: 'A4' },
    ]);
    expect(docs.get<ProductStock>('stock', 'p2')!.levels).toEqual([
      { locationId: NEIGHBOUR, quantities: { 'p2-s': 1 }, aisle: 'B1', confirmedAt },
    ]);
    expect(docs.get<NeighbourStatus>('neighbours', NEIGHBOUR)).toEqual({
      id: NEIGHBOUR,
      confirmedAt,
    });
  });
});
