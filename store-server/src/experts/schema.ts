import type { Migration } from '../db/migrations';

export const expertMigrations: Migration[] = [
  {
    id: '600-experts-calls',
    sql: `
    -- Skills an expert declared in the console (their demo profile otherwise).
    CREATE TABLE expert_profiles (
      expert_id TEXT PRIMARY KEY,
      skills TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) WITHOUT ROWID;
    -- Call metadata, never media: who, when, how long, how it ended, the rating.
    CREATE TABLE calls (
      id TEXT PRIMARY KEY,
      device_id TEXT NOT NULL,
      skill TEXT NOT NULL,
      product_id TEXT,
      viewed TEXT NOT NULL,
      lang TEXT NOT NULL,
      expert_id TEXT,
      requested_at TEXT NOT NULL,
      answered_at TEXT,
      ended_at TEXT,
      end_reason TEXT,
      rating TEXT
    ) WITHOUT ROWID;
    CREATE INDEX calls_by_expert ON calls (expert_id, requested_at);
    `,
  },
];
