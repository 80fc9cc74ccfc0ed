import type { Migration } from '../db/migrations';

export const staffMigrations: Migration[] = [
  {
    id: '100-staff-users-sessions',
    sql: `
    CREATE TABLE staff_users (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      roles TEXT NOT NULL,
      password_hash TEXT NOT NULL,
      disabled INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL
    ) WITHOUT ROWID;
    -- Session tokens are stored hashed: a copied database opens no session.
    CREATE TABLE staff_sessions (
      token_hash TEXT PRIMARY KEY,
      user_id TEXT NOT NULL REFERENCES staff_users (id),
      created_at TEXT NOT NULL,
      expires_at TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX staff_sessions_by_user ON staff_sessions (user_id);
    `,
  },
  {
    id: '101-stock-corrections',
    sql: `
    -- Every stock correction made by a signed-in person: who, when, what the
    -- screens said before, what was counted, and why. Append-only.
    CREATE TABLE stock_corrections (
      id TEXT PRIMARY KEY,
      product_id TEXT NOT NULL,
      gtin TEXT NOT NULL,
      location_id TEXT NOT NULL,
      before INTEGER NOT NULL,
      after INTEGER NOT NULL,
      reason TEXT NOT NULL,
      note TEXT,
      user_id TEXT NOT NULL,
      at TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX stock_corrections_by_product ON stock_corrections (product_id, at);
    CREATE TRIGGER stock_corrections_append_only_u BEFORE UPDATE ON stock_corrections
      BEGIN SELECT RAISE(ABORT, 'stock corrections are append-only'); END;
    CREATE TRIGGER stock_corrections_append_only_d BEFORE DELETE ON stock_corrections
      BEGIN SELECT RAISE(ABORT, 'stock corrections are append-only'); END;
    `,
  },
  {
    id: '102-sign-in-audit',
    sql: `
    -- Failed sign-ins and the waits they started, for the manager's console.
    -- Kept to the newest rows (sign-in-audit.ts): a flood cannot fill the disk.
    CREATE TABLE sign_in_audit (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      at TEXT NOT NULL,
      account TEXT NOT NULL,
      client TEXT NOT NULL,
      event TEXT NOT NULL CHECK (event IN ('failure', 'account-locked', 'client-locked')),
      until TEXT
    );
    `,
  },
  {
    id: '103-product-words',
    sql: `
    -- The words of each product's French and English names and brand, for the
    -- consoles' search (product-search.ts): case and accents folded by the
    -- tokenizer as foldText does, 2- and 3-letter prefixes indexed for search
    -- as you type. Contentless: the text stays in sync_docs. A row is keyed by
    -- the document's rev, which every write changes (DocStore's upsert), so a
    -- write removes the old rev's row and adds the new one.
    CREATE VIRTUAL TABLE product_words USING fts5(
      words,
      content = '',
      contentless_delete = 1,
      tokenize = 'unicode61 remove_diacritics 2',
      prefix = '2 3'
    );
    CREATE TRIGGER product_words_insert AFTER INSERT ON sync_docs
      WHEN NEW.collection = 'products' AND NEW.deleted = 0
    BEGIN
      INSERT INTO product_words (rowid, words) VALUES (
        NEW.rev,
        concat_ws(' ', json_extract(NEW.body, '$.name.fr'),
          json_extract(NEW.body, '$.name.en'), json_extract(NEW.body, '$.brand'))
      );
    END;
    CREATE TRIGGER product_words_update AFTER UPDATE ON sync_docs
      WHEN OLD.collection = 'products' OR NEW.collection = 'products'
    BEGIN
      DELETE FROM product_words WHERE rowid = OLD.rev;
      INSERT INTO product_words (rowid, words)
        SELECT NEW.rev, concat_ws(' ', json_extract(NEW.body, '$.name.fr'),
          json_extract(NEW.body, '$.name.en'), json_extract(NEW.body, '$.brand'))
        WHERE NEW.collection = 'products' AND NEW.deleted = 0;
    END;
    CREATE TRIGGER product_words_delete AFTER DELETE ON sync_docs
      WHEN OLD.collection = 'products'
    BEGIN
      DELETE FROM product_words WHERE rowid = OLD.rev;
    END;
    -- A store that already has its catalogue gets it indexed on upgrade.
    INSERT INTO product_words (rowid, words)
      SELECT rev, concat_ws(' ', json_extract(body, '$.name.fr'),
        json_extract(body, '$.name.en'), json_extract(body, '$.brand'))
      FROM sync_docs WHERE collection = 'products' AND deleted = 0;
    `,
  },
  {
    id: '104-stock-corrections-variant',
    sql: `
    -- Corrections name the item by variant id (an item may have no GTIN).
    -- Rows from before keep their GTIN and have no variant id. SQLite cannot
    -- relax NOT NULL in place: the table is copied; dropping the old one
    -- drops its append-only triggers, which come back below.
    CREATE TABLE stock_corrections_v2 (
      id TEXT PRIMARY KEY,
      product_id TEXT NOT NULL,
      variant_id TEXT,
      gtin TEXT,
      location_id TEXT NOT NULL,
      before INTEGER NOT NULL,
      after INTEGER NOT NULL,
      reason TEXT NOT NULL,
      note TEXT,
      user_id TEXT NOT NULL,
      at TEXT NOT NULL,
      CHECK (variant_id IS NOT NULL OR gtin IS NOT NULL)
    ) WITHOUT ROWID;
    INSERT INTO stock_corrections_v2
        (id, product_id, gtin, location_id, before, after, reason, note, user_id, at)
      SELECT id, product_id, gtin, location_id, before, after, reason, note, user_id, at
      FROM stock_corrections;
    DROP TABLE stock_corrections;
    ALTER TABLE stock_corrections_v2 RENAME TO stock_corrections;
    CREATE INDEX stock_corrections_by_product ON stock_corrections (product_id, at);
    CREATE TRIGGER stock_corrections_append_only_u BEFORE UPDATE ON stock_corrections
      BEGIN SELECT RAISE(ABORT, 'stock corrections are append-only'); END;
    CREATE TRIGGER stock_corrections_append_only_d BEFORE DELETE ON stock_corrections
      BEGIN SELECT RAISE(ABORT, 'stock corrections are append-only'); END;
    `,
  },
];
