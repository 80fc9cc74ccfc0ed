// Store insights' tables: the people counters enrolled, what they counted
// (periods of a zone, one row per counter, zone and start: a resend replaces,
// never adds), the running totals an Axis camera pushes, what was wrong with
// a counter (flags for fleet health), and the till's receipts.
import type { Migration } from '../db/migrations';

export const insightsMigrations: Migration[] = [
  {
    id: '900-device-role-counter',
    sql: `
    -- People counters enrol in the same registry: the role CHECK gains 'counter'.
    -- SQLite cannot alter a CHECK, so the table is rebuilt (nothing references it).
    CREATE TABLE devices_new (
      id TEXT PRIMARY KEY,
      role TEXT NOT NULL CHECK (role IN ('kiosk', 'signage', 'mirror', 'measure', 'counter')),
      name TEXT NOT NULL,
      secret_hash TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('pending', 'active', 'revoked')),
      pairing_code TEXT UNIQUE,
      created_at TEXT NOT NULL,
      approved_at TEXT,
      broker_hash TEXT
    ) WITHOUT ROWID;
    INSERT INTO devices_new SELECT id, role, name, secret_hash, status, pairing_code, created_at,
      approved_at, broker_hash FROM devices;
    DROP TABLE devices;
    ALTER TABLE devices_new RENAME TO devices;
    `,
  },
  {
    id: '901-footfall',
    sql: `
    CREATE TABLE footfall_counters (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('axis', 'xovis', 'generic')),
      -- At an entrance: its people in are the store's visitors.
      entrance INTEGER NOT NULL CHECK (entrance IN (0, 1)),
      created_at TEXT NOT NULL,
      last_push_at TEXT
    ) WITHOUT ROWID;
    CREATE TABLE footfall_periods (
      counter_id TEXT NOT NULL,
      zone TEXT NOT NULL,
      start TEXT NOT NULL,
      end TEXT NOT NULL,
      count_in INTEGER NOT NULL CHECK (count_in >= 0),
      count_out INTEGER NOT NULL CHECK (count_out >= 0),
      dwell_seconds REAL CHECK (dwell_seconds >= 0),
      received_at TEXT NOT NULL,
      PRIMARY KEY (counter_id, zone, start)
    ) WITHOUT ROWID;
    CREATE INDEX footfall_periods_by_start ON footfall_periods (start);
    -- An Axis camera's running totals since its local midnight; periods are their differences.
    CREATE TABLE footfall_readings (
      counter_id TEXT NOT NULL,
      zone TEXT NOT NULL,
      day TEXT NOT NULL,
      at TEXT NOT NULL,
      total_in INTEGER NOT NULL,
      total_out INTEGER NOT NULL,
      PRIMARY KEY (counter_id, zone, at)
    ) WITHOUT ROWID;
    -- What was wrong with a counter's pushes, once per kind, with the latest detail.
    CREATE TABLE counter_flags (
      counter_id TEXT NOT NULL,
      kind TEXT NOT NULL,
      detail TEXT NOT NULL,
      first_at TEXT NOT NULL,
      last_at TEXT NOT NULL,
      times INTEGER NOT NULL,
      PRIMARY KEY (counter_id, kind)
    ) WITHOUT ROWID;
    CREATE TABLE sales_receipts (
      id TEXT PRIMARY KEY,
      at TEXT NOT NULL,
      total INTEGER NOT NULL,
      currency TEXT NOT NULL,
      lines TEXT,
      source TEXT NOT NULL,
      received_at TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX sales_receipts_by_at ON sales_receipts (at);
    `,
  },
  {
    id: '902-request-first-answer',
    sql: `
    -- When staff first answered a request (left 'new'): how long shoppers waited.
    ALTER TABLE requests ADD COLUMN answered_at TEXT;
    CREATE TRIGGER requests_first_answer AFTER UPDATE OF status ON requests
      WHEN OLD.status = 'new' AND NEW.status <> 'new' AND NEW.answered_at IS NULL
    BEGIN
      UPDATE requests SET answered_at = NEW.updated_at WHERE id = NEW.id;
    END;
    `,
  },
  {
    id: '903-insights-figures-out',
    sql: `
    -- Days whose figures may have changed, and what was last sent to head office for each:
    -- a day is sent again only when its figures differ. Counts and receipts mark their own
    -- local days; an event marks the UTC day and both neighbours (SQLite knows no time zone,
    -- and a store's local day is within a day of UTC's).
    CREATE TABLE insights_dirty_days (date TEXT PRIMARY KEY) WITHOUT ROWID;
    CREATE TABLE insights_sent (
      date TEXT PRIMARY KEY,
      digest TEXT NOT NULL,
      sent_at TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE TRIGGER insights_dirty_on_event AFTER INSERT ON events
      WHEN NEW.kind IN ('proof-of-play', 'feedback', 'question', 'request')
    BEGIN
      INSERT OR IGNORE INTO insights_dirty_days (date) VALUES
        (date(NEW.at, '-1 day')), (date(NEW.at)), (date(NEW.at, '+1 day'));
    END;
    CREATE TRIGGER insights_dirty_on_answer AFTER UPDATE OF answered_at ON requests
      WHEN NEW.answered_at IS NOT NULL
    BEGIN
      INSERT OR IGNORE INTO insights_dirty_days (date) VALUES
        (date(NEW.created_at, '-1 day')), (date(NEW.created_at)), (date(NEW.created_at, '+1 day'));
    END;
    `,
  },
  {
    id: '904-staffing-plan',
    sql: `
    -- The staff a manager plans per hour of the week (ISO weekday, local hour).
    CREATE TABLE staffing_plan (
      weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
      hour INTEGER NOT NULL CHECK (hour BETWEEN 0 AND 23),
      staff INTEGER NOT NULL CHECK (staff >= 0),
      PRIMARY KEY (weekday, hour)
    ) WITHOUT ROWID;
    `,
  },
];
