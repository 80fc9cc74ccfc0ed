// Composes one store server: database, broker, HTTP API, live sync, ingestion.
import express from 'express';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { API_PREFIX, apiRoutes, DEFAULT_CURRENCY } from '@vitrine/shared/core';
import { startStoreBroker, type StoreBroker } from './broker/store-broker';
import { CatalogueStore } from './catalogue/catalogue-store';
import { assistantHandlers } from './assistant/assistant-handlers';
import { AnswerService } from './assistant/answer-service';
import { stockHandlers } from './catalogue/stock-handlers';
import type { StoreServerConfig } from './config';
import { startDomains } from './start-domains';
import { getMeta, setMeta, type Db } from './db/database';
import { StorageGuard } from './db/storage-guard';
import { lockDataDir } from './db/data-lock';
import { openStoreDatabase } from './db/storage-start';
import { deviceHandlers, type DemoDevices } from './devices/device-handlers';
import { PresenceTracker } from './devices/presence';
import { DeviceRegistry } from './devices/registry';
import { DeadLetters } from './events/dead-letters';
import { withHeadOfficeStore } from './hq-link/head-office-store';
import { readHqLinkFor, startHqLink, type HqLinkRuntime } from './hq-link/start-hq-link';
import { EventIngestor } from './events/event-ingestor';
import { healthHandlers, type HealthSources } from './health/health-handlers';
import { importHandlers } from './import/import-handlers';
import type { ImportService } from './import/import-service';
import type { ImageService } from './images/image-domain';
import { WriteGate } from './import/write-gate';
import { rendererCsp, shellCors } from './http/cross-origin';
import {
  errorHandler,
  notFound,
  bodyGate,
  createLogger,
  DEFAULT_SIGN_IN_LIMITS,
  type Logger,
} from '@vitrine/shared/node';
import { bodyRuleFor } from './http/body-rules';
import { callerChecks } from './http/caller-checks';
import { mediaRoutes } from './http/media-routes';
import { startupGate } from './http/startup-gate';
import { busyAnswer, storageFaultAnswer } from './http/storage-errors';
import { staticApps } from './http/static-apps';
import { registerApi } from './http/register-routes';
import { metaHandlers } from './meta/meta-handlers';
import { metricsHandlers } from './metrics/metrics-handlers';
import { storeMetrics } from './metrics/store-metrics';
import { ackSender, routeDeviceMessages } from './mqtt-routing';
import { seedDemoStore } from './seed/demo-seed';
import { assertStoreHasData } from './catalogue/store-identity';
import { publishStoreSettings } from './settings/store-settings';
import { storeInfoHandlers } from './settings/store-info-handlers';
import { authHandlers } from './staff/auth-handlers';
import { StaffStore } from './staff/staff-store';
import { DocStore } from './sync/doc-store';
import { startLivePublisher } from './sync/live-publisher';
import { syncHandlers } from './sync/sync-handlers';
import { certificateHosts } from './tls/tls-hosts';
import { StoreTls } from './tls/store-tls';
import { tlsHandlers } from './tls/tls-handlers';
import { startCertificateRenewal } from './tls/certificate-renewal';

/** Methods that write nothing, let through while an import commits. */
const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

export type StoreServer = {
  config: StoreServerConfig;
  /** The plain HTTP port; 0 when plain ports are off. */
  httpPort: number;
  mqttPort: number | null;
  /** http://127.0.0.1:<port>, or the HTTPS one when plain ports are off. */
  url: string;
  /** The store's CA and server certificate; undefined without TLS (no httpsPort). */
  tls: StoreTls | undefined;
  httpsPort: number | null;
  mqttsPort: number | null;
  /** https://127.0.0.1:<port>, or null without TLS. */
  httpsUrl: string | null;
  adminToken: string;
  db: Db;
  docs: DocStore;
  catalogue: CatalogueStore;
  /** Product images fetched from the feeds' URLs (the importer asks for them). */
  images: ImageService;
  /** Catalogue imports from feed files (import/). */
  imports: ImportService;
  registry: DeviceRegistry;
  staff: StaffStore;
  ingestor: EventIngestor;
  /** A chain store's link to head office (--hq-link); undefined on a standalone store. */
  hqLink: HqLinkRuntime | undefined;
  presence: PresenceTracker;
  demoDevices: DemoDevices | undefined;
  log: Logger;
  /** The Express app, for tests that walk every route. */
  app: express.Express;
  close: () => Promise<void>;
};

/** A secret kept in the database, created on first start. */
function storedSecret(db: Db, key: string): string {
  const existing = getMeta(db, key);
  if (existing) return existing;
  const secret = randomBytes(32).toString('base64url');
  setMeta(db, key, secret);
  return secret;
}

export async function startStoreServer(
  config: StoreServerConfig,
  log?: Logger,
): Promise<StoreServer> {
  mkdirSync(config.dataDir, { recursive: true });
  // Before the database: an offline import (npm run import -- --data) must not write under a live server.
  const dataLock = lockDataDir(config.dataDir);
  try {
    return await startLocked(
      config,
      log ?? createLogger(config.logLevel, { store: config.storeId }),
      dataLock,
    );
  } catch (error) {
    dataLock.release();
    throw error;
  }
}

async function startLocked(
  given: StoreServerConfig,
  logger: Logger,
  dataLock: { release: () => void },
): Promise<StoreServer> {
  // Read first: a wrong link file stops the start before anything listens.
  const hqLinkFile = given.hqLinkFile ? readHqLinkFor(given.storeId, given.hqLinkFile) : null;
  // A chain store runs with head office's time zone and currency.
  const config = withHeadOfficeStore(given, hqLinkFile, logger);
  /** A chain store's head office, named where its routes refuse what head office owns. */
  const headOfficeUrl = hqLinkFile ? { url: hqLinkFile.hqUrl } : undefined;
  const opened = openStoreDatabase(config.dataDir, logger);
  const db = opened.db;
  const storage = new StorageGuard(db, {
    dataDir: config.dataDir,
    floorBytes: config.storageFloorMb * 1024 * 1024,
    log: logger,
  });
  if (opened.fault) storage.enter(opened.fault.kind, opened.fault.detail);
  storage.start();
  /** Start-up writes (settings, demo seeding) wait for a disk that takes them: serve what is there. */
  const unlessDiskRefuses = async (what: string, write: () => unknown): Promise<void> => {
    try {
      await write();
    } catch (error) {
      if (storage.noteError(error) === undefined) throw error;
      logger.error({ what, fault: storage.current() }, 'storage: skipped a start-up write');
    }
  };
  const plain = config.plainPorts !== false;
  // Listen at once: until everything below is ready every request gets 503
  // "starting" (startup-gate.ts), never a 500 from a part not built yet.
  const gate = startupGate();
  const app = express();
  app.disable('x-powered-by');
  const metrics = storeMetrics();
  app.use(metrics.httpTiming);
  app.use(gate.middleware);
  // While an import's worker writes the catalogue, a write here waits for its commit (write-gate.ts).
  const writes = new WriteGate(db, (error) =>
    logger.error({ err: (error as Error).message }, 'a write held during an import failed'),
  );
  app.use((req, _res, next) => (READS.has(req.method) ? next() : writes.run(() => next())));
  const httpServer = createServer(app);
  if (plain) {
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(config.httpPort, config.httpHost, () => resolve());
    });
  }
  const httpPort = plain ? (httpServer.address() as AddressInfo).port : 0;
  const docs = new DocStore(db);
  const registry = new DeviceRegistry(db);
  const presence = new PresenceTracker(db, logger);
  const catalogue = new CatalogueStore(db, docs);
  const staff = new StaffStore(db);
  const adminToken = config.adminToken ?? storedSecret(db, 'admin_token');
  if (!plain && config.httpsPort === undefined)
    throw new Error('plain ports off needs an HTTPS port (httpsPort)');
  const tls =
    config.httpsPort === undefined
      ? undefined
      : await StoreTls.open({
          dir: join(config.dataDir, 'tls'),
          storeId: config.storeId,
          hosts: certificateHosts(config.tlsHosts),
          serverCertDays: config.tlsCertDays ?? 397,
        });
  // First, so a new screen's first sync page brings its brand before the catalogue.
  await unlessDiskRefuses('store settings', () =>
    publishStoreSettings(docs, config, hqLinkFile !== null),
  );
  let demoDevices: DemoDevices | undefined;
  if (config.demo)
    await unlessDiskRefuses('demo store', async () => {
      demoDevices = await seedDemoStore({
        db,
        docs,
        catalogue,
        registry,
        staff,
        dataDir: config.dataDir,
        scale: config.demoScale,
        storeId: config.storeId,
        log: logger,
      });
    });
  try {
    // A chain store's locations are head office's, which may not name this store yet.
    if (!hqLinkFile) assertStoreHasData(docs, config.storeId);
  } catch (error) {
    storage.stop();
    httpServer.close();
    db.close();
    throw error;
  }

  /** Set once the broker is up; the routes below only read it after start-up. */
  let mqtt: StoreBroker | undefined = undefined;
  const api = express.Router();
  const health: HealthSources = {
    db,
    brokerMode: config.brokerUrl ? 'external' : 'embedded',
    brokerLinked: () => mqtt?.link.connected() ?? false,
    connectedClients: () => mqtt?.broker?.connectedClients() ?? null,
    head: () => docs.head(),
    ingestion: () => ingestor.stats,
    devicesOnline: () => presence.list().filter((row) => row.online).length,
    storage: () => storage.status(),
  };
  const staffAuth = { store: staff, adminToken };
  // CORS first, so the shells can read a refusal too; then, before every route, who
  // is calling and at most the route's body (http/body-rules.ts).
  app.use(API_PREFIX, shellCors());
  app.use(bodyGate(bodyRuleFor, callerChecks(registry, staffAuth)));
  const auth = authHandlers(staffAuth, db, {
    ...DEFAULT_SIGN_IN_LIMITS,
    accountFailures: config.signInFailures ?? DEFAULT_SIGN_IN_LIMITS.accountFailures,
    clientFailures: config.signInClientFailures ?? DEFAULT_SIGN_IN_LIMITS.clientFailures,
  });
  const devices = deviceHandlers({
    db,
    registry,
    presence,
    storeId: config.storeId,
    demoDevices,
    deviceMqttUrl: config.deviceBrokerUrl,
    trustBundle: () => tls?.trustBundle(),
    log: logger,
  });
  const deadLetters = new DeadLetters(db);
  metrics.watch({
    ...health,
    deadLetters: () => deadLetters.summary().reduce((sum, device) => sum + device.count, 0),
  });
  const { signage, assistance, looks, shortlists, insights, images, imports, sizing } =
    await startDomains({
      ...{ config, db, docs, catalogue, registry, presence, staffAuth, deadLetters, writes },
      hqLinkFile,
      publish: (topic, payload) => mqtt?.link.publish(topic, payload, { qos: 1 }),
      unlessDiskRefuses,
      logger,
    });
  // Every API route, from the route table (shared/src/core/http).
  registerApi(
    api,
    apiRoutes,
    {
      meta: metaHandlers(),
      health: healthHandlers(health),
      sync: syncHandlers(docs),
      tls: tlsHandlers({ tls, log: logger }),
      auth,
      devices,
      stock: stockHandlers({ db, docs, catalogue, registry, storeId: config.storeId }),
      ...signage.handlers,
      ...assistance.handlers,
      metrics: metricsHandlers({ metrics, adminToken, metricsToken: config.metricsToken }),
      looks: looks.handlers,
      sizing: sizing.handlers,
      store: storeInfoHandlers(config, headOfficeUrl),
      catalogue: images.handlers,
      imports: importHandlers(
        imports,
        {
          db,
          docs,
          catalogue,
          currency: config.currency ?? DEFAULT_CURRENCY,
          storeId: config.storeId,
        },
        headOfficeUrl,
      ),
      assistant: assistantHandlers(new AnswerService(docs)),
      shortlists: shortlists.handlers,
      insights: insights.handlers,
    },
    { registry, staffAuth },
  );
  app.use(API_PREFIX, api);
  app.use(looks.pages);
  app.use(shortlists.pages);
  // The shells' pages (vitrine-app://…) fetch 3D models and images from here too.
  app.use(['/media', '/assets'], shellCors());
  app.use(mediaRoutes(docs, join(config.appsDir, 'assets')));
  app.use(
    staticApps(
      config.appsDir,
      rendererCsp(config.deviceBrokerUrl),
      join(config.dataDir, 'updates'),
    ),
  );
  app.use(notFound);
  app.use(errorHandler(logger, storageFaultAnswer(storage), busyAnswer));

  const stopRenewal = tls ? startCertificateRenewal(tls, logger) : undefined;
  mqtt = await startStoreBroker({
    config,
    app,
    httpServer,
    plain,
    tls,
    registry,
    experts: assistance.expertSessions,
    stations: sizing.stations,
    serverSecret: storedSecret(db, 'server_mqtt_secret'),
    log: logger,
  });
  const { broker, tlsListeners } = mqtt;
  // Every message handled here waits while an import commits (write-gate.ts); publishing does not.
  const link = writes.gatedLink(mqtt.link);
  const ingestor = new EventIngestor(
    db,
    deadLetters,
    ackSender(link, config.storeId),
    logger,
    (error) => storage.noteError(error),
  );
  await routeDeviceMessages({
    link,
    storeId: config.storeId,
    registry,
    ingestor,
    presence,
    counts: insights.counts,
    log: logger,
  });
  await sizing.relay.attach(link, config.storeId);
  await assistance.attachBroker(link);
  const stopPublisher = startLivePublisher({ docs, link, storeId: config.storeId });

  const httpsUrl = tlsListeners ? `https://127.0.0.1:${tlsListeners.httpsPort}` : null;
  const url = plain || !httpsUrl ? `http://127.0.0.1:${httpPort}` : httpsUrl;
  gate.open();
  logger.info(
    {
      url,
      httpsUrl,
      mqttPort: broker?.mqttPort ?? null,
      mqttsPort: tlsListeners?.mqttsPort ?? null,
      head: docs.head(),
    },
    'store server ready',
  );
  const hqLink = hqLinkFile
    ? startHqLink(
        { db, docs, registry, presence, media: signage.media, counters: insights.counterHealth },
        hqLinkFile,
        logger,
        {
          ...(config.hqStockReconfirmSeconds && {
            stockReconfirmMs: config.hqStockReconfirmSeconds * 1_000,
          }),
          running: { timeZone: config.timeZone, currency: config.currency },
        },
      )
    : undefined;
  return {
    config,
    httpPort,
    mqttPort: broker?.mqttPort ?? null,
    url,
    tls,
    httpsPort: tlsListeners?.httpsPort ?? null,
    mqttsPort: tlsListeners?.mqttsPort ?? null,
    httpsUrl,
    adminToken,
    db,
    docs,
    catalogue,
    images: images.service,
    imports,
    registry,
    staff,
    ingestor,
    hqLink,
    presence,
    demoDevices,
    log: logger,
    app,
    close: async () => {
      stopPublisher();
      assistance.stop();
      looks.stop();
      shortlists.stop();
      insights.stop();
      await imports.stop();
      await images.stop();
      ingestor.flush();
      await hqLink?.close();
      storage.stop();
      await mqtt?.close();
      stopRenewal?.();
      httpServer.closeAllConnections();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      db.close();
      dataLock.release();
    },
  };
}
