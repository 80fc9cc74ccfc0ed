// Head office's HTTP API, by group (served under /api/v1 by head-office/src/server.ts).
import { hqAssistantRoutes } from './assistant';
import { hqCampaignRoutes } from './campaigns';
import { hqCatalogueRoutes } from './catalogue';
import { hqInsightsRoutes } from './insights';
import { hqEnrolmentRoutes } from './enrolment';
import { hqFleetRoutes } from './fleet';
import { hqMediaRoutes } from './media';
import { hqLinkRoutes } from './link';
import { hqReportRoutes } from './reports';
import { hqSettingsRoutes } from './settings';
import { hqAuthRoutes, hqUserRoutes } from './users';
import { hqStoreRoutes } from './stores';

export const hqRoutes = {
  stores: hqStoreRoutes,
  enrolment: hqEnrolmentRoutes,
  campaigns: hqCampaignRoutes,
  media: hqMediaRoutes,
  fleet: hqFleetRoutes,
  link: hqLinkRoutes,
  reports: hqReportRoutes,
  catalogue: hqCatalogueRoutes,
  settings: hqSettingsRoutes,
  auth: hqAuthRoutes,
  users: hqUserRoutes,
  assistant: hqAssistantRoutes,
  insights: hqInsightsRoutes,
} as const;
export type HqRoutes = typeof hqRoutes;

export * from './stores';
export * from './enrolment';
export * from './campaigns';
export * from './media';
export * from './fleet';
export * from './link';
export * from './reports';
export * from './catalogue';
export * from './settings';
export * from './roles';
export * from './users';
export * from './assistant';
export * from './insights';
