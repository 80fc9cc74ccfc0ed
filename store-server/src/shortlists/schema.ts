import type { Migration } from '../db/migrations';

export const shortlistMigrations: Migration[] = [
  {
    id: '510-shortlists',
    sql: `
    -- "Continue on your phone" links: products only, no personal data. Only the SHA-256 of
    -- the token is kept. An expired row stays a while so the link says "expired" (410).
    CREATE TABLE shortlists (
      token_hash TEXT PRIMARY KEY,
      device_id TEXT NOT NULL,
      product_ids TEXT NOT NULL,
      lang TEXT NOT NULL,
      created_at TEXT NOT NULL,
      expires_at TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX shortlists_by_device ON shortlists (device_id, created_at);
    CREATE INDEX shortlists_by_expiry ON shortlists (expires_at);
    `,
  },
];
