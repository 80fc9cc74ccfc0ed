// Every head-office process pulls the one shared `hq-stock` durable (plan §3.6; the loop is
// link/durable-pull.ts): each batch is stored in its own transaction and acknowledged only after
// COMMIT. A batch ahead of the store's head (the one before it is with another process) is handed
// back with a short delay; a database that fails gets it back later; a message that can never be
// stored (no store's subject, not a batch, an unknown store) is acknowledged, counted and logged.
import type { JetStreamClient, JsMsg } from '@nats-io/jetstream';
import {
  decodeLinkMessage,
  HQ_DURABLES,
  parseStoreSubject,
  StockBatch,
  STREAMS,
} from '@vitrine/shared/core';
import type { Logger } from '@vitrine/shared/node';
import type { Pool } from '../db/pool';
import {
  acknowledge,
  isDataError,
  NAK_DELAY_MS,
  startDurablePull,
  type DurablePull,
  type PullOutcome,
} from '../link/durable-pull';
import { storeStockBatch } from './store-stock-batch';

const AHEAD_DELAY_MS = 250;

export type StockIngestStats = {
  stored: number;
  lines: number;
  /** Resends of a batch already stored, absorbed. */
  duplicates: number;
  /** Handed back because the batch before it was not stored yet. */
  ahead: number;
  refused: number;
  /** Handed back (nak) because the database failed. */
  retried: number;
};

export type StockIngest = DurablePull & { stats: StockIngestStats };

async function handle(
  pool: Pool,
  msg: JsMsg,
  stats: StockIngestStats,
  log: Logger,
): Promise<PullOutcome> {
  const refuse = async (reason: string, store?: string): Promise<PullOutcome> => {
    stats.refused++;
    log.warn({ subject: msg.subject, store, reason }, 'stock: a batch refused');
    await acknowledge(msg, log, 'stock');
    return 'done';
  };
  const subject = parseStoreSubject(msg.subject);
  if (!subject || subject.kind !== 'stock') return refuse('not a store stock subject');
  const batch = decodeLinkMessage(StockBatch, msg.data);
  if (!batch.ok) return refuse(batch.error, subject.storeId);
  try {
    const outcome = await storeStockBatch(pool, subject.storeId, batch.value);
    switch (outcome.kind) {
      case 'unknown-store':
        return refuse('no such store at head office', subject.storeId);
      case 'ahead':
        stats.ahead++;
        msg.nak(AHEAD_DELAY_MS);
        return 'done';
      case 'duplicate':
        stats.duplicates++;
        break;
      case 'stored':
        stats.stored++;
        stats.lines += outcome.lines;
    }
  } catch (error) {
    if (isDataError(error)) return refuse((error as Error).message, subject.storeId);
    stats.retried++;
    msg.nak(NAK_DELAY_MS);
    log.warn(
      { store: subject.storeId, err: (error as Error).message },
      'stock: the database refused a batch; it will come back',
    );
    return 'retry';
  }
  await acknowledge(msg, log, 'stock');
  return 'done';
}

export function startStockIngest(js: JetStreamClient, pool: Pool, log: Logger): StockIngest {
  const stats: StockIngestStats = {
    stored: 0,
    lines: 0,
    duplicates: 0,
    ahead: 0,
    refused: 0,
    retried: 0,
  };
  const pull = startDurablePull(js, {
    stream: STREAMS.stock,
    durable: HQ_DURABLES.stock,
    what: 'stock',
    log,
    handle: (msg) => handle(pool, msg, stats, log),
  });
  return { stats, stop: pull.stop };
}
