// The store server's health, for monitoring and a store's IT. It answers 503
// with the same body when something is wrong: a read-only server still serves
// sync, the catalogue and media, so 503 tells monitoring, not the screens.
import { z } from 'zod';
import { anyone, route } from '../route';

export const StorageFault = z.enum(['full', 'read-only', 'io-error']);
export type StorageFault = z.infer<typeof StorageFault>;

export const HealthReport = z.object({
  status: z.enum(['ok', 'degraded']),
  /** Why it is degraded, one short phrase each. */
  reasons: z.array(z.string()).optional(),
  database: z.object({
    ok: z.boolean(),
    migrations: z.number().optional(),
    latest: z.string().optional(),
    error: z.string().optional(),
  }),
  storage: z.object({
    ok: z.boolean(),
    fault: StorageFault.optional(),
    /** What went wrong, in the words of the system that said it. */
    detail: z.string().optional(),
    since: z.string().optional(),
    freeBytes: z.number().nullable(),
    floorBytes: z.number(),
  }),
  broker: z.object({
    ok: z.boolean(),
    mode: z.enum(['embedded', 'external']),
    connectedClients: z.number().nullable(),
  }),
  sync: z.object({ head: z.number(), devicesOnline: z.number() }),
  events: z.object({
    stored: z.number(),
    duplicates: z.number(),
    rejected: z.number(),
    batches: z.number(),
  }),
});
export type HealthReport = z.infer<typeof HealthReport>;

export const healthRoutes = {
  health: route({
    method: 'GET',
    path: '/health',
    summary: 'Database, storage, broker link and sync head; 503 with the reasons when degraded',
    auth: anyone,
    response: HealthReport,
  }),
} as const;
