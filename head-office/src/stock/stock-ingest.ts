// Every head-office process pulls the one shared `hq-stock` durable (plan §3.6), like the events
// and fleet ingestion: each batch is stored in its own transaction and acknowledged only after
// COMMIT. A batch ahead of the store's head (the one before it is with another process) is handed
// back with a short delay; a database that fails gets it back later; a message that can never be
// stored (no store's subject, not a batch, an unknown store) is acknowledged, counted and logged.
import type { Consumer, JetStreamClient, JsMsg } from '@nats-io/jetstream';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  decodeLinkMessage,
  HQ_DURABLES,
  parseStoreSubject,
  StockBatch,
  STREAMS,
} from '@vitrine/shared/core';
import type { Logger } from '@vitrine/shared/node';
import type { Pool } from '../db/pool';
import { JETSTREAM_TIMEOUT_MS } from '../link/connection';
import { storeStockBatch } from './store-stock-batch';

const FETCH_MESSAGES = 50;
const FETCH_EXPIRES_MS = 1_000;
/** A fetch that has not ended this long after its expiry is stopped (a node died under it). */
const FETCH_DEADLINE_MS = FETCH_EXPIRES_MS + JETSTREAM_TIMEOUT_MS;
const NAK_DELAY_MS = 2_000;
const AHEAD_DELAY_MS = 250;
const PAUSE = { firstMs: 250, maxMs: 5_000 };

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

export type StockIngest = { stats: StockIngestStats; stop: () => Promise<void> };

const isDataError = (error: unknown) => /^2[23]/.test((error as { code?: string }).code ?? '');

async function acknowledge(msg: JsMsg, log: Logger) {
  await msg.ackAck({ timeout: JETSTREAM_TIMEOUT_MS }).catch((error: unknown) => {
    log.warn({ err: (error as Error).message }, 'stock: ack unconfirmed; a resend is absorbed');
  });
}

/** Handles one message; resolves false when the database failed (the message comes back). */
async function handle(pool: Pool, msg: JsMsg, stats: StockIngestStats, log: Logger) {
  const refuse = async (reason: string, store?: string) => {
    stats.refused++;
    log.warn({ subject: msg.subject, store, reason }, 'stock: a batch refused');
    await acknowledge(msg, log);
    return true;
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
        return true;
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
    return false;
  }
  await acknowledge(msg, log);
  return true;
}

async function fetchOnce(consumer: Consumer, pool: Pool, stats: StockIngestStats, log: Logger) {
  const messages = await consumer.fetch({ max_messages: FETCH_MESSAGES, expires: FETCH_EXPIRES_MS });
  const deadline = setTimeout(() => void messages.stop(), FETCH_DEADLINE_MS);
  let databaseDown = false;
  try {
    for await (const msg of messages) {
      if (databaseDown) msg.nak(NAK_DELAY_MS);
      else databaseDown = !(await handle(pool, msg, stats, log));
    }
  } finally {
    clearTimeout(deadline);
  }
  return databaseDown;
}

/** Starts pulling at once; the loop survives node failures, lost connections and database outages. */
export function startStockIngest(js: JetStreamClient, pool: Pool, log: Logger): StockIngest {
  const stats: StockIngestStats = {
    stored: 0,
    lines: 0,
    duplicates: 0,
    ahead: 0,
    refused: 0,
    retried: 0,
  };
  let stopped = false;
  const run = async () => {
    let wait = PAUSE.firstMs;
    let consumer: Consumer | undefined;
    let lastError = '';
    while (!stopped) {
      try {
        consumer ??= await js.consumers.get(STREAMS.stock, HQ_DURABLES.stock);
        if (!(await fetchOnce(consumer, pool, stats, log))) {
          wait = PAUSE.firstMs;
          lastError = '';
          continue;
        }
      } catch (error) {
        const message = (error as Error).message;
        if (message !== lastError) log.warn({ err: message }, 'stock: pull failed, retrying');
        lastError = message;
        consumer = undefined; // look it up again: its leader may have moved
      }
      await sleep(wait);
      wait = Math.min(wait * 2, PAUSE.maxMs);
    }
  };
  const running = run();
  return {
    stats,
    stop: async () => {
      stopped = true;
      await running;
    },
  };
}
