// Fetches the wanted images in the background, two at a time: a feed of 100k
// products must not open 100k connections, nor hold up the server. A failure
// is written down with the time of the next try (core/backoff.ts: from one
// minute, doubling to six hours), so retries outlive a restart; after
// MAX_ATTEMPTS the image is given up until an import names it again.
import { waitAfterFailures, type BackoffPolicy, type ImageWidth } from '@vitrine/shared/core';
import type { Logger } from '@vitrine/shared/node';
import { downloadImage, type DownloadOptions } from './image-download';
import type { ImageRow, ImageStore } from './image-store';
import type { ImageVariants } from './image-variants';

const IMAGE_RETRY: BackoffPolicy = {
  firstMs: 60_000,
  maxMs: 6 * 3_600_000,
  floorMs: 60_000,
};
/** About 14 hours of tries with IMAGE_RETRY. */
const MAX_ATTEMPTS = 10;
/** Made as soon as an image arrives (tiles and the product page); 1080 on first request. */
const WARM_WIDTHS: readonly ImageWidth[] = ['160', '480'];

export type FetcherOptions = Omit<DownloadOptions, 'signal' | 'dir'> & {
  concurrency?: number;
  retry?: BackoffPolicy;
  maxAttempts?: number;
  random?: () => number;
  log: Logger;
};

export class ImageFetcher {
  private readonly running = new Map<string, { abort: AbortController; done: Promise<void> }>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;
  /** After the database refused to record an outcome: no new downloads before then. */
  private restUntil = 0;

  constructor(
    private readonly store: ImageStore,
    private readonly variants: ImageVariants,
    private readonly options: FetcherOptions,
  ) {}

  /** Takes whatever is due now, and sets a timer for what falls due later. */
  poke(): void {
    try {
      this.pump();
    } catch (error) {
      // An unreadable database must not take the server down: try again in a minute.
      this.options.log.error({ err: (error as Error).message }, 'images: queue unreadable');
      this.wakeIn(60_000);
    }
  }

  private pump(): void {
    if (this.stopped) return;
    if (Date.now() < this.restUntil) return this.wakeIn(this.restUntil - Date.now());
    const slots = (this.options.concurrency ?? 2) - this.running.size;
    if (slots > 0) {
      const due = this.store
        .due(slots + this.running.size)
        .filter((row) => !this.running.has(row.key))
        .slice(0, slots);
      for (const row of due) this.start(row);
    }
    // Full: the next download to end pokes again.
    if (this.running.size >= (this.options.concurrency ?? 2)) return clearTimeout(this.timer);
    this.planWake();
  }

  /** Cuts the downloads under way (they stay due) and waits for them to end. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    const running = [...this.running.values()];
    for (const download of running) download.abort.abort();
    await Promise.all(running.map((download) => download.done));
  }

  private planWake(): void {
    const at = this.store.nextDueAt([...this.running.keys()]);
    if (at === undefined) return clearTimeout(this.timer);
    // Capped: setTimeout overflows past 24.8 days, and a clock change should not strand the queue.
    this.wakeIn(Math.min(Math.max(0, at - Date.now()), 60_000));
  }

  private wakeIn(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.poke(), ms);
    this.timer.unref();
  }

  private start(row: ImageRow): void {
    const abort = new AbortController();
    const done = this.fetchOne(row, abort.signal)
      // The database itself refused (a full disk): the image stays due; rest a minute.
      .catch((error: unknown) => {
        this.restUntil = Date.now() + 60_000;
        this.options.log.error(
          { url: row.url, err: (error as Error).message },
          'images: not recorded',
        );
      })
      .finally(() => {
        this.running.delete(row.key);
        this.poke();
      });
    this.running.set(row.key, { abort, done });
  }

  private async fetchOne(row: ImageRow, signal: AbortSignal): Promise<void> {
    const { log } = this.options;
    try {
      const got = await downloadImage(row.url, {
        ...this.options,
        dir: this.store.incomingDir,
        signal,
      });
      this.store.keepOriginal(got.file, got.sha256);
      await this.variants.warm(got.sha256, WARM_WIDTHS);
      this.store.markReady(row.key, got.sha256, got.type);
      log.debug({ url: row.url, sha256: got.sha256, bytes: got.size }, 'images: fetched');
    } catch (error) {
      if (this.stopped) return;
      const message = (error as Error).message;
      const failures = row.attempts + 1;
      const retryIn =
        failures >= (this.options.maxAttempts ?? MAX_ATTEMPTS)
          ? undefined
          : waitAfterFailures(this.options.retry ?? IMAGE_RETRY, failures, this.options.random);
      this.store.markFailed(row.key, message, retryIn);
      log.warn({ url: row.url, attempt: failures, retryIn, err: message }, 'images: fetch failed');
    }
  }
}
