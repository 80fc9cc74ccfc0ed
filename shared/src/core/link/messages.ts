// The messages of the link, as zod schemas: every one is `{ v: 1, type, … }`,
// parsed from `unknown` on arrival (parseLinkMessage, wire.ts). HQ → store
// messages carry `rev`, the stream's revision the store checks (revisions.ts);
// store → HQ messages carry their own sequence (outbox seq, storeSeq) instead.
import { z } from 'zod';
import { collectionSchemas, VariantId, Sale, type CollectionName } from '../catalogue';
import { SignedCampaign } from '../campaign';
import { ChainEvent } from '../events';
import { CounterFlagKind } from '../insights/kpis';
import { DeviceStatus } from '../protocol';
import { StoreSettings } from '../store-settings';
import { isStoreId } from './subjects';

export const LINK_VERSION = 1;
export const linkVersion = z.literal(LINK_VERSION, {
  error: `link version must be ${LINK_VERSION}`,
});

/** Most neighbours a store follows (lead's decision, issue 16). */
export const MAX_NEIGHBOURS = 10;

const Rev = z.number().int().positive();
const Seq = z.number().int().nonnegative();
const Id = z.string().min(1).max(64);
const Instant = z.iso.datetime();

export const StoreId = z.string().refine(isStoreId, 'a store id: 1-64 of A-Z a-z 0-9 _ -');

/** A public nkey of a user: 56 base32 characters starting with U (HQ checks the checksum too). */
export const NkeyUserPublicKey = z
  .string()
  .regex(/^U[A-Z2-7]{55}$/, 'a public user nkey (U followed by 55 base32 characters)');

/** What HQ's chain catalogue carries: the collections a store does not own. */
export const CHAIN_CATALOGUE_COLLECTIONS = [
  'products',
  'reviews',
  'promotions',
  'faq',
  'locations',
  'looks',
] as const satisfies readonly CollectionName[];

/** A chain document as HQ sends it, its body valid for its collection, or its deletion. */
export const LinkDoc = z
  .object({
    c: z.enum(CHAIN_CATALOGUE_COLLECTIONS),
    id: Id,
    del: z.literal(true).optional(),
    body: z.unknown().optional(),
  })
  .superRefine((doc, context) => {
    if (doc.del) {
      if (doc.body !== undefined)
        context.addIssue({ code: 'custom', message: 'a deletion has no body' });
      return;
    }
    const body = collectionSchemas[doc.c].safeParse(doc.body);
    if (!body.success) {
      const issue = body.error.issues[0];
      context.addIssue({
        code: 'custom',
        path: ['body', ...(issue?.path ?? [])],
        message: `not a valid ${doc.c} document: ${issue?.message ?? 'missing'}`,
      });
    }
  });
export type LinkDoc = z.infer<typeof LinkDoc>;

/** A store's own price of an item where it is not the chain's (core/feed LocalPrice); neither part = back to the chain's. */
export const PriceLine = z.object({
  productId: Id,
  variantId: VariantId,
  priceCents: z.number().int().nonnegative().optional(),
  sale: Sale.optional(),
});
export type PriceLine = z.infer<typeof PriceLine>;

/** One item's units in one store (HQ's `store_stock` row). */
export const StockLine = z.object({
  productId: Id,
  variantId: VariantId,
  units: z.number().int().nonnegative(),
  aisle: z.string().max(64).optional(),
});
export type StockLine = z.infer<typeof StockLine>;

/** An object in one of the link's buckets, checked against size and SHA-256 before use. */
export const LinkObjectRef = z.object({
  bucket: z.enum(['media', 'snapshots']),
  name: z.string().min(1).max(200),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in lower-case hex'),
});
export type LinkObjectRef = z.infer<typeof LinkObjectRef>;

const revisioned = {
  v: linkVersion,
  rev: Rev,
  /**
   * Set on every chunk of a change sent in several: the rev of its last chunk.
   * The store holds chunks until it has that rev, then applies them in one
   * transaction (as SyncPage.atomicUntil). Absent: this message is whole.
   */
  atomicUntil: Rev.optional(),
};
const chunked = <T extends z.ZodRawShape>(shape: T) =>
  z.object({ ...revisioned, ...shape }).refine(
    (message) => {
      const { rev, atomicUntil } = message as { rev: number; atomicUntil?: number };
      return atomicUntil === undefined || atomicUntil >= rev;
    },
    { message: 'atomicUntil is before this chunk', path: ['atomicUntil'] },
  );

// ---- HQ → every store (HQ_CHAIN) ----------------------------------------------------------

export const CatalogueDelta = chunked({
  type: z.literal('catalogue'),
  docs: z.array(LinkDoc).min(1),
});
export type CatalogueDelta = z.infer<typeof CatalogueDelta>;

/** A signed campaign or its signed withdrawal; the store verifies it (verifySignedCampaign). */
export const CampaignMessage = z.object({
  v: linkVersion,
  rev: Rev,
  type: z.literal('campaign'),
  campaign: SignedCampaign,
});
export type CampaignMessage = z.infer<typeof CampaignMessage>;

/** Settings for the stores' screens; the store adds its own id (StoreSettings without `id`). */
export const SettingsMessage = z.object({
  v: linkVersion,
  rev: Rev,
  type: z.literal('settings'),
  settings: StoreSettings.omit({ id: true }),
});
export type SettingsMessage = z.infer<typeof SettingsMessage>;

/** A chain catalogue snapshot is in the snapshots bucket: the chain as of `chainRev`. */
export const ChainSnapshotMessage = z.object({
  v: linkVersion,
  rev: Rev,
  type: z.literal('snapshot'),
  chainRev: Seq,
  object: LinkObjectRef,
});
export type ChainSnapshotMessage = z.infer<typeof ChainSnapshotMessage>;

export const HqChainMessage = z.union([
  CatalogueDelta,
  CampaignMessage,
  SettingsMessage,
  ChainSnapshotMessage,
]);
export type HqChainMessage = z.infer<typeof HqChainMessage>;

// ---- HQ → one store (HQ_STORES) -----------------------------------------------------------

export const PricesMessage = chunked({
  type: z.literal('prices'),
  prices: z.array(PriceLine).min(1),
});
export type PricesMessage = z.infer<typeof PricesMessage>;

/** The store's own stock as HQ's inventory feed says it. */
export const OwnStockMessage = chunked({
  type: z.literal('stock'),
  lines: z.array(StockLine).min(1),
});
export type OwnStockMessage = z.infer<typeof OwnStockMessage>;

export const NeighboursMessage = z.object({
  v: linkVersion,
  rev: Rev,
  type: z.literal('neighbours'),
  neighbours: z.array(StoreId).max(MAX_NEIGHBOURS),
});
export type NeighboursMessage = z.infer<typeof NeighboursMessage>;

/**
 * A fresh snapshot of everything the store holds from HQ, in chunks on its own
 * subject (per-store data never goes into a bucket). The first chunk says which
 * chain revision it matches and where the chain's catalogue is; the store
 * applies all chunks as one import, with withdrawals, and sets both checkpoints.
 */
export const StoreSnapshotChunk = chunked({
  type: z.literal('snapshot'),
  chain: z.object({ rev: Seq, object: LinkObjectRef.optional() }).optional(),
  docs: z.array(LinkDoc).optional(),
  prices: z.array(PriceLine).optional(),
  stock: z.array(StockLine).optional(),
  campaigns: z.array(SignedCampaign).optional(),
  /** The chain's settings for the screens, as they stand. */
  settings: StoreSettings.omit({ id: true }).optional(),
  /** This store's own settings (they win over the chain's), as they stand. */
  storeSettings: StoreSettings.omit({ id: true }).optional(),
  neighbours: z.array(StoreId).max(MAX_NEIGHBOURS).optional(),
});
export type StoreSnapshotChunk = z.infer<typeof StoreSnapshotChunk>;

export const HqStoreMessage = z.union([
  PricesMessage,
  OwnStockMessage,
  CampaignMessage,
  SettingsMessage,
  StoreSnapshotChunk,
  NeighboursMessage,
]);
export type HqStoreMessage = z.infer<typeof HqStoreMessage>;

// ---- Store → HQ (EVENTS, STOCK, FLEET) ----------------------------------------------------

/** One event as the store sends it: the device it came from and the event as the device recorded it. */
export const StoreEvent = z.object({ deviceId: Id, event: ChainEvent });
export type StoreEvent = z.infer<typeof StoreEvent>;

/**
 * A batch of the store's `hq_outbox`, seqs firstSeq..lastSeq. Items are only
 * shaped here: HQ parses each with StoreEvent, so one bad event goes to its
 * dead letters instead of refusing the batch.
 */
export const EventsBatch = z
  .object({
    v: linkVersion,
    type: z.literal('events'),
    firstSeq: z.number().int().positive(),
    lastSeq: z.number().int().positive(),
    events: z.array(z.object({ deviceId: Id, event: z.unknown() })).min(1),
  })
  .refine((batch) => batch.lastSeq >= batch.firstSeq, {
    message: 'lastSeq is before firstSeq',
    path: ['lastSeq'],
  });
export type EventsBatch = z.infer<typeof EventsBatch>;

/** A change of the store's own stock, or its re-confirmation; storeSeq counts up with no gaps. */
export const StockBatch = z.object({
  v: linkVersion,
  type: z.literal('stock'),
  storeSeq: z.number().int().positive(),
  confirmedAt: Instant,
  lines: z.array(StockLine),
});
export type StockBatch = z.infer<typeof StockBatch>;

/** The apps a device birth names (DeviceStatus), and the store's people counters. */
const FleetApp = z.enum([...DeviceStatus.options[0].shape.app.options, 'counter']);

export const FleetDevice = z.object({
  deviceId: Id,
  app: FleetApp,
  version: z.string().max(32),
  /** A counter is online while it pushes (a push within the hour). */
  status: z.enum(['online', 'offline']),
  lastContact: Instant,
  showing: z.string().max(200).optional(),
  /** A counter's flags today (a wrong clock, silence, in and out apart…), for fleet health. */
  flags: z.array(CounterFlagKind).max(CounterFlagKind.options.length).optional(),
});
export type FleetDevice = z.infer<typeof FleetDevice>;

export const FleetSummary = z.object({
  v: linkVersion,
  type: z.literal('fleet'),
  at: Instant,
  devices: z.array(FleetDevice).max(5_000),
});
export type FleetSummary = z.infer<typeof FleetSummary>;
