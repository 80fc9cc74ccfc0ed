// Every store's own stock as it published it (plan §3.6, §4): one row per item with the storeSeq
// of the batch that last changed it, so a neighbour catching up reads the rows after its storeSeq
// by the (store_id, store_seq) index; and each store's head: its last batch and confirmation.
import type { Migration } from '../db/migrations';

export const stockMigrations: readonly Migration[] = [
  {
    id: 'stock-0001-store-stock',
    sql: `
      CREATE TABLE store_stock (
        store_id text NOT NULL REFERENCES stores (id),
        product_id text NOT NULL,
        variant_id text NOT NULL,
        units integer NOT NULL CHECK (units >= 0),
        aisle text,
        store_seq bigint NOT NULL,
        confirmed_at timestamptz NOT NULL,
        PRIMARY KEY (store_id, product_id, variant_id)
      );
      CREATE INDEX store_stock_by_seq ON store_stock (store_id, store_seq);
      -- A store's batches are stored in storeSeq order, each once: the head says how far.
      CREATE TABLE store_stock_heads (
        store_id text PRIMARY KEY REFERENCES stores (id),
        store_seq bigint NOT NULL,
        confirmed_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now()
      )`,
  },
];
