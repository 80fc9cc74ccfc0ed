import type { Migration } from '../db/migrations';

export const requestMigrations: Migration[] = [
  {
    id: '600-requests',
    sql: `
    -- Staff requests, one per device event of kind 'request'. The trigger
    -- creates it in the same transaction that stores the event, so a request
    -- exists exactly when its event was acknowledged: never lost, never twice.
    -- change_seq orders every change for the live feeds.
    CREATE TABLE requests (
      id TEXT PRIMARY KEY,
      device_id TEXT NOT NULL,
      type TEXT NOT NULL,
      product_id TEXT,
      variant_gtin TEXT,
      location_id TEXT,
      place TEXT,
      note TEXT,
      status TEXT NOT NULL CHECK (status IN ('new', 'acknowledged', 'on-the-way', 'not-available', 'closed')),
      version INTEGER NOT NULL,
      change_seq INTEGER NOT NULL UNIQUE,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      updated_by TEXT
    ) WITHOUT ROWID;
    CREATE INDEX requests_by_device ON requests (device_id, created_at);
    CREATE INDEX requests_by_status ON requests (status, created_at);
    CREATE TRIGGER requests_from_events AFTER INSERT ON events WHEN NEW.kind = 'request'
    BEGIN
      INSERT INTO requests (id, device_id, type, product_id, variant_gtin, location_id, place,
        note, status, version, change_seq, created_at, updated_at)
      VALUES (NEW.id, NEW.device_id, json_extract(NEW.payload, '$.type'),
        json_extract(NEW.payload, '$.productId'), json_extract(NEW.payload, '$.variantGtin'),
        json_extract(NEW.payload, '$.locationId'), json_extract(NEW.payload, '$.place'),
        json_extract(NEW.payload, '$.note'), 'new', 1,
        (SELECT COALESCE(MAX(change_seq), 0) + 1 FROM requests), NEW.received_at, NEW.received_at)
      ON CONFLICT (id) DO NOTHING;
    END;
    `,
  },
  {
    id: '601-request-contact',
    sql: `
    -- The shopper's contact for a reservation or an order (name, phone or e-mail),
    -- validated with the device event; staff need it to call back.
    ALTER TABLE requests ADD COLUMN contact_name TEXT;
    ALTER TABLE requests ADD COLUMN contact_phone TEXT;
    ALTER TABLE requests ADD COLUMN contact_email TEXT;
    DROP TRIGGER requests_from_events;
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
    END;
    `,
  },
];
