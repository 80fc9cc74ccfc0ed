// The store server's HTTP API: every route, by group. Adding a route here
// makes the server fail to type-check until it has a handler, and gives every
// client a typed call (docs/architecture.md, "How to add a route").
import { assistantRoutes } from './routes/assistant';
import { authRoutes } from './routes/auth';
import { callRoutes } from './routes/calls';
import { catalogueRoutes } from './routes/catalogue';
import { campaignRoutes } from './routes/campaigns';
import { deviceRoutes } from './routes/devices';
import { expertRoutes } from './routes/experts';
import { fleetRoutes } from './routes/fleet';
import { importRoutes } from './routes/imports';
import { healthRoutes } from './routes/health';
import { lookRoutes } from './routes/looks';
import { loyaltyRoutes } from './routes/loyalty';
import { metaRoutes } from './routes/meta';
import { metricsRoutes } from './routes/metrics';
import { reportRoutes } from './routes/reports';
import { requestRoutes } from './routes/requests';
import { shortlistRoutes } from './routes/shortlists';
import { insightsRoutes } from './routes/insights';
import { sizingRoutes } from './routes/sizing';
import { stockRoutes } from './routes/stock';
import { syncRoutes } from './routes/sync';
import { tlsRoutes } from './routes/tls';
import { storeRoutes } from './routes/store';

export const apiRoutes = {
  meta: metaRoutes,
  health: healthRoutes,
  sync: syncRoutes,
  tls: tlsRoutes,
  auth: authRoutes,
  devices: deviceRoutes,
  stock: stockRoutes,
  fleet: fleetRoutes,
  campaigns: campaignRoutes,
  reports: reportRoutes,
  metrics: metricsRoutes,
  looks: lookRoutes,
  sizing: sizingRoutes,
  requests: requestRoutes,
  loyalty: loyaltyRoutes,
  experts: expertRoutes,
  calls: callRoutes,
  store: storeRoutes,
  catalogue: catalogueRoutes,
  imports: importRoutes,
  assistant: assistantRoutes,
  shortlists: shortlistRoutes,
  insights: insightsRoutes,
} as const;
export type ApiRoutes = typeof apiRoutes;
