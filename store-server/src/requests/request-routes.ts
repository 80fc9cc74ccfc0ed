// Staff request queue: list, live feed, and status changes. Devices follow
// their own requests' status on a live feed of their own.
import { Router } from 'express';
import { parseUnknown, PROTOCOL_VERSION, RequestStatusUpdate } from '@vitrine/shared/core';
import { openSse } from '../calls/sse-stream';
import type { DeviceRegistry } from '../devices/registry';
import { deviceFrom } from '../http/auth';
import { parseOr400 } from '../http/http-error';
import { requireRole, type StaffAuth } from '../staff/staff-auth';
import { toDeviceView, type RequestStore } from './request-store';

export function requestRoutes(options: {
  auth: StaffAuth;
  store: RequestStore;
  registry: DeviceRegistry;
}): Router {
  const { auth, store, registry } = options;
  const router = Router();

  router.get('/requests', (req, res) => {
    requireRole(req, auth, 'staff');
    res.json({ requests: store.queue() });
  });

  router.get('/requests/stream', (req, res) => {
    requireRole(req, auth, 'staff');
    let stop = () => {};
    const stream = openSse(req, res, () => stop());
    stream.send('snapshot', { requests: store.queue() });
    stop = store.onChange((changed) => stream.send('changes', { requests: changed }));
  });

  router.post('/requests/:id/status', (req, res) => {
    const user = requireRole(req, auth, 'staff');
    const body = parseOr400(parseUnknown(RequestStatusUpdate, req.body));
    res.json(store.move(req.params.id, body.status, user.id, body.expectedVersion));
  });

  // A device's own requests: a snapshot, then each change as it happens.
  router.get('/requests/mine', (req, res) => {
    const device = deviceFrom(req, registry, { activeOnly: true });
    res.json({ v: PROTOCOL_VERSION, type: 'snapshot', requests: store.forDevice(device.id) });
  });

  router.get('/requests/mine/stream', (req, res) => {
    const device = deviceFrom(req, registry, { activeOnly: true });
    let stop = () => {};
    const stream = openSse(req, res, () => stop());
    stream.send('message', {
      v: PROTOCOL_VERSION,
      type: 'snapshot',
      requests: store.forDevice(device.id),
    });
    stop = store.onChange((changed) => {
      for (const request of changed) {
        if (request.deviceId !== device.id) continue;
        stream.send('message', {
          v: PROTOCOL_VERSION,
          type: 'status',
          request: toDeviceView(request),
        });
      }
    });
  });
  return router;
}
