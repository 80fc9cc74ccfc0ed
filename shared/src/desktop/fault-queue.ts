// Keeps fault reports until the store server has them. Bounded (oldest dropped
// first), persisted through `save` so a relaunch does not lose the report of
// why it relaunched, sent in order, retried with backoff when sending fails.
import { backoff } from '../core';
import type { FaultReport } from './fault-report';
import type { SendOutcome } from './fault-transport';

export type FaultQueueDeps = {
  send: (report: FaultReport) => Promise<SendOutcome>;
  save: (queue: readonly FaultReport[]) => void;
  schedule: (run: () => void, afterMs: number) => void;
  maxQueued?: number;
  /** Draws the jitter of the retry waits (tests pass their own). */
  random?: () => number;
};

const RETRY = { firstMs: 2_000, maxMs: 5 * 60_000 };

export class FaultQueue {
  private queue: FaultReport[];
  private flushing = false;
  private retryScheduled = false;
  private readonly retryWaits;
  private readonly maxQueued: number;

  constructor(
    private readonly deps: FaultQueueDeps,
    restored: readonly FaultReport[] = [],
  ) {
    this.maxQueued = deps.maxQueued ?? 500;
    this.retryWaits = backoff(RETRY, deps.random);
    this.queue = restored.slice(-this.maxQueued);
  }

  pending(): readonly FaultReport[] {
    return this.queue;
  }

  enqueue(report: FaultReport): void {
    this.queue.push(report);
    if (this.queue.length > this.maxQueued)
      this.queue.splice(0, this.queue.length - this.maxQueued);
    this.deps.save(this.queue);
  }

  /** Sends what is queued; never rejects. */
  async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      while (this.queue[0]) {
        const outcome = await this.sendSafely(this.queue[0]);
        if (outcome === 'retry') {
          this.scheduleRetry();
          return;
        }
        this.queue.shift();
        this.deps.save(this.queue);
      }
      this.retryWaits.reset();
    } finally {
      this.flushing = false;
    }
  }

  private async sendSafely(report: FaultReport): Promise<SendOutcome> {
    try {
      return await this.deps.send(report);
    } catch {
      return 'retry';
    }
  }

  private scheduleRetry(): void {
    if (this.retryScheduled) return;
    this.retryScheduled = true;
    this.deps.schedule(() => {
      this.retryScheduled = false;
      void this.flush();
    }, this.retryWaits.next());
  }
}
