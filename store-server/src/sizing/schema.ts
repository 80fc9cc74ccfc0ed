import type { Migration } from '../db/migrations';

export const sizingMigrations: Migration[] = [
  {
    id: '500-size-charts',
    sql: `
    -- Brands' size charts (body measurements per size), one per brand and
    -- sizing system. A brand without a chart gets no size advice.
    CREATE TABLE size_charts (
      brand TEXT NOT NULL,
      system TEXT NOT NULL,
      body TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      PRIMARY KEY (brand, system)
    ) WITHOUT ROWID;
    `,
  },
  {
    id: '501-device-role-measure',
    sql: `
    -- Measuring stations enrol in the same registry as the screens: the role
    -- CHECK gains 'measure'. SQLite cannot alter a CHECK, so the table is
    -- rebuilt (no other table references it).
    CREATE TABLE devices_new (
      id TEXT PRIMARY KEY,
      role TEXT NOT NULL CHECK (role IN ('kiosk', 'signage', 'mirror', 'measure')),
      name TEXT NOT NULL,
      secret_hash TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('pending', 'active', 'revoked')),
      pairing_code TEXT UNIQUE,
      created_at TEXT NOT NULL,
      approved_at TEXT,
      broker_hash TEXT
    ) WITHOUT ROWID;
    INSERT INTO devices_new (id, role, name, secret_hash, status, pairing_code, created_at, approved_at, broker_hash)
      SELECT id, role, name, secret_hash, status, pairing_code, created_at, approved_at, broker_hash FROM devices;
    DROP TABLE devices;
    ALTER TABLE devices_new RENAME TO devices;
    `,
  },
  {
    id: '501-measuring-station-pairings',
    sql: `
    -- Which mirror (fitting room) each measuring station sends measurements
    -- to, set by staff. The station's broker grant is derived from it.
    CREATE TABLE station_pairings (
      station_id TEXT PRIMARY KEY,
      mirror_id TEXT NOT NULL,
      paired_by TEXT NOT NULL,
      paired_at TEXT NOT NULL
    ) WITHOUT ROWID;
    `,
  },
];
