// The requests a store sends HQ on core NATS (`vt.st.<id>.req.<kind>`) and their
// replies, declared once as a table so both sides type their calls from it.
// None carries the store's id: HQ reads it from the subject (parseStoreSubject).
import { z } from 'zod';
import { linkVersion, MAX_NEIGHBOURS, NkeyUserPublicKey, StockLine, StoreId } from './messages';
import type { LinkRequestKind } from './subjects';

const Rev = z.number().int().nonnegative();
const Seq = z.number().int().nonnegative();

/** The revisions a store holds from HQ, per stream (its `hq_checkpoints`). */
export const LinkCheckpoints = z.object({ chain: Rev, store: Rev });
export type LinkCheckpoints = z.infer<typeof LinkCheckpoints>;

/** What HQ will do about one stream after a hello (revisions.ts helloDecision). */
export const HelloDecision = z.enum(['up-to-date', 'catch-up', 'snapshot']);
export type HelloDecision = z.infer<typeof HelloDecision>;

export const HelloRequest = z.object({
  v: linkVersion,
  type: z.literal('hello'),
  checkpoints: LinkCheckpoints,
  /** The store server's version, for HQ's fleet view and logs. */
  version: z.string().max(32),
});
export const HelloReply = z.object({
  v: linkVersion,
  type: z.literal('hello'),
  decisions: z.object({ chain: HelloDecision, store: HelloDecision }),
  /** HQ's latest revisions, so the store can tell when it has caught up. */
  heads: LinkCheckpoints,
  neighbours: z.array(StoreId).max(MAX_NEIGHBOURS),
  /** The store as head office keeps it (a store keeps it in its link file, used at its start). */
  store: z
    .object({ timeZone: z.string().min(1).max(64), currency: z.string().regex(/^[A-Z]{3}$/) })
    .optional(),
});

/** A gap: the store holds `held` and was handed `got` > held + 1. */
export const ResyncRequest = z.object({
  v: linkVersion,
  type: z.literal('resync'),
  stream: z.enum(['chain', 'store']),
  held: Rev,
  got: Rev,
});
export const ResyncReply = z.object({
  v: linkVersion,
  type: z.literal('resync'),
  decision: HelloDecision,
});

/** Missed stock of a neighbour, after its storeSeq `afterSeq`; HQ answers one page. */
export const StockCatchUpRequest = z.object({
  v: linkVersion,
  type: z.literal('stock-catch-up'),
  neighbour: StoreId,
  afterSeq: Seq,
});
export const NeighbourStockLine = StockLine.extend({
  storeSeq: z.number().int().positive(),
  confirmedAt: z.iso.datetime(),
});
export type NeighbourStockLine = z.infer<typeof NeighbourStockLine>;
export const StockCatchUpReply = z.object({
  v: linkVersion,
  type: z.literal('stock-catch-up'),
  neighbour: StoreId,
  lines: z.array(NeighbourStockLine),
  /** The page covers storeSeq afterSeq+1..untilSeq; ask again with afterSeq = untilSeq while untilSeq < headSeq. */
  untilSeq: Seq,
  headSeq: Seq,
  /** When the neighbour last confirmed its whole stock (absent: never). */
  confirmedAt: z.iso.datetime().optional(),
});

/** Key rotation: `add` under the old key (both then work), `confirm` under the new one (the old one is retired). */
export const RotateRequest = z.discriminatedUnion('step', [
  z.object({
    v: linkVersion,
    type: z.literal('rotate'),
    step: z.literal('add'),
    newPublicKey: NkeyUserPublicKey,
  }),
  z.object({
    v: linkVersion,
    type: z.literal('rotate'),
    step: z.literal('confirm'),
    publicKey: NkeyUserPublicKey,
  }),
]);
export const RotateReply = z.object({
  v: linkVersion,
  type: z.literal('rotate'),
  step: z.enum(['add', 'confirm']),
  /** How many keys of this store the nodes now accept. */
  liveKeys: z.number().int().min(1).max(2),
});

/** A message the store refused (schema, signature, digest): HQ counts and shows it. */
export const RefusedReport = z.object({
  v: linkVersion,
  type: z.literal('refused'),
  subject: z.string().min(1).max(256),
  rev: Rev.optional(),
  reason: z.string().min(1).max(1_000),
});
export const RefusedReply = z.object({
  v: linkVersion,
  type: z.literal('refused'),
  recorded: z.literal(true),
});

/** HQ could not do what was asked; `error` says why in words a log can show. */
export const LinkErrorReply = z.object({
  v: linkVersion,
  type: z.literal('error'),
  error: z.string().min(1).max(1_000),
});
export type LinkErrorReply = z.infer<typeof LinkErrorReply>;

/** Every request with its reply: the store's `request<K>` and HQ's handlers derive from this. */
export const LINK_REQUESTS = {
  hello: { request: HelloRequest, reply: HelloReply },
  resync: { request: ResyncRequest, reply: ResyncReply },
  'stock-catch-up': { request: StockCatchUpRequest, reply: StockCatchUpReply },
  rotate: { request: RotateRequest, reply: RotateReply },
  refused: { request: RefusedReport, reply: RefusedReply },
} as const satisfies Record<LinkRequestKind, { request: z.ZodType; reply: z.ZodType }>;

export type LinkRequest<K extends LinkRequestKind> = z.infer<(typeof LINK_REQUESTS)[K]['request']>;
export type LinkReply<K extends LinkRequestKind> = z.infer<(typeof LINK_REQUESTS)[K]['reply']>;

/** What a store may get back from a request of kind K: the reply, or HQ's refusal. */
export function linkReplySchema<K extends LinkRequestKind>(kind: K) {
  return z.union([LINK_REQUESTS[kind].reply, LinkErrorReply]);
}
