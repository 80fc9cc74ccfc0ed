// Head office's connection to the chain's NATS cluster: its own nkey (a seed file of its own, read
// again at each reconnection so a rotation needs no restart), reconnecting for as long as the
// cluster is away, every status change in the log, and a deadline on every JetStream call.
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  jetstream,
  jetstreamManager,
  type JetStreamClient,
  type JetStreamManager,
} from '@nats-io/jetstream';
import { connect, nkeyAuthenticator, type NatsConnection } from '@nats-io/transport-node';
import type { Logger } from '@vitrine/shared/node';

/** No JetStream API call waits longer than this for its answer (a lost request hangs otherwise). */
export const JETSTREAM_TIMEOUT_MS = 5_000;

export type LinkConnection = {
  nc: NatsConnection;
  js: JetStreamClient;
  jsm: JetStreamManager;
  /** False from a disconnect until the next reconnect. */
  connected: () => boolean;
  close: () => Promise<void>;
};

export type LinkConnectionOptions = {
  urls: readonly string[];
  seedFile: string;
  log: Logger;
  /** Our own process's name in the cluster's connection list. */
  name?: string;
};

const seedFrom = (file: string) => () =>
  new TextEncoder().encode(readFileSync(file, 'utf8').trim());

async function followStatus(
  nc: NatsConnection,
  log: Logger,
  setConnected: (up: boolean) => void,
): Promise<void> {
  for await (const status of nc.status()) {
    switch (status.type) {
      case 'disconnect':
        setConnected(false);
        log.warn({ server: status.server }, 'NATS link: lost, reconnecting');
        break;
      case 'reconnect':
        setConnected(true);
        log.info({ server: status.server }, 'NATS link: back');
        break;
      case 'error':
        log.error({ err: status.error.message }, 'NATS link: error');
        break;
      case 'ldm':
        log.warn({ server: status.server }, 'NATS link: the server is entering lame duck mode');
        break;
      default:
        log.debug({ status: status.type }, 'NATS link: status');
    }
  }
}

/** The first connection: tried again every second until it works or `signal` aborts. */
async function firstConnection(
  options: LinkConnectionOptions,
  signal: AbortSignal,
): Promise<NatsConnection> {
  const seed = seedFrom(options.seedFile);
  seed(); // throws now if the file is missing or unreadable: configuration, not something to retry
  let lastError = '';
  for (;;) {
    if (signal.aborted) throw new Error('head office stopped before NATS answered');
    try {
      return await connect({
        ...connectionOptions(options),
        authenticator: nkeyAuthenticator(seed),
      });
    } catch (error) {
      const message = (error as Error).message;
      if (message !== lastError)
        options.log.warn({ err: message }, 'NATS link: cannot connect yet, trying again');
      lastError = message;
      await sleep(1_000);
    }
  }
}

const connectionOptions = (options: LinkConnectionOptions) => ({
  servers: [...options.urls],
  name: options.name ?? `head office ${process.pid}`,
  maxReconnectAttempts: -1,
  reconnectTimeWait: 500,
  pingInterval: 5_000,
  maxPingOut: 2,
  timeout: JETSTREAM_TIMEOUT_MS,
  // The nodes run with no_advertise; through a proxy their own addresses mean nothing.
  ignoreClusterUpdates: true,
});

/**
 * Connects, trying again until the cluster answers (head office starts without it), then keeps
 * reconnecting forever.
 */
export async function connectLink(
  options: LinkConnectionOptions,
  signal: AbortSignal,
): Promise<LinkConnection> {
  const nc = await firstConnection(options, signal);
  options.log.info({ server: nc.getServer() }, 'NATS link: connected');
  let connected = true;
  void followStatus(nc, options.log, (up) => (connected = up));
  const js = jetstream(nc, { timeout: JETSTREAM_TIMEOUT_MS });
  const jsm = await jetstreamManager(nc, { timeout: JETSTREAM_TIMEOUT_MS, checkAPI: false });
  return {
    nc,
    js,
    jsm,
    connected: () => connected && !nc.isClosed(),
    close: async () => {
      if (nc.isClosed()) return;
      await nc.drain().catch(() => nc.close());
    },
  };
}
