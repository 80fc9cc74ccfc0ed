// Who is calling: an enrolled device (Bearer <id>.<secret>) or staff/admin
// (Bearer <admin token>) until staff sign-in exists.
import { timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import { parseDeviceBearer } from '../devices/credentials';
import type { DeviceRecord, DeviceRegistry } from '../devices/registry';
import { HttpError } from '@vitrine/shared/node';
import { SCREEN_ROLES, type DeviceRole } from '@vitrine/shared/core';

export function deviceFrom(
  req: Request,
  registry: DeviceRegistry,
  /** `roles`: the devices the route serves (the screens unless it says): a sensor calls no screen's route. */
  options: { activeOnly: boolean; roles?: readonly DeviceRole[] | undefined },
): DeviceRecord {
  const bearer = parseDeviceBearer(req.header('authorization'));
  const device = bearer ? registry.verify(bearer.deviceId, bearer.secret) : undefined;
  if (!device) throw new HttpError(401, 'unauthenticated', 'a valid device credential is required');
  if (options.activeOnly && device.status !== 'active') {
    throw new HttpError(403, `device_${device.status}`, `device ${device.id} is ${device.status}`);
  }
  if (!(options.roles ?? SCREEN_ROLES).includes(device.role)) {
    throw new HttpError(403, 'wrong_device', `a ${device.role} device may not call this route`);
  }
  return device;
}

export function isAdmin(req: Request, adminToken: string): boolean {
  const given = Buffer.from(/^Bearer (.+)$/.exec(req.header('authorization') ?? '')?.[1] ?? '');
  const expected = Buffer.from(adminToken);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function requireAdmin(req: Request, adminToken: string): void {
  if (!isAdmin(req, adminToken))
    throw new HttpError(401, 'unauthenticated', 'staff credential required');
}

export function isLoopback(req: Request): boolean {
  const address = req.socket.remoteAddress ?? '';
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}
