// A chain store's link to head office, started by the store server when it has `--hq-link`:
// the connection, the outbox it drains, and the pull of what head office sends into the intake.
// Campaign media and the chain's part of a fresh snapshot come from the link's object stores
// (media-fetch.ts, snapshot-fetch.ts); the store's own stock goes out through its stock outbox
// and its neighbours' comes in live (neighbour-stock.ts).
import { jetstream, type JetStreamClient } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type { MediaStore } from '../campaigns/media-store';
import type { Db } from '../db/database';
import type { DocStore } from '../sync/doc-store';
import type { PresenceTracker } from '../devices/presence';
import type { DeviceRegistry } from '../devices/registry';
import { FleetReport, type CounterHealth } from './fleet-report';
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
import { STOCK_RECONFIRM_MS } from '@vitrine/shared/core';
import { NeighbourStock } from './neighbour-stock';
import { StockDrain } from './stock-drain';
import { StockOutbox } from './stock-outbox';
import { keepHeadOfficeStore } from './head-office-store';

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
  stock: StockDrain;
  neighbourStock: NeighbourStock;
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
  /** The people counters' health, reported with the screens. */
  counters?: () => CounterHealth[];
};

export type HqLinkOptions = {
  /** How often an unchanged store re-confirms its stock (default 15 min; tests shorten it). */
  stockReconfirmMs?: number;
  /** The time zone and currency this server runs with (a hello may say head office's differ). */
  running?: { timeZone: string; currency: string | undefined };
};

export function startHqLink(
  parts: HqLinkParts,
  link: HqLink,
  log: Logger,
  options: HqLinkOptions = {},
): HqLinkRuntime {
  const { db, docs, media } = parts;
  const storeId = link.storeId;
  const outbox = new HqOutbox(db);
  outbox.enrol(storeId);
  const stockOutbox = new StockOutbox(db, storeId);
  stockOutbox.oweWholeStock();
  const connection = connectToHq(link, log, () => {
    drain.wake();
    stock.wake();
    neighbourStock.reconnected();
    if (live) void hello.send(live.nc);
  });
  let live: { nc: NatsConnection; js: JetStreamClient } | null = null;
  void connection.ready.then(
    (nc) => {
      live = { nc, js: jetstream(nc, { timeout: JETSTREAM_TIMEOUT_MS }) };
      void hello.send(nc).then(() => neighbourStock.refresh());
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
  const upJs = () => (connection.state() === 'up' ? (live?.js ?? null) : null);
  const stock = new StockDrain(
    stockOutbox,
    storeId,
    upJs,
    options.stockReconfirmMs ?? STOCK_RECONFIRM_MS,
    log,
  );
  stock.start();
  // A committed change to stock documents may be this store's own: send it without waiting.
  const stopWaking = docs.onChange((change) => {
    if (change.docs.length === 0 || change.docs.some((doc) => doc.c === 'stock')) stock.wake();
  });
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
  const hello = new HqHello(storeId, intake, log, (store) => {
    if (options.running) keepHeadOfficeStore(link, store, options.running, log);
  });
  const pull = new HqPull(storeId, () => live, intake, log);
  pull.start();
  const neighbourStock = new NeighbourStock({
    db,
    docs,
    storeId,
    nc: () => live?.nc ?? null,
    named: () => hello.reply()?.neighbours,
    log,
  });
  neighbourStock.start();
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
    stock,
    neighbourStock,
    close: async () => {
      hello.close();
      stopWaking();
      await Promise.all([
        drain.close(),
        pull.close(),
        fleet.close(),
        stock.close(),
        neighbourStock.close(),
      ]);
      await connection.close();
    },
  };
}
