// Sizing handlers (routes: shared/src/core/http/routes/sizing.ts): size charts
// for the mirrors and staff and their upkeep by a manager, a mirror's live feed
// of measurements, and the pairing of measuring stations with mirrors. The
// advice itself is computed on the mirror (shared/src/core/sizing).
import { PROTOCOL_VERSION, type sizingRoutes } from '@vitrine/shared/core';
import { openSse } from '../calls/sse-stream';
import type { DeviceRegistry } from '../devices/registry';
import { HttpError } from '@vitrine/shared/node';
import type { Handlers } from '../http/register-routes';
import type { MeasurementRelay } from './measurement-relay';
import type { SizeChartStore } from './size-chart-store';
import type { StationPairings } from './station-pairings';

export function sizingHandlers(options: {
  store: SizeChartStore;
  registry: DeviceRegistry;
  relay: MeasurementRelay;
  pairings: StationPairings;
}): Handlers<typeof sizingRoutes> {
  const { store, registry, relay, pairings } = options;
  return {
    charts: ({ res }) => {
      res.set('cache-control', 'no-store');
      return { v: PROTOCOL_VERSION, charts: store.list() };
    },
    saveChart: ({ body }) => {
      store.put(body);
      return body;
    },
    measurements: ({ caller, req, res }) => {
      if (caller.role !== 'mirror')
        throw new HttpError(403, 'forbidden', 'only a mirror receives measurements');
      let stop = () => {};
      const stream = openSse(req, res, () => stop());
      stop = relay.listen(caller.id, (message) => stream.send('message', message));
    },
    stations: ({ res }) => {
      res.set('cache-control', 'no-store');
      return {
        v: PROTOCOL_VERSION,
        stations: pairings.list(),
        mirrors: registry
          .list()
          .filter((device) => device.role === 'mirror' && device.status === 'active')
          .map(({ id, name }) => ({ id, name })),
      };
    },
    // Where this station may publish now (null topic: not paired, or its mirror is gone).
    myStation: ({ caller, res }) => {
      if (caller.role !== 'measure')
        throw new HttpError(403, 'forbidden', 'only a measuring station has a pairing');
      res.set('cache-control', 'no-store');
      return pairings.describe(caller);
    },
    pairStation: ({ params, body, caller }) => {
      const result = pairings.pair(params.stationId, body.mirrorId, caller.id);
      if (!result.ok)
        throw new HttpError(result.refusal.status, result.refusal.code, result.refusal.message);
      return result.station;
    },
  };
}
