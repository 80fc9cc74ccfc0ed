// A store's fresh snapshot (16-plan §3.4 "Fresh snapshot"): the chain's part in the bucket, the
// store's own state in chunks on its own subject (prices, neighbours, settings, campaigns: per-store
// data never goes into a bucket every store can read), then the store's two durables set to start
// right at the snapshot (HQ_STORES) and right after its chain revision (HQ_CHAIN), so the store
// skips history it no longer needs. What was older than the streams keep is replaced, not
// replayed. The store's part is read and queued under both heads' locks, with the chain where the
// bucket's part has it: nothing that either durable now skips can be missing from the snapshot.
// No stock: a store's own stock is its own, and its neighbours' is caught up at every connection.
import { setTimeout as sleep } from 'node:timers/promises';
import type { ConsumerConfig, JetStreamManager } from '@nats-io/jetstream';
import type { ObjectStore } from '@nats-io/obj';
import {
  chunkByBytes,
  LINK_CHUNK_BYTES,
  linkHeadKey,
  storeConsumers,
  STREAMS,
  type PriceLine,
  type Sale,
} from '@vitrine/shared/core';
import type { PoolClient } from 'pg';
import type { HeadOfficeKey } from '@vitrine/shared/node';
import { snapshotCampaigns } from '../campaigns/snapshot-campaigns';
import { settingsOf, type SettingsScope } from '../settings/screen-settings';
import { LOCK_SPACE } from '../db/advisory-locks';
import type { Pool } from '../db/pool';
import { inTransaction } from '../db/transaction';
import { enqueue } from '../outbox/enqueue';
import { chainSnapshotNow, type ChainSnapshot } from './chain-snapshot';

const PUBLISHED_WITHIN_MS = 60_000;
/** Times the chain may move between reading its part and queuing the store's before giving up. */
const ATTEMPTS = 5;

export type SentSnapshot = ChainSnapshot & {
  storeRev: number;
  chunks: number;
  prices: number;
  campaigns: number;
};

async function storeState(client: PoolClient, storeId: string) {
  const [prices, neighbours] = await Promise.all([
    client.query<{
      product_id: string;
      variant_id: string;
      price_cents: number | null;
      sale: Sale | null;
    }>(
      `SELECT product_id, variant_id, price_cents, sale FROM store_prices
        WHERE store_id = $1 ORDER BY product_id, variant_id`,
      [storeId],
    ),
    client.query<{ neighbour_id: string }>(
      'SELECT neighbour_id FROM store_neighbours WHERE store_id = $1 ORDER BY rank',
      [storeId],
    ),
  ]);
  const lines: PriceLine[] = prices.rows.map((row) => ({
    productId: row.product_id,
    variantId: row.variant_id,
    ...(row.price_cents !== null && { priceCents: row.price_cents }),
    ...(row.sale !== null && { sale: row.sale }),
  }));
  return { lines, neighbours: neighbours.rows.map((row) => row.neighbour_id) };
}

/** Waits until the publisher has sent every row; answers where the stream holds each. */
async function publishedSeqs(pool: Pool, ids: readonly string[]): Promise<number[]> {
  const deadline = Date.now() + PUBLISHED_WITHIN_MS;
  for (;;) {
    const result = await pool.query<{ stream_seq: string | null }>(
      'SELECT stream_seq FROM link_outbox WHERE id = ANY($1::bigint[]) ORDER BY id',
      [ids],
    );
    if (result.rows.length === ids.length && result.rows.every((row) => row.stream_seq !== null))
      return result.rows.map((row) => Number(row.stream_seq));
    if (Date.now() > deadline) throw new Error('the snapshot was not published in time');
    await sleep(100);
  }
}

/** Where HQ_CHAIN holds the chain's revision `rev` (0: before anything was sent). */
async function chainSeqOf(pool: Pool, jsm: JetStreamManager, rev: number): Promise<number> {
  if (rev === 0) return 0;
  const deadline = Date.now() + PUBLISHED_WITHIN_MS;
  for (;;) {
    const result = await pool.query<{ stream_seq: string | null }>(
      'SELECT stream_seq FROM link_outbox WHERE head = $1 AND rev = $2',
      [linkHeadKey('chain'), rev],
    );
    const row = result.rows[0];
    // Pruned (older than the streams keep): nothing after it was sent, so the stream's end.
    if (!row) return (await jsm.streams.info(STREAMS.hqChain)).state.last_seq;
    if (row.stream_seq !== null) return Number(row.stream_seq);
    if (Date.now() > deadline) throw new Error(`chain revision ${rev} was not published in time`);
    await sleep(100);
  }
}

/** Recreates the store's durable on `stream` to start at `startSeq` (the store retries its pull). */
async function reposition(
  jsm: JetStreamManager,
  storeId: string,
  stream: string,
  startSeq: number,
): Promise<void> {
  const declared = storeConsumers(storeId).find((consumer) => consumer.stream === stream)!;
  await jsm.consumers.delete(stream, declared.config.durable_name).catch(() => false);
  await jsm.consumers.add(stream, {
    ...(declared.config as unknown as Partial<ConsumerConfig>),
    deliver_policy: 'by_start_sequence',
    opt_start_seq: Math.max(1, startSeq),
  });
}

/** Locks both heads (in enqueue's order) and says whether the chain is still at `chainRev`. */
async function chainStillAt(client: PoolClient, storeId: string, chainRev: number) {
  for (const head of [linkHeadKey('chain'), linkHeadKey('store', storeId)].sort())
    await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [
      LOCK_SPACE.outboxHeads,
      head,
    ]);
  const moved = await client.query(
    `SELECT 1 FROM link_heads WHERE key = $1 AND rev <> $2
     UNION ALL SELECT 1 FROM link_outbox WHERE head = $1 AND rev IS NULL LIMIT 1`,
    [linkHeadKey('chain'), chainRev],
  );
  return moved.rows.length === 0;
}

/** The store's part, read and queued in one transaction; null when the chain moved meanwhile. */
async function queueStorePart(
  client: PoolClient,
  key: HeadOfficeKey,
  storeId: string,
  chain: ChainSnapshot,
) {
  if (!(await chainStillAt(client, storeId, chain.chainRev))) return null;
  const { lines, neighbours } = await storeState(client, storeId);
  const campaigns = await snapshotCampaigns(client, key, storeId);
  // Settings never authored at head office are not sent: the store's own first-start document
  // (its currency, say) stands until head office says otherwise.
  const authored = async (scope: SettingsScope) => {
    const held = await settingsOf(client, scope);
    return held.updatedAt === null ? undefined : held.settings;
  };
  const settings = await authored({ kind: 'chain' });
  const storeSettings = await authored({ kind: 'store', storeId });
  const budget = LINK_CHUNK_BYTES - 2_048;
  const priceChunks = chunkByBytes(lines, budget);
  const messages = [
    {
      type: 'snapshot' as const,
      chain: { rev: chain.chainRev, object: chain.object },
      prices: priceChunks[0] ?? [],
      neighbours,
    },
    ...priceChunks.slice(1).map((prices) => ({ type: 'snapshot' as const, prices })),
    // Each in a chunk of its own: a theme's logo may take half a chunk.
    ...(settings ? [{ type: 'snapshot' as const, settings }] : []),
    ...(storeSettings ? [{ type: 'snapshot' as const, storeSettings }] : []),
    ...chunkByBytes(campaigns, budget).map((part) => ({
      type: 'snapshot' as const,
      campaigns: part,
    })),
  ];
  const ids = await enqueue(client, [{ to: 'store', storeId, messages }]);
  return { ids, chunks: messages.length, prices: lines.length, campaigns: campaigns.length };
}

export async function sendStoreSnapshot(
  deps: { pool: Pool; jsm: JetStreamManager; bucket: ObjectStore; key: HeadOfficeKey },
  storeId: string,
): Promise<SentSnapshot> {
  const { pool, jsm } = deps;
  for (let attempt = 1; ; attempt++) {
    const chain = await chainSnapshotNow(pool, deps.bucket);
    const queued = await inTransaction(pool, (client) =>
      queueStorePart(client, deps.key, storeId, chain),
    );
    if (!queued) {
      if (attempt < ATTEMPTS) continue;
      throw new Error(`the chain moved ${ATTEMPTS} times while a snapshot was being queued`);
    }
    const seqs = await publishedSeqs(pool, queued.ids);
    const revs = await pool.query<{ rev: string }>(
      'SELECT rev FROM link_outbox WHERE id = ANY($1::bigint[]) ORDER BY id',
      [queued.ids],
    );
    const storeRev = Number(revs.rows.at(-1)?.rev ?? 0);
    await reposition(jsm, storeId, STREAMS.hqStores, seqs[0]!);
    await reposition(
      jsm,
      storeId,
      STREAMS.hqChain,
      (await chainSeqOf(pool, jsm, chain.chainRev)) + 1,
    );
    const { chunks, prices, campaigns } = queued;
    return { ...chain, storeRev, chunks, prices, campaigns };
  }
}
