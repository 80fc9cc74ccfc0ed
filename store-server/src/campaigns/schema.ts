import type { Migration } from '../db/migrations';

export const campaignMigrations: Migration[] = [
  {
    id: '400-campaigns-media',
    sql: `
    -- Head-office campaigns through their life: draft → submitted → published
    -- (→ withdrawn). The signed form of a published one lives in sync_docs.
    CREATE TABLE campaigns (
      id TEXT PRIMARY KEY,
      body TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'published', 'withdrawn')),
      revision INTEGER NOT NULL DEFAULT 0,
      created_by TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      approved_by TEXT,
      published_at TEXT
    ) WITHOUT ROWID;

    -- Uploaded media, stored by content hash under <data>/media/.
    CREATE TABLE media (
      sha256 TEXT PRIMARY KEY,
      type TEXT NOT NULL,
      size INTEGER NOT NULL,
      name TEXT NOT NULL,
      uploaded_by TEXT NOT NULL,
      uploaded_at TEXT NOT NULL
    ) WITHOUT ROWID;

    -- Signed content this store refused (bad signature, invalid), for the console.
    CREATE TABLE campaign_refusals (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      campaign_id TEXT,
      reason TEXT NOT NULL,
      at TEXT NOT NULL
    );
    `,
  },
  {
    id: '401-screen-state',
    sql: `
    -- The last heartbeat of each signage screen: what it shows, its cache, its version.
    CREATE TABLE screen_state (
      device_id TEXT PRIMARY KEY,
      body TEXT NOT NULL,
      received_at TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX events_pop_by_at ON events (at) WHERE kind = 'proof-of-play';
    `,
  },
];
