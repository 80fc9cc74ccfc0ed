// Wire messages, versioned and tagged. A peer that speaks another version is
// refused with a clear error instead of being half understood.
import { z } from 'zod';
import { collectionNames, type CollectionName } from './catalogue';

export const PROTOCOL_VERSION = 1;
/** Largest MQTT payload any peer accepts (an event batch of ~500 events fits). */
export const MAX_PAYLOAD_BYTES = 256 * 1024;
/** Most events a device sends in one batch. */
export const MAX_EVENTS_PER_BATCH = 200;

const v = z.literal(PROTOCOL_VERSION, { error: `protocol version must be ${PROTOCOL_VERSION}` });
const Revision = z.number().int().nonnegative();
const Collection = z.enum(collectionNames as [CollectionName, ...CollectionName[]]);

/** One synced document: a body, or a tombstone when deleted. */
export const SyncDoc = z.object({
  c: Collection,
  id: z.string().min(1),
  rev: Revision,
  del: z.literal(true).optional(),
  body: z.unknown().optional(),
});
export type SyncDoc = z.infer<typeof SyncDoc>;

const knownCollections: ReadonlySet<string> = new Set(collectionNames);
/**
 * The documents of a sync message or page. One of a collection this build does not know (a
 * newer store server added it) is skipped, not refused: refusing would stop an older device
 * from syncing at all until it is updated. The checkpoint still moves past it.
 */
const SyncDocs = z
  .array(SyncDoc.extend({ c: z.string().min(1) }))
  .transform((docs) => docs.filter((doc): doc is SyncDoc => knownCollections.has(doc.c)));

/** server → devices on the sync topic. `fromRev` chains messages: a device whose
 * checkpoint is not `fromRev` has missed something and pulls. */
export const SyncMessage = z.discriminatedUnion('type', [
  z.object({
    v,
    type: z.literal('changes'),
    fromRev: Revision,
    toRev: Revision,
    docs: SyncDocs,
  }),
  /** Too many changes to push (a bulk import), or a periodic heartbeat: pull up to `rev`. */
  z.object({ v, type: z.literal('poke'), rev: Revision }),
]);
export type SyncMessage = z.infer<typeof SyncMessage>;

/** One page of the change feed (route `sync.pull`, core/http/routes/sync.ts). */
export const SyncPage = z.object({
  v,
  since: Revision,
  /** Checkpoint to store once this page is written. */
  until: Revision,
  /** The server's current revision; pull again while until < head. */
  head: Revision,
  /**
   * This page ends inside a batch written as one whole (a catalogue import):
   * hold its documents and apply them with the next pages', up to this revision.
   * Optional, so a peer that ignores it still syncs (page by page).
   */
  atomicUntil: Revision.optional(),
  docs: SyncDocs,
});
export type SyncPage = z.infer<typeof SyncPage>;

/** device → server on its events topic. Events are validated one by one on the
 * server so one bad event never blocks the good ones. */
export const EventBatch = z.object({
  v,
  type: z.literal('events'),
  events: z.array(z.unknown()).min(1).max(MAX_EVENTS_PER_BATCH),
});
export type EventBatch = z.infer<typeof EventBatch>;

/** server → device: committed (or already stored) ids, and refused ones with why. */
export const EventAck = z.object({
  v,
  type: z.literal('ack'),
  ids: z.array(z.string()),
  rejected: z.array(z.object({ id: z.string(), reason: z.string() })),
});
export type EventAck = z.infer<typeof EventAck>;

/** Retained birth / Last Will death on a device's status topic (Sparkplug-like):
 * `session` grows at each connection, so a late will of an older session is ignored. */
export const DeviceStatus = z.discriminatedUnion('type', [
  z.object({
    v,
    type: z.literal('birth'),
    session: z.number().int().nonnegative(),
    app: z.enum(['kiosk', 'signage', 'mirror']),
    version: z.string().max(32),
    showing: z.string().max(200),
    at: z.iso.datetime(),
  }),
  z.object({ v, type: z.literal('death'), session: z.number().int().nonnegative() }),
]);
export type DeviceStatus = z.infer<typeof DeviceStatus>;

export const DeviceCommand = z.object({
  v,
  type: z.literal('command'),
  /** screenshot (signage): upload a picture of what the screen shows. */
  command: z.enum(['reload', 'resync', 'screenshot']),
});
export type DeviceCommand = z.infer<typeof DeviceCommand>;
