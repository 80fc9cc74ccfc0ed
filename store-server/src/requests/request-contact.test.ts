// The shopper's contact on a request is personal data: it is kept in the
// request row only (the stored event loses it), forgotten when staff close the
// request, and forgotten after the retention even if nobody closes it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../db/database';
import { CONTACT_RETENTION_DAYS } from '@vitrine/shared/core';
import { RequestStore } from './request-store';

const contact = { name: 'Camille Martin', phone: '06 12 34 56 78', consent: true };
let stores: RequestStore[] = [];

function open(): { db: Db; store: RequestStore } {
  const db = openDatabase(mkdtempSync(join(tmpdir(), 'vitrine-requests-')));
  const store = new RequestStore(db, 60_000);
  stores.push(store);
  return { db, store };
}

/** Stores a request event as the ingestor does (the trigger makes the request). */
function receive(db: Db, id: string, receivedAt = new Date()) {
  db.prepare(
    `INSERT INTO events (id, device_id, seq, kind, at, received_at, payload)
     VALUES (?, 'kiosk-1', ?, 'request', ?, ?, ?)`,
  ).run(
    id,
    Number(id.slice(-2)),
    receivedAt.toISOString(),
    receivedAt.toISOString(),
    JSON.stringify({ type: 'reservation', productId: 'p-1', contact }),
  );
}

afterEach(() => {
  for (const store of stores) store.stop();
  stores = [];
});

describe('a request’s contact', () => {
  it('is kept with the request for staff, and not in the stored event', () => {
    const { db, store } = open();
    receive(db, 'r-01');
    expect(store.get('r-01')?.contact).toEqual({
      name: 'Camille Martin',
      phone: '06 12 34 56 78',
      email: null,
    });
    const payload = db.prepare(`SELECT payload FROM events WHERE id = 'r-01'`).pluck().get();
    expect(JSON.parse(payload as string)).toEqual({ type: 'reservation', productId: 'p-1' });
  });

  it('is forgotten when staff close the request, not before', () => {
    const { db, store } = open();
    receive(db, 'r-02');
    expect(store.move('r-02', 'acknowledged', 'staff-1').contact?.name).toBe('Camille Martin');
    expect(store.move('r-02', 'closed', 'staff-1').contact).toBeNull();
    const row = db.prepare(`SELECT * FROM requests WHERE id = 'r-02'`).get();
    expect(JSON.stringify(row)).not.toMatch(/Camille|06 12/);
  });

  it(`is forgotten after ${CONTACT_RETENTION_DAYS} days on an open request, and staff are told`, () => {
    const { db, store } = open();
    const day = 86_400_000;
    receive(db, 'r-03', new Date(Date.now() - (CONTACT_RETENTION_DAYS + 1) * day));
    receive(db, 'r-04', new Date(Date.now() - (CONTACT_RETENTION_DAYS - 1) * day));
    const changes: (string | null)[] = [];
    store.poke();
    store.onChange((changed) => changes.push(...changed.map((r) => r.contact?.name ?? null)));
    expect(store.forgetOldContacts()).toBe(1);
    expect(store.get('r-03')?.contact).toBeNull();
    expect(store.get('r-03')?.status).toBe('new');
    expect(store.get('r-04')?.contact?.name).toBe('Camille Martin');
    expect(changes).toEqual([null]);
  });
});
