// The store's domains, started in the order their parts need one another: signage (with the
// demo's campaign), assistance, shared looks and shortlists, insights, the image cache and the
// catalogue importer that feeds it, and sizing. server.ts composes them with HTTP and MQTT.
import { DEFAULT_CURRENCY } from '@vitrine/shared/core';
import type { Logger } from '@vitrine/shared/node';
import { startAssistance } from './calls/assistance';
import { startSignage } from './campaigns/signage-domain';
import type { CatalogueStore } from './catalogue/catalogue-store';
import type { StoreServerConfig } from './config';
import { getMeta, type Db } from './db/database';
import type { PresenceTracker } from './devices/presence';
import type { DeviceRegistry } from './devices/registry';
import type { DeadLetters } from './events/dead-letters';
import type { HqLink } from './hq-link/link-file';
import { startImageCache } from './images/image-domain';
import { ImportService } from './import/import-service';
import type { WriteGate } from './import/write-gate';
import { startInsights } from './insights/insights-domain';
import { startLookSharing } from './looks/look-domain';
import { seedDemoCampaign } from './seed/demo-campaign';
import { startShortlists } from './shortlists/shortlist-domain';
import { startSizing } from './sizing/sizing-domain';
import type { StaffAuth } from './staff/staff-auth';
import type { DocStore } from './sync/doc-store';

export type DomainParts = {
  config: StoreServerConfig;
  db: Db;
  docs: DocStore;
  catalogue: CatalogueStore;
  registry: DeviceRegistry;
  presence: PresenceTracker;
  staffAuth: StaffAuth;
  deadLetters: DeadLetters;
  /** Held by imports while their worker commits (write-gate.ts). */
  writes: WriteGate;
  /** A chain store's link file; null on a standalone store. */
  hqLinkFile: HqLink | null;
  /** To the store's devices over MQTT, once the broker is up. */
  publish: (topic: string, payload: string) => void;
  /** Runs a start-up write, skipped (and logged) when the disk refuses it. */
  unlessDiskRefuses: (what: string, write: () => unknown) => Promise<void>;
  logger: Logger;
};

export async function startDomains(parts: DomainParts) {
  const { config, db, docs, catalogue, registry, presence, staffAuth, deadLetters } = parts;
  const { writes, hqLinkFile, publish, unlessDiskRefuses, logger } = parts;
  const currency = config.currency ?? DEFAULT_CURRENCY;
  const signage = startSignage({
    db,
    docs,
    dataDir: config.dataDir,
    storeId: config.storeId,
    staffAuth,
    registry,
    presence,
    deadLetters,
    publish,
    ...(hqLinkFile && {
      headOffice: { anchor: hqLinkFile.trustAnchor, url: hqLinkFile.hqUrl },
    }),
    timeZone: config.timeZone,
    log: logger,
  });
  // A store of a chain plays head office's campaigns, not one signed with its own local key.
  if (config.demo && config.demoCampaign !== false && !hqLinkFile) {
    const generatedOn = getMeta(db, 'demo_generated_on') ?? new Date().toISOString().slice(0, 10);
    await unlessDiskRefuses('demo campaign', () =>
      seedDemoCampaign(signage.campaigns, docs, config.storeId, generatedOn),
    );
  }
  const assistance = startAssistance({
    db,
    catalogue,
    registry,
    staffAuth,
    storeId: config.storeId,
    currency,
    ice: {
      iceServers: config.iceServers ?? [],
      turn:
        config.turnUrls && config.turnSecret
          ? {
              urls: config.turnUrls,
              secret: config.turnSecret,
              ttlSeconds: config.turnTtlMinutes * 60,
            }
          : undefined,
    },
    browserBrokerUrl: config.deviceBrokerUrl,
    log: logger,
  });
  const looks = startLookSharing({
    db,
    dataDir: config.dataDir,
    ttlHours: config.lookTtlHours,
    publicUrl: config.lookPublicUrl,
    currency,
    log: logger,
  });
  // "Continue on your phone" links live as long as a shared look's.
  const shortlists = startShortlists({
    db,
    storeId: config.storeId,
    currency,
    ttlHours: config.lookTtlHours,
    publicUrl: config.lookPublicUrl,
    log: logger,
  });
  const insights = startInsights({
    db,
    registry,
    storeId: config.storeId,
    timeZone: config.timeZone,
    currency,
    dataDir: config.dataDir,
    retentionDays: config.insightsRetentionDays ?? 400,
    demo: config.demo && config.demoInsights !== false && !hqLinkFile,
    log: logger,
  });
  const images = startImageCache({
    db,
    dataDir: config.dataDir,
    imageHosts: config.imageHosts,
    log: logger,
  });
  const imports = new ImportService({
    db,
    dataDir: config.dataDir,
    docs,
    images: images.service,
    gate: writes,
    currency,
    timeZone: config.timeZone,
    storeId: config.storeId,
    log: logger,
  });
  const sizing = startSizing({
    db,
    storeId: config.storeId,
    registry,
    demo: config.demo,
    log: logger,
  });
  return { signage, assistance, looks, shortlists, insights, images, imports, sizing };
}
