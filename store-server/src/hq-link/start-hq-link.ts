// A chain store's link to head office, started by the store server when it has `--hq-link`:
// the connection, the outbox it drains, and the pull of what head office sends into the intake.
// Campaign media and the chain's part of a fresh snapshot come from the link's object stores
// (media-fetch.ts, snapshot-fetch.ts); neighbours' stock comes in a later step.
import { jetstream, type JetStreamClient } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type { MediaStore } from '../campaigns/media-store';
import type { Db } from '../db/database';
import type { DocStore } from '../sync/doc-store';
import type { PresenceTracker } from '../devices/presence';
import type { DeviceRegistry } from '../devices/registry';
import { FleetReport } from './fleet-report';
import { HqHello } from './hello';
import { HqPull } from './hq-pull';
import { LinkIntake } from './intake';
import type { Logger } from '@vitrine/shared/node';
import { connectToHq, type LinkState } from './connection';
import { HqLinkFileError, readHqLink, type HqLink } from './link-file';
import { HqOutbox } from './outbox';
import { OutboxDrain } from './outbox-drain';
import { linkMediaFetch } from './media-fetch';
import { linkSnapshotFetch } from './snapshot-fetch';

/** A JetStream call that gets no answer gives up after this (a refused pull hangs otherwise). */
const JETSTREAM_TIMEOUT_MS = 10_000;

export type HqLinkRuntime = {
  storeId: string;
  state: () => LinkState;
  /** Events head office has not acknowledged yet. */
  owed: () => number;
  drain: OutboxDrain;
  pull: HqPull;
  intake: LinkIntake;
  hello: HqHello;
  close: () => Promise<void>;
};

/** The link file, checked to be this store's (HqLinkFileError says what is wrong). */
export function readHqLinkFor(storeId: string, file: string): HqLink {
  const link = readHqLink(file);
  if (link.storeId !== storeId)
    throw new HqLinkFileError(
      `--hq-link ${file} is for store ${link.storeId}; this server serves ${storeId}`,
    );
  return link;
}

/** The store's parts the link reads from and writes to. */
export type HqLinkParts = {
  db: Db;
  docs: DocStore;
  registry: DeviceRegistry;
  presence: PresenceTracker;
  media: MediaStore;
};

export function startHqLink(parts: HqLinkParts, link: HqLink, log: Logger): HqLinkRuntime {
  const { db, docs, media } = parts;
  const storeId = link.storeId;
  const outbox = new HqOutbox(db);
  outbox.enrol(storeId);
  const connection = connectToHq(link, log, () => {
    drain.wake();
    if (live) void hello.send(live.nc);
  });
  let live: { nc: NatsConnection; js: JetStreamClient } | null = null;
  void connection.ready.then(
    (nc) => {
      live = { nc, js: jetstream(nc, { timeout: JETSTREAM_TIMEOUT_MS }) };
      void hello.send(nc);
    },
    () => undefined,
  );
  // Nothing is published while the line is down: a request made then is lost with the old
  // socket and waits out its whole timeout, keeping the drain from the healed line.
  const drain = new OutboxDrain(
    outbox,
    storeId,
    () => (connection.state() === 'up' ? (live?.js ?? null) : null),
    log,
  );
  drain.start();
  const fetchMedia = linkMediaFetch({ media, jetstream: () => live?.js ?? null, log });
  const fetchSnapshot = linkSnapshotFetch(() => live?.js ?? null);
  const intake = new LinkIntake({
    db,
    docs,
    storeId,
    anchor: link.trustAnchor,
    fetchMedia,
    fetchSnapshot,
  });
  const hello = new HqHello(storeId, intake, log);
  const pull = new HqPull(storeId, () => live, intake, log);
  pull.start();
  const fleet = new FleetReport(storeId, parts, () => live?.js ?? null, log);
  fleet.start();
  return {
    storeId,
    state: connection.state,
    owed: () => outbox.owed(),
    drain,
    pull,
    intake,
    hello,
    close: async () => {
      hello.close();
      await Promise.all([drain.close(), pull.close(), fleet.close()]);
      await connection.close();
    },
  };
}
