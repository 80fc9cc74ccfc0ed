// Fresh snapshots are sent by one head-office process at a time (role `snapshots`, an advisory
// lock like the publisher's): a hello or a resync that finds a store past the streams' history
// only notes that the store wants one (wantSnapshot), however many times the store asks; the
// holder of the role sends it, once, and notes when.
import type { JetStreamClient, JetStreamManager } from '@nats-io/jetstream';
import type { ObjectStore } from '@nats-io/obj';
import { pause } from '@vitrine/shared/core';
import type { HeadOfficeKey, Logger } from '@vitrine/shared/node';
import type { Pool } from '../db/pool';
import { holdRole } from '../db/roles';
import { ensureSnapshotBucket } from './chain-snapshot';
import { sendStoreSnapshot } from './store-snapshot';

const SNAPSHOTS_ROLE = 'snapshots';
/** A store that asks again this soon after a snapshot was sent is still reading that one. */
const RESEND_AFTER_S = 30;
const POLL_MS = 500;

/** Notes that a store needs a fresh snapshot (a no-op while one is pending or just sent). */
export async function wantSnapshot(pool: Pool, storeId: string): Promise<boolean> {
  const result = await pool.query(
    `INSERT INTO store_snapshots AS s (store_id, wanted_at) VALUES ($1, now())
     ON CONFLICT (store_id) DO UPDATE SET wanted_at = now()
      WHERE (s.wanted_at IS NULL OR s.sent_at >= s.wanted_at)
        AND (s.sent_at IS NULL OR s.sent_at < now() - make_interval(secs => $2))`,
    [storeId, RESEND_AFTER_S],
  );
  return (result.rowCount ?? 0) > 0;
}

export type SnapshotSender = { sent: () => number; stop: () => Promise<void> };

export function startSnapshotSender(deps: {
  pool: Pool;
  js: JetStreamClient;
  jsm: JetStreamManager;
  log: Logger;
  replicas: number;
  /** Signs the tombstones of campaigns a store may hold and should no longer show. */
  key: HeadOfficeKey;
}): SnapshotSender {
  const { pool, log } = deps;
  let sent = 0;
  let run: { abort: AbortController; done: Promise<void> } | undefined;
  let bucket: ObjectStore | undefined;

  const sendWanted = async () => {
    const wanted = await pool.query<{ store_id: string }>(
      `SELECT store_id FROM store_snapshots
        WHERE wanted_at IS NOT NULL AND (sent_at IS NULL OR sent_at < wanted_at) ORDER BY wanted_at`,
    );
    for (const { store_id: storeId } of wanted.rows) {
      bucket ??= await ensureSnapshotBucket(deps.js, deps.replicas);
      const started = Date.now();
      const snapshot = await sendStoreSnapshot(
        { pool, jsm: deps.jsm, bucket, key: deps.key },
        storeId,
      );
      await pool.query(
        `UPDATE store_snapshots SET sent_at = now(), chain_rev = $2, store_rev = $3 WHERE store_id = $1`,
        [storeId, snapshot.chainRev, snapshot.storeRev],
      );
      sent++;
      log.info(
        {
          store: storeId,
          chainRev: snapshot.chainRev,
          storeRev: snapshot.storeRev,
          docs: snapshot.docs,
          prices: snapshot.prices,
          campaigns: snapshot.campaigns,
          bytes: snapshot.object.size,
          ms: Date.now() - started,
        },
        'fresh snapshot sent to a store',
      );
    }
  };

  const loop = async (signal: AbortSignal) => {
    while (!signal.aborted) {
      await sendWanted().catch((error: unknown) =>
        log.warn({ err: (error as Error).message }, 'fresh snapshot: not sent yet, will retry'),
      );
      await pause(POLL_MS, signal);
    }
  };

  const role = holdRole(pool, SNAPSHOTS_ROLE, {
    onGain: () => {
      const abort = new AbortController();
      run = { abort, done: loop(abort.signal) };
    },
    onLose: async () => {
      run?.abort.abort();
      await run?.done;
      run = undefined;
    },
    onError: (error) => log.error({ err: error }, 'fresh snapshot: role failed'),
  });
  return {
    sent: () => sent,
    stop: async () => {
      await role.stop();
      run?.abort.abort();
      await run?.done;
    },
  };
}
