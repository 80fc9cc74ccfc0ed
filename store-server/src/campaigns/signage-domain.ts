// Composes the signage domains (campaigns and media, fleet, proof of play)
// for server.ts, which registers their handlers with the route table.
import {
  assertTimeZone,
  type campaignRoutes,
  type fleetRoutes,
  type reportRoutes,
  type TrustAnchor,
} from '@vitrine/shared/core';
import type { Db } from '../db/database';
import type { PresenceTracker } from '../devices/presence';
import type { DeviceRegistry } from '../devices/registry';
import { FleetStore } from '../fleet/fleet-store';
import { fleetHandlers } from '../fleet/fleet-handlers';
import type { DeadLetters } from '../events/dead-letters';
import type { Handlers } from '../http/register-routes';
import { reportHandlers } from '../proof-of-play/report-handlers';
import type { StaffAuth } from '../staff/staff-auth';
import { loadHeadOfficeKey, type Logger } from '@vitrine/shared/node';
import type { DocStore } from '../sync/doc-store';
import { ApprovalPolicy } from './approval-policy';
import { campaignHandlers } from './campaign-handlers';
import { CampaignService } from './campaign-service';
import { SignedIntake } from './signed-intake';
import { MediaStore } from './media-store';

export type SignageDomain = {
  /** Handlers of the route table's signage groups (server.ts registers them). */
  handlers: {
    fleet: Handlers<typeof fleetRoutes>;
    campaigns: Handlers<typeof campaignRoutes>;
    reports: Handlers<typeof reportRoutes>;
  };
  campaigns: CampaignService;
  fleet: FleetStore;
  media: MediaStore;
};

export function startSignage(options: {
  db: Db;
  docs: DocStore;
  dataDir: string;
  storeId: string;
  staffAuth: StaffAuth;
  registry: DeviceRegistry;
  presence: PresenceTracker;
  deadLetters: DeadLetters;
  publish: (topic: string, payload: string) => void;
  /** The store's IANA zone (VITRINE_TIME_ZONE), for schedules. */
  timeZone?: string;
  /** Where refused replays are logged for the store's IT. */
  log?: Logger;
  /**
   * A chain store's head office (from --hq-link): campaigns are checked against its key, players
   * pin it, and campaigns are written there, not here. Unset: the store plays head office with
   * its own key (the standalone demo).
   */
  headOffice?: { anchor: TrustAnchor; url: string | undefined };
}): SignageDomain {
  const timeZone = assertTimeZone(options.timeZone ?? 'Europe/Paris');
  const key = loadHeadOfficeKey(options.dataDir);
  const anchor = options.headOffice?.anchor ?? key.anchor;
  const media = new MediaStore(options.db, options.dataDir);
  const policy = new ApprovalPolicy(options.db);
  // A chain store still signs its own emergency message, with its own key (players trust it for
  // that message only): it must work while head office is out of reach.
  const storeEmergency = options.headOffice ? key.anchor : undefined;
  const intake = new SignedIntake(options.db, options.docs, anchor, options.log, storeEmergency);
  const campaigns = new CampaignService(options.db, media, key, intake, policy);
  const tombstoned = campaigns.withdrawLegacyDeletes();
  if (tombstoned > 0) {
    options.log?.info({ tombstoned }, 'campaigns: signed tombstones for earlier withdrawals');
  }
  const fleet = new FleetStore(options.db, options.registry, options.presence, options.docs);
  const ensureProfiles = () => fleet.ensureProfiles(options.storeId, timeZone);
  ensureProfiles();
  options.registry.onChange(ensureProfiles);
  const handlers = {
    campaigns: campaignHandlers({
      campaigns,
      intake,
      media,
      policy,
      anchor,
      ...(storeEmergency && { storeEmergency }),
      docs: options.docs,
      storeId: options.storeId,
      ...(options.headOffice && { headOffice: { url: options.headOffice.url } }),
    }),
    reports: reportHandlers(options.db, options.storeId),
    fleet: fleetHandlers({
      registry: options.registry,
      fleet,
      deadLetters: options.deadLetters,
      storeId: options.storeId,
      timeZone,
      dataDir: options.dataDir,
      publish: options.publish,
    }),
  };
  return { handlers, campaigns, fleet, media };
}
