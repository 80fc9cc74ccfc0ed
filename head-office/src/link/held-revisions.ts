// Which of a head's revisions the HQ → store streams still hold (16-plan §3.4): the last is the
// head's counter (`link_heads`); the first is the oldest row whose stream sequence is still in
// the stream (limits retention drops from the front only, so everything from the stream's first
// sequence on is there) or that is not published yet: the publisher puts it in the stream next,
// so the store's durable brings it. Counting only published rows told a store that said hello
// between a revision's commit and its publication that it needed a fresh snapshot.
import type { JetStreamManager } from '@nats-io/jetstream';
import { linkHeadKey, STREAMS, type CheckpointKey, type HeldRevisions } from '@vitrine/shared/core';
import type { Pool } from '../db/pool';

const STREAM_OF = { chain: STREAMS.hqChain, store: STREAMS.hqStores } as const;

export async function heldRevisions(
  pool: Pool,
  jsm: JetStreamManager,
  stream: CheckpointKey,
  storeId: string,
): Promise<HeldRevisions> {
  const head = linkHeadKey(stream, storeId);
  const info = await jsm.streams.info(STREAM_OF[stream]);
  const result = await pool.query<{ last: string | null; first: string | null }>(
    `SELECT (SELECT rev FROM link_heads WHERE key = $1) AS last,
            (SELECT min(rev) FROM link_outbox
              WHERE head = $1 AND (published_at IS NULL OR stream_seq >= $2)) AS first`,
    [head, info.state.first_seq],
  );
  const lastRev = Number(result.rows[0]?.last ?? 0);
  const first = result.rows[0]?.first;
  return { firstRev: first == null ? lastRev + 1 : Number(first), lastRev };
}

/** A missing revision the store's durable will still bring: `catch-up`; else only a snapshot can. */
export function resyncDecision(held: number, have: HeldRevisions): 'catch-up' | 'snapshot' {
  return held + 1 >= have.firstRev ? 'catch-up' : 'snapshot';
}
