// Device events arrive over MQTT in batches. Everything received since the last
// commit is committed in one SQLite transaction, then each device is
// acknowledged for exactly the ids now stored. Commits come at most every
// COMMIT_EVERY_MS: each one waits for the disk (synchronous = FULL) on the event
// loop, so a commit per arriving batch held up everything else the server does
// once events came in steadily. A resent event is acknowledged again and stored
// once: (device, id) is the unique key. A refused event is named in the ack with
// its reason and kept as a dead letter (dead-letters.ts).
import {
  DeviceEvent,
  type EventAck,
  EventBatch,
  PROTOCOL_VERSION,
  parseJson,
  parseUnknown,
} from '@vitrine/shared/core';
import type { Db } from '../db/database';
import type { Logger } from '@vitrine/shared/node';
import type { DeadLetters } from './dead-letters';

/**
 * At most one commit this often: the first batch after a quiet spell is committed at once, a
 * stream of them in groups. A device resends only after 10 s without an ack.
 */
const COMMIT_EVERY_MS = 50;

type Refusal = { eventId: string | null; reason: string; raw: unknown };
type Pending = { deviceId: string; events: DeviceEvent[]; refused: Refusal[] };

export type AckSender = (deviceId: string, ack: EventAck) => void;

export class EventIngestor {
  private pending: Pending[] = [];
  private scheduled = false;
  private lastCommitAt = 0;
  private readonly insert;
  stats = { stored: 0, duplicates: 0, rejected: 0, batches: 0 };

  constructor(
    private readonly db: Db,
    private readonly deadLetters: DeadLetters,
    private readonly sendAck: AckSender,
    private readonly log: Logger,
    /** Hears of a batch the disk refused, so health and the API say so (db/storage-guard.ts). */
    private readonly onWriteFailed: (error: unknown) => void = () => undefined,
  ) {
    this.insert = db.prepare(
      `INSERT INTO events (id, device_id, seq, kind, at, received_at, payload)
       VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (device_id, id) DO NOTHING`,
    );
  }

  /** Takes one MQTT payload from a device; never throws on bad input. */
  accept(deviceId: string, payload: Buffer): void {
    const text = payload.toString('utf8');
    const batch = parseJson(EventBatch, text);
    if (!batch.ok) {
      this.stats.rejected++;
      this.log.warn({ deviceId, error: batch.error }, 'events: refused a malformed batch');
      // No ids to name, so no ack: the refusal is kept as a dead letter for the
      // fleet view, and the device's outbox keeps its events for a valid resend.
      this.pending.push({
        deviceId,
        events: [],
        refused: [{ eventId: null, reason: `malformed batch: ${batch.error}`, raw: text }],
      });
      this.schedule();
      return;
    }
    const item: Pending = { deviceId, events: [], refused: [] };
    for (const raw of batch.value.events) {
      const event = parseUnknown(DeviceEvent, raw);
      if (event.ok) {
        item.events.push(event.value);
      } else {
        const id =
          typeof raw === 'object' && raw && 'id' in raw ? String(raw.id).slice(0, 100) : null;
        item.refused.push({ eventId: id, reason: event.error, raw });
        this.stats.rejected++;
        this.log.warn({ deviceId, id, error: event.error }, 'events: refused an invalid event');
      }
    }
    this.pending.push(item);
    this.schedule();
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    const wait = this.lastCommitAt + COMMIT_EVERY_MS - performance.now();
    if (wait <= 0) setImmediate(() => this.flush());
    else setTimeout(() => this.flush(), wait);
  }

  /** Commits everything pending in one transaction, then acknowledges. */
  flush(): void {
    this.scheduled = false;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    this.lastCommitAt = performance.now();
    const receivedAt = new Date().toISOString();
    try {
      this.db.transaction(() => {
        for (const { deviceId, events, refused } of batch) {
          this.deadLetters.record(deviceId, refused, receivedAt);
          for (const event of events) {
            const result = this.insert.run(
              event.id,
              deviceId,
              event.seq,
              event.kind,
              event.at,
              receivedAt,
              JSON.stringify(event.payload),
            );
            if (result.changes === 1) this.stats.stored++;
            else this.stats.duplicates++;
          }
        }
      })();
    } catch (error) {
      // Disk full, I/O error: acknowledge nothing, the devices resend.
      this.log.error({ err: (error as Error).message }, 'events: could not store a batch');
      this.onWriteFailed(error);
      return;
    }
    this.stats.batches++;
    for (const { deviceId, events, refused } of batch) {
      const rejected = refused.flatMap((refusal) =>
        refusal.eventId === null ? [] : [{ id: refusal.eventId, reason: refusal.reason }],
      );
      if (events.length === 0 && rejected.length === 0) continue;
      this.sendAck(deviceId, {
        v: PROTOCOL_VERSION,
        type: 'ack',
        ids: events.map((event) => event.id),
        rejected,
      });
    }
  }

  count(): number {
    return this.db.prepare('SELECT COUNT(*) FROM events').pluck().get() as number;
  }
}
