// The body gate's question, "is this caller signed in?", answered from the
// Authorization header alone, the same way the routes answer it.
import type { Request } from 'express';
import type { DeviceRegistry } from '../devices/registry';
import { requireRole, type StaffAuth } from '../staff/staff-auth';
import { deviceFrom } from './auth';
import type { CallerCheck } from '@vitrine/shared/node';
import { DeviceRole } from '@vitrine/shared/core';

const passes = (check: () => unknown) => {
  try {
    check();
    return true;
  } catch {
    return false;
  }
};

export function callerChecks(registry: DeviceRegistry, staffAuth: StaffAuth): CallerCheck {
  // Any enrolled device: whether its role may call the route is the route's own check.
  const device = (req: Request) =>
    passes(() => deviceFrom(req, registry, { activeOnly: false, roles: DeviceRole.options }));
  const staff = (req: Request) => passes(() => requireRole(req, staffAuth));
  return { device, staff, 'device-or-staff': (req) => device(req) || staff(req) };
}
