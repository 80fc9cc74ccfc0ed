// The store's connection to head office's NATS cluster: its own nkey, its own inbox prefix (a
// shared `_INBOX.>` would let one store read another's replies), reconnecting for as long as the
// line is cut, and saying plainly in the log when head office refuses this store's credentials.
import {
  connect,
  nkeyAuthenticator,
  type ConnectionOptions,
  type NatsConnection,
} from '@nats-io/transport-node';
import { backoff, pause, STORE_LINK_RECONNECT } from '@vitrine/shared/core';
import type { Logger } from '@vitrine/shared/node';
import type { HqLink } from './link-file';

/** How fast a cut line is noticed: a ping every 5 s, gone after 2 unanswered (~10–15 s). */
const PING_INTERVAL_MS = 5_000;
const MAX_PINGS_OUT = 2;

export type LinkState = 'connecting' | 'up' | 'down' | 'refused' | 'closed';

export type HqConnection = {
  /** Resolves at the first connection; the server starts without waiting for it. */
  ready: Promise<NatsConnection>;
  state: () => LinkState;
  close: () => Promise<void>;
};

const AUTH_REFUSED =
  /authorization violation|authentication (expired|revoked)|user authentication/i;

/** `onBack` runs at each reconnection (the outbox drain wakes from its backoff). */
export function connectToHq(link: HqLink, log: Logger, onBack?: () => void): HqConnection {
  let state: LinkState = 'connecting';
  const stop = new AbortController();
  const waits = backoff(STORE_LINK_RECONNECT);
  const options: ConnectionOptions = {
    servers: link.natsUrls,
    name: `store ${link.storeId}`,
    authenticator: nkeyAuthenticator(link.seed),
    inboxPrefix: `_INBOX_${link.storeId}`,
    maxReconnectAttempts: -1,
    // A revoked store keeps trying slowly: the refusal is logged, and a re-enrolment needs no restart.
    ignoreAuthErrorAbort: true,
    reconnectDelayHandler: () => waits.next(),
    pingInterval: PING_INTERVAL_MS,
    maxPingOut: MAX_PINGS_OUT,
    // Through a proxy or NAT the nodes' own addresses mean nothing: keep to the configured URLs.
    ignoreClusterUpdates: true,
  };

  function refused(message: string): void {
    if (state !== 'refused')
      log.error(
        { store: link.storeId, error: message },
        'head office refused this store’s credentials (revoked or rotated): re-enrol with npm run hq-enrol',
      );
    state = 'refused';
  }

  /** Until the first connection, our own loop (a store starts while head office is away). */
  async function firstConnection(): Promise<NatsConnection> {
    let lastError = '';
    while (!stop.signal.aborted) {
      try {
        const nc = await connect(options);
        state = 'up';
        waits.reset();
        log.info({ server: nc.getServer() }, 'head office link: connected');
        void watch(nc);
        return nc;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (AUTH_REFUSED.test(message)) refused(message);
        else if (message !== lastError)
          log.warn({ error: message }, 'head office link: cannot connect yet, trying again');
        lastError = message;
        await pause(waits.next(), stop.signal);
      }
    }
    throw new Error('head office link closed before it connected');
  }

  async function watch(nc: NatsConnection): Promise<void> {
    for await (const status of nc.status()) {
      if (status.type === 'disconnect') {
        if (state !== 'refused') state = 'down';
        log.warn({ server: status.server }, 'head office link: lost, reconnecting');
      } else if (status.type === 'reconnect') {
        state = 'up';
        waits.reset();
        log.info({ server: status.server }, 'head office link: back');
        onBack?.();
      } else if (status.type === 'error') {
        if (AUTH_REFUSED.test(status.error.message)) refused(status.error.message);
        else log.warn({ error: status.error.message }, 'head office link: error');
      }
    }
    state = 'closed';
  }

  const ready = firstConnection();
  ready.catch(() => undefined);
  return {
    ready,
    state: () => state,
    close: async () => {
      stop.abort();
      const nc = await ready.catch(() => null);
      if (nc && !nc.isClosed()) await nc.drain().catch(() => nc.close());
      state = 'closed';
    },
  };
}
