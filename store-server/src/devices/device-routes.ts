import { Router } from 'express';
import { z } from 'zod';
import {
  AppName,
  EnrolRequest,
  parseUnknown,
  type DeviceMe,
  type TrustBundle,
} from '@vitrine/shared/core';
import { deviceFrom, isLoopback, requireAdmin } from '../http/auth';
import { HttpError, parseOr400 } from '../http/http-error';
import type { PresenceTracker } from './presence';
import type { DeviceRecord, DeviceRegistry } from './registry';

export type DemoDevices = Map<AppName, { deviceId: string; secret: string }>;

export function deviceRoutes(options: {
  registry: DeviceRegistry;
  presence: PresenceTracker;
  storeId: string;
  adminToken: string;
  demoDevices: DemoDevices | undefined;
  deviceMqttUrl: string | undefined;
  /** The store CAs to pin; undefined when the server runs without TLS. */
  trustBundle?: () => TrustBundle | undefined;
}): Router {
  const { registry, presence, storeId, adminToken } = options;
  const router = Router();
  const me = (device: DeviceRecord): DeviceMe => ({
    deviceId: device.id,
    storeId,
    role: device.role,
    name: device.name,
    status: device.status,
    pairingCode: device.pairingCode,
    mqttUrl: options.deviceMqttUrl ?? null,
    tls: options.trustBundle?.(),
  });

  // A new screen asks to join; it shows the pairing code until staff approve.
  router.post('/devices/enrol', (req, res) => {
    const body = parseOr400(parseUnknown(EnrolRequest, req.body));
    const { device, secret } = registry.enrol(body.role, body.name);
    res.status(201).json({
      deviceId: device.id,
      secret,
      storeId,
      pairingCode: device.pairingCode,
      tls: options.trustBundle?.(),
    });
  });

  router.get('/devices/me', (req, res) => {
    res.json(me(deviceFrom(req, registry, { activeOnly: false })));
  });

  // The demo store's pre-enrolled screens, handed only to a browser on this machine.
  router.get('/devices/demo-credential', (req, res) => {
    const app = parseOr400(parseUnknown(z.object({ app: AppName }), req.query)).app;
    const credential = options.demoDevices?.get(app);
    if (!credential)
      throw new HttpError(404, 'not_demo', 'this store server is not running the demo store');
    if (!isLoopback(req))
      throw new HttpError(403, 'not_local', 'demo credentials are only given to this machine');
    res.json({ ...credential, storeId });
  });

  router.get('/devices', (req, res) => {
    requireAdmin(req, adminToken);
    const online = new Map(presence.list().map((row) => [row.deviceId, row]));
    res.json({
      devices: registry
        .list()
        .map((device) => ({ ...device, presence: online.get(device.id) ?? null })),
    });
  });

  router.post('/devices/approve', (req, res) => {
    requireAdmin(req, adminToken);
    const { pairingCode } = parseOr400(
      parseUnknown(z.object({ pairingCode: z.string().regex(/^\d{6}$/) }), req.body),
    );
    const device = registry.approveByCode(pairingCode);
    if (!device)
      throw new HttpError(404, 'unknown_code', `no device is waiting with code ${pairingCode}`);
    res.json(me(device));
  });

  router.post('/devices/:id/revoke', (req, res) => {
    requireAdmin(req, adminToken);
    const device = registry.revoke(req.params.id);
    if (!device) throw new HttpError(404, 'unknown_device', `no device ${req.params.id}`);
    res.json(me(device));
  });
  return router;
}
