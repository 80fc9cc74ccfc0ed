// Head office as the chain's catalogue master (16-plan §3.4, §4): the chain's documents without
// any store's price, each store's own prices, and the fresh snapshots stores were found to need.
import type { Migration } from '../db/migrations';

export const catalogueMigrations: readonly Migration[] = [
  {
    // `body`: the document's JSON text exactly as sent (text, not jsonb: an import compares texts,
    // so a feed sent twice changes nothing). A withdrawn document's row goes.
    id: 'catalogue-0001-docs-prices',
    sql: `
      CREATE TABLE catalogue_docs (
        collection text NOT NULL,
        id text NOT NULL,
        body text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (collection, id)
      );
      -- A store's own price of an item where it is not the chain's (an inventory feed's lines);
      -- kept for stores not enrolled yet too: their first snapshot brings them.
      CREATE TABLE store_prices (
        store_id text NOT NULL,
        variant_id text NOT NULL,
        product_id text NOT NULL,
        price_cents integer CHECK (price_cents >= 0),
        sale jsonb,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (store_id, variant_id)
      );
      -- Stores found to need a fresh snapshot (a hello or a resync past the streams' history);
      -- the snapshots role sends one and notes when.
      CREATE TABLE store_snapshots (
        store_id text PRIMARY KEY,
        wanted_at timestamptz,
        sent_at timestamptz,
        chain_rev bigint,
        store_rev bigint
      )`,
  },
];
