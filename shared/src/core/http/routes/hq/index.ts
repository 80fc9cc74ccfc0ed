// Head office's HTTP API, by group (served under /api by head-office/src/server.ts).
import { hqEnrolmentRoutes } from './enrolment';
import { hqLinkRoutes } from './link';
import { hqStoreRoutes } from './stores';

export const hqRoutes = {
  stores: hqStoreRoutes,
  enrolment: hqEnrolmentRoutes,
  link: hqLinkRoutes,
} as const;
export type HqRoutes = typeof hqRoutes;

export * from './stores';
export * from './enrolment';
export * from './link';
