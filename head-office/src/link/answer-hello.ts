// A store's hello (after each (re)connection): where HQ's heads are, whether its durables can
// bring it up to date or only a fresh snapshot can (then one is wanted: the `snapshots` role
// sends it), its neighbours, and its time zone and currency, from PostgreSQL.
import type { JetStreamManager } from '@nats-io/jetstream';
import {
  helloDecision,
  LINK_VERSION,
  type LinkReply,
  type LinkRequest,
} from '@vitrine/shared/core';
import type { Logger } from '@vitrine/shared/node';
import type { Pool } from '../db/pool';
import { wantSnapshot } from '../catalogue/snapshots-role';
import { ensureStoreConsumers } from '../stores/store-consumers';
import { heldRevisions } from './held-revisions';

export async function answerHello(
  deps: { pool: Pool; jsm: JetStreamManager; log: Logger },
  storeId: string,
  hello: LinkRequest<'hello'>,
): Promise<LinkReply<'hello'>> {
  const { pool, jsm, log } = deps;
  await ensureStoreConsumers(jsm, storeId).catch((error: unknown) => {
    log.warn({ store: storeId, err: String(error) }, "hello: could not check the store's durables");
  });
  const [chain, store, neighbours, record] = await Promise.all([
    heldRevisions(pool, jsm, 'chain', storeId),
    heldRevisions(pool, jsm, 'store', storeId),
    pool.query<{ neighbour_id: string }>(
      'SELECT neighbour_id FROM store_neighbours WHERE store_id = $1 ORDER BY rank',
      [storeId],
    ),
    pool.query<{ time_zone: string; currency: string }>(
      'SELECT time_zone, currency FROM stores WHERE id = $1',
      [storeId],
    ),
  ]);
  const kept = record.rows[0];
  const decisions = {
    chain: helloDecision(hello.checkpoints.chain, chain),
    store: helloDecision(hello.checkpoints.store, store),
  };
  const heads = { chain: chain.lastRev, store: store.lastRev };
  log.info(
    { store: storeId, version: hello.version, checkpoints: hello.checkpoints, heads, decisions },
    'store said hello',
  );
  for (const stream of ['chain', 'store'] as const)
    if (decisions[stream] === 'snapshot')
      log.warn(
        {
          store: storeId,
          stream,
          checkpoint: hello.checkpoints[stream],
          held: { chain, store }[stream],
          wanted: await wantSnapshot(pool, storeId),
        },
        `store ${storeId} is past the stream's history: a fresh snapshot is wanted`,
      );
  return {
    v: LINK_VERSION,
    type: 'hello',
    decisions,
    heads,
    neighbours: neighbours.rows.map((row) => row.neighbour_id),
    ...(kept && { store: { timeZone: kept.time_zone, currency: kept.currency } }),
  };
}
