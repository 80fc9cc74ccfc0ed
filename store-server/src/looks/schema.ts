import type { Migration } from '../db/migrations';

export const lookMigrations: Migration[] = [
  {
    id: '500-shared-looks',
    sql: `
    -- Looks shared from the mirrors. Only the SHA-256 of the link's token is
    -- kept, so the database alone never gives a working link. After expiry or
    -- "delete now" the photo file is gone and file is NULL; the row stays a
    -- while (no personal data) so the link answers 410 rather than 404.
    CREATE TABLE shared_looks (
      token_hash TEXT PRIMARY KEY,
      file TEXT,
      device_id TEXT NOT NULL,
      product_ids TEXT NOT NULL,
      lang TEXT NOT NULL,
      width INTEGER NOT NULL,
      height INTEGER NOT NULL,
      created_at TEXT NOT NULL,
      expires_at TEXT NOT NULL,
      gone_at TEXT
    ) WITHOUT ROWID;
    CREATE INDEX shared_looks_by_expiry ON shared_looks (expires_at) WHERE file IS NOT NULL;
    `,
  },
  {
    /* counts a mirror's recent shares (rate limit) */
    id: '500-shared-looks-by-device',
    sql: `CREATE INDEX shared_looks_by_device ON shared_looks (device_id, created_at);`,
  },
];
