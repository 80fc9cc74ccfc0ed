// The chain's stores at head office: regions, stores, who neighbours whom, the stores' link
// credentials (nkey public keys) and their one-time enrolment codes (plan §4).
import type { Migration } from '../db/migrations';

// A store id is one NATS subject token and one MQTT topic segment (core/topics.ts SEGMENT).
const STORE_ID = `'^[A-Za-z0-9_-]{1,64}$'`;

export const storesMigrations: readonly Migration[] = [
  {
    id: '0001-regions',
    sql: `
      CREATE TABLE regions (
        id text PRIMARY KEY CHECK (id ~ ${STORE_ID}),
        name text NOT NULL
      )`,
  },
  {
    id: '0002-stores',
    sql: `
      CREATE TABLE stores (
        id text PRIMARY KEY CHECK (id ~ ${STORE_ID}),
        name text NOT NULL,
        region_id text REFERENCES regions (id),
        time_zone text NOT NULL,
        currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'revoked')),
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz
      );
      CREATE INDEX stores_region ON stores (region_id);
      CREATE INDEX stores_last_seen ON stores (last_seen_at)`,
  },
  {
    // At most 10 neighbours per store (lead's decision): ranks 1-10, each used once.
    id: '0003-store-neighbours',
    sql: `
      CREATE TABLE store_neighbours (
        store_id text NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
        neighbour_id text NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
        rank smallint NOT NULL CHECK (rank BETWEEN 1 AND 10),
        PRIMARY KEY (store_id, neighbour_id),
        UNIQUE (store_id, rank),
        CHECK (store_id <> neighbour_id)
      )`,
  },
  {
    // An nkey user's public key ('U' + 55 base32). Enrolment and rotation keep at most two live
    // (not retired) keys per store: the old one and the new one while a rotation runs.
    id: '0004-store-keys',
    sql: `
      CREATE TABLE store_keys (
        public_key text PRIMARY KEY CHECK (public_key ~ '^U[A-Z2-7]{55}$'),
        store_id text NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        retired_at timestamptz
      );
      CREATE INDEX store_keys_live ON store_keys (store_id) WHERE retired_at IS NULL`,
  },
  {
    // Only the code's SHA-256 is kept: the code itself is shown once, to whoever enrols the store.
    id: '0005-enrol-codes',
    sql: `
      CREATE TABLE enrol_codes (
        code_hash text PRIMARY KEY CHECK (code_hash ~ '^[0-9a-f]{64}$'),
        store_id text NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
        expires_at timestamptz NOT NULL
      );
      CREATE INDEX enrol_codes_store ON enrol_codes (store_id)`,
  },
  {
    // A used code is kept (hash only) until it expires, so a second use is told "already used"
    // rather than "unknown".
    id: '0006-enrol-codes-used',
    sql: `ALTER TABLE enrol_codes ADD COLUMN used_at timestamptz`,
  },
];
