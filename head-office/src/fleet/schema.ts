// Head office's screens (plan §3.7, §4): each store's last fleet summary, one row per screen.
// Keyset pages walk the primary key; "which screens went quiet" reads (last_contact).
import type { Migration } from '../db/migrations';

export const fleetMigrations: readonly Migration[] = [
  {
    id: 'fleet-0001-screens',
    sql: `
      CREATE TABLE screens (
        store_id text NOT NULL REFERENCES stores (id),
        device_id text NOT NULL,
        app text NOT NULL,
        version text NOT NULL,
        status text NOT NULL CHECK (status IN ('online', 'offline')),
        last_contact timestamptz NOT NULL,
        showing text,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (store_id, device_id)
      );
      CREATE INDEX screens_last_contact ON screens (last_contact);
      CREATE INDEX screens_store_app ON screens (store_id, app);
      -- The time of the summary each store's screens come from: an older one delivered late
      -- (two head-office processes pulling at once) never replaces a newer one.
      CREATE TABLE fleet_reports (
        store_id text PRIMARY KEY REFERENCES stores (id),
        at timestamptz NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now()
      )`,
  },
  {
    // People counters are reported with the screens (app 'counter'), with today's flags.
    id: 'fleet-0002-counter-flags',
    sql: `ALTER TABLE screens ADD COLUMN flags text[] NOT NULL DEFAULT '{}'`,
  },
];
