// The revision rules of HQ → store messages (16-plan §3.4): revisions count up
// with no gaps per stream, the store applies only the next one and commits it
// with the change, so a message applied twice changes nothing and a lost one
// is noticed at once.
import type { HelloDecision, LinkCheckpoints } from './requests';
import { assertStoreId, STREAMS } from './subjects';

export type IntakeDecision = 'duplicate' | 'apply' | 'gap';

/**
 * What the store does with a message of revision `rev` when it holds `held`:
 * duplicate (ack, change nothing), apply (then commit `rev` and ack), or gap
 * (do not ack; ask HQ to resync).
 */
export function intakeDecision(held: number, rev: number): IntakeDecision {
  if (!Number.isSafeInteger(held) || held < 0) throw new RangeError(`held revision ${held}`);
  if (!Number.isSafeInteger(rev) || rev < 1) throw new RangeError(`message revision ${rev}`);
  if (rev <= held) return 'duplicate';
  return rev === held + 1 ? 'apply' : 'gap';
}

/** The store's checkpoint key (`hq_checkpoints.stream`) per HQ → store stream. */
export const CHECKPOINT_KEYS = {
  [STREAMS.hqChain]: 'chain',
  [STREAMS.hqStores]: 'store',
} as const satisfies Record<string, keyof LinkCheckpoints>;
export type CheckpointKey = (typeof CHECKPOINT_KEYS)[keyof typeof CHECKPOINT_KEYS];

/** The store's checkpoint of a neighbour's live stock (its last storeSeq applied). */
export function neighbourStockCheckpointKey(neighbourId: string): string {
  return `stock:${assertStoreId(neighbourId)}`;
}

/** HQ's revision counter (`link_heads.key`) for a stream: one for the chain, one per store. */
export function linkHeadKey(stream: CheckpointKey, storeId?: string): string {
  if (stream === 'chain') return 'chain';
  if (storeId === undefined) throw new Error('a store stream head needs the store id');
  return `store:${assertStoreId(storeId)}`;
}

/**
 * The revisions a stream still holds for a store. JetStream's convention for
 * an empty stream: `firstRev` is `lastRev + 1` (nothing held, `lastRev` sent).
 */
export type HeldRevisions = { firstRev: number; lastRev: number };

/**
 * From a store's hello: whether its durable can bring it up to date, or the
 * revisions it needs are past the stream's retention (or the store is ahead
 * of HQ, after HQ was restored from a backup) and only a fresh snapshot can.
 */
export function helloDecision(checkpoint: number, held: HeldRevisions): HelloDecision {
  if (checkpoint > held.lastRev) return 'snapshot';
  if (checkpoint === held.lastRev) return 'up-to-date';
  return checkpoint + 1 < held.firstRev ? 'snapshot' : 'catch-up';
}
