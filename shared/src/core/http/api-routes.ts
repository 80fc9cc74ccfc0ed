// The store server's HTTP API: every route, by group. Adding a route here
// makes the server fail to type-check until it has a handler, and gives every
// client a typed call (docs/architecture.md, "How to add a route").
import { authRoutes } from './routes/auth';
import { campaignRoutes } from './routes/campaigns';
import { deviceRoutes } from './routes/devices';
import { fleetRoutes } from './routes/fleet';
import { metaRoutes } from './routes/meta';
import { metricsRoutes } from './routes/metrics';
import { reportRoutes } from './routes/reports';
import { stockRoutes } from './routes/stock';
import { storeRoutes } from './routes/store';

export const apiRoutes = {
  meta: metaRoutes,
  auth: authRoutes,
  devices: deviceRoutes,
  stock: stockRoutes,
  fleet: fleetRoutes,
  campaigns: campaignRoutes,
  reports: reportRoutes,
  metrics: metricsRoutes,
  store: storeRoutes,
} as const;
export type ApiRoutes = typeof apiRoutes;
