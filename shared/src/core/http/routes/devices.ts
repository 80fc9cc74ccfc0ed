// Devices: a new screen enrols and waits for staff to approve its pairing
// code; an enrolled one reads who it is and reports its faults.
import { z } from 'zod';
import {
  AppName,
  DeviceRole,
  DemoCredentialResponse,
  DeviceMe,
  EnrolRequest,
  EnrolResponse,
} from '../../device-api';
import { FaultReport } from '../../faults';
import { admin, anyone, device, route } from '../route';
import { idParam } from './ids';

/** A device as the store's admin sees it, with its broker presence. */
export const DeviceListing = z.object({
  id: z.string(),
  role: DeviceRole,
  name: z.string(),
  status: z.enum(['pending', 'active', 'revoked']),
  pairingCode: z.string().nullable(),
  createdAt: z.string(),
  approvedAt: z.string().nullable(),
  presence: z
    .object({
      deviceId: z.string(),
      online: z.boolean(),
      session: z.number(),
      app: z.string().nullable(),
      version: z.string().nullable(),
      showing: z.string().nullable(),
      changedAt: z.string(),
    })
    .nullable(),
});
export type DeviceListing = z.infer<typeof DeviceListing>;

export const StoredFault = z.object({
  id: z.string(),
  device_id: z.string(),
  app: z.string(),
  app_version: z.string(),
  at: z.string(),
  kind: z.string(),
  detail: z.string(),
  action: z.string(),
  received_at: z.string(),
});
export const PairingCodeInput = z.object({ pairingCode: z.string().regex(/^\d{6}$/) });
const deviceId = idParam('device');

export const deviceRoutes = {
  enrol: route({
    method: 'POST',
    path: '/devices/enrol',
    summary: 'A new device asks to join; it shows the pairing code until staff approve',
    auth: anyone,
    body: EnrolRequest,
    limit: 2 * 1024,
    response: EnrolResponse,
    status: 201,
  }),
  me: route({
    method: 'GET',
    path: '/devices/me',
    summary: 'Who the calling device is, its status and where its broker is',
    auth: device({ pending: true, roles: DeviceRole.options }),
    response: DeviceMe,
  }),
  demoCredential: route({
    method: 'GET',
    path: '/devices/demo-credential',
    summary: "The demo store's pre-enrolled screens, handed only to a browser on this machine",
    auth: anyone,
    query: z.object({ app: AppName }),
    response: DemoCredentialResponse,
  }),
  list: route({
    method: 'GET',
    path: '/devices',
    summary: 'Every enrolled device with its presence (admin token)',
    auth: admin,
    response: z.object({ devices: z.array(DeviceListing) }),
  }),
  approve: route({
    method: 'POST',
    path: '/devices/approve',
    summary: 'Approves the device showing this pairing code (admin token)',
    auth: admin,
    body: PairingCodeInput,
    response: DeviceMe,
  }),
  revoke: route({
    method: 'POST',
    path: '/devices/:id/revoke',
    summary: 'Revokes a device: its credential stops working (admin token)',
    auth: admin,
    params: deviceId,
    response: DeviceMe,
  }),
  reportFault: route({
    method: 'POST',
    path: '/devices/:id/faults',
    summary: 'A device reports a fault of its own (201 stored, 200 already stored)',
    auth: device(),
    params: deviceId,
    body: FaultReport,
    limit: 64 * 1024,
    response: z.object({ id: z.string(), stored: z.boolean() }),
    status: 201,
  }),
  faults: route({
    method: 'GET',
    path: '/devices/:id/faults',
    summary: "A device's latest 200 faults (admin token)",
    auth: admin,
    params: deviceId,
    response: z.object({ faults: z.array(StoredFault) }),
  }),
} as const;
