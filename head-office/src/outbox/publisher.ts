// The outbox publisher (plan §3.4): run by one head-office process at a time (role `publisher`).
// It reads unpublished rows in id order, numbers them (assignRevisions: stored before sending),
// publishes each head's rows one after another, waiting for each PubAck, and marks what
// JetStream acknowledged. A failure (no quorum, no responders, a timeout, the database) stops
// that head where it is and the pass backs off and starts again from the oldest unpublished row:
// nothing is skipped, and a head's revisions reach the stream in order. Woken by NOTIFY on
// insert; a slow poll covers a lost notification.
import type { JetStreamClient } from '@nats-io/jetstream';
import type { Pool } from 'pg';
import { backoff, LINK_RETENTION, pause, type BackoffPolicy } from '@vitrine/shared/core';
import type { Logger } from '@vitrine/shared/node';
import { holdRole } from '../db/roles';
import { listenForInserts, type OutboxListener } from './outbox-listener';
import {
  assignRevisions,
  markPublished,
  prunePublished,
  readUnpublished,
  type NumberedRow,
} from './outbox-rows';
import { publishRow } from './publish-row';

export const PUBLISHER_ROLE = 'publisher';

export type PublisherOptions = {
  pool: Pool;
  js: JetStreamClient;
  log: Logger;
  /** How often to look for rows without a notification. */
  pollMs?: number;
  /** Rows read, numbered and published per pass. */
  batchSize?: number;
  publishTimeoutMs?: number;
  retry?: BackoffPolicy;
  /** How often a process without the role tries to take it. */
  roleRetryMs?: number;
  /** Heads published at once; each head's rows go strictly one after another. */
  parallelHeads?: number;
  /** Published rows are forgotten after this (default: the HQ streams' retention). */
  keepPublishedMs?: number;
};

export type PublisherStats = {
  published: number;
  /** PubAcks that said JetStream held that message id already (a resend). */
  duplicates: number;
  failures: number;
};

export type OutboxPublisher = {
  stats: PublisherStats;
  held: () => boolean;
  /** Looks for rows now (NOTIFY does this on every insert). */
  wake: () => void;
  stop: () => Promise<void>;
};

const DEFAULT_RETRY: BackoffPolicy = { firstMs: 250, maxMs: 10_000, floorMs: 100 };
const PRUNE_EVERY_MS = 60 * 60 * 1000;

type Run = { abort: AbortController; done: Promise<void>; wake: () => void };

/** Runs `work` over `items` with at most `limit` at once. */
async function eachLimited<T>(items: T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

function byHead(rows: NumberedRow[]): NumberedRow[][] {
  const heads = new Map<string, NumberedRow[]>();
  for (const row of rows) {
    const list = heads.get(row.head) ?? [];
    list.push(row);
    heads.set(row.head, list);
  }
  return [...heads.values()];
}

export function startOutboxPublisher(options: PublisherOptions): OutboxPublisher {
  const { pool, js, log } = options;
  const pollMs = options.pollMs ?? 5_000;
  const batchSize = options.batchSize ?? 256;
  const timeoutMs = options.publishTimeoutMs ?? 5_000;
  const parallelHeads = options.parallelHeads ?? 16;
  const keepPublishedMs = options.keepPublishedMs ?? LINK_RETENTION.hqMaxAgeMs;
  const stats: PublisherStats = { published: 0, duplicates: 0, failures: 0 };
  let run: Run | null = null;

  /** One pass: answers whether it failed, and whether to look again at once. */
  const pass = async (signal: AbortSignal, stillHeld: () => boolean) => {
    const rows = await readUnpublished(pool, batchSize);
    if (rows.length === 0 || signal.aborted || !stillHeld()) return { failed: false, more: false };
    const numbered = await assignRevisions(pool, rows);
    const acked: { id: string; streamSeq: number }[] = [];
    let failed = false;
    await eachLimited(byHead(numbered), parallelHeads, async (headRows) => {
      for (const row of headRows) {
        // A process that lost the role stops at once: its successor carries on from here.
        if (signal.aborted || !stillHeld()) return;
        try {
          const ack = await publishRow(js, row, timeoutMs);
          acked.push({ id: row.id, streamSeq: ack.seq });
          stats.published++;
          if (ack.duplicate) stats.duplicates++;
        } catch (error) {
          failed = true;
          log.warn(
            { head: row.head, rev: row.rev, err: (error as Error).message },
            'link outbox: not published yet, will retry',
          );
          return; // the rest of this head waits: never out of order
        }
      }
    });
    await markPublished(pool, acked);
    // Rows went: look again at once (more may wait behind the batch's count or bytes).
    return { failed, more: acked.length > 0 };
  };

  const startRun = (stillHeld: () => boolean): Run => {
    const abort = new AbortController();
    let pending = true;
    let wakeUp: (() => void) | null = null;
    const wake = () => {
      pending = true;
      wakeUp?.();
    };
    /** Until a wake, `ms`, or the end of the run, whichever comes first. */
    const sleep = (ms: number) => {
      const woken = new AbortController();
      wakeUp = () => woken.abort();
      return pause(ms, AbortSignal.any([abort.signal, woken.signal])).finally(
        () => (wakeUp = null),
      );
    };
    const loop = async () => {
      const waits = backoff(options.retry ?? DEFAULT_RETRY);
      let listener: OutboxListener | null = null;
      let prunedAt = 0;
      try {
        while (!abort.signal.aborted) {
          if (listener?.lost) listener.close();
          if (!listener || listener.lost) listener = await listenForInserts(pool, wake, log);
          pending = false;
          const outcome = await pass(abort.signal, stillHeld).catch((error: unknown) => {
            log.warn({ err: (error as Error).message }, 'link outbox: pass failed, will retry');
            return { failed: true, more: false };
          });
          if (outcome.failed) {
            stats.failures++;
            await pause(waits.next(), abort.signal);
            continue;
          }
          waits.reset();
          if (outcome.more || pending) continue;
          if (Date.now() - prunedAt > PRUNE_EVERY_MS) {
            prunedAt = Date.now();
            await prunePublished(pool, keepPublishedMs).catch((error: unknown) =>
              log.warn({ err: (error as Error).message }, 'link outbox: pruning failed'),
            );
          }
          await sleep(pollMs);
        }
      } finally {
        listener?.close();
      }
    };
    return { abort, done: loop(), wake };
  };

  const endRun = async () => {
    const ending = run;
    run = null;
    ending?.abort.abort();
    await ending?.done;
  };

  const role = holdRole(pool, PUBLISHER_ROLE, {
    onGain: async () => {
      await endRun();
      log.info('link outbox: publisher role gained');
      run = startRun(() => role.held());
    },
    onLose: async (reason) => {
      log.warn({ reason }, 'link outbox: publisher role lost');
      await endRun();
    },
    onError: (error) => log.error({ err: error }, 'link outbox: publisher role failed'),
    retryMs: options.roleRetryMs,
  });

  return {
    stats,
    held: () => role.held(),
    wake: () => run?.wake(),
    stop: async () => {
      await role.stop();
      await endRun();
    },
  };
}
