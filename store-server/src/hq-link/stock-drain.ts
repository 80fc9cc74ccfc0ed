// Sends this store's stock batches on `vt.st.<id>.stock`: JetStream's STOCK stream keeps them for
// head office, and the same publish reaches the neighbours' live subscriptions. A batch leaves the
// outbox only on its PubAck; any failure keeps it and tries again after a backoff, from the
// oldest still owed, so batches go out in storeSeq order. Woken at once by a stock change.
import type { JetStreamClient } from '@nats-io/jetstream';
import {
  backoff,
  encodeLinkMessage,
  LINK_VERSION,
  pause,
  stockMsgId,
  storeSubjects,
  type StockBatch,
} from '@vitrine/shared/core';
import type { Logger } from '@vitrine/shared/node';
import type { OwedStockBatch, StockOutbox } from './stock-outbox';

const IN_FLIGHT = 16;
const PUBLISH_TIMEOUT_MS = 10_000;
/** How often an idle drain looks for changes and whether a re-confirmation is due. */
const IDLE_POLL_MS = 250;
const RETRY = { firstMs: 500, maxMs: 30_000, floorMs: 250 };

export type StockDrainStats = { batches: number; lines: number; failures: number };

export class StockDrain {
  readonly stats: StockDrainStats = { batches: 0, lines: 0, failures: 0 };
  private readonly stop = new AbortController();
  private wakeUp = new AbortController();
  private running: Promise<void> | null = null;
  private readonly subject: string;

  constructor(
    private readonly outbox: StockOutbox,
    private readonly storeId: string,
    private readonly js: () => JetStreamClient | null,
    private readonly reconfirmMs: number,
    private readonly log: Logger,
  ) {
    this.subject = storeSubjects(storeId).stock;
  }

  start(): void {
    this.running ??= this.run();
  }

  /** A stock change was committed, or the line is back: send now, not after the wait. */
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
      const woken = this.wakeUp.signal;
      let result = { sent: 0, failed: false };
      try {
        this.outbox.seal(new Date(), this.reconfirmMs);
        const js = this.js();
        if (js) result = await this.sendWindow(js);
      } catch (error) {
        // The database busy (an import holds the write lock): the changes stay, try again.
        this.log.warn({ error: String(error) }, 'head office link: stock not sealed yet');
        result.failed = true;
      }
      if (result.failed) {
        this.stats.failures++;
        await pause(waits.next(), AbortSignal.any([this.stop.signal, woken]));
        if (woken.aborted) waits.reset();
      } else {
        waits.reset();
        if (result.sent === 0)
          await pause(IDLE_POLL_MS, AbortSignal.any([this.stop.signal, woken]));
      }
    }
  }

  private async sendWindow(js: JetStreamClient): Promise<{ sent: number; failed: boolean }> {
    const batches = this.outbox.owed(0, IN_FLIGHT);
    // Published together, in order on the one connection; each forgotten on its own PubAck.
    const results = await Promise.allSettled(batches.map((batch) => this.publish(js, batch)));
    let failed = false;
    results.forEach((result, index) => {
      const batch = batches[index]!;
      if (result.status === 'fulfilled') {
        this.outbox.acknowledged(batch.storeSeq);
        this.stats.batches++;
        this.stats.lines += batch.lines.length;
      } else {
        if (!failed)
          this.log.warn(
            { error: String(result.reason), storeSeq: batch.storeSeq },
            'head office link: stock not taken yet, keeping it',
          );
        failed = true;
      }
    });
    return { sent: batches.length, failed };
  }

  private async publish(js: JetStreamClient, batch: OwedStockBatch): Promise<void> {
    const message: StockBatch = { v: LINK_VERSION, type: 'stock', ...batch };
    await js.publish(this.subject, encodeLinkMessage(message), {
      msgID: stockMsgId(this.storeId, batch.storeSeq),
      timeout: PUBLISH_TIMEOUT_MS,
    });
  }
}
