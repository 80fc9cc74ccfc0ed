// Every head-office process pulls the one shared `hq-events` durable (plan §3.5; the loop is
// link/durable-pull.ts): each batch is stored in its own transaction and acknowledged only after
// COMMIT. When the database fails, nothing is acknowledged: the batch is nak'ed with a delay and
// comes back, here or at another process. A lost ack only means a redelivery, which the primary
// key absorbs.
import type { JetStreamClient, JsMsg } from '@nats-io/jetstream';
import { HQ_DURABLES, parseStoreSubject, STREAMS } from '@vitrine/shared/core';
import type { Logger } from '@vitrine/shared/node';
import type { Pool } from '../db/pool';
import {
  acknowledge,
  NAK_DELAY_MS,
  startDurablePull,
  type DurablePull,
  type PullOutcome,
} from '../link/durable-pull';
import { storeEventsBatch } from './store-batch';

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

export type EventsIngest = DurablePull & { stats: IngestStats };

async function handle(
  pool: Pool,
  msg: JsMsg,
  stats: IngestStats,
  log: Logger,
): Promise<PullOutcome> {
  const subject = parseStoreSubject(msg.subject);
  if (!subject || subject.kind !== 'events') {
    stats.refused++;
    log.warn({ subject: msg.subject }, 'events: a message on a subject no store owns, dropped');
    msg.term('not a store events subject');
    return 'done';
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
    return 'retry';
  }
  stats.batches++;
  stats.stored += outcome.stored;
  stats.duplicates += outcome.duplicates;
  stats.deadLetters += outcome.deadLetters;
  if (outcome.deadLetters > 0)
    log.warn({ store: subject.storeId, count: outcome.deadLetters }, 'events: dead letters');
  await acknowledge(msg, log, 'events');
  return 'done';
}

export function startEventsIngest(js: JetStreamClient, pool: Pool, log: Logger): EventsIngest {
  const stats: IngestStats = {
    batches: 0,
    stored: 0,
    duplicates: 0,
    deadLetters: 0,
    retried: 0,
    refused: 0,
  };
  const pull = startDurablePull(js, {
    stream: STREAMS.events,
    durable: HQ_DURABLES.events,
    what: 'events',
    log,
    handle: (msg) => handle(pool, msg, stats, log),
  });
  return { stats, stop: pull.stop };
}
