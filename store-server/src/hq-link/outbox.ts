// The store's outbox towards head office: which device events are still owed, read in batches
// that fit one link message, and forgotten only once head office's stream has acknowledged them.
import type { Db } from '../db/database';

/** One stored device event as it leaves the store. */
type OwedEvent = {
  deviceId: string;
  event: { id: string; seq: number; kind: string; at: string; payload: unknown };
};

/** A run of consecutive outbox rows: `firstSeq`..`lastSeq` names it on the link. */
export type OwedBatch = { firstSeq: number; lastSeq: number; events: OwedEvent[] };

type Row = {
  seq: number;
  device_id: string;
  id: string | null;
  event_seq: number;
  kind: string;
  at: string;
  payload: string;
};

export type BatchLimits = { maxEvents: number; maxBytes: number };

/** Link messages are ≤ 1 MB; a batch's events stay under this many bytes of JSON. */
const DEFAULT_BATCH_LIMITS: BatchLimits = { maxEvents: 500, maxBytes: 512 * 1024 };

export class HqOutbox {
  private readonly selectAfter;
  private readonly deleteRange;
  private readonly countOwed;

  constructor(private readonly db: Db) {
    this.selectAfter = db.prepare(
      `SELECT o.seq, o.device_id, e.id, e.seq AS event_seq, e.kind, e.at, e.payload
       FROM hq_outbox o LEFT JOIN events e ON e.device_id = o.device_id AND e.id = o.event_id
       WHERE o.seq > ? ORDER BY o.seq LIMIT ?`,
    );
    this.deleteRange = db.prepare('DELETE FROM hq_outbox WHERE seq BETWEEN ? AND ?');
    this.countOwed = db.prepare('SELECT COUNT(*) AS owed FROM hq_outbox');
  }

  /** The store id this store enrolled under, or null on a standalone store. */
  storeId(): string | null {
    const row = this.db.prepare('SELECT store_id FROM hq_link').get() as
      { store_id: string } | undefined;
    return row?.store_id ?? null;
  }

  /**
   * Starts owing head office every event from now on, and every event already stored (a store's
   * history goes to head office too), once: enrolling again changes nothing.
   */
  enrol(storeId: string, at = new Date().toISOString()): void {
    this.db.transaction(() => {
      const held = this.storeId();
      if (held === storeId) return;
      if (held !== null)
        throw new Error(`this store is enrolled at head office as ${held}, not ${storeId}`);
      this.db
        .prepare('INSERT INTO hq_link (id, store_id, enrolled_at) VALUES (1, ?, ?)')
        .run(storeId, at);
      this.db
        .prepare(
          `INSERT INTO hq_outbox (device_id, event_id)
           SELECT device_id, id FROM events ORDER BY received_at, device_id, seq`,
        )
        .run();
    })();
  }

  /** How many events head office has not acknowledged yet. */
  owed(): number {
    return (this.countOwed.get() as { owed: number }).owed;
  }

  /**
   * The next batch after `afterSeq` (the last seq already in flight), within the limits; at
   * least one event when any is owed. Null when nothing is owed past `afterSeq`.
   */
  next(afterSeq: number, limits: BatchLimits = DEFAULT_BATCH_LIMITS): OwedBatch | null {
    const rows = this.selectAfter.all(afterSeq, limits.maxEvents) as Row[];
    const events: OwedEvent[] = [];
    let bytes = 0;
    let lastSeq = afterSeq;
    for (const row of rows) {
      // An outbox row whose event is gone (never expected) is skipped, not sent empty.
      if (row.id !== null) {
        const event: OwedEvent = {
          deviceId: row.device_id,
          event: {
            id: row.id,
            seq: row.event_seq,
            kind: row.kind,
            at: row.at,
            payload: JSON.parse(row.payload) as unknown,
          },
        };
        const size = Buffer.byteLength(JSON.stringify(event));
        if (events.length > 0 && bytes + size > limits.maxBytes) break;
        bytes += size;
        events.push(event);
      }
      lastSeq = row.seq;
    }
    if (lastSeq === afterSeq) return null;
    return { firstSeq: rows[0]!.seq, lastSeq, events };
  }

  /** Head office's stream holds these batches: forget them, in one commit. */
  acknowledged(batches: readonly Pick<OwedBatch, 'firstSeq' | 'lastSeq'>[]): void {
    if (batches.length === 0) return;
    this.db.transaction(() => {
      for (const batch of batches) this.deleteRange.run(batch.firstSeq, batch.lastSeq);
    })();
  }
}
