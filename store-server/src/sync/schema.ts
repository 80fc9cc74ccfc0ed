// The sync domain's migrations (the documents themselves are in the core list).
import type { Migration } from '../db/migrations';

export const syncMigrations: Migration[] = [
  {
    id: '120-sync-batches',
    sql: `
  -- Revisions written as one whole (a catalogue import): a device applies all
  -- of them at once or none, so no screen shows half a catalogue.
  CREATE TABLE sync_batches (
    first_rev INTEGER PRIMARY KEY,
    last_rev INTEGER NOT NULL CHECK (last_rev > first_rev)
  );`,
  },
];
