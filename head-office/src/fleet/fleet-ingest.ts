// Every head-office process pulls the one shared `hq-fleet` durable (plan §3.7), like the events
// ingestion: each store's summary replaces its screens in one transaction, acknowledged after the
// COMMIT. A message that can never be applied (not a store's fleet subject, not a summary, a store
// head office does not know, a value PostgreSQL refuses) is acknowledged, counted and logged, so
// it never blocks the stream; a database that does not answer gets the message back later.
import type { Consumer, JetStreamClient, JsMsg } from '@nats-io/jetstream';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  decodeLinkMessage,
  FleetSummary,
  HQ_DURABLES,
  parseStoreSubject,
  STREAMS,
} from '@vitrine/shared/core';
import type { Logger } from '@vitrine/shared/node';
import type { Pool } from '../db/pool';
import { JETSTREAM_TIMEOUT_MS } from '../link/connection';
import { applyFleetSummary } from './apply-summary';

const FETCH_MESSAGES = 50;
const FETCH_EXPIRES_MS = 1_000;
/** A fetch that has not ended this long after its expiry is stopped (a node died under it). */
const FETCH_DEADLINE_MS = FETCH_EXPIRES_MS + JETSTREAM_TIMEOUT_MS;
const NAK_DELAY_MS = 2_000;
const PAUSE = { firstMs: 250, maxMs: 5_000 };

export type FleetStats = {
  /** Summaries applied to `screens`. */
  applied: number;
  /** Older than the one held (delivered late): acknowledged, nothing changed. */
  stale: number;
  /** Bad messages: acknowledged, counted, logged, never applied. */
  refused: number;
  /** Handed back (nak) because the database failed. */
  retried: number;
};

export type FleetIngest = { stats: FleetStats; stop: () => Promise<void> };

/** Errors of the data, not of the database: SQLSTATE classes 22 (data) and 23 (constraint). */
const isDataError = (error: unknown) => /^2[23]/.test((error as { code?: string }).code ?? '');

async function acknowledge(msg: JsMsg, log: Logger) {
  await msg.ackAck({ timeout: JETSTREAM_TIMEOUT_MS }).catch((error: unknown) => {
    log.warn({ err: (error as Error).message }, 'fleet: ack unconfirmed; a resend is absorbed');
  });
}

/** Handles one message; resolves false when the database failed (the message comes back). */
async function handle(pool: Pool, msg: JsMsg, stats: FleetStats, log: Logger): Promise<boolean> {
  const refuse = async (reason: string, store?: string) => {
    stats.refused++;
    log.warn({ subject: msg.subject, store, reason }, 'fleet: a summary refused');
    await acknowledge(msg, log);
    return true;
  };
  const subject = parseStoreSubject(msg.subject);
  if (!subject || subject.kind !== 'fleet') return refuse('not a store fleet subject');
  const summary = decodeLinkMessage(FleetSummary, msg.data);
  if (!summary.ok) return refuse(summary.error, subject.storeId);
  try {
    const outcome = await applyFleetSummary(pool, subject.storeId, summary.value);
    if (outcome.kind === 'unknown-store')
      return refuse('no such store at head office', subject.storeId);
    if (outcome.kind === 'stale') stats.stale++;
    else stats.applied++;
  } catch (error) {
    if (isDataError(error)) return refuse((error as Error).message, subject.storeId);
    stats.retried++;
    msg.nak(NAK_DELAY_MS);
    log.warn(
      { store: subject.storeId, err: (error as Error).message },
      'fleet: the database refused a summary; it will come back',
    );
    return false;
  }
  await acknowledge(msg, log);
  return true;
}

async function fetchOnce(consumer: Consumer, pool: Pool, stats: FleetStats, log: Logger) {
  const messages = await consumer.fetch({
    max_messages: FETCH_MESSAGES,
    expires: FETCH_EXPIRES_MS,
  });
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
export function startFleetIngest(js: JetStreamClient, pool: Pool, log: Logger): FleetIngest {
  const stats: FleetStats = { applied: 0, stale: 0, refused: 0, retried: 0 };
  let stopped = false;
  const run = async () => {
    let wait = PAUSE.firstMs;
    let consumer: Consumer | undefined;
    let lastError = '';
    while (!stopped) {
      try {
        consumer ??= await js.consumers.get(STREAMS.fleet, HQ_DURABLES.fleet);
        if (!(await fetchOnce(consumer, pool, stats, log))) {
          wait = PAUSE.firstMs;
          lastError = '';
          continue;
        }
      } catch (error) {
        const message = (error as Error).message;
        if (message !== lastError) log.warn({ err: message }, 'fleet: pull failed, retrying');
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
