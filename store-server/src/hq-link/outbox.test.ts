// The outbox towards head office: inert on a standalone store, owes every event once enrolled
// (history included), never sends a shopper's contact, and forgets only what was acknowledged.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../db/database';
import { HqOutbox } from './outbox';

const openStore = () => openDatabase(mkdtempSync(join(tmpdir(), 'vitrine-hq-outbox-')));

let counter = 0;
function store(db: Db, deviceId: string, kind: string, payload: unknown): string {
  counter++;
  const id = `0193a1b2-c3d4-7e5f-8a9b-${counter.toString(16).padStart(12, '0')}`;
  db.prepare(
    `INSERT INTO events (id, device_id, seq, kind, at, received_at, payload)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    deviceId,
    counter,
    kind,
    '2026-12-06T10:00:00.000Z',
    new Date(Date.UTC(2026, 11, 6, 10, 0, counter)).toISOString(),
    JSON.stringify(payload),
  );
  return id;
}
const view = { action: 'view', productId: 'p1' };

describe('the outbox towards head office', () => {
  it('owes nothing on a standalone store, then the history and every new event once enrolled', () => {
    const db = openStore();
    const outbox = new HqOutbox(db);
    const before = store(db, 'kiosk-1', 'interaction', view);
    expect(outbox.storeId()).toBeNull();
    expect(outbox.owed()).toBe(0);

    outbox.enrol('paris-rivoli');
    outbox.enrol('paris-rivoli');
    expect(() => outbox.enrol('lyon')).toThrow(/enrolled at head office as paris-rivoli/);
    const after = store(db, 'kiosk-2', 'interaction', view);
    expect(outbox.owed()).toBe(2);
    const batch = outbox.next(0);
    expect(batch?.events.map((owed) => owed.event.id)).toEqual([before, after]);
    expect(batch?.events[1]).toMatchObject({
      deviceId: 'kiosk-2',
      event: { kind: 'interaction', payload: view },
    });
    db.close();
  });

  it('sends a reservation without the shopper’s contact', () => {
    const db = openStore();
    const outbox = new HqOutbox(db);
    outbox.enrol('paris-rivoli');
    store(db, 'kiosk-1', 'request', {
      type: 'reservation',
      productId: 'p1',
      contact: { name: 'Ada', phone: '+33600000000' },
    });
    const [owed] = outbox.next(0)!.events;
    expect(owed?.event.payload).toEqual({ type: 'reservation', productId: 'p1' });
    db.close();
  });

  it('cuts batches by count and bytes, and forgets only what was acknowledged', () => {
    const db = openStore();
    const outbox = new HqOutbox(db);
    outbox.enrol('paris-rivoli');
    for (let i = 0; i < 10; i++)
      store(db, 'kiosk-1', 'interaction', { ...view, query: 'x'.repeat(400) });
    const first = outbox.next(0, { maxEvents: 4, maxBytes: 1_000_000 })!;
    expect(first.events).toHaveLength(4);
    // Two events of ~600 bytes do not fit in 1,000; one always goes, even if alone it is larger.
    const second = outbox.next(first.lastSeq, { maxEvents: 100, maxBytes: 1_000 })!;
    expect(second.events).toHaveLength(1);
    expect(outbox.next(0, { maxEvents: 100, maxBytes: 10 })!.events).toHaveLength(1);

    outbox.acknowledged([first]);
    expect(outbox.owed()).toBe(6);
    expect(outbox.next(0)!.firstSeq).toBe(first.lastSeq + 1);
    const rest = outbox.next(0)!;
    outbox.acknowledged([rest]);
    expect(outbox.owed()).toBe(0);
    expect(outbox.next(0)).toBeNull();
    // A seq names a batch on the link: an emptied outbox never hands one out again.
    store(db, 'kiosk-1', 'interaction', view);
    expect(outbox.next(0)!.firstSeq).toBe(rest.lastSeq + 1);
    db.close();
  });
});
