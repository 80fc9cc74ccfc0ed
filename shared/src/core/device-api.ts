// HTTP contract between a touchpoint and its store server, for the calls a
// device makes. The server answers with these shapes; the client parses them.
import { z } from 'zod';
import { TrustBundle } from './store-trust';

export const AppName = z.enum(['kiosk', 'signage', 'mirror']);
export type AppName = z.infer<typeof AppName>;

/**
 * What an enrolled device is: one of the screens; a measuring station (a body
 * scanner) that runs none of the apps, syncs nothing and may only publish
 * measurements to the one mirror staff paired it with; or a people counter at
 * an entrance or a zone, which only pushes counts.
 */
export const DeviceRole = z.enum([...AppName.options, 'measure', 'counter']);
export type DeviceRole = z.infer<typeof DeviceRole>;

export const DeviceCredential = z.object({
  deviceId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1-64 of A-Z a-z 0-9 _ -'),
  secret: z.string().min(20).max(100),
});
export type DeviceCredential = z.infer<typeof DeviceCredential>;

export const EnrolRequest = z.object({ role: DeviceRole, name: z.string().trim().min(1).max(80) });
export const EnrolResponse = DeviceCredential.extend({
  storeId: z.string(),
  pairingCode: z.string(),
  /** The store's CA, to pin; absent when the server runs without TLS. */
  tls: TrustBundle.optional(),
});

export const DeviceMe = z.object({
  deviceId: z.string(),
  storeId: z.string(),
  role: DeviceRole,
  name: z.string(),
  status: z.enum(['pending', 'active', 'revoked']),
  pairingCode: z.string().nullable(),
  /** Where the device's MQTT connection goes; null: this server's own /mqtt. */
  mqttUrl: z.string().nullable(),
  /** The CAs to trust now (changes during a CA rotation); absent without TLS. */
  tls: TrustBundle.optional(),
});
export type DeviceMe = z.infer<typeof DeviceMe>;

export const DemoCredentialResponse = DeviceCredential.extend({ storeId: z.string() });

export const ApiError = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

/** The Authorization header a device sends. */
export const deviceBearer = (credential: DeviceCredential) =>
  `Bearer ${credential.deviceId}.${credential.secret}`;

export const SYNC_PAGE_LIMIT_MAX = 10_000;
