// Device events leave through the outbox: written in the same transaction as
// the action that caused them, published over MQTT, and deleted only when the
// store server says it committed them — never on PUBACK (docs/protocol.md).
import { v7 as uuidv7 } from 'uuid';
import {
  MAX_EVENTS_PER_BATCH,
  PROTOCOL_VERSION,
  type DeviceEvent,
  type EventAck,
  type EventBatch,
  type NewDeviceEvent,
} from '../core';
import type { DeviceDb } from './device-db';
import type { Table } from 'dexie';

const SEQ = 'outbox.seq';
/** An event published this long ago without an acknowledgement is sent again. */
export const RESEND_AFTER_MS = 10_000;

export type Publish = (batch: EventBatch) => boolean;

export class Outbox {
  private publish: Publish | null = null;
  private flushTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly listeners = new Set<(pending: number) => void>();

  constructor(private readonly db: DeviceDb) {}

  /**
   * Records an event, and optionally the action's own writes, atomically:
   * either both are stored or neither. Returns the stored event.
   */
  async record(
    event: NewDeviceEvent,
    action?: { tables: Table[]; run: () => Promise<void> },
  ): Promise<DeviceEvent> {
    const { db } = this;
    const stored = await db.transaction(
      'rw',
      [db.outbox, db.meta, ...(action?.tables ?? [])],
      async () => {
        const seq = ((await db.getMeta<number>(SEQ)) ?? 0) + 1;
        await db.setMeta(SEQ, seq);
        const full: DeviceEvent = { ...event, id: uuidv7(), seq, at: new Date().toISOString() };
        await db.outbox.add({ seq, id: full.id, event: full, sentAt: null });
        if (action) await action.run();
        return full;
      },
    );
    this.notify();
    this.scheduleFlush();
    return stored;
  }

  /** Connected: events go out through this function. Disconnected: null. */
  setPublisher(publish: Publish | null): void {
    this.publish = publish;
    if (publish) void this.flush({ resendAll: true });
  }

  private scheduleFlush(): void {
    if (this.flushTimer || !this.publish) return;
    // A short delay gathers a burst of taps into one batch.
    this.flushTimer = setTimeout(() => {
      this.flushTimer = null;
      void this.flush();
    }, 20);
  }

  /** Publishes pending events in order, in batches; resends the overdue ones. */
  async flush(options: { resendAll?: boolean } = {}): Promise<number> {
    const publish = this.publish;
    if (!publish) return 0;
    const now = Date.now();
    const due = await this.db.outbox
      .orderBy('seq')
      .filter(
        (entry) =>
          options.resendAll || entry.sentAt === null || now - entry.sentAt > RESEND_AFTER_MS,
      )
      .toArray();
    let sent = 0;
    for (let start = 0; start < due.length; start += MAX_EVENTS_PER_BATCH) {
      const chunk = due.slice(start, start + MAX_EVENTS_PER_BATCH);
      if (
        !publish({ v: PROTOCOL_VERSION, type: 'events', events: chunk.map((entry) => entry.event) })
      )
        break;
      await this.db.outbox.bulkUpdate(
        chunk.map((entry) => ({ key: entry.seq, changes: { sentAt: now } })),
      );
      sent += chunk.length;
    }
    return sent;
  }

  /** The server committed these ids (or refused them, saying why). */
  async acknowledge(ack: EventAck): Promise<void> {
    const { db } = this;
    await db.transaction('rw', [db.outbox, db.rejected], async () => {
      const ids = [...ack.ids, ...ack.rejected.map((rejection) => rejection.id)];
      const entries = await db.outbox.where('id').anyOf(ids).toArray();
      const reasons = new Map(ack.rejected.map((rejection) => [rejection.id, rejection.reason]));
      const refused = entries.filter((entry) => reasons.has(entry.id));
      // Refused events are kept aside for diagnosis, never silently dropped.
      await db.rejected.bulkPut(
        refused.map((entry) => ({
          id: entry.id,
          event: entry.event,
          reason: reasons.get(entry.id) ?? '',
          at: new Date().toISOString(),
        })),
      );
      await db.outbox.bulkDelete(entries.map((entry) => entry.seq));
    });
    this.notify();
  }

  pending(): Promise<number> {
    return this.db.outbox.count();
  }

  /** Events the server refused: how many, and the newest one's reason. */
  async refused(): Promise<{ count: number; lastReason: string | null }> {
    const count = await this.db.rejected.count();
    if (count === 0) return { count, lastReason: null };
    const all = await this.db.rejected.toArray();
    const last = all.reduce((newest, entry) => (entry.at > newest.at ? entry : newest));
    return { count, lastReason: last.reason };
  }

  onPendingChange(listener: (pending: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(): void {
    if (this.listeners.size === 0) return;
    void this.pending().then((count) => this.listeners.forEach((listener) => listener(count)));
  }

  stop(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    this.publish = null;
  }
}
