// Measuring stations (body scanners): enrolled devices of role `measure` that
// staff pair with one mirror. Their broker grant is that mirror's measurements
// topic and nothing else (docs/protocol.md).
import { z } from 'zod';
import { PROTOCOL_VERSION } from '../protocol';

const DeviceId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1-64 of A-Z a-z 0-9 _ -');

/** PUT /api/v1/sizing/stations/{stationId}: pair with a mirror, or `null` to unpair. */
export const StationPairingRequest = z.object({ mirrorId: DeviceId.nullable() }).strict();
export type StationPairingRequest = z.infer<typeof StationPairingRequest>;

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

/** GET /api/v1/sizing/stations (staff): the stations, and the mirrors they may be paired with. */
export const MeasuringStationList = z.object({
  v: z.literal(PROTOCOL_VERSION),
  stations: z.array(MeasuringStation),
  mirrors: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type MeasuringStationList = z.infer<typeof MeasuringStationList>;
