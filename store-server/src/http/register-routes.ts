// The store server's side of the route registrar (@vitrine/shared/node): who
// each auth kind of the API's route table is at a store (an enrolled device, a
// signed-in user, the admin token), and the handler types its domains implement.
import type { Router } from 'express';
import type { ApiRoutes, RouteGroup } from '@vitrine/shared/core';
import {
  registerTable,
  type AuthAdapter,
  type GroupHandlers,
  type TableHandlers,
} from '@vitrine/shared/node';
import { parseDeviceBearer } from '../devices/credentials';
import type { DeviceRecord, DeviceRegistry } from '../devices/registry';
import { requireRole, type StaffAuth } from '../staff/staff-auth';
import type { StaffUser } from '../staff/staff-store';
import { deviceFrom, isAdmin, requireAdmin } from './auth';

/** Who the handler is serving, by the route's auth kind. */
type StoreCallers = {
  public: undefined;
  device: DeviceRecord;
  staff: StaffUser;
  admin: undefined;
  'device-or-admin': DeviceRecord | 'admin';
  'device-or-staff': { device: DeviceRecord } | { staff: StaffUser };
};

export type Handlers<G extends RouteGroup> = GroupHandlers<G, StoreCallers>;
/** A handler for every route of every group of the API. */
export type ApiHandlers = TableHandlers<ApiRoutes, StoreCallers>;

/** How the server tells who is calling. */
export type CallerChecks = { registry: DeviceRegistry; staffAuth: StaffAuth };

function storeAuth({ registry, staffAuth }: CallerChecks): AuthAdapter<StoreCallers> {
  return {
    public: () => undefined,
    device: (req, auth) =>
      deviceFrom(req, registry, { activeOnly: auth.pending !== true, roles: auth.roles }),
    staff: (req, auth) => requireRole(req, staffAuth, ...auth.roles),
    admin: (req) => {
      requireAdmin(req, staffAuth.adminToken);
      return undefined;
    },
    'device-or-admin': (req) =>
      isAdmin(req, staffAuth.adminToken)
        ? 'admin'
        : deviceFrom(req, registry, { activeOnly: true }),
    // The bearer's shape says which it is, so each gets its own refusal (a revoked screen
    // 403); an admin token that happens to have a device's shape is still the admin's.
    'device-or-staff': (req, auth) =>
      parseDeviceBearer(req.header('authorization')) && !isAdmin(req, staffAuth.adminToken)
        ? { device: deviceFrom(req, registry, { activeOnly: true }) }
        : { staff: requireRole(req, staffAuth, ...auth.roles) },
  };
}

/** Registers every group of the API's route table. */
export function registerApi(
  router: Router,
  table: ApiRoutes,
  handlers: ApiHandlers,
  checks: CallerChecks,
): void {
  registerTable(router, table, handlers, storeAuth(checks));
}
