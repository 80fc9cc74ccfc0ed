// Store insights, wired: people counters enrolled by a manager and their
// pushes (HTTP for Axis, Xovis and the generic shape; MQTT for the generic
// one), the till's receipts, and a day's figures for the consoles
// (routes: shared/src/core/http/routes/insights.ts).
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  GenericCounts,
  axisReading,
  parseJson,
  periodsFromGeneric,
  periodsFromXovis,
  localMoment,
  topics,
  type CounterKind,
  type CounterListing,
  API_PREFIX,
  insightsRoutes,
} from '@vitrine/shared/core';
import { HttpError, type Logger } from '@vitrine/shared/node';
import type { Db } from '../db/database';
import type { DeviceRecord, DeviceRegistry } from '../devices/registry';
import type { CounterHealth } from '../hq-link/fleet-report';
import type { Handlers } from '../http/register-routes';
import { receiveToDisk } from '../http/upload-to-disk';
import { ServerEvents } from './server-events';
import { dayCsv } from './day-csv';
import { dayFigures } from './day-figures';
import { FootfallStore, type PushResult } from './footfall-store';
import { SalesStore } from './sales-store';
import { forgetBefore } from './retention';
import { DirtyDays, startFiguresOut } from './figures-out';
import { campaignImpacts } from './store-campaign-impact';
import { savePlan, staffingHints } from './staffing';
import { startDemoInsights } from '../seed/demo-insights';

/** Where each kind of counter pushes, from the route table. */
const PUSH_PATHS: Record<CounterKind, string> = {
  axis: `${API_PREFIX}${insightsRoutes.pushAxis.path}`,
  xovis: `${API_PREFIX}${insightsRoutes.pushXovis.path}`,
  generic: `${API_PREFIX}${insightsRoutes.pushCounts.path}`,
};

export function startInsights(options: {
  db: Db;
  registry: DeviceRegistry;
  storeId: string;
  timeZone: string;
  currency: string;
  dataDir: string;
  /** Counts and receipts older than this are deleted (daily). */
  retentionDays: number;
  /** The single-store demo: two counters and a till that count and sell (seed/demo-insights.ts). */
  demo?: boolean;
  log: Logger;
}) {
  const { db, registry, log } = options;
  const dirty = new DirtyDays(db, options.timeZone);
  const footfall = new FootfallStore(db, dirty, options.timeZone);
  const sales = new SalesStore(db, dirty, options.currency, options.timeZone);
  const figuresOut = startFiguresOut({
    db,
    events: new ServerEvents(db),
    storeId: options.storeId,
    timeZone: options.timeZone,
    currency: options.currency,
    log,
  });
  const uploads = join(options.dataDir, 'sales-uploads');

  /** The caller's counter record; one enrolled through pairing is set up as its route's kind. */
  function counterOf(caller: DeviceRecord, kind: CounterKind) {
    const known = footfall.counter(caller.id);
    if (known) return known;
    footfall.addCounter(caller.id, kind, true);
    return footfall.counter(caller.id)!;
  }

  function push(
    caller: DeviceRecord,
    kind: CounterKind,
    store: (counter: ReturnType<typeof counterOf>) => PushResult,
  ) {
    const counter = counterOf(caller, kind);
    if (!footfall.admit(counter.id))
      throw new HttpError(
        429,
        'too_many_pushes',
        'this counter pushes faster than a counter counts',
      );
    const result = store(counter);
    if (result.refused.length > 0)
      log.warn(
        { counter: counter.id, refused: result.refused.slice(0, 3) },
        'insights: a push was partly refused',
      );
    if (result.stored + result.unchanged === 0 && result.refused.length > 0)
      throw new HttpError(422, 'counts_refused', result.refused.slice(0, 5).join('; '));
    return result;
  }

  const handlers: Handlers<typeof insightsRoutes> = {
    addCounter: ({ body, res }) => {
      const id = `counter-${randomBytes(6).toString('hex')}`;
      const secret = randomBytes(32).toString('base64url');
      registry.upsertActive(id, 'counter', body.name, secret);
      footfall.addCounter(id, body.kind, body.entrance);
      log.info({ counter: id, kind: body.kind }, 'insights: a people counter was enrolled');
      res.status(201);
      return {
        id,
        secret,
        pushPath: PUSH_PATHS[body.kind],
        mqttTopic: topics.counts(options.storeId, id),
      };
    },
    counters: () => ({ counters: counterListings() }),
    pushAxis: ({ body, caller }) =>
      push(caller, 'axis', (counter) =>
        footfall.storeAxisReading(counter, axisReading(body, options.timeZone)),
      ),
    pushXovis: ({ body, caller }) =>
      push(caller, 'xovis', (counter) => {
        const read = periodsFromXovis(body);
        return footfall.storePeriods(counter, read.periods, read.refused);
      }),
    pushCounts: ({ body, caller }) =>
      push(caller, 'generic', (counter) => {
        const read = periodsFromGeneric(body);
        return footfall.storePeriods(counter, read.periods, read.refused);
      }),
    addReceipts: ({ body }) => sales.store(body.receipts, 'api'),
    importSales: async ({ req, res }) => {
      mkdirSync(uploads, { recursive: true });
      const upload = await receiveToDisk(req, res, {
        dir: uploads,
        limit: 20 * 1024 * 1024,
        what: 'a sales CSV',
      });
      try {
        return sales.importCsv(readFileSync(upload.file, 'utf8'));
      } finally {
        rmSync(upload.file, { force: true });
      }
    },
    day: ({ query }) => figuresOf(query.date),
    staffing: ({ query }) => staffingHints(db, { timeZone: options.timeZone, weeks: query.weeks }),
    setStaffingPlan: ({ body }) => savePlan(db, body.hours),
    campaigns: () => ({
      campaigns: campaignImpacts(db, {
        storeId: options.storeId,
        timeZone: options.timeZone,
        currency: options.currency,
        today: localMoment(Date.now(), options.timeZone).date,
      }),
    }),
    dayCsv: ({ query, res }) => {
      res
        .type('text/csv; charset=utf-8')
        .set('content-disposition', `attachment; filename="insights-${query.date}.csv"`)
        .send(dayCsv(figuresOf(query.date)));
    },
  };

  /** Every enrolled counter with its last push and today's flags (the store's local day). */
  function counterListings(): CounterListing[] {
    const devices = registry.list().filter((device) => device.role === 'counter');
    // The day's figures carry the flags: not computed for a store without counters.
    if (devices.length === 0) return [];
    const today = figuresOf(localMoment(Date.now(), options.timeZone).date);
    return devices.map((device) => {
      const counter = footfall.counter(device.id);
      return {
        id: device.id,
        name: device.name,
        kind: counter?.kind ?? 'generic',
        entrance: counter?.entrance ?? true,
        status: device.status,
        lastPushAt: counter?.lastPushAt ?? null,
        flags: today.flags.filter((flag) => flag.counterId === device.id),
      };
    });
  }

  function figuresOf(date: string) {
    return dayFigures(db, {
      storeId: options.storeId,
      date,
      timeZone: options.timeZone,
      currency: options.currency,
    });
  }

  /** A counter's MQTT message (the generic shape): stored like an HTTP push, never thrown. */
  function counts(counterId: string, payload: Buffer): void {
    const device = registry.get(counterId);
    if (!device) return;
    const parsed = parseJson(GenericCounts, payload.toString('utf8'));
    if (!parsed.ok) {
      footfall.flag(counterId, 'refused', `a malformed MQTT push: ${parsed.error}`);
      log.warn({ counter: counterId, error: parsed.error }, 'insights: refused an MQTT push');
      return;
    }
    try {
      push(device, 'generic', (counter) => {
        const read = periodsFromGeneric(parsed.value);
        return footfall.storePeriods(counter, read.periods, read.refused);
      });
    } catch (error) {
      log.warn(
        { counter: counterId, err: (error as Error).message },
        'insights: an MQTT push was refused',
      );
    }
  }

  // Retention: what is older than the setting is deleted, counts, readings and receipts alike.
  const sweep = () => {
    try {
      const removed = forgetBefore(db, new Date(Date.now() - options.retentionDays * 86_400_000));
      if (removed > 0)
        log.info(
          { removed, days: options.retentionDays },
          'insights: old counts and receipts deleted',
        );
    } catch (error) {
      log.error({ err: (error as Error).message }, 'insights: the retention sweep failed');
    }
  };
  sweep();
  const timer = setInterval(sweep, 86_400_000);
  timer.unref();
  const stopDemo = options.demo
    ? startDemoInsights({ db, registry, footfall, sales, timeZone: options.timeZone }, log)
    : undefined;

  return {
    handlers,
    counts,
    /** The counters' health for head office's fleet view (hq-link/fleet-report.ts). */
    counterHealth: (): CounterHealth[] =>
      counterListings().map((counter) => ({
        id: counter.id,
        lastPushAt: counter.lastPushAt,
        flags: [...new Set(counter.flags.map((flag) => flag.kind))],
      })),
    /** Sends the changed days' figures now (tests; otherwise every 10 s). */
    flushFigures: figuresOut.flush,
    stop: () => {
      clearInterval(timer);
      stopDemo?.();
      figuresOut.stop();
    },
  };
}
