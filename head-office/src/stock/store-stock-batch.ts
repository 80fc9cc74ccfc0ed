// One stock batch of a store into `store_stock`, exactly once and in storeSeq order: a batch at or
// below the store's head is a resend (absorbed), the next one is stored with its lines and the new
// head in one transaction, and one further ahead waits (another head-office process holds the
// batch before it; it comes back after a short delay). The store is the subject's, never the body's.
import type { Pool } from 'pg';
import type { StockBatch } from '@vitrine/shared/core';
import { inTransaction } from '../db/transaction';

export type StockBatchOutcome =
  | { kind: 'stored'; lines: number }
  | { kind: 'duplicate' }
  /** Batches between the head and this one are not stored yet: try again shortly. */
  | { kind: 'ahead'; head: number }
  | { kind: 'unknown-store' };

const text = (value: string) => value.replaceAll('\0', '');

export async function storeStockBatch(
  pool: Pool,
  storeId: string,
  batch: StockBatch,
): Promise<StockBatchOutcome> {
  return inTransaction(pool, async (client) => {
    await client.query('SET LOCAL synchronous_commit = on'); // acknowledged after this commit
    // Locks the store's row (FOR NO KEY UPDATE: neighbours' foreign keys do not conflict with
    // it), so two processes storing the same store's batches take turns.
    const store = await client.query('SELECT 1 FROM stores WHERE id = $1 FOR NO KEY UPDATE', [
      storeId,
    ]);
    if (store.rowCount === 0) return { kind: 'unknown-store' } satisfies StockBatchOutcome;
    const held = await client.query<{ store_seq: string }>(
      'SELECT store_seq FROM store_stock_heads WHERE store_id = $1',
      [storeId],
    );
    const head = Number(held.rows[0]?.store_seq ?? 0);
    if (batch.storeSeq <= head) return { kind: 'duplicate' } satisfies StockBatchOutcome;
    if (batch.storeSeq > head + 1) return { kind: 'ahead', head } satisfies StockBatchOutcome;
    // The same item twice in one batch would refuse the upsert: the last line wins.
    const lines = [
      ...new Map(
        batch.lines.map((line) => [`${line.productId}\n${line.variantId}`, line]),
      ).values(),
    ];
    if (lines.length > 0)
      await client.query(
        `INSERT INTO store_stock (store_id, product_id, variant_id, units, aisle, store_seq, confirmed_at)
         SELECT $1, p, v, u, a, $6, $7 FROM unnest($2::text[], $3::text[], $4::int[], $5::text[]) AS t(p, v, u, a)
         ON CONFLICT (store_id, product_id, variant_id) DO UPDATE SET units = excluded.units,
           aisle = excluded.aisle, store_seq = excluded.store_seq, confirmed_at = excluded.confirmed_at`,
        [
          storeId,
          lines.map((line) => text(line.productId)),
          lines.map((line) => text(line.variantId)),
          lines.map((line) => line.units),
          lines.map((line) => (line.aisle === undefined ? null : text(line.aisle))),
          batch.storeSeq,
          batch.confirmedAt,
        ],
      );
    await client.query(
      `INSERT INTO store_stock_heads (store_id, store_seq, confirmed_at) VALUES ($1, $2, $3)
       ON CONFLICT (store_id) DO UPDATE SET store_seq = excluded.store_seq,
         confirmed_at = excluded.confirmed_at, received_at = now()`,
      [storeId, batch.storeSeq, batch.confirmedAt],
    );
    await client.query('UPDATE stores SET last_seen_at = now() WHERE id = $1', [storeId]);
    return { kind: 'stored', lines: lines.length } satisfies StockBatchOutcome;
  });
}
