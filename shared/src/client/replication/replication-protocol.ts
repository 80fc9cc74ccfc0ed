// The messages between a page and its replication worker. The page asks (start,
// pull, a live sync message, reset); the worker answers each by its id and
// tells every change of the replicator's state. Parsed on both sides.
import { z } from 'zod';
import { DeviceCredential, SyncMessage } from '../../core';

export const ToReplicationWorker = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('start'),
    dbName: z.string().min(1),
    baseUrl: z.string().min(1),
    credential: DeviceCredential,
  }),
  z.object({ type: z.literal('pull'), id: z.number().int() }),
  z.object({ type: z.literal('message'), id: z.number().int(), message: SyncMessage }),
  z.object({ type: z.literal('reset'), id: z.number().int() }),
]);
export type ToReplicationWorker = z.infer<typeof ToReplicationWorker>;

const CopyTimings = z.object({
  pages: z.number(),
  docs: z.number(),
  waitMs: z.number(),
  parseMs: z.number(),
  writeMs: z.number(),
});

const ReplicatorStateSchema = z.object({
  phase: z.enum(['idle', 'pulling', 'error']),
  checkpoint: z.number(),
  head: z.number(),
  lastError: z.string().nullable(),
  invalidDocs: z.number(),
  filled: z.boolean(),
  timings: CopyTimings,
});

export const FromReplicationWorker = z.discriminatedUnion('type', [
  z.object({ type: z.literal('state'), state: ReplicatorStateSchema }),
  /** The worker opened the copy and read its checkpoint, or could not (`error`). */
  z.object({ type: z.literal('started'), error: z.string().optional() }),
  z.object({ type: z.literal('done'), id: z.number().int(), error: z.string().optional() }),
]);
export type FromReplicationWorker = z.infer<typeof FromReplicationWorker>;
