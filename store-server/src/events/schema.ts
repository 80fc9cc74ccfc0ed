// Device events: stored once per (device, event id), and the events the server
// refused kept as dead letters for the fleet view.
import type { Migration } from '../db/migrations';

export const eventMigrations: Migration[] = [
  {
    id: '700-events-per-device',
    sql: `
    -- An event is unique per device, not across the store: a device (or a
    -- misbehaving one) re-using another device's event id must not make the
    -- server answer "already stored" for an event it never stored.
    CREATE TABLE events_keyed_by_device (
      device_id TEXT NOT NULL,
      id TEXT NOT NULL,
      seq INTEGER NOT NULL,
      kind TEXT NOT NULL,
      at TEXT NOT NULL,
      received_at TEXT NOT NULL,
      payload TEXT NOT NULL,
      PRIMARY KEY (device_id, id)
    ) WITHOUT ROWID;
    INSERT INTO events_keyed_by_device (device_id, id, seq, kind, at, received_at, payload)
      SELECT device_id, id, seq, kind, at, received_at, payload FROM events;
    -- Dropping the old table drops its indexes and the requests trigger: both come back below.
    DROP TABLE events;
    ALTER TABLE events_keyed_by_device RENAME TO events;
    CREATE INDEX events_by_device ON events (device_id, seq);
    CREATE INDEX events_by_kind ON events (kind, at);
    CREATE INDEX events_pop_by_at ON events (at) WHERE kind = 'proof-of-play';
    CREATE TRIGGER requests_from_events AFTER INSERT ON events WHEN NEW.kind = 'request'
    BEGIN
      INSERT INTO requests (id, device_id, type, product_id, variant_gtin, location_id, place,
        note, contact_name, contact_phone, contact_email, status, version, change_seq,
        created_at, updated_at)
      VALUES (NEW.id, NEW.device_id, json_extract(NEW.payload, '$.type'),
        json_extract(NEW.payload, '$.productId'), json_extract(NEW.payload, '$.variantGtin'),
        json_extract(NEW.payload, '$.locationId'), json_extract(NEW.payload, '$.place'),
        json_extract(NEW.payload, '$.note'), json_extract(NEW.payload, '$.contact.name'),
        json_extract(NEW.payload, '$.contact.phone'), json_extract(NEW.payload, '$.contact.email'),
        'new', 1, (SELECT COALESCE(MAX(change_seq), 0) + 1 FROM requests),
        NEW.received_at, NEW.received_at)
      ON CONFLICT (id) DO NOTHING;
      UPDATE events SET payload = json_remove(payload, '$.contact')
        WHERE device_id = NEW.device_id AND id = NEW.id
          AND json_type(NEW.payload, '$.contact') IS NOT NULL;
    END;
    `,
  },
  {
    id: '701-rejected-events',
    sql: `
    -- Dead letters: what a device sent that the server refused, and why. The
    -- device keeps its own copy; this one is for the fleet view. event_id is
    -- NULL when the batch itself could not be read. Bounded per device.
    CREATE TABLE rejected_events (
      device_id TEXT NOT NULL,
      event_id TEXT,
      reason TEXT NOT NULL,
      raw TEXT NOT NULL,
      first_at TEXT NOT NULL,
      last_at TEXT NOT NULL,
      times INTEGER NOT NULL DEFAULT 1,
      UNIQUE (device_id, event_id)
    );
    CREATE INDEX rejected_events_by_device ON rejected_events (device_id, last_at);
    `,
  },
  {
    /* a request names its variant by id (catalogue v2); older events by GTIN */
    id: '702-request-variant-id',
    sql: `
    ALTER TABLE requests ADD COLUMN variant_id TEXT;
    DROP TRIGGER requests_from_events;
    CREATE TRIGGER requests_from_events AFTER INSERT ON events WHEN NEW.kind = 'request'
    BEGIN
      INSERT INTO requests (id, device_id, type, product_id, variant_id, variant_gtin,
        location_id, place, note, contact_name, contact_phone, contact_email, status, version,
        change_seq, created_at, updated_at)
      VALUES (NEW.id, NEW.device_id, json_extract(NEW.payload, '$.type'),
        json_extract(NEW.payload, '$.productId'), json_extract(NEW.payload, '$.variantId'),
        json_extract(NEW.payload, '$.variantGtin'),
        json_extract(NEW.payload, '$.locationId'), json_extract(NEW.payload, '$.place'),
        json_extract(NEW.payload, '$.note'), json_extract(NEW.payload, '$.contact.name'),
        json_extract(NEW.payload, '$.contact.phone'), json_extract(NEW.payload, '$.contact.email'),
        'new', 1, (SELECT COALESCE(MAX(change_seq), 0) + 1 FROM requests),
        NEW.received_at, NEW.received_at)
      ON CONFLICT (id) DO NOTHING;
      UPDATE events SET payload = json_remove(payload, '$.contact')
        WHERE device_id = NEW.device_id AND id = NEW.id
          AND json_type(NEW.payload, '$.contact') IS NOT NULL;
    END;
    `,
  },
];
