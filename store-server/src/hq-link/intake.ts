// How this store applies what head office sends (docs/decisions/16-plan.md §3.4), whatever
// carries the bytes: each message is parsed with the link's contract, applied only if it is the
// next revision of its stream, in one SQLite transaction with the checkpoint, and refused (on
// record, checkpoint past it) if it fails its schema, its signature, its digest or the replay
// check. The caller acks every outcome but `gap`, on which it asks head office for a resync. A
// fresh snapshot is the answer to a gap: its first chunk is taken whatever came before it.
import {
  CHECKPOINT_KEYS,
  HqChainMessage,
  HqStoreMessage,
  STREAMS,
  decodeLinkMessage,
  intakeDecision,
  type CheckpointKey,
  type IntakeDecision,
  type LinkDoc,
  type LinkObjectRef,
  type Result,
  type StoreSnapshotChunk,
  type TrustAnchor,
} from '@vitrine/shared/core';
import { HeldRevisions } from '../campaigns/held-revisions';
import { SignedIntake } from '../campaigns/signed-intake';
import { LocalPrices } from '../catalogue/local-prices';
import type { Db } from '../db/database';
import type { CommittedChange, DocStore } from '../sync/doc-store';
import { checkCampaign, type CampaignMediaFetch } from './apply-campaign';
import { applyWhole, type Checked, type LinkMessage } from './apply-whole';
import { LinkCheckpoints } from './checkpoints';
import { HeldChunks, type HeldChunk } from './held-chunks';
import { LinkRefusals } from './link-refusals';
import { readChainSnapshot, type SnapshotFetch } from './snapshot-fetch';

export type LinkStream = typeof STREAMS.hqChain | typeof STREAMS.hqStores;

export type IntakeOutcome = {
  /** applied, duplicate, held, refused: ack. gap: do not ack; ask for a resync. */
  outcome: 'applied' | 'duplicate' | 'held' | 'gap' | 'refused';
  rev?: number;
  /** Why it was refused (for `req.refused`) or what is missing. */
  reason?: string;
};

type Done = { outcome: IntakeOutcome; changes: CommittedChange[] };

/** Where a stream stands: its checkpoint, the chunks held after it, and the last rev taken. */
type Position = { pending: HeldChunk[]; front: number; decision: IntakeDecision };

const schemaOf = (stream: LinkStream) =>
  stream === STREAMS.hqChain ? HqChainMessage : HqStoreMessage;

export class LinkIntake {
  private readonly checkpoints: LinkCheckpoints;
  private readonly chunks: HeldChunks;
  private readonly refusals: LinkRefusals;
  private readonly parts;
  /** One message at a time: a campaign's check awaits, and the next must not slip in between. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly options: {
      db: Db;
      docs: DocStore;
      storeId: string;
      /** Head office's public key: campaigns are verified against it. */
      anchor: TrustAnchor;
      /** Without it, a campaign is held without its media (as one posted over HTTP is). */
      fetchMedia?: CampaignMediaFetch;
      /** Without it, a snapshot naming the chain's part waits (unacknowledged) until there is one. */
      fetchSnapshot?: SnapshotFetch;
    },
  ) {
    const { db, docs, storeId, anchor } = options;
    this.checkpoints = new LinkCheckpoints(db);
    this.chunks = new HeldChunks(db);
    this.refusals = new LinkRefusals(db);
    this.parts = {
      db,
      docs,
      storeId,
      localPrices: new LocalPrices(db),
      intake: new SignedIntake(db, docs, anchor),
      held: new HeldRevisions(db),
    };
  }

  receive(stream: LinkStream, bytes: Uint8Array): Promise<IntakeOutcome> {
    const run = this.queue.then(() => this.receiveNow(stream, bytes));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** The stream's checkpoint: the last revision applied or refused. */
  held(stream: LinkStream): number {
    return this.checkpoints.held(CHECKPOINT_KEYS[stream]);
  }

  refused(limit?: number) {
    return this.refusals.latest(limit);
  }

  private async receiveNow(stream: LinkStream, bytes: Uint8Array): Promise<IntakeOutcome> {
    const key = CHECKPOINT_KEYS[stream];
    const parsed = decodeLinkMessage(schemaOf(stream), bytes);
    if (!parsed.ok) return this.commit(() => this.refuseUnreadable(key, bytes, parsed.error));
    const message: LinkMessage = parsed.value;
    // Only the next revision is worth a signature check or a download.
    const { decision, pending, front } = this.position(key, message.rev);
    const restart = startsSnapshot(key, message, front);
    if (decision !== 'apply' && !restart) return this.commit(() => this.take(key, message, {}));
    const checked: Checked = {};
    if (message.type === 'campaign')
      checked.campaign = await checkCampaign(
        message.campaign,
        this.options.anchor,
        this.options.fetchMedia,
      );
    if (key === 'store' && message.type === 'snapshot' && endsChange(message)) {
      const chunks = [
        ...(restart ? [] : pending.map((chunk) => chunk.message)),
        message,
      ] as StoreSnapshotChunk[];
      const ref = chunks[0]?.chain?.object;
      if (ref) checked.snapshot = await this.chainSnapshot(ref);
      checked.snapshotCampaigns = [];
      for (const campaign of chunks.flatMap((chunk) => chunk.campaigns ?? []))
        checked.snapshotCampaigns.push(
          await checkCampaign(campaign, this.options.anchor, this.options.fetchMedia),
        );
    }
    // Nothing awaits from here on: the decision is taken again inside the transaction.
    return this.commit(() => this.take(key, message, checked));
  }

  /** The chain's documents a snapshot names; throws (not acknowledged) when not to be had yet. */
  private async chainSnapshot(ref: LinkObjectRef): Promise<Result<LinkDoc[]>> {
    const fetch = this.options.fetchSnapshot;
    if (!fetch) throw new Error(`snapshot ${ref.name}: this store cannot read the bucket`);
    return readChainSnapshot(ref, await fetch(ref));
  }

  /** Runs `step` in one write transaction, then tells the screens what it committed. */
  private commit(step: () => Done): IntakeOutcome {
    const done = this.options.db.transaction(step).immediate();
    for (const change of done.changes) this.options.docs.announce(change);
    return done.outcome;
  }

  private position(key: CheckpointKey, rev: number): Position {
    const held = this.checkpoints.held(key);
    const pending = this.chunks.pending(key, held);
    const front = pending.at(-1)?.rev ?? held;
    return { pending, front, decision: intakeDecision(front, rev) };
  }

  private take(key: CheckpointKey, message: LinkMessage, checked: Checked): Done {
    const { rev, type } = message;
    const position = this.position(key, rev);
    const { front } = position;
    let { pending, decision } = position;
    if (startsSnapshot(key, message, front)) {
      // Whatever was missing or held before a fresh snapshot, the snapshot replaces.
      this.chunks.drop(key);
      [pending, decision] = [[], 'apply'];
    }
    if (decision === 'duplicate') return { outcome: { outcome: 'duplicate', rev }, changes: [] };
    if (decision === 'gap') return gap(front, rev);
    const atomicUntil = 'atomicUntil' in message ? message.atomicUntil : undefined;
    const first = pending[0];
    if (first && (atomicUntil !== first.atomicUntil || type !== first.type)) {
      const reason = `revision ${rev} (${type}) breaks the ${first.type} change of revisions ${first.rev}..${first.atomicUntil}`;
      return this.refuse(key, { rev, until: first.atomicUntil, type, reason });
    }
    if (atomicUntil !== undefined) {
      const refusedAt = this.refusals.refusedChange(key, rev, atomicUntil);
      if (refusedAt !== undefined) {
        const reason = `part of the change refused at revision ${refusedAt}`;
        return this.refuse(key, { rev, until: atomicUntil, type, reason });
      }
      if (atomicUntil > rev) {
        this.chunks.hold(key, { rev, atomicUntil, type, message });
        return { outcome: { outcome: 'held', rev }, changes: [] };
      }
    }
    const messages = [...pending.map((chunk) => chunk.message as LinkMessage), message];
    const applied = applyWhole(this.parts, key, messages, checked);
    if (!applied.ok) {
      return this.refuse(key, { rev, until: atomicUntil ?? null, type, reason: applied.error });
    }
    this.chunks.drop(key);
    this.checkpoints.advance(key, rev);
    const chainRev = snapshotChainRev(first?.message ?? message);
    // The snapshot holds the chain as of its revision: the chain stream goes on from there.
    if (type === 'snapshot' && chainRev !== undefined) this.checkpoints.set('chain', chainRev);
    return { outcome: { outcome: 'applied', rev }, changes: applied.value };
  }

  /** Bytes that are not a message of this stream: refused if they claim the next revision. */
  private refuseUnreadable(key: CheckpointKey, bytes: Uint8Array, reason: string): Done {
    const claimed = claimedRevisions(bytes);
    if (claimed.rev === undefined) {
      this.refusals.record({ stream: key, rev: null, until: null, type: claimed.type, reason });
      return { outcome: { outcome: 'refused', reason }, changes: [] };
    }
    const rev = claimed.rev;
    const { pending, front, decision } = this.position(key, rev);
    if (decision === 'duplicate') return { outcome: { outcome: 'duplicate', rev }, changes: [] };
    if (decision === 'gap') return gap(front, rev);
    // The change it breaks or claims to end: its later chunks are refused with it.
    const until = pending[0]?.atomicUntil ?? claimed.atomicUntil ?? null;
    return this.refuse(key, { rev, until, type: claimed.type, reason });
  }

  /** Records the refusal and moves the checkpoint past it, with any chunks of its change. */
  private refuse(
    key: CheckpointKey,
    refusal: { rev: number; until: number | null; type: string | null; reason: string },
  ): Done {
    this.refusals.record({ stream: key, ...refusal });
    this.chunks.drop(key);
    this.checkpoints.advance(key, refusal.rev);
    return {
      outcome: { outcome: 'refused', rev: refusal.rev, reason: refusal.reason },
      changes: [],
    };
  }
}

/** Whether `message` is the first chunk of a fresh snapshot past where this stream stands. */
function startsSnapshot(key: CheckpointKey, message: LinkMessage, front: number): boolean {
  return (
    key === 'store' &&
    message.type === 'snapshot' &&
    'chain' in message &&
    message.chain !== undefined &&
    message.rev > front + 1
  );
}

/** Whether this message is whole or the last chunk of its change. */
const endsChange = (message: LinkMessage) =>
  !('atomicUntil' in message) ||
  message.atomicUntil === undefined ||
  message.atomicUntil === message.rev;

/** The chain revision a snapshot's first chunk says it matches. */
function snapshotChainRev(first: unknown): number | undefined {
  const chain = (first as Partial<StoreSnapshotChunk>).chain;
  return chain?.object ? chain.rev : undefined;
}

function gap(front: number, rev: number): Done {
  const reason = `revision ${rev} arrived after ${front}: ${front + 1}..${rev - 1} missing`;
  return { outcome: { outcome: 'gap', rev, reason }, changes: [] };
}

const positive = (value: unknown) =>
  typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : undefined;

/** What a message that failed its schema says of itself, read as leniently as it can be. */
function claimedRevisions(bytes: Uint8Array): {
  rev?: number;
  atomicUntil?: number;
  type: string | null;
} {
  let data: unknown;
  try {
    data = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    return { type: null };
  }
  if (typeof data !== 'object' || data === null) return { type: null };
  const { rev, atomicUntil, type } = data as Record<string, unknown>;
  const claimedRev = positive(rev);
  const until = positive(atomicUntil);
  return {
    ...(claimedRev !== undefined && { rev: claimedRev }),
    ...(claimedRev !== undefined &&
      until !== undefined &&
      until > claimedRev && { atomicUntil: until }),
    type: typeof type === 'string' ? type.slice(0, 32) : null,
  };
}
