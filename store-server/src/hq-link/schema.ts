// The store's side of the chain link (issue 16): what this store owes head office and how far it
// has read what head office sent. Everything here is empty and inert on a standalone store.
import type { Migration } from '../db/migrations';

export const hqLinkMigrations: Migration[] = [
  {
    id: '1600-hq-outbox',
    sql: `
    -- Set once when the store enrols at head office: the store id its credentials carry.
    -- The outbox trigger below does nothing until this row exists.
    CREATE TABLE hq_link (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      store_id TEXT NOT NULL,
      enrolled_at TEXT NOT NULL
    );

    -- Every device event head office has not acknowledged yet, in the order the store stored
    -- them. A row goes only when JetStream acks the batch that carried it. AUTOINCREMENT: a seq
    -- is never reused after the outbox empties, since it names batches on the link.
    -- Only keys: the event is read from \`events\` when sent, after the requests trigger has
    -- stripped a shopper's contact, so contact details never leave the store.
    CREATE TABLE hq_outbox (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      device_id TEXT NOT NULL,
      event_id TEXT NOT NULL
    );
    CREATE TRIGGER hq_outbox_from_events AFTER INSERT ON events
      WHEN EXISTS (SELECT 1 FROM hq_link)
    BEGIN
      INSERT INTO hq_outbox (device_id, event_id) VALUES (NEW.device_id, NEW.id);
    END;

    -- How far this store has applied each of head office's streams, written in the same
    -- transaction as what the message changed (docs/decisions/16-plan.md §3.4).
    CREATE TABLE hq_checkpoints (
      stream TEXT PRIMARY KEY,
      rev INTEGER NOT NULL,
      updated_at TEXT NOT NULL
    ) WITHOUT ROWID;
    `,
  },
  {
    id: '1601-link-refusals',
    sql: `
    -- What this store refused from head office (a bad signature, a schema failure, a replay):
    -- the checkpoint moved past it and it never became a sync doc. The latest 1,000 are kept.
    -- \`until\`: the last revision of a chunked change refused with it, so its later chunks go too.
    CREATE TABLE link_refusals (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      stream TEXT NOT NULL,
      rev INTEGER,
      until INTEGER,
      type TEXT,
      reason TEXT NOT NULL,
      at TEXT NOT NULL
    );
    CREATE INDEX link_refusals_by_stream ON link_refusals (stream, until);
    `,
  },
  {
    id: '1602-link-intake',
    sql: `
    -- Chunks of a change sent in several, kept until its last chunk (\`atomic_until\`) arrives,
    -- then applied together: kept on disk, a restart does not lose what was acknowledged.
    CREATE TABLE link_chunks (
      stream TEXT NOT NULL,
      rev INTEGER NOT NULL,
      atomic_until INTEGER NOT NULL,
      type TEXT NOT NULL,
      message TEXT NOT NULL,
      PRIMARY KEY (stream, rev)
    ) WITHOUT ROWID;

    -- The stores whose live stock this store follows, as head office last said (≤ 10).
    CREATE TABLE hq_neighbours (
      position INTEGER PRIMARY KEY,
      store_id TEXT NOT NULL UNIQUE
    );

    -- Screen settings from head office: the chain's and this store's own (which wins).
    CREATE TABLE hq_settings (
      source TEXT PRIMARY KEY CHECK (source IN ('chain', 'store')),
      body TEXT NOT NULL
    ) WITHOUT ROWID;
    `,
  },
];
