// Sends the store's outbox to head office: batches published on the store's own events subject
// with a message id JetStream de-duplicates on, up to a window in flight, each batch forgotten
// only when its PubAck arrives. Any failure (the line cut, no quorum, the stream full and
// refusing new messages) keeps the rows and tries again after a backoff, from the oldest row
// still owed. A batch resent under other bounds after the dedupe window is absorbed at head
// office by its (store, device, event id) key.
import type { JetStreamClient } from '@nats-io/jetstream';
import {
  backoff,
  encodeLinkMessage,
  eventsMsgId,
  LINK_VERSION,
  pause,
  storeSubjects,
  type EventsBatch,
} from '@vitrine/shared/core';
import type { Logger } from '@vitrine/shared/node';
import type { HqOutbox, OwedBatch } from './outbox';

/** Batches published and not yet acknowledged, at most. */
const IN_FLIGHT = 32;
const PUBLISH_TIMEOUT_MS = 10_000;
/** How often an idle drain looks for new rows. */
const IDLE_POLL_MS = 250;
const RETRY = { firstMs: 500, maxMs: 30_000, floorMs: 250 };

export type DrainStats = { batches: number; events: number; duplicates: number; failures: number };

export class OutboxDrain {
  readonly stats: DrainStats = { batches: 0, events: 0, duplicates: 0, failures: 0 };
  private readonly stop = new AbortController();
  private wakeUp = new AbortController();
  private running: Promise<void> | null = null;
  private readonly subject: string;

  constructor(
    private readonly outbox: HqOutbox,
    private readonly storeId: string,
    private readonly js: () => JetStreamClient | null,
    private readonly log: Logger,
  ) {
    this.subject = storeSubjects(storeId).events;
  }

  start(): void {
    this.running ??= this.run();
  }

  /**
   * The line is back: stop waiting out the backoff the failures while it was cut built up (up to
   * 30 s, so a healed store would otherwise sit on its backlog that long).
   */
  wake(): void {
    this.wakeUp.abort();
    this.wakeUp = new AbortController();
  }

  async close(): Promise<void> {
    this.stop.abort();
    await this.running;
  }

  private async run(): Promise<void> {
    const waits = backoff(RETRY);
    while (!this.stop.signal.aborted) {
      const js = this.js();
      const sent = js ? await this.sendWindow(js) : { sent: 0, failed: false };
      if (sent.failed) {
        this.stats.failures++;
        const woken = this.wakeUp.signal;
        await pause(waits.next(), AbortSignal.any([this.stop.signal, woken]));
        if (woken.aborted) waits.reset();
      } else {
        waits.reset();
        if (sent.sent === 0) await pause(IDLE_POLL_MS, this.stop.signal);
      }
    }
  }

  /** Publishes up to IN_FLIGHT batches at once; forgets each one head office holds. */
  private async sendWindow(js: JetStreamClient): Promise<{ sent: number; failed: boolean }> {
    const batches: OwedBatch[] = [];
    let after = 0;
    while (batches.length < IN_FLIGHT) {
      const batch = this.outbox.next(after);
      if (!batch) break;
      batches.push(batch);
      after = batch.lastSeq;
    }
    const results = await Promise.allSettled(batches.map((batch) => this.publish(js, batch)));
    const held = batches.filter((_, index) => results[index]!.status === 'fulfilled');
    const refused = results.find((result) => result.status === 'rejected');
    if (refused)
      this.log.warn(
        { error: String(refused.reason), firstSeq: batches[results.indexOf(refused)]!.firstSeq },
        'head office link: events not taken yet, keeping them',
      );
    if (!this.forget(held)) return { sent: batches.length, failed: true };
    results.forEach((result, index) => {
      if (result.status !== 'fulfilled') return;
      this.stats.batches++;
      this.stats.events += batches[index]!.events.length;
      if (result.value) this.stats.duplicates++;
    });
    return { sent: batches.length, failed: refused !== undefined };
  }

  /**
   * Deletes the acknowledged batches' rows, in one commit (a commit waits for the disk). If the
   * database refuses (an import holds the write lock), the rows stay and go again: head office's
   * key absorbs the resend.
   */
  private forget(batches: OwedBatch[]): boolean {
    try {
      this.outbox.acknowledged(batches);
      return true;
    } catch (error) {
      this.log.warn(
        { error: String(error) },
        'head office link: could not forget a sent batch yet',
      );
      return false;
    }
  }

  /** Resolves with whether JetStream saw this batch already (a resend inside its window). */
  private async publish(js: JetStreamClient, batch: OwedBatch): Promise<boolean> {
    const message: EventsBatch = {
      v: LINK_VERSION,
      type: 'events',
      firstSeq: batch.firstSeq,
      lastSeq: batch.lastSeq,
      events: batch.events,
    };
    const ack = await js.publish(this.subject, encodeLinkMessage(message), {
      msgID: eventsMsgId(this.storeId, batch.firstSeq, batch.lastSeq),
      timeout: PUBLISH_TIMEOUT_MS,
    });
    return ack.duplicate;
  }
}
