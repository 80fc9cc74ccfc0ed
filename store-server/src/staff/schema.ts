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
];
