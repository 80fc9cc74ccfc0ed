// What the fleet view shows of the events the store server refused.
import { z } from 'zod';

export const RejectedEventLine = z.object({
  /** Null when the batch itself could not be read. */
  eventId: z.string().nullable(),
  reason: z.string(),
  /** The refused payload, cut to 2,000 characters. */
  raw: z.string(),
  lastAt: z.string(),
  times: z.number().int().positive(),
});

export const RejectedEventsReport = z.object({
  devices: z.array(
    z.object({
      deviceId: z.string(),
      name: z.string(),
      role: z.string(),
      count: z.number().int().positive(),
      lastAt: z.string(),
      lastReason: z.string(),
      /** The newest few, for a first look without opening the device. */
      recent: z.array(RejectedEventLine),
    }),
  ),
});
export type RejectedEventsReport = z.infer<typeof RejectedEventsReport>;
