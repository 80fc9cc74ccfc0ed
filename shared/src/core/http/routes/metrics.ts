// What a store's IT scrapes: the server's health as Prometheus metrics.
import { anyone, route } from '../route';

/** The Prometheus text exposition format, version 0.0.4. */
const PROMETHEUS_TEXT = 'text/plain; version=0.0.4; charset=utf-8';

export const metricsRoutes = {
  scrape: route({
    method: 'GET',
    path: '/metrics',
    summary:
      'Prometheus metrics: process, HTTP by route, MQTT clients, devices online, sync head, ' +
      'event ingestion, dead letters, storage. Bearer: the metrics token or the admin token',
    // Checked by the handler: a read-only metrics token, which the table's auth kinds do not know.
    auth: anyone,
    response: { raw: PROMETHEUS_TEXT },
  }),
} as const;
