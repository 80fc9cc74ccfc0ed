// Every head-office process pulls the one shared `hq-events` durable (plan §3.5): a fetch of up to
// 50 batches, each stored in its own transaction and acknowledged only after COMMIT. When the
// database fails, nothing is acknowledged: the batch is nak'ed with a delay and comes back, here
// or at another process. A lost ack only means a redelivery, which the primary key absorbs.
import type { Consumer, JetStreamClient, JsMsg } from '@nats-io/jetstream';
import { setTimeout as sleep } from 'node:timers/promises';
import { HQ_DURABLES, parseStoreSubject, STREAMS } from '@vitrine/shared/core';
import type { Logger } from '@vitrine/shared/node';
import type { Pool } from '../db/pool';
import { JETSTREAM_TIMEOUT_MS } from '../link/connection';
import { storeEventsBatch } from './store-batch';

const FETCH_MESSAGES = 50;
/** The server's minimum; a short wait keeps an idle process answering stop() quickly. */
const FETCH_EXPIRES_MS = 1_000;
/** A fetch that has not ended this long after its expiry is stopped (a node died under it). */
const FETCH_DEADLINE_MS = FETCH_EXPIRES_MS + JETSTREAM_TIMEOUT_MS;
/** How long a batch the database refused waits before it is delivered again. */
const NAK_DELAY_MS = 2_000;
const PAUSE = { firstMs: 250, maxMs: 5_000 };

export type IngestStats = {
  /** Messages taken and acknowledged. */
  batches: number;
  stored: number;
  /** Events already held, absorbed by the primary key (a resend under a new message id). */
  duplicates: number;
  deadLetters: number;
  /** Batches handed back (nak) because the database failed. */
  retried: number;
  /** Messages on a subject no store may publish on: terminated, never stored. */
  refused: number;
};

export type EventsIngest = {
  stats: IngestStats;
  stop: () => Promise<void>;
};

type HandleResult = 'acked' | 'database-down';

async function handle(pool: Pool, msg: JsMsg, stats: IngestStats, log: Logger) {
  const subject = parseStoreSubject(msg.subject);
  if (!subject || subject.kind !== 'events') {
    stats.refused++;
    log.warn({ subject: msg.subject }, 'events: a message on a subject no store owns, dropped');
    msg.term('not a store events subject');
    return 'acked' satisfies HandleResult;
  }
  let outcome;
  try {
    outcome = await storeEventsBatch(pool, subject.storeId, msg.data);
  } catch (error) {
    stats.retried++;
    msg.nak(NAK_DELAY_MS);
    log.warn(
      { store: subject.storeId, err: (error as Error).message },
      'events: the database refused a batch; it will come back',
    );
    return 'database-down' satisfies HandleResult;
  }
  stats.batches++;
  stats.stored += outcome.stored;
  stats.duplicates += outcome.duplicates;
  stats.deadLetters += outcome.deadLetters;
  if (outcome.deadLetters > 0)
    log.warn({ store: subject.storeId, count: outcome.deadLetters }, 'events: dead letters');
  // Committed: acknowledge. If the ack is lost the batch comes back and is absorbed.
  await msg.ackAck({ timeout: JETSTREAM_TIMEOUT_MS }).catch((error: unknown) => {
    log.warn({ err: (error as Error).message }, 'events: ack unconfirmed; a resend is absorbed');
  });
  return 'acked' satisfies HandleResult;
}

/** One fetch: its messages handled in order. Resolves with whether the database failed. */
async function fetchOnce(consumer: Consumer, pool: Pool, stats: IngestStats, log: Logger) {
  const messages = await consumer.fetch({
    max_messages: FETCH_MESSAGES,
    expires: FETCH_EXPIRES_MS,
  });
  const deadline = setTimeout(() => void messages.stop(), FETCH_DEADLINE_MS);
  let databaseDown = false;
  try {
    for await (const msg of messages) {
      if (databaseDown) {
        msg.nak(NAK_DELAY_MS); // no use trying the rest of this fetch now
        continue;
      }
      databaseDown = (await handle(pool, msg, stats, log)) === 'database-down';
    }
  } finally {
    clearTimeout(deadline);
  }
  return databaseDown;
}

/** Starts pulling at once; the loop survives node failures, lost connections and database outages. */
export function startEventsIngest(js: JetStreamClient, pool: Pool, log: Logger): EventsIngest {
  const stats: IngestStats = {
    batches: 0,
    stored: 0,
    duplicates: 0,
    deadLetters: 0,
    retried: 0,
    refused: 0,
  };
  let stopped = false;
  const run = async () => {
    let wait = PAUSE.firstMs;
    let consumer: Consumer | undefined;
    let lastError = '';
    while (!stopped) {
      try {
        consumer ??= await js.consumers.get(STREAMS.events, HQ_DURABLES.events);
        const databaseDown = await fetchOnce(consumer, pool, stats, log);
        if (!databaseDown) {
          wait = PAUSE.firstMs;
          lastError = '';
          continue;
        }
      } catch (error) {
        const message = (error as Error).message;
        if (message !== lastError) log.warn({ err: message }, 'events: pull failed, retrying');
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
