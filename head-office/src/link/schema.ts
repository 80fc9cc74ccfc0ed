// What the stores refused of what head office sent them (req.refused), for the console.
import type { Migration } from '../db/migrations';

export const linkMigrations: readonly Migration[] = [
  {
    // No foreign key to stores: a refusal stays on record after its store is deleted.
    id: 'requests-0001-link-refusals',
    sql: `
      CREATE TABLE link_refusals (
        id bigserial PRIMARY KEY,
        store_id text NOT NULL CHECK (store_id ~ '^[A-Za-z0-9_-]{1,64}$'),
        subject text NOT NULL,
        rev bigint CHECK (rev >= 0),
        reason text NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX link_refusals_store ON link_refusals (store_id, id)`,
  },
];
