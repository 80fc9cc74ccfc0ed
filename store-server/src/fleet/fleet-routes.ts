// Fleet API: screens' heartbeats and clock samples (devices), the fleet view,
// targeting profiles, remote reload and screenshots on demand (head office).
import express, { Router } from 'express';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import {
  PROTOCOL_VERSION,
  ScreenHeartbeat,
  ScreenProfileDoc,
  parseUnknown,
  topics,
  type DeviceCommand,
} from '@vitrine/shared/core';
import type { DeviceRegistry } from '../devices/registry';
import { deviceFrom } from '../http/auth';
import { HttpError, parseOr400 } from '../http/http-error';
import { requireRole, type StaffAuth } from '../staff/staff-auth';
import type { FleetStore } from './fleet-store';

const DeviceParam = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'a device id') });
const FleetQuery = z.object({ offlineAlertMin: z.coerce.number().min(1).max(1_440).default(5) });
const ProfileInput = ScreenProfileDoc.omit({ id: true, storeId: true, timeZone: true });
const MAX_SCREENSHOT_BYTES = 5 * 1024 * 1024;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** A name people read in the fleet view: trimmed, 1-60 characters, no control characters. */
export const ScreenNameInput = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'a name cannot be empty')
    .max(60, 'a name is at most 60 characters')
    .regex(/^[^\p{Cc}\p{Cf}]+$/u, 'a name cannot hold control characters'),
});

export function fleetRoutes(options: {
  auth: StaffAuth;
  registry: DeviceRegistry;
  fleet: FleetStore;
  storeId: string;
  timeZone: string;
  dataDir: string;
  publish: (topic: string, payload: string) => void;
}): Router {
  const { auth, registry, fleet } = options;
  const router = Router();
  const shots = join(options.dataDir, 'screenshots');
  mkdirSync(shots, { recursive: true });
  const signageDevice = (params: unknown) => {
    const { id } = parseOr400(parseUnknown(DeviceParam, params));
    const device = registry.get(id);
    if (!device || device.role !== 'signage')
      throw new HttpError(404, 'not_found', `no signage screen ${id}`);
    return device;
  };
  const command = (deviceId: string, name: DeviceCommand['command']) => {
    const message: DeviceCommand = { v: PROTOCOL_VERSION, type: 'command', command: name };
    options.publish(topics.commands(options.storeId, deviceId), JSON.stringify(message));
  };

  /** NTP-style sample: the device notes when it asked and when the answer came. */
  router.get('/fleet/time', (_req, res) => {
    res.set('cache-control', 'no-store').json({ serverTime: Date.now() });
  });
  router.post('/fleet/heartbeat', (req, res) => {
    const device = deviceFrom(req, registry, { activeOnly: true });
    fleet.recordHeartbeat(device.id, parseOr400(parseUnknown(ScreenHeartbeat, req.body)));
    res.status(204).end();
  });
  router.post(
    '/fleet/screenshot',
    express.raw({ type: 'image/png', limit: MAX_SCREENSHOT_BYTES }),
    (req, res) => {
      const device = deviceFrom(req, registry, { activeOnly: true });
      const body: unknown = req.body;
      // Compared, not read: a body shorter than the signature is refused, not a crash.
      if (!Buffer.isBuffer(body) || !body.subarray(0, 8).equals(PNG_SIGNATURE)) {
        throw new HttpError(415, 'unsupported_media', 'a screenshot is a PNG image');
      }
      writeFileSync(join(shots, `${device.id}.png`), body);
      res.status(204).end();
    },
  );

  router.get('/fleet', (req, res) => {
    requireRole(req, auth, 'manager', 'editor', 'publisher');
    const { offlineAlertMin } = parseOr400(parseUnknown(FleetQuery, req.query));
    res.json({ screens: fleet.list(offlineAlertMin * 60_000), timeZone: options.timeZone });
  });
  router.put('/fleet/:id/profile', (req, res) => {
    requireRole(req, auth, 'manager', 'publisher');
    const device = signageDevice(req.params);
    const input = parseOr400(parseUnknown(ProfileInput, req.body));
    const profile = {
      ...input,
      id: device.id,
      storeId: options.storeId,
      timeZone: options.timeZone,
    };
    fleet.setProfile(profile);
    res.json(profile);
  });
  router.put('/fleet/:id/name', (req, res) => {
    const user = requireRole(req, auth, 'manager', 'publisher');
    const device = signageDevice(req.params);
    const { name } = parseOr400(parseUnknown(ScreenNameInput, req.body));
    res.json({ deviceId: device.id, name: fleet.rename(device.id, name, user.id) });
  });
  router.post('/fleet/:id/reload', (req, res) => {
    requireRole(req, auth, 'manager', 'publisher');
    command(signageDevice(req.params).id, 'reload');
    res.status(202).json({ sent: 'reload' });
  });
  router.post('/fleet/:id/screenshot', (req, res) => {
    requireRole(req, auth, 'manager', 'editor', 'publisher');
    command(signageDevice(req.params).id, 'screenshot');
    res.status(202).json({ sent: 'screenshot' });
  });
  router.get('/fleet/:id/screenshot', (req, res) => {
    requireRole(req, auth, 'manager', 'editor', 'publisher');
    const file = join(shots, `${signageDevice(req.params).id}.png`);
    if (!existsSync(file)) throw new HttpError(404, 'not_found', 'no screenshot yet');
    res.set('cache-control', 'no-store').sendFile(file);
  });
  return router;
}
