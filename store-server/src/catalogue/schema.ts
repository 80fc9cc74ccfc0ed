// The catalogue's migrations: its documents live in sync_docs (core), so
// these rewrite data rather than tables.
import type { Migration } from '../db/migrations';
import { upgradeCatalogueToV2 } from './upgrade-catalogue-v2';
import { upgradeCatalogueToV3 } from './upgrade-catalogue-v3';

// gtin_index (001) and a new variant_index follow every product write through
// triggers, as the staff search (103) does: a product's old codes go with its
// old body, so a code an import moved or dropped no longer finds it, and an
// import writing thousands of products runs no JavaScript per code. A GTIN on
// two products goes to the last one written (the importer refuses that). Upserts,
// not INSERT OR REPLACE: inside a trigger the outer statement's conflict rule
// (DocStore's upsert: abort) would override OR REPLACE.
const CODES_OF_NEW = `
  DELETE FROM gtin_index WHERE product_id = NEW.id;
  DELETE FROM variant_index WHERE product_id = NEW.id;
  INSERT INTO variant_index (variant_id, product_id)
    SELECT value ->> 'id', NEW.id FROM json_each(NEW.body, '$.variants')
    WHERE NEW.deleted = 0 AND value ->> 'id' IS NOT NULL
    ON CONFLICT (variant_id) DO UPDATE SET product_id = excluded.product_id;
  INSERT INTO gtin_index (gtin, product_id)
    SELECT value ->> 'gtin', NEW.id FROM json_each(NEW.body, '$.variants')
    WHERE NEW.deleted = 0 AND value ->> 'gtin' IS NOT NULL
    UNION SELECT NEW.body ->> 'gtin', NEW.id
    WHERE NEW.deleted = 0 AND NEW.body ->> 'gtin' IS NOT NULL
    ON CONFLICT (gtin) DO UPDATE SET product_id = excluded.product_id;
`;
const PRODUCT_CODES = `
  CREATE TABLE variant_index (variant_id TEXT PRIMARY KEY, product_id TEXT NOT NULL) WITHOUT ROWID;
  CREATE INDEX variant_index_by_product ON variant_index (product_id);
  CREATE INDEX gtin_index_by_product ON gtin_index (product_id);
  CREATE TRIGGER product_codes_insert AFTER INSERT ON sync_docs WHEN NEW.collection = 'products'
  BEGIN ${CODES_OF_NEW} END;
  CREATE TRIGGER product_codes_update AFTER UPDATE ON sync_docs WHEN NEW.collection = 'products'
  BEGIN ${CODES_OF_NEW} END;
  -- The codes of the catalogue already here, rebuilt the same way.
  DELETE FROM gtin_index;
  INSERT OR REPLACE INTO variant_index (variant_id, product_id)
    SELECT v.value ->> 'id', d.id FROM sync_docs d, json_each(d.body, '$.variants') v
    WHERE d.collection = 'products' AND d.deleted = 0 AND v.value ->> 'id' IS NOT NULL ORDER BY d.rev;
  INSERT OR REPLACE INTO gtin_index (gtin, product_id)
    SELECT gtin, id FROM (
      SELECT v.value ->> 'gtin' AS gtin, d.id, d.rev FROM sync_docs d, json_each(d.body, '$.variants') v
      WHERE d.collection = 'products' AND d.deleted = 0
      UNION ALL SELECT body ->> 'gtin', id, rev FROM sync_docs
      WHERE collection = 'products' AND deleted = 0
    ) WHERE gtin IS NOT NULL ORDER BY rev;
`;

export const catalogueMigrations: Migration[] = [
  {
    /* variants get ids, GTINs become optional, stock is keyed by variant id */
    id: '104-catalogue-v2',
    sql: '',
    up: upgradeCatalogueToV2,
  },
  {
    /* a free taxonomy (department + path), attributes, optional food facts, no currency per product */
    id: '105-catalogue-v3',
    sql: '',
    up: upgradeCatalogueToV3,
  },
  {
    /* the scan codes and item ids of every product, kept by triggers for any writer */
    id: '106-product-codes',
    sql: PRODUCT_CODES,
  },
  {
    /* each store's own prices from the local inventory feed (server-only; local-price.ts) */
    id: '107-local-prices',
    sql: `
    -- A store's price for an item where its inventory line is not the chain's price.
    -- price_cents / sale NULL: that part is the chain's. chain_cents / chain_sale: the
    -- chain's (product feed) price when the row was written, since the product document
    -- this store syncs carries this store's own price.
    CREATE TABLE local_prices (
      location_id TEXT NOT NULL,
      variant_id TEXT NOT NULL,
      product_id TEXT NOT NULL,
      price_cents INTEGER,
      sale TEXT,
      chain_cents INTEGER NOT NULL,
      chain_sale TEXT,
      PRIMARY KEY (location_id, variant_id)
    ) WITHOUT ROWID;
    CREATE INDEX local_prices_by_product ON local_prices (product_id);
    `,
  },
  {
    /* a manager's price corrections and the imports that overwrote them; append-only */
    id: '108-price-corrections',
    sql: `
    CREATE TABLE price_corrections (
      id TEXT PRIMARY KEY,
      product_id TEXT NOT NULL,
      variant_id TEXT,
      before INTEGER NOT NULL,
      after INTEGER NOT NULL,
      -- 'manager': a correction; 'import': a feed naming the item set its price again.
      source TEXT NOT NULL CHECK (source IN ('manager', 'import')),
      note TEXT,
      user_id TEXT NOT NULL,
      at TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX price_corrections_by_product ON price_corrections (product_id, at);
    CREATE TRIGGER price_corrections_append_only_u BEFORE UPDATE ON price_corrections
      BEGIN SELECT RAISE(ABORT, 'price corrections are append-only'); END;
    CREATE TRIGGER price_corrections_append_only_d BEFORE DELETE ON price_corrections
      BEGIN SELECT RAISE(ABORT, 'price corrections are append-only'); END;
    `,
  },
];
