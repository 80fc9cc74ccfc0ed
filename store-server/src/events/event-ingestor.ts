// Device events arrive over MQTT in batches. Everything received in one turn of
// the event loop is committed in one SQLite transaction, then each device is
// acknowledged for exactly the ids now stored. A resent event is acknowledged
// again and stored once: the id is the unique key.
import {
  DeviceEvent,
  type EventAck,
  EventBatch,
  PROTOCOL_VERSION,
  parseJson,
  parseUnknown,
} from '@vitrine/shared/core';
import type { Db } from '../db/database';
import type { Logger } from '../log';

type Pending = { deviceId: string; events: DeviceEvent[]; rejected: EventAck['rejected'] };

export type AckSender = (deviceId: string, ack: EventAck) => void;

export class EventIngestor {
  private pending: Pending[] = [];
  private scheduled = false;
  private readonly insert;
  stats = { stored: 0, duplicates: 0, rejected: 0, batches: 0 };

  constructor(
    private readonly db: Db,
    private readonly sendAck: AckSender,
    private readonly log: Logger,
    /** Hears of a batch the disk refused, so health and the API say so (db/storage-guard.ts). */
    private readonly onWriteFailed: (error: unknown) => void = () => undefined,
  ) {
    this.insert = db.prepare(
      `INSERT INTO events (id, device_id, seq, kind, at, received_at, payload)
       VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
    );
  }

  /** Takes one MQTT payload from a device; never throws on bad input. */
  accept(deviceId: string, payload: Buffer): void {
    const batch = parseJson(EventBatch, payload.toString('utf8'));
    if (!batch.ok) {
      this.stats.rejected++;
      this.log.warn({ deviceId, error: batch.error }, 'events: refused a malformed batch');
      // No ids to name: the device learns nothing it could retry differently, so
      // the refusal is only logged. Its outbox keeps the events for a valid resend.
      return;
    }
    const item: Pending = { deviceId, events: [], rejected: [] };
    for (const raw of batch.value.events) {
      const event = parseUnknown(DeviceEvent, raw);
      if (event.ok) {
        item.events.push(event.value);
      } else {
        const id = typeof raw === 'object' && raw && 'id' in raw ? String(raw.id) : '(no id)';
        item.rejected.push({ id, reason: event.error });
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
    setImmediate(() => this.flush());
  }

  /** Commits everything pending in one transaction, then acknowledges. */
  flush(): void {
    this.scheduled = false;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    const receivedAt = new Date().toISOString();
    try {
      this.db.transaction(() => {
        for (const { deviceId, events } of batch) {
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
    for (const { deviceId, events, rejected } of batch) {
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
