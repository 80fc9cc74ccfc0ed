// Named schema migrations, each applied once, in list order, inside one
// transaction. Never edit a shipped migration: add a new one. A domain keeps
// its own list in <domain>/schema.ts and is appended below, so parallel work on
// different domains never fights over a version number.
import { loyaltyMigrations } from '../loyalty/schema';
import { requestMigrations } from '../requests/schema';
import { lookMigrations } from '../looks/schema';
import { shortlistMigrations } from '../shortlists/schema';
import { sizingMigrations } from '../sizing/schema';
import { expertMigrations } from '../experts/schema';
import { staffMigrations } from '../staff/schema';
import { campaignMigrations } from '../campaigns/schema';
import { eventMigrations } from '../events/schema';
import { syncMigrations } from '../sync/schema';
import { imageMigrations } from '../images/schema';
import { catalogueMigrations } from '../catalogue/schema';
import { importMigrations } from '../import/schema';
import { hqLinkMigrations } from '../hq-link/schema';
import { hqStockMigrations } from '../hq-link/stock-schema';
import { insightsMigrations } from '../insights/schema';
import type { Db } from './database';

/** SQL first, then `up` (a data rewrite SQL cannot say), in the same transaction. */
export type Migration = { id: string; sql: string; up?: (db: Db) => void };

const coreMigrations: Migration[] = [
  {
    id: '001-sync-devices-events',
    sql: `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;

  -- Every document devices sync, as the screen reads it. rev is server-wide and
  -- monotonic: a device pulls rev > checkpoint. Deleted rows stay as tombstones.
  CREATE TABLE sync_docs (
    collection TEXT NOT NULL,
    id TEXT NOT NULL,
    rev INTEGER NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0,
    body TEXT,
    PRIMARY KEY (collection, id)
  ) WITHOUT ROWID;
  CREATE UNIQUE INDEX sync_docs_by_rev ON sync_docs (rev);

  -- Any scannable code (product or variant GTIN-14) to its product.
  CREATE TABLE gtin_index (gtin TEXT PRIMARY KEY, product_id TEXT NOT NULL) WITHOUT ROWID;

  CREATE TABLE devices (
    id TEXT PRIMARY KEY,
    role TEXT NOT NULL CHECK (role IN ('kiosk', 'signage', 'mirror')),
    name TEXT NOT NULL,
    secret_hash TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'active', 'revoked')),
    pairing_code TEXT UNIQUE,
    created_at TEXT NOT NULL,
    approved_at TEXT
  ) WITHOUT ROWID;

  -- Device events, stored once under their UUIDv7; (device_id, seq) shows gaps.
  CREATE TABLE events (
    id TEXT PRIMARY KEY,
    device_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    kind TEXT NOT NULL,
    at TEXT NOT NULL,
    received_at TEXT NOT NULL,
    payload TEXT NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX events_by_device ON events (device_id, seq);
  CREATE INDEX events_by_kind ON events (kind, at);

  CREATE TABLE presence (
    device_id TEXT PRIMARY KEY,
    online INTEGER NOT NULL,
    session INTEGER NOT NULL,
    app TEXT,
    version TEXT,
    showing TEXT,
    changed_at TEXT NOT NULL
  ) WITHOUT ROWID;

  -- Server-only records (loyalty members, perks, experts): never synced to devices.
  CREATE TABLE private_docs (
    collection TEXT NOT NULL,
    id TEXT NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (collection, id)
  ) WITHOUT ROWID;
  `,
  },
  {
    /* the device secret hashed the way Mosquitto's password_file wants it */
    id: '002-device-broker-hash',
    sql: `ALTER TABLE devices ADD COLUMN broker_hash TEXT;`,
  },
  {
    /* faults the desktop shells report (crashes, hangs, reloads) */
    id: '003-device-faults',
    sql: `
  CREATE TABLE faults (
    id TEXT PRIMARY KEY,
    device_id TEXT NOT NULL,
    app TEXT NOT NULL,
    app_version TEXT NOT NULL,
    at TEXT NOT NULL,
    kind TEXT NOT NULL,
    detail TEXT NOT NULL,
    action TEXT NOT NULL,
    received_at TEXT NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX faults_by_device ON faults (device_id, at);
  `,
  },
];

export const migrations: readonly Migration[] = [
  ...coreMigrations,
  ...staffMigrations,
  ...loyaltyMigrations,
  ...requestMigrations,
  ...lookMigrations,
  ...shortlistMigrations,
  ...sizingMigrations,
  ...expertMigrations,
  ...campaignMigrations,
  ...eventMigrations,
  ...syncMigrations,
  ...imageMigrations,
  ...catalogueMigrations,
  ...importMigrations,
  ...hqLinkMigrations,
  ...hqStockMigrations,
  ...insightsMigrations,
];
