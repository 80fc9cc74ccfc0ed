// GET /api/v1/metrics (routes: shared/src/core/http/routes/metrics.ts). A scraper
// holds a bearer in its config file: the metrics token only reads metrics, so
// Prometheus need not hold the admin token (which opens every staff route).
import type { metricsRoutes } from '@vitrine/shared/core';
import { isAdmin } from '../http/auth';
import { HttpError } from '@vitrine/shared/node';
import type { Handlers } from '../http/register-routes';
import type { StoreMetrics } from './store-metrics';

export function metricsHandlers(options: {
  metrics: StoreMetrics;
  adminToken: string;
  metricsToken: string | undefined;
}): Handlers<typeof metricsRoutes> {
  const { registry } = options.metrics;
  const { metricsToken } = options;
  return {
    scrape: async ({ req, res }) => {
      const allowed =
        isAdmin(req, options.adminToken) ||
        (metricsToken !== undefined && isAdmin(req, metricsToken));
      if (!allowed)
        throw new HttpError(401, 'unauthenticated', 'the metrics or admin token is required');
      const text = await registry.metrics();
      res.type(registry.contentType).set('cache-control', 'no-store').send(text);
    },
  };
}
