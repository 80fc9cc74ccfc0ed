// Composes size charts for server.ts: the store (seeded with the demo brands'
// charts in a demo store) and its routes.
import type { Router } from 'express';
import type { Db } from '../db/database';
import type { DeviceRegistry } from '../devices/registry';
import type { StaffAuth } from '../staff/staff-auth';
import { demoSizeCharts } from './demo-charts';
import { SizeChartStore } from './size-chart-store';
import { sizingRoutes } from './sizing-routes';

export function startSizing(options: {
  db: Db;
  registry: DeviceRegistry;
  staffAuth: StaffAuth;
  demo: boolean;
}): { router: Router; store: SizeChartStore } {
  const store = new SizeChartStore(options.db);
  if (options.demo) store.seedIfEmpty(demoSizeCharts());
  return {
    router: sizingRoutes({ store, registry: options.registry, auth: options.staffAuth }),
    store,
  };
}
