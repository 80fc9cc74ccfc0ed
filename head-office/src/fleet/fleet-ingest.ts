// Every head-office process pulls the one shared `hq-fleet` durable (plan §3.7; the loop is
// link/durable-pull.ts): each store's summary replaces its screens in one transaction,
// acknowledged after the COMMIT. A message that can never be applied (not a store's fleet
// subject, not a summary, a store head office does not know, a value PostgreSQL refuses) is
// acknowledged, counted and logged, so it never blocks the stream; a database that does not
// answer gets the message back later.
import type { JetStreamClient, JsMsg } from '@nats-io/jetstream';
import {
  decodeLinkMessage,
  FleetSummary,
  HQ_DURABLES,
  parseStoreSubject,
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
import { applyFleetSummary } from './apply-summary';

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

export type FleetIngest = DurablePull & { stats: FleetStats };

async function handle(
  pool: Pool,
  msg: JsMsg,
  stats: FleetStats,
  log: Logger,
): Promise<PullOutcome> {
  const refuse = async (reason: string, store?: string): Promise<PullOutcome> => {
    stats.refused++;
    log.warn({ subject: msg.subject, store, reason }, 'fleet: a summary refused');
    await acknowledge(msg, log, 'fleet');
    return 'done';
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
    return 'retry';
  }
  await acknowledge(msg, log, 'fleet');
  return 'done';
}

export function startFleetIngest(js: JetStreamClient, pool: Pool, log: Logger): FleetIngest {
  const stats: FleetStats = { applied: 0, stale: 0, refused: 0, retried: 0 };
  const pull = startDurablePull(js, {
    stream: STREAMS.fleet,
    durable: HQ_DURABLES.fleet,
    what: 'fleet',
    log,
    handle: (msg) => handle(pool, msg, stats, log),
  });
  return { stats, stop: pull.stop };
}
