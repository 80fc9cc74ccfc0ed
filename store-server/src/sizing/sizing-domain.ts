// Composes size charts for server.ts: the store (seeded with the demo brands'
// charts in a demo store), its routes, the relay of measurements to mirrors and
// the measuring stations' pairings with mirrors (their broker grants).
import type { Router } from 'express';
import type { Db } from '../db/database';
import type { DeviceRegistry } from '../devices/registry';
import type { Logger } from '../log';
import type { StaffAuth } from '../staff/staff-auth';
import { MeasurementRelay } from './measurement-relay';
import { demoSizeCharts } from './demo-charts';
import { SizeChartStore } from './size-chart-store';
import { sizingRoutes } from './sizing-routes';
import { StationPairings } from './station-pairings';
import { stationRoutes } from './station-routes';

export function startSizing(options: {
  db: Db;
  storeId: string;
  registry: DeviceRegistry;
  staffAuth: StaffAuth;
  demo: boolean;
  log: Logger;
}): {
  router: Router;
  store: SizeChartStore;
  relay: MeasurementRelay;
  stations: StationPairings;
} {
  const store = new SizeChartStore(options.db);
  if (options.demo) store.seedIfEmpty(demoSizeCharts());
  const relay = new MeasurementRelay(options.registry, options.log);
  const stations = new StationPairings(options.db, options.registry, options.storeId);
  const router = sizingRoutes({
    store,
    registry: options.registry,
    auth: options.staffAuth,
    relay,
  });
  router.use(
    stationRoutes({ pairings: stations, registry: options.registry, auth: options.staffAuth }),
  );
  return { router, store, relay, stations };
}
