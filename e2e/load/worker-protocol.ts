// What the loadtest's runner and its device workers say to each other over the fork's IPC
// channel, parsed on arrival like any other boundary.
import { z } from 'zod';
import { DeviceCredential, TrustAnchor } from '@vitrine/shared/core';

export const DeviceSpec = DeviceCredential.extend({
  storeId: z.string().min(1),
  /** The store server's HTTP base (sync pages) and its MQTT/TCP URL. */
  baseUrl: z.string().min(1),
  mqttUrl: z.string().min(1),
});
export type DeviceSpec = z.infer<typeof DeviceSpec>;

/** The stock figure a device watches: one item at one location of one product. */
export const StockWatch = z.object({
  productId: z.string(),
  locationId: z.string(),
  variantId: z.string(),
});
export type StockWatch = z.infer<typeof StockWatch>;

export const ToWorker = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('start'),
    devices: z.array(DeviceSpec),
    anchor: TrustAnchor,
    timeZone: z.string(),
    watch: StockWatch,
    /** Devices connecting and pulling their first copy at once, in this worker. */
    concurrency: z.number().int().positive(),
  }),
  /** Each device records `perSecond` events a second from now on (0 stops). */
  z.object({ type: z.literal('events'), perSecond: z.number().nonnegative() }),
  /** Stop recording, wait until every outbox is empty (or `timeoutMs`), answer the ledger. */
  z.object({ type: z.literal('drain'), timeoutMs: z.number().int().positive() }),
  z.object({ type: z.literal('stop') }),
]);
export type ToWorker = z.infer<typeof ToWorker>;

/** What a device now holds, at `at` (ms since the epoch, performance.timeOrigin-based). */
export const Seen = z.object({
  kind: z.enum(['campaign', 'stock']),
  deviceId: z.string(),
  storeId: z.string(),
  /** The campaign's id, or the watched product's id. */
  key: z.string(),
  /** The campaign's revision (verified and chosen), or the watched figure. */
  value: z.number(),
  at: z.number(),
});
export type Seen = z.infer<typeof Seen>;

export const DeviceLedger = z.object({
  storeId: z.string(),
  deviceId: z.string(),
  /** Event ids its store acknowledged (committed). */
  acked: z.array(z.string()),
  /** Recorded and still waiting for an ack when the drain ended. */
  pending: z.number().int(),
  rejected: z.number().int(),
  /** Events published again after RESEND_AFTER_MS without an ack. */
  resent: z.number().int(),
});
export type DeviceLedger = z.infer<typeof DeviceLedger>;

export const FromWorker = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('ready'),
    devices: z.number().int(),
    /** Devices whose first copy failed (connection or pull): named in the runner's output. */
    failed: z.array(z.object({ deviceId: z.string(), error: z.string() })),
  }),
  z.object({ type: z.literal('seen'), items: z.array(Seen) }),
  z.object({ type: z.literal('ledger'), devices: z.array(DeviceLedger) }),
  z.object({ type: z.literal('error'), message: z.string() }),
]);
export type FromWorker = z.infer<typeof FromWorker>;
