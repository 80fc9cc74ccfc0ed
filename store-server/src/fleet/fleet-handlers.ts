// Fleet handlers (routes: shared/src/core/http/routes/fleet.ts): screens'
// heartbeats, clock samples and screenshots, the fleet view, targeting
// profiles, remote reload and screenshots on demand.
import express, { type Request, type Response } from 'express';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  MAX_SCREENSHOT_BYTES,
  PROTOCOL_VERSION,
  topics,
  type DeviceCommand,
  type fleetRoutes,
} from '@vitrine/shared/core';
import type { DeviceRegistry } from '../devices/registry';
import { rejectedEvents } from '../events/rejected-events';
import type { DeadLetters } from '../events/dead-letters';
import { HttpError } from '@vitrine/shared/node';
import type { Handlers } from '../http/register-routes';
import type { FleetStore } from './fleet-store';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const rawPng = express.raw({ type: 'image/png', limit: MAX_SCREENSHOT_BYTES });
const readPng = (req: Request, res: Response) =>
  new Promise<unknown>((resolve, reject) =>
    rawPng(req, res, (error?: Error) => (error ? reject(error) : resolve(req.body))),
  );

export function fleetHandlers(options: {
  registry: DeviceRegistry;
  fleet: FleetStore;
  deadLetters: DeadLetters;
  storeId: string;
  timeZone: string;
  dataDir: string;
  publish: (topic: string, payload: string) => void;
}): Handlers<typeof fleetRoutes> {
  const { registry, fleet } = options;
  const shots = join(options.dataDir, 'screenshots');
  mkdirSync(shots, { recursive: true });
  const signageDevice = (id: string) => {
    const device = registry.get(id);
    if (!device || device.role !== 'signage')
      throw new HttpError(404, 'not_found', `no signage screen ${id}`);
    return device;
  };
  const command = <N extends DeviceCommand['command']>(deviceId: string, name: N) => {
    const message: DeviceCommand = { v: PROTOCOL_VERSION, type: 'command', command: name };
    options.publish(topics.commands(options.storeId, deviceId), JSON.stringify(message));
    return { sent: name };
  };

  return {
    time: ({ res }) => {
      res.set('cache-control', 'no-store');
      return { serverTime: Date.now() };
    },
    heartbeat: ({ caller, body }) => fleet.recordHeartbeat(caller.id, body),
    uploadScreenshot: async ({ caller, req, res }) => {
      const body = await readPng(req, res);
      // Compared, not read: a body shorter than the signature is refused, not a crash.
      if (!Buffer.isBuffer(body) || !body.subarray(0, 8).equals(PNG_SIGNATURE)) {
        throw new HttpError(415, 'unsupported_media', 'a screenshot is a PNG image');
      }
      writeFileSync(join(shots, `${caller.id}.png`), body);
    },
    list: ({ query }) => ({
      screens: fleet.list(query.offlineAlertMin * 60_000),
      timeZone: options.timeZone,
    }),
    rejectedEvents: () => rejectedEvents(registry, options.deadLetters),
    setProfile: ({ params, body }) => {
      const device = signageDevice(params.id);
      const profile = {
        ...body,
        id: device.id,
        storeId: options.storeId,
        timeZone: options.timeZone,
      };
      fleet.setProfile(profile);
      return profile;
    },
    rename: ({ params, body, caller }) => {
      const device = signageDevice(params.id);
      return { deviceId: device.id, name: fleet.rename(device.id, body.name, caller.id) };
    },
    reload: ({ params }) => command(signageDevice(params.id).id, 'reload'),
    requestScreenshot: ({ params }) => command(signageDevice(params.id).id, 'screenshot'),
    screenshot: ({ params, res }) => {
      const file = join(shots, `${signageDevice(params.id).id}.png`);
      if (!existsSync(file)) throw new HttpError(404, 'not_found', 'no screenshot yet');
      res.set('cache-control', 'no-store').sendFile(file);
    },
  };
}
