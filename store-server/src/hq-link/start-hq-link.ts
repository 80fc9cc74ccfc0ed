// A chain store's link to head office, started by the store server when it has `--hq-link`:
// the connection, the outbox it drains, and the pull of what head office sends into the intake.
// (Campaign media from the object store, snapshots and neighbours' stock come in later steps.)
import { jetstream, type JetStreamClient } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type { Db } from '../db/database';
import type { DocStore } from '../sync/doc-store';
import { HqPull } from './hq-pull';
import { LinkIntake } from './intake';
import type { Logger } from '@vitrine/shared/node';
import { connectToHq, type LinkState } from './connection';
import { HqLinkFileError, readHqLink, type HqLink } from './link-file';
import { HqOutbox } from './outbox';
import { OutboxDrain } from './outbox-drain';

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

export function startHqLink(db: Db, docs: DocStore, link: HqLink, log: Logger): HqLinkRuntime {
  const storeId = link.storeId;
  const outbox = new HqOutbox(db);
  outbox.enrol(storeId);
  const connection = connectToHq(link, log, () => drain.wake());
  let live: { nc: NatsConnection; js: JetStreamClient } | null = null;
  void connection.ready.then(
    (nc) => {
      live = { nc, js: jetstream(nc, { timeout: JETSTREAM_TIMEOUT_MS }) };
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
  const intake = new LinkIntake({ db, docs, storeId, anchor: link.trustAnchor });
  const pull = new HqPull(storeId, () => live, intake, log);
  pull.start();
  return {
    storeId,
    state: connection.state,
    owed: () => outbox.owed(),
    drain,
    pull,
    intake,
    close: async () => {
      await Promise.all([drain.close(), pull.close()]);
      await connection.close();
    },
  };
}
