// Neighbours' stock (issue 16, plan §3.6), the store's side: what of its own stock it owes head
// office and the other stores, and how far it has read each neighbour's. Inert on a standalone
// store: the triggers fire only once `hq_link` has its row.
import type { Migration } from '../db/migrations';

/** This store's own level in a stock document's body (its location id is its store id). */
const ownLevel = (body: string) => `(SELECT l.value FROM json_each(${body}, '$.levels') l
    WHERE json_extract(l.value, '$.locationId') = (SELECT store_id FROM hq_link))`;

/** Every variant of the own level of `body` as (product, variant, units, aisle) rows. */
const ownLines = (row: 'NEW' | 'OLD') => `
    SELECT ${row}.id, q.key, q.value, json_extract(l.value, '$.aisle')
    FROM json_each(${row}.body, '$.levels') l, json_each(l.value, '$.quantities') q
    WHERE json_extract(l.value, '$.locationId') = (SELECT store_id FROM hq_link)`;

const upsertChange = `ON CONFLICT (product_id, variant_id) DO UPDATE
    SET units = excluded.units, aisle = excluded.aisle`;

export const hqStockMigrations: Migration[] = [
  {
    id: '1610-hq-stock',
    sql: `
    -- Every item of this store whose units changed since the last batch was sealed, with its
    -- latest units. Filled by the triggers below, in the transaction of the change itself (an
    -- intake's inventory line, a staff correction, an import): no writer can forget it.
    CREATE TABLE hq_stock_changes (
      product_id TEXT NOT NULL,
      variant_id TEXT NOT NULL,
      units INTEGER NOT NULL,
      aisle TEXT,
      PRIMARY KEY (product_id, variant_id)
    ) WITHOUT ROWID;

    -- Sealed batches owed to head office (\`vt.st.<id>.stock\`), storeSeq with no gaps. A row goes
    -- only when JetStream acknowledges it, like an event batch of hq_outbox. \`lines\`: JSON.
    CREATE TABLE hq_stock_outbox (
      store_seq INTEGER PRIMARY KEY,
      confirmed_at TEXT NOT NULL,
      lines TEXT NOT NULL
    );

    -- The last storeSeq sealed and when (never reused, even once the outbox is empty). No row:
    -- the store's whole stock has not been owed yet (it is, at the link's first start).
    CREATE TABLE hq_stock_head (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      store_seq INTEGER NOT NULL,
      confirmed_at TEXT NOT NULL
    );

    -- How far this store has applied each neighbour's stock (its storeSeq, and the confirmation
    -- that came with it), written in the transaction that changed the stock documents.
    CREATE TABLE hq_neighbour_stock (
      store_id TEXT PRIMARY KEY,
      store_seq INTEGER NOT NULL,
      confirmed_at TEXT
    ) WITHOUT ROWID;

    CREATE TRIGGER hq_stock_on_insert AFTER INSERT ON sync_docs
      WHEN NEW.collection = 'stock' AND EXISTS (SELECT 1 FROM hq_link)
    BEGIN
      INSERT INTO hq_stock_changes (product_id, variant_id, units, aisle) ${ownLines('NEW')}
      ${upsertChange};
    END;

    -- Only when the store's own level changed: a neighbour's figure written into the same
    -- document owes nothing. A variant gone from the level is owed as 0 units.
    CREATE TRIGGER hq_stock_on_update AFTER UPDATE ON sync_docs
      WHEN NEW.collection = 'stock' AND EXISTS (SELECT 1 FROM hq_link)
        AND ${ownLevel('NEW.body')} IS NOT ${ownLevel('OLD.body')}
    BEGIN
      INSERT INTO hq_stock_changes (product_id, variant_id, units, aisle) ${ownLines('NEW')}
      ${upsertChange};
      INSERT INTO hq_stock_changes (product_id, variant_id, units, aisle)
      SELECT OLD.id, q.key, 0, NULL
      FROM json_each(OLD.body, '$.levels') l, json_each(l.value, '$.quantities') q
      WHERE json_extract(l.value, '$.locationId') = (SELECT store_id FROM hq_link)
        AND NOT EXISTS (
          SELECT 1 FROM json_each(NEW.body, '$.levels') l2, json_each(l2.value, '$.quantities') q2
          WHERE json_extract(l2.value, '$.locationId') = (SELECT store_id FROM hq_link)
            AND q2.key = q.key)
      ${upsertChange};
    END;
    `,
  },
];
