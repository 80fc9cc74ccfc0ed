// Size charts for the mirrors (device credential) and for staff, and their
// upkeep by a manager. The advice itself is computed on the mirror
// (shared/src/core/sizing); measurements only pass through to the mirror.
import { Router } from 'express';
import {
  parseUnknown,
  PROTOCOL_VERSION,
  SizeChart,
  type SizeChartList,
} from '@vitrine/shared/core';
import { parseDeviceBearer } from '../devices/credentials';
import type { DeviceRegistry } from '../devices/registry';
import { deviceFrom } from '../http/auth';
import { HttpError, parseOr400 } from '../http/http-error';
import { openSse } from '../calls/sse-stream';
import type { MeasurementRelay } from './measurement-relay';
import { requireRole, type StaffAuth } from '../staff/staff-auth';
import type { SizeChartStore } from './size-chart-store';

export function sizingRoutes(options: {
  store: SizeChartStore;
  registry: DeviceRegistry;
  auth: StaffAuth;
  relay: MeasurementRelay;
}): Router {
  const { store, registry, auth, relay } = options;
  const router = Router();

  router.get('/sizing/charts', (req, res) => {
    if (parseDeviceBearer(req.header('authorization')))
      deviceFrom(req, registry, { activeOnly: true });
    else requireRole(req, auth);
    const answer: SizeChartList = { v: PROTOCOL_VERSION, charts: store.list() };
    res.set('cache-control', 'no-store').json(answer);
  });

  router.put('/sizing/charts', (req, res) => {
    requireRole(req, auth, 'manager');
    const chart = parseOr400(parseUnknown(SizeChart, req.body));
    store.put(chart);
    res.json(chart);
  });
  // A mirror's live feed of the measurements a measuring device sends it.
  router.get('/sizing/measurements/stream', (req, res) => {
    const device = deviceFrom(req, registry, { activeOnly: true });
    if (device.role !== 'mirror')
      throw new HttpError(403, 'forbidden', 'only a mirror receives measurements');
    let stop = () => {};
    const stream = openSse(req, res, () => stop());
    stop = relay.listen(device.id, (message) => stream.send('message', message));
  });
  return router;
}
