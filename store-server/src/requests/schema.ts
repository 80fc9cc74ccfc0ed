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
    -- validated with the device event; staff need it to call back. Personal data:
    -- it lives in this row only (the event keeps no copy), is forgotten when the
    -- request is closed, and after CONTACT_RETENTION_DAYS by the store's sweep.
    ALTER TABLE requests ADD COLUMN contact_name TEXT;
    ALTER TABLE requests ADD COLUMN contact_phone TEXT;
    ALTER TABLE requests ADD COLUMN contact_email TEXT;
    CREATE INDEX requests_with_contact ON requests (created_at) WHERE contact_name IS NOT NULL;
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
      UPDATE events SET payload = json_remove(payload, '$.contact')
        WHERE id = NEW.id AND json_type(NEW.payload, '$.contact') IS NOT NULL;
    END;
    CREATE TRIGGER requests_forget_contact AFTER UPDATE OF status ON requests
      WHEN NEW.status = 'closed' AND NEW.contact_name IS NOT NULL
    BEGIN
      UPDATE requests SET contact_name = NULL, contact_phone = NULL, contact_email = NULL
        WHERE id = NEW.id;
    END;
    `,
  },
];
