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
  {
    id: '610-expert-broker-sessions',
    sql: `
    -- One row per signed-in expert console allowed on the broker (username
    -- expert.<session_id>, password = its session token). broker_hash is the
    -- token's Mosquitto $7$ hash, for an external Mosquitto's password file.
    CREATE TABLE expert_broker_sessions (
      session_id TEXT PRIMARY KEY,
      token_hash TEXT NOT NULL,
      expert_id TEXT NOT NULL,
      broker_hash TEXT NOT NULL,
      presence_session INTEGER NOT NULL,
      expires_at TEXT NOT NULL
    ) WITHOUT ROWID;
    -- The last presence session number given to each expert: it only grows, so
    -- a late will of an older console never marks a newer one offline.
    CREATE TABLE expert_presence_counters (
      expert_id TEXT PRIMARY KEY,
      last_session INTEGER NOT NULL
    ) WITHOUT ROWID;
    `,
  },
];
