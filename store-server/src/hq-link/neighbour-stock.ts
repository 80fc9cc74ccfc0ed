// The live stock of this store's neighbours (plan §3.6): a core NATS subscription to each
// configured neighbour's `vt.st.<n>.stock` (the store's permissions allow exactly those), applied
// in storeSeq order. A gap, a reconnection or a new neighbour asks head office for what was
// missed (`req.stock-catch-up`, in pages from its `store_stock`). Each neighbour's work runs one
// step at a time, so a live batch and a catch-up never interleave.
import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import { decodeLinkMessage, LINK_VERSION, StockBatch, storeSubjects } from '@vitrine/shared/core';
import type { Logger } from '@vitrine/shared/node';
import type { Db } from '../db/database';
import type { DocStore } from '../sync/doc-store';
import { applyNeighbourStock, heldNeighbourSeq, type NeighbourLine } from './apply-neighbour-stock';
import { neighboursOf, replaceNeighbours } from './apply-settings';
import { askHq } from './hq-requests';

/** How often the list of neighbours is looked at again (head office may change it). */
const REFRESH_MS = 2_000;
/** Head office had not stored what a live batch follows yet: ask again after this. */
const RETRY_MS = 1_000;

export type NeighbourStockParts = {
  db: Db;
  docs: DocStore;
  storeId: string;
  nc: () => NatsConnection | null;
  /** The neighbours head office last named (its hello reply), when it has answered. */
  named: () => readonly string[] | undefined;
  log: Logger;
};

export type NeighbourStockStats = { live: number; catchUps: number; refused: number };

export class NeighbourStock {
  readonly stats: NeighbourStockStats = { live: 0, catchUps: 0, refused: 0 };
  private readonly subscriptions = new Map<string, Subscription>();
  private readonly queues = new Map<string, Promise<void>>();
  /** A live batch ahead of what is held, kept until the catch-up reaches it. */
  private readonly ahead = new Map<string, StockBatch>();
  private readonly retries = new Set<NodeJS.Timeout>();
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(private readonly parts: NeighbourStockParts) {}

  start(): void {
    this.refresh();
    this.timer = setInterval(() => this.refresh(), REFRESH_MS);
  }

  /** The line is back: whatever was published meanwhile was missed, ask for it. */
  reconnected(): void {
    for (const neighbour of this.subscriptions.keys())
      this.enqueue(neighbour, () => this.catchUp(neighbour));
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    for (const retry of this.retries) clearTimeout(retry);
    for (const subscription of this.subscriptions.values()) subscription.unsubscribe();
    this.subscriptions.clear();
    await Promise.all(this.queues.values());
  }

  /** Follows the neighbours head office names now: new ones subscribed and caught up, old ones dropped. */
  refresh(): void {
    const nc = this.parts.nc();
    if (!nc || nc.isClosed() || this.closed) return;
    const { db, log } = this.parts;
    const named = this.parts.named();
    if (named && named.join(',') !== neighboursOf(db).join(',')) replaceNeighbours(db, named);
    const wanted = new Set(neighboursOf(db));
    for (const [neighbour, subscription] of this.subscriptions)
      if (!wanted.has(neighbour)) {
        subscription.unsubscribe();
        this.subscriptions.delete(neighbour);
      }
    for (const neighbour of wanted) {
      if (this.subscriptions.has(neighbour)) continue;
      const subject = storeSubjects(neighbour).stock;
      const subscription = nc.subscribe(subject, {
        callback: (error, msg) => {
          if (error) {
            log.warn({ neighbour, error: error.message }, 'neighbour stock: subscription refused');
            this.subscriptions.delete(neighbour);
            return;
          }
          this.received(neighbour, msg.data);
        },
      });
      this.subscriptions.set(neighbour, subscription);
      log.info({ neighbour, subject }, 'neighbour stock: following');
      this.enqueue(neighbour, () => this.catchUp(neighbour));
    }
  }

  private received(neighbour: string, data: Uint8Array): void {
    const batch = decodeLinkMessage(StockBatch, data);
    if (!batch.ok) {
      this.stats.refused++;
      this.parts.log.warn({ neighbour, error: batch.error }, 'neighbour stock: a batch refused');
      return;
    }
    this.enqueue(neighbour, () => this.live(neighbour, batch.value));
  }

  private enqueue(neighbour: string, step: () => Promise<void>): void {
    const previous = this.queues.get(neighbour) ?? Promise.resolve();
    const next = previous.then(step).catch((error: unknown) => {
      this.parts.log.warn({ neighbour, error: String(error) }, 'neighbour stock: step failed');
    });
    this.queues.set(neighbour, next);
  }

  private async live(neighbour: string, batch: StockBatch): Promise<void> {
    const held = heldNeighbourSeq(this.parts.db, neighbour);
    if (batch.storeSeq <= held) return;
    if (batch.storeSeq === held + 1) {
      this.apply(neighbour, batchUpdate(batch));
      this.stats.live++;
      return;
    }
    // A gap: storeSeq held+1 .. storeSeq-1 went by while this store was not listening.
    this.ahead.set(neighbour, batch);
    await this.catchUp(neighbour);
  }

  private async catchUp(neighbour: string): Promise<void> {
    const nc = this.parts.nc();
    if (!nc || nc.isClosed() || this.closed) return;
    const { db, storeId, log } = this.parts;
    for (;;) {
      const afterSeq = heldNeighbourSeq(db, neighbour);
      const reply = await askHq(nc, storeId, 'stock-catch-up', {
        v: LINK_VERSION,
        type: 'stock-catch-up',
        neighbour,
        afterSeq,
      });
      if (!reply.ok) {
        log.warn({ neighbour, afterSeq, error: reply.error }, 'neighbour stock: catch-up refused');
        return this.retryLater(neighbour);
      }
      const page = reply.value;
      this.stats.catchUps++;
      const whole = page.untilSeq >= page.headSeq;
      // Nothing past what is held (head office may even be behind this store): nothing to do.
      if (page.untilSeq > afterSeq)
        this.apply(neighbour, {
          untilSeq: Math.max(afterSeq, page.untilSeq),
          lines: page.lines,
          ...(whole && page.confirmedAt !== undefined ? { confirmedAt: page.confirmedAt } : {}),
        });
      if (whole || page.untilSeq <= afterSeq) break;
    }
    const ahead = this.ahead.get(neighbour);
    if (!ahead) return;
    const held = heldNeighbourSeq(db, neighbour);
    if (ahead.storeSeq <= held) this.ahead.delete(neighbour);
    else if (ahead.storeSeq === held + 1) {
      this.ahead.delete(neighbour);
      this.apply(neighbour, batchUpdate(ahead));
    } else this.retryLater(neighbour); // head office has not stored the batches between yet
  }

  private retryLater(neighbour: string): void {
    if (this.closed) return;
    const retry = setTimeout(() => {
      this.retries.delete(retry);
      this.enqueue(neighbour, () => this.catchUp(neighbour));
    }, RETRY_MS);
    this.retries.add(retry);
  }

  private apply(
    neighbour: string,
    update: { untilSeq: number; lines: readonly NeighbourLine[]; confirmedAt?: string },
  ): void {
    const change = applyNeighbourStock(this.parts, neighbour, update);
    this.parts.docs.announce(change);
  }
}

function batchUpdate(batch: StockBatch) {
  return {
    untilSeq: batch.storeSeq,
    lines: batch.lines.map((line) => ({ ...line, confirmedAt: batch.confirmedAt })),
    confirmedAt: batch.confirmedAt,
  };
}
