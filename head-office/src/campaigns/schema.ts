// Campaigns at head office (plan §4). For now the published state only: the body of the last
// publication, the revision counter, the last envelope signed and where it went. The draft and
// approval workflow joins when the console moves here.
import type { Migration } from '../db/migrations';

export const campaignsMigrations: readonly Migration[] = [
  {
    // `audience`: where the last revision went, "all" (HQ_CHAIN) or a list of store ids (each
    // store's own subject); a later revision for fewer stores sends the others a tombstone.
    id: 'campaigns-0001-campaigns',
    sql: `
      CREATE TABLE campaigns (
        id text PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9_-]{1,64}$'),
        body jsonb NOT NULL,
        status text NOT NULL CHECK (status IN ('draft', 'submitted', 'published', 'withdrawn')),
        revision integer NOT NULL DEFAULT 0 CHECK (revision >= 0),
        live_revision integer,
        audience jsonb NOT NULL DEFAULT '[]',
        signed jsonb,
        updated_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz
      )`,
  },
];
