// Head office's side of the link, started by the server when NATS URLs are configured: the
// connection (in the background: the HTTP API does not wait for the cluster), the streams and
// durables made to match their declaration, then the events, fleet and stock ingestion every
// process runs, the outbox publisher and the fresh snapshots' sender (one process at a time each,
// roles `publisher` and `snapshots`).
import { setTimeout as sleep } from 'node:timers/promises';
import type { HeadOfficeKey, Logger } from '@vitrine/shared/node';
import type { Pool } from '../db/pool';
import type { NatsConnection } from '@nats-io/transport-node';
import { startEventsIngest, type EventsIngest, type IngestStats } from '../events/ingest';
import {
  startOutboxPublisher,
  type OutboxPublisher,
  type PublisherStats,
} from '../outbox/publisher';
import { startFleetIngest, type FleetIngest, type FleetStats } from '../fleet/fleet-ingest';
import { startSnapshotSender, type SnapshotSender } from '../catalogue/snapshots-role';
import { startStockIngest, type StockIngest, type StockIngestStats } from '../stock/stock-ingest';
import { connectLink, type LinkConnection } from './connection';
import { answerStoreRequests, type StoreRequests } from './requests';
import { ensureLinkStreams } from './streams';
import type { NatsConfig } from '../stores/nats-config';

/** Disk budgets of the store → HQ work queues (discard new: a full stream refuses, stores keep). */
const EVENTS_MAX_BYTES = 1024 * 1024 * 1024;
const STOCK_MAX_BYTES = 256 * 1024 * 1024;
const RETRY_MS = 1_000;

type LinkState = 'connecting' | 'up' | 'down' | 'closed';

export type Link = {
  state: () => LinkState;
  events: () => IngestStats | undefined;
  fleet: () => FleetStats | undefined;
  stock: () => StockIngestStats | undefined;
  /** The connection, once the link's streams are set (stores' durables go on them). */
  nats: () => NatsConnection | undefined;
  /** What the outbox publisher (role `publisher`) has sent, once it runs. */
  published: () => PublisherStats | undefined;
  stop: () => Promise<void>;
};

export type LinkSettings = {
  urls: readonly string[];
  seedFile: string;
  /** Head office's campaign key: fresh snapshots carry signed tombstones. */
  signingKey: HeadOfficeKey;
};

export function startLink(
  settings: LinkSettings,
  pool: Pool,
  log: Logger,
  natsConfig?: NatsConfig,
): Link {
  const stopping = new AbortController();
  let connection: LinkConnection | undefined;
  let ingest: EventsIngest | undefined;
  let fleet: FleetIngest | undefined;
  let stock: StockIngest | undefined;
  let publisher: OutboxPublisher | undefined;
  let requests: StoreRequests | undefined;
  let snapshots: SnapshotSender | undefined;
  // Replicas follow the cluster's size as configured: 3 nodes give R3, a single test node R1.
  const replicas = Math.min(3, settings.urls.length);

  const run = async () => {
    connection = await connectLink(
      { urls: settings.urls, seedFile: settings.seedFile, log },
      stopping.signal,
    );
    let lastError = '';
    while (!stopping.signal.aborted) {
      try {
        await ensureLinkStreams(
          connection.jsm,
          { replicas, eventsMaxBytes: EVENTS_MAX_BYTES, stockMaxBytes: STOCK_MAX_BYTES },
          log,
        );
        break;
      } catch (error) {
        // No quorum yet (a node still starting): JetStream answers once it has one.
        const message = (error as Error).message;
        if (message !== lastError) log.warn({ err: message }, 'link streams: not set yet');
        lastError = message;
        await sleep(RETRY_MS);
      }
    }
    if (stopping.signal.aborted) return;
    ingest = startEventsIngest(connection.js, pool, log);
    fleet = startFleetIngest(connection.js, pool, log);
    stock = startStockIngest(connection.js, pool, log);
    publisher = startOutboxPublisher({ pool, js: connection.js, log });
    const { nc, jsm } = connection;
    snapshots = startSnapshotSender({
      ...{ pool, js: connection.js, jsm, log, replicas },
      key: settings.signingKey,
    });
    requests = answerStoreRequests({ nc, jsm, pool, natsConfig, log });
  };
  const running = run().catch((error: unknown) => {
    if (!stopping.signal.aborted)
      log.error({ err: (error as Error).message }, 'NATS link: cannot start');
  });

  return {
    state: () => {
      if (!connection) return stopping.signal.aborted ? 'closed' : 'connecting';
      if (connection.nc.isClosed()) return 'closed';
      return connection.connected() ? 'up' : 'down';
    },
    events: () => ingest?.stats,
    fleet: () => fleet?.stats,
    stock: () => stock?.stats,
    nats: () => (ingest ? connection?.nc : undefined),
    published: () => publisher?.stats,
    stop: async () => {
      stopping.abort();
      await running;
      await requests?.stop();
      await snapshots?.stop();
      await publisher?.stop();
      await ingest?.stop();
      await fleet?.stop();
      await stock?.stop();
      await connection?.close();
    },
  };
}
