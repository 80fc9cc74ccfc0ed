// Sizing: brands' size charts (mirrors read them, a manager keeps them), a
// mirror's live feed of the measurements a measuring station sends it, and the
// pairing of each station with one mirror (one fitting room).
import { z } from 'zod';
import { PROTOCOL_VERSION } from '../../protocol';
import { SizeChart } from '../../sizing/size-chart';
import { MeasuringStation } from '../../sizing/stations';
import { device, deviceOrStaff, route, staff } from '../route';

export const SizeChartList = z.object({
  v: z.literal(PROTOCOL_VERSION),
  charts: z.array(SizeChart),
});
export type SizeChartList = z.infer<typeof SizeChartList>;

const DeviceId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1-64 of A-Z a-z 0-9 _ -');

/** Pairs a station with a mirror, or `null` to unpair. */
export const StationPairingRequest = z.object({ mirrorId: DeviceId.nullable() }).strict();
export type StationPairingRequest = z.infer<typeof StationPairingRequest>;

/** The stations, and the mirrors they may be paired with. */
export const MeasuringStationList = z.object({
  v: z.literal(PROTOCOL_VERSION),
  stations: z.array(MeasuringStation),
  mirrors: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type MeasuringStationList = z.infer<typeof MeasuringStationList>;

const pairers = staff('staff', 'manager');

export const sizingRoutes = {
  charts: route({
    method: 'GET',
    path: '/sizing/charts',
    summary: "Each brand's size chart per sizing system",
    auth: deviceOrStaff(),
    response: SizeChartList,
  }),
  saveChart: route({
    method: 'PUT',
    path: '/sizing/charts',
    summary: "Adds or replaces one brand's chart for one sizing system",
    auth: staff('manager'),
    body: SizeChart,
    limit: 256 * 1024,
    response: SizeChart,
  }),
  measurements: route({
    method: 'GET',
    path: '/sizing/measurements/stream',
    summary: 'A mirror’s live feed (Server-Sent Events) of the measurements sent to it',
    auth: device(),
    response: { raw: 'text/event-stream' },
  }),
  stations: route({
    method: 'GET',
    path: '/sizing/stations',
    summary: 'The measuring stations, their pairings, and the mirrors they may be paired with',
    auth: pairers,
    response: MeasuringStationList,
  }),
  myStation: route({
    method: 'GET',
    path: '/sizing/stations/me',
    summary: 'A measuring station reads where it may publish now (null: nowhere)',
    auth: device({ roles: ['measure'] }),
    response: MeasuringStation,
  }),
  pairStation: route({
    method: 'PUT',
    path: '/sizing/stations/:stationId',
    summary: 'Pairs a measuring station with an active mirror, or unpairs it',
    auth: pairers,
    params: z.object({ stationId: z.string() }),
    body: StationPairingRequest,
    response: MeasuringStation,
  }),
} as const;
