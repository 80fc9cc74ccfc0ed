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
];
