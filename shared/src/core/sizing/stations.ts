// Measuring stations (body scanners): enrolled devices of role `measure` that
// staff pair with one mirror. Their broker grant is that mirror's measurements
// topic and nothing else (docs/protocol.md).
import { z } from 'zod';

export const MeasuringStation = z.object({
  stationId: z.string(),
  name: z.string(),
  status: z.enum(['pending', 'active', 'revoked']),
  /** The mirror it is paired with, even if that mirror is no longer active. */
  mirrorId: z.string().nullable(),
  /** Where it may publish now: null when unpaired, not active, or its mirror is not active. */
  topic: z.string().nullable(),
});
export type MeasuringStation = z.infer<typeof MeasuringStation>;
