// Device handlers (routes: shared/src/core/http/routes/devices.ts): enrolment,
// who a device is, the demo's pre-enrolled screens, approval and revocation,
// and the faults the desktop shells report.
import type { AppName, DeviceMe, TrustBundle, deviceRoutes } from '@vitrine/shared/core';
import type { Db } from '../db/database';
import { isLoopback } from '../http/auth';
import { HttpError, type Logger } from '@vitrine/shared/node';
import type { Handlers } from '../http/register-routes';
import type { PresenceTracker } from './presence';
import type { DeviceRecord, DeviceRegistry } from './registry';

/** Approves the device showing this pairing code (admin token or staff desk); 404 when none. */
export function approvePairingCode(registry: DeviceRegistry, pairingCode: string): DeviceRecord {
  const device = registry.approveByCode(pairingCode);
  if (!device)
    throw new HttpError(404, 'unknown_code', `no device is waiting with code ${pairingCode}`);
  return device;
}

export type DemoDevices = Map<AppName, { deviceId: string; secret: string }>;

export function deviceHandlers(options: {
  db: Db;
  registry: DeviceRegistry;
  presence: PresenceTracker;
  storeId: string;
  demoDevices: DemoDevices | undefined;
  deviceMqttUrl: string | undefined;
  /** The store CAs to pin; undefined when the server runs without TLS. */
  trustBundle?: () => TrustBundle | undefined;
  log: Logger;
}): Handlers<typeof deviceRoutes> {
  const { db, registry, presence, storeId, log } = options;
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
  // Stored once per report id: a resend after a lost answer is acknowledged without a second row.
  const insertFault = db.prepare(
    `INSERT INTO faults (id, device_id, app, app_version, at, kind, detail, action, received_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
  );

  return {
    enrol: ({ body }) => {
      const { device, secret, pairingCode } = registry.enrol(body.role, body.name);
      return {
        deviceId: device.id,
        secret,
        storeId,
        pairingCode,
        tls: options.trustBundle?.(),
      };
    },
    me: ({ caller }) => me(caller),
    demoCredential: ({ query, req }) => {
      const credential = options.demoDevices?.get(query.app);
      if (!credential)
        throw new HttpError(404, 'not_demo', 'this store server is not running the demo store');
      if (!isLoopback(req))
        throw new HttpError(403, 'not_local', 'demo credentials are only given to this machine');
      return { ...credential, storeId };
    },
    list: () => {
      const online = new Map(presence.list().map((row) => [row.deviceId, row]));
      return {
        devices: registry
          .list()
          .map((device) => ({ ...device, presence: online.get(device.id) ?? null })),
      };
    },
    approve: ({ body }) => me(approvePairingCode(registry, body.pairingCode)),
    revoke: ({ params }) => {
      const device = registry.revoke(params.id);
      if (!device) throw new HttpError(404, 'unknown_device', `no device ${params.id}`);
      return me(device);
    },
    reportFault: ({ caller, params, body, res }) => {
      if (caller.id !== params.id)
        throw new HttpError(403, 'not_yours', 'a device reports only its own faults');
      const stored =
        insertFault.run(
          body.id,
          caller.id,
          body.app,
          body.appVersion,
          body.at,
          body.kind,
          body.detail,
          body.action,
          new Date().toISOString(),
        ).changes === 1;
      if (stored)
        log.warn({ deviceId: caller.id, kind: body.kind, action: body.action }, 'device fault');
      else res.status(200);
      return { id: body.id, stored };
    },
    faults: ({ params }) => ({
      faults: db
        .prepare('SELECT * FROM faults WHERE device_id = ? ORDER BY at DESC LIMIT 200')
        .all(params.id) as never,
    }),
  };
}
