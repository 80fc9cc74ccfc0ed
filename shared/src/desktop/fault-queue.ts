// Keeps fault reports until the store server has them. Bounded (oldest dropped
// first), persisted through `save` so a relaunch does not lose the report of
// why it relaunched, sent in order, retried with backoff when sending fails.
import type { FaultReport } from './fault-report';
import type { SendOutcome } from './fault-transport';

export type FaultQueueDeps = {
  send: (report: FaultReport) => Promise<SendOutcome>;
  save: (queue: readonly FaultReport[]) => void;
  schedule: (run: () => void, afterMs: number) => void;
  maxQueued?: number;
};

const FIRST_RETRY_MS = 2_000;
const MAX_RETRY_MS = 5 * 60_000;

export class FaultQueue {
  private queue: FaultReport[];
  private flushing = false;
  private retryScheduled = false;
  private retryMs = FIRST_RETRY_MS;
  private readonly maxQueued: number;

  constructor(
    private readonly deps: FaultQueueDeps,
    restored: readonly FaultReport[] = [],
  ) {
    this.maxQueued = deps.maxQueued ?? 500;
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
      this.retryMs = FIRST_RETRY_MS;
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
    const delay = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
    this.deps.schedule(() => {
      this.retryScheduled = false;
      void this.flush();
    }, delay);
  }
}
