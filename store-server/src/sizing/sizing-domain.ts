// Composes size charts for server.ts: the store (seeded with the demo brands'
// charts in a demo store), its handlers, the relay of measurements to mirrors
// and the measuring stations' pairings with mirrors (their broker grants).
import type { sizingRoutes } from '@vitrine/shared/core';
import type { Db } from '../db/database';
import type { DeviceRegistry } from '../devices/registry';
import type { Handlers } from '../http/register-routes';
import type { Logger } from '@vitrine/shared/node';
import { MeasurementRelay } from './measurement-relay';
import { demoSizeCharts } from './demo-charts';
import { SizeChartStore } from './size-chart-store';
import { sizingHandlers } from './sizing-handlers';
import { StationPairings } from './station-pairings';

export function startSizing(options: {
  db: Db;
  storeId: string;
  registry: DeviceRegistry;
  demo: boolean;
  log: Logger;
}): {
  handlers: Handlers<typeof sizingRoutes>;
  store: SizeChartStore;
  relay: MeasurementRelay;
  stations: StationPairings;
} {
  const store = new SizeChartStore(options.db);
  if (options.demo) store.seedIfEmpty(demoSizeCharts());
  const relay = new MeasurementRelay(options.registry, options.log);
  const stations = new StationPairings(options.db, options.registry, options.storeId);
  const handlers = sizingHandlers({
    store,
    registry: options.registry,
    relay,
    pairings: stations,
  });
  return { handlers, store, relay, stations };
}
