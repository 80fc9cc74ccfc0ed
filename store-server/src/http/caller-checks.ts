// The body gate's question, "is this caller signed in?", answered from the
// Authorization header alone, the same way the routes answer it.
import type { Request } from 'express';
import type { DeviceRegistry } from '../devices/registry';
import { requireRole, type StaffAuth } from '../staff/staff-auth';
import { deviceFrom } from './auth';
import type { CallerCheck } from '@vitrine/shared/node';

const passes = (check: () => unknown) => {
  try {
    check();
    return true;
  } catch {
    return false;
  }
};

export function callerChecks(registry: DeviceRegistry, staffAuth: StaffAuth): CallerCheck {
  const device = (req: Request) => passes(() => deviceFrom(req, registry, { activeOnly: false }));
  const staff = (req: Request) => passes(() => requireRole(req, staffAuth));
  return { device, staff, 'device-or-staff': (req) => device(req) || staff(req) };
}
