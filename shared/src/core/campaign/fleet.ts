// What a signage player tells its store server besides events: a heartbeat
// for the fleet view (route fleet.heartbeat) and the clock samples of
// synchronised playback (route fleet.time).
import { z } from 'zod';

export const ScreenHeartbeat = z.object({
  v: z.literal(1),
  appVersion: z.string().max(32),
  at: z.iso.datetime(),
  showing: z.object({
    mode: z.enum(['emergency', 'scheduled', 'default']),
    campaignId: z.string().max(64).optional(),
    revision: z.number().int().nonnegative().optional(),
  }),
  cache: z.object({
    /** Media files the next days need that are downloaded and verified. */
    ready: z.number().int().nonnegative(),
    /** Still missing (downloading, failed, or refused as corrupt). */
    missing: z.number().int().nonnegative(),
    bytes: z.number().int().nonnegative(),
  }),
  /** Campaigns refused (bad signature, invalid, an older revision replayed) since start. */
  refusedCampaigns: z.number().int().nonnegative(),
  /** Estimated offset of this screen's clock against the server, ms. */
  clockOffsetMs: z.number().optional(),
});
export type ScreenHeartbeat = z.infer<typeof ScreenHeartbeat>;

/** The server's clock, for an NTP-style offset estimate. */
export const ServerTime = z.object({ serverTime: z.number() });
export type ServerTime = z.infer<typeof ServerTime>;
