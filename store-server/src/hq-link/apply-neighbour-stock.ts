// A neighbour's stock into this store's documents: each line sets that store's level of one item
// in the product's stock record, stamped with when the neighbour confirmed it, and the
// neighbour's own record says how far its whole stock is confirmed. One transaction with the
// neighbour's storeSeq, so a restart resumes where the documents are.
import type { NeighbourStatus, ProductStock, StockLine } from '@vitrine/shared/core';
import type { Db } from '../db/database';
import type { CommittedChange, DocStore, DocWrite } from '../sync/doc-store';

export type NeighbourLine = StockLine & { confirmedAt: string };

function levelWrites(docs: DocStore, neighbour: string, lines: readonly NeighbourLine[]) {
  const byProduct = new Map<string, NeighbourLine[]>();
  for (const line of lines)
    byProduct.set(line.productId, [...(byProduct.get(line.productId) ?? []), line]);
  const writes: DocWrite[] = [];
  for (const [productId, ofProduct] of byProduct) {
    const current = docs.get<ProductStock>('stock', productId) ?? { id: productId, levels: [] };
    const held = current.levels.find((level) => level.locationId === neighbour);
    const quantities = { ...held?.quantities };
    let aisle = held?.aisle;
    let confirmedAt = held?.confirmedAt ?? ofProduct[0]!.confirmedAt;
    for (const line of ofProduct) {
      quantities[line.variantId] = line.units;
      if (line.aisle !== undefined) aisle = line.aisle;
      if (line.confirmedAt > confirmedAt) confirmedAt = line.confirmedAt;
    }
    const level = { locationId: neighbour, quantities, ...(aisle ? { aisle } : {}), confirmedAt };
    const levels = [...current.levels.filter((l) => l.locationId !== neighbour), level].sort(
      (a, b) => a.locationId.localeCompare(b.locationId),
    );
    writes.push({ c: 'stock', id: productId, body: { id: productId, levels } });
  }
  return writes;
}

/** The neighbour's storeSeq this store holds (0: none yet). */
export function heldNeighbourSeq(db: Db, neighbour: string): number {
  const row = db
    .prepare('SELECT store_seq FROM hq_neighbour_stock WHERE store_id = ?')
    .get(neighbour) as { store_seq: number } | undefined;
  return row?.store_seq ?? 0;
}

/**
 * Applies lines of `neighbour` up to its storeSeq `untilSeq`; `confirmedAt`, when given, is the
 * neighbour's whole confirmation as of untilSeq. Returns the committed change (announce it).
 */
export function applyNeighbourStock(
  parts: { db: Db; docs: DocStore },
  neighbour: string,
  update: { untilSeq: number; lines: readonly NeighbourLine[]; confirmedAt?: string },
): CommittedChange {
  const { db, docs } = parts;
  return db.transaction(() => {
    const writes = levelWrites(docs, neighbour, update.lines);
    if (update.confirmedAt !== undefined) {
      const status: NeighbourStatus = { id: neighbour, confirmedAt: update.confirmedAt };
      writes.push({ c: 'neighbours', id: neighbour, body: status });
    }
    db.prepare(
      `INSERT INTO hq_neighbour_stock (store_id, store_seq, confirmed_at) VALUES (?, ?, ?)
       ON CONFLICT (store_id) DO UPDATE SET store_seq = excluded.store_seq,
         confirmed_at = coalesce(excluded.confirmed_at, hq_neighbour_stock.confirmed_at)`,
    ).run(neighbour, update.untilSeq, update.confirmedAt ?? null);
    return docs.write(writes, { notify: false });
  })();
}
