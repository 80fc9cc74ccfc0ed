// The store server's Prometheus metrics (prom-client). Process metrics come from
// prom-client's defaults; HTTP is timed by a middleware labelled with the route's
// pattern (never the raw path: ids would make a series per screen); everything
// else is read at scrape time from the sources /health already uses.
import type { Request, RequestHandler, Response } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { HealthSources } from '../health/health-handlers';

/** What the metrics read besides health's sources. */
type MetricSources = HealthSources & {
  /** Dead letters kept, summed over devices (events/dead-letters.ts). */
  deadLetters: () => number;
};

/** A request that matched no route (static files, media, a 404). */
const UNROUTED = 'unrouted';

export type StoreMetrics = {
  registry: Registry;
  /** Times every request; mount it before the routes. */
  httpTiming: RequestHandler;
  /** Reads the sources at each scrape; call once they exist. */
  watch: (sources: MetricSources) => void;
};

export function storeMetrics(): StoreMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'vitrine_' });
  const http = new Histogram({
    name: 'vitrine_http_request_duration_seconds',
    help: 'HTTP requests by method, route pattern and status; _count counts them',
    labelNames: ['method', 'route', 'status'],
    registers: [registry],
  });
  const httpTiming: RequestHandler = (req, res, next) => {
    const stop = http.startTimer();
    // 'close' also fires when the client goes away (an SSE feed, a cut download).
    res.once('close', () => {
      stop({
        method: req.method,
        route: matchedRoute(req, res) ?? UNROUTED,
        status: String(res.statusCode),
      });
    });
    next();
  };
  return { registry, httpTiming, watch: (sources) => watchSources(registry, sources) };
}

/**
 * The pattern of the route that took the request, mount path included. Routes
 * of the route table note it as they start (register-routes.ts), since a
 * handler's error leaves the router, which puts `req.baseUrl` back before the
 * response closes; for the routers not moved there yet it is read at close.
 * (An accessor on each request, the first way, cost ~8 KB of garbage per request.)
 */
function matchedRoute(req: Request, res: Response): string | undefined {
  const noted: unknown = res.locals.routePattern;
  if (typeof noted === 'string') return noted;
  const path = (req.route as { path?: unknown } | undefined)?.path;
  return typeof path === 'string' ? `${req.baseUrl}${path}` : undefined;
}

function watchSources(registry: Registry, sources: MetricSources): void {
  const registers = [registry];
  const gauge = (name: string, help: string, read: () => number | null) =>
    new Gauge({
      name,
      help,
      registers,
      collect() {
        const value = read();
        if (value !== null) this.set(value);
      },
    });
  gauge(
    'vitrine_mqtt_connected_clients',
    'Clients connected to the embedded broker (absent with an external broker)',
    sources.connectedClients,
  );
  gauge('vitrine_mqtt_broker_link_up', "1 when the server's own broker link is up", () =>
    sources.brokerLinked() ? 1 : 0,
  );
  gauge('vitrine_devices_online', 'Devices whose presence says online', sources.devicesOnline);
  gauge('vitrine_sync_head_revision', "The store's newest sync revision", sources.head);
  gauge('vitrine_dead_letters', 'Refused device events kept as dead letters', sources.deadLetters);
  gauge('vitrine_storage_writable', '1 when the disk takes writes, 0 when read-only', () =>
    sources.storage().ok ? 1 : 0,
  );
  gauge(
    'vitrine_storage_free_bytes',
    'Free bytes on the data disk',
    () => sources.storage().freeBytes,
  );
  new Gauge({
    name: 'vitrine_storage_fault',
    help: 'The storage fault the server is in (1), by kind; no series when healthy',
    labelNames: ['kind'],
    registers,
    collect() {
      this.reset();
      const fault = sources.storage().fault;
      if (fault) this.set({ kind: fault }, 1);
    },
  });
  // Totals kept by the ingestor since start: a restart resets them, as Prometheus expects.
  new Counter({
    name: 'vitrine_events_total',
    help: 'Device events by outcome: accepted (stored), duplicate (resent), dead_lettered (refused)',
    labelNames: ['outcome'],
    registers,
    collect() {
      const stats = sources.ingestion();
      this.reset();
      this.inc({ outcome: 'accepted' }, stats.stored);
      this.inc({ outcome: 'duplicate' }, stats.duplicates);
      this.inc({ outcome: 'dead_lettered' }, stats.rejected);
    },
  });
  new Counter({
    name: 'vitrine_event_batches_total',
    help: 'Ingestion transactions committed',
    registers,
    collect() {
      this.reset();
      this.inc(sources.ingestion().batches);
    },
  });
}
