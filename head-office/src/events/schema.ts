// The chain's raw device events and what could not be stored (plan §4). `events` is split by day
// on `id_time`, the time inside the event's own UUIDv7: a function of the key, so a resend always
// lands in the partition that already holds it and the primary key absorbs it. A DEFAULT partition
// takes days not created yet (a device whose clock is far off); partitions.ts moves them out when
// their day's partition is made.
import type { Migration } from '../db/migrations';

export const eventsMigrations: readonly Migration[] = [
  {
    id: '0100-events',
    sql: `
      CREATE TABLE events (
        store_id text NOT NULL,
        device_id text NOT NULL,
        event_id uuid NOT NULL,
        id_time timestamptz NOT NULL,
        kind text NOT NULL,
        -- The device's own statement of when; id_time is what partitions and orders.
        at timestamptz NOT NULL,
        seq bigint NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        payload jsonb NOT NULL,
        PRIMARY KEY (store_id, device_id, event_id, id_time)
      ) PARTITION BY RANGE (id_time);
      CREATE INDEX events_store_kind_time ON events (store_id, kind, id_time);
      CREATE TABLE events_default PARTITION OF events DEFAULT`,
  },
  {
    // One row per refused item, counted again (times, last_at) when it comes back. event_id is
    // the item's id when it has a readable one, else a digest of the item, so a resend of the
    // same bad item is one row. No reference to stores: an unknown store's events land here too.
    id: '0101-hq-dead-letters',
    sql: `
      CREATE TABLE hq_dead_letters (
        store_id text NOT NULL,
        device_id text NOT NULL,
        event_id text NOT NULL,
        reason text NOT NULL,
        raw jsonb,
        first_at timestamptz NOT NULL DEFAULT now(),
        last_at timestamptz NOT NULL DEFAULT now(),
        times integer NOT NULL DEFAULT 1,
        UNIQUE (store_id, device_id, event_id)
      );
      CREATE INDEX hq_dead_letters_last ON hq_dead_letters (last_at)`,
  },
];
