// This store's own stock as it owes it to head office and its neighbours (plan §3.6): the
// changes the triggers of stock-schema.ts collected are sealed into batches numbered by storeSeq
// with no gaps, kept until JetStream acknowledges each one. An unchanged store seals an empty
// batch now and then: a re-confirmation, so its neighbours' screens know its figures still hold.
import type { StockLine } from '@vitrine/shared/core';
import type { Db } from '../db/database';

/** Lines per batch: ~100 bytes of JSON each, so a batch stays well under the link's 1 MB. */
const MAX_STOCK_LINES = 2_000;

export type OwedStockBatch = { storeSeq: number; confirmedAt: string; lines: StockLine[] };

type ChangeRow = { product_id: string; variant_id: string; units: number; aisle: string | null };

export class StockOutbox {
  private readonly headQuery;
  private readonly changesQuery;
  private readonly owedQuery;
  private readonly deleteOne;

  constructor(
    private readonly db: Db,
    private readonly storeId: string,
  ) {
    this.headQuery = db.prepare('SELECT store_seq, confirmed_at FROM hq_stock_head WHERE id = 1');
    this.changesQuery = db.prepare(
      'SELECT product_id, variant_id, units, aisle FROM hq_stock_changes ORDER BY product_id, variant_id',
    );
    this.owedQuery = db.prepare(
      'SELECT store_seq, confirmed_at, lines FROM hq_stock_outbox WHERE store_seq > ? ORDER BY store_seq LIMIT ?',
    );
    this.deleteOne = db.prepare('DELETE FROM hq_stock_outbox WHERE store_seq = ?');
  }

  /**
   * The first time the link runs, the store owes its whole stock (as enrolling owes every stored
   * event); afterwards the triggers keep count. Once only.
   */
  oweWholeStock(): void {
    this.db.transaction(() => {
      if (this.head()) return;
      this.db
        .prepare(
          `INSERT INTO hq_stock_changes (product_id, variant_id, units, aisle)
           SELECT d.id, q.key, q.value, json_extract(l.value, '$.aisle')
           FROM sync_docs d, json_each(d.body, '$.levels') l, json_each(l.value, '$.quantities') q
           WHERE d.collection = 'stock' AND d.deleted = 0
             AND json_extract(l.value, '$.locationId') = ?
           ON CONFLICT (product_id, variant_id) DO UPDATE
             SET units = excluded.units, aisle = excluded.aisle`,
        )
        .run(this.storeId);
      this.db
        .prepare('INSERT INTO hq_stock_head (id, store_seq, confirmed_at) VALUES (1, 0, ?)')
        .run(new Date(0).toISOString());
    })();
  }

  head(): { storeSeq: number; confirmedAt: string } | undefined {
    const row = this.headQuery.get() as { store_seq: number; confirmed_at: string } | undefined;
    return row && { storeSeq: row.store_seq, confirmedAt: row.confirmed_at };
  }

  /**
   * Seals the changes collected so far into batches, or an empty one when nothing changed for
   * `reconfirmMs` (or nothing was ever sent). Returns how many batches it sealed.
   */
  seal(now: Date, reconfirmMs: number): number {
    return this.db.transaction(() => {
      const head = this.head();
      if (!head) return 0;
      const changes = this.changesQuery.all() as ChangeRow[];
      const due =
        head.storeSeq === 0 || now.getTime() - Date.parse(head.confirmedAt) >= reconfirmMs;
      if (changes.length === 0 && !due) return 0;
      const confirmedAt = now.toISOString();
      const lines: StockLine[] = changes.map((row) => ({
        productId: row.product_id,
        variantId: row.variant_id,
        units: row.units,
        ...(row.aisle === null ? {} : { aisle: row.aisle }),
      }));
      const insert = this.db.prepare(
        'INSERT INTO hq_stock_outbox (store_seq, confirmed_at, lines) VALUES (?, ?, ?)',
      );
      let seq = head.storeSeq;
      let start = 0;
      do {
        seq++;
        insert.run(seq, confirmedAt, JSON.stringify(lines.slice(start, start + MAX_STOCK_LINES)));
        start += MAX_STOCK_LINES;
      } while (start < lines.length);
      this.db.prepare('DELETE FROM hq_stock_changes').run();
      this.db
        .prepare('UPDATE hq_stock_head SET store_seq = ?, confirmed_at = ? WHERE id = 1')
        .run(seq, confirmedAt);
      return seq - head.storeSeq;
    })();
  }

  /** Sealed batches not yet acknowledged, after `afterSeq`, oldest first. */
  owed(afterSeq = 0, limit = 32): OwedStockBatch[] {
    const rows = this.owedQuery.all(afterSeq, limit) as {
      store_seq: number;
      confirmed_at: string;
      lines: string;
    }[];
    return rows.map((row) => ({
      storeSeq: row.store_seq,
      confirmedAt: row.confirmed_at,
      lines: JSON.parse(row.lines) as StockLine[],
    }));
  }

  /** Head office's stream holds this batch: forget it. */
  acknowledged(storeSeq: number): void {
    this.deleteOne.run(storeSeq);
  }
}
