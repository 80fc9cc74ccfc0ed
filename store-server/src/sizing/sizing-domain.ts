// Composes size charts for server.ts: the store (seeded with the demo brands'
// charts in a demo store), its routes, and the relay of measurements to mirrors.
import type { Router } from 'express';
import type { Db } from '../db/database';
import type { DeviceRegistry } from '../devices/registry';
import type { Logger } from '../log';
import type { StaffAuth } from '../staff/staff-auth';
import { MeasurementRelay } from './measurement-relay';
import { demoSizeCharts } from './demo-charts';
import { SizeChartStore } from './size-chart-store';
import { sizingRoutes } from './sizing-routes';

export function startSizing(options: {
  db: Db;
  registry: DeviceRegistry;
  staffAuth: StaffAuth;
  demo: boolean;
  log: Logger;
}): { router: Router; store: SizeChartStore; relay: MeasurementRelay } {
  const store = new SizeChartStore(options.db);
  if (options.demo) store.seedIfEmpty(demoSizeCharts());
  const relay = new MeasurementRelay(options.registry, options.log);
  const router = sizingRoutes({
    store,
    registry: options.registry,
    auth: options.staffAuth,
    relay,
  });
  return { router, store, relay };
}
