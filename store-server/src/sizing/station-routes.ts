// Measuring stations: staff pair each one with a mirror (a fitting room); a
// station reads its own pairing to learn where to publish.
import { Router } from 'express';
import {
  parseUnknown,
  PROTOCOL_VERSION,
  StationPairingRequest,
  type MeasuringStationList,
} from '@vitrine/shared/core';
import type { DeviceRegistry } from '../devices/registry';
import { deviceFrom } from '../http/auth';
import { HttpError, parseOr400 } from '../http/http-error';
import { requireRole, type StaffAuth } from '../staff/staff-auth';
import type { StationPairings } from './station-pairings';

export function stationRoutes(options: {
  pairings: StationPairings;
  registry: DeviceRegistry;
  auth: StaffAuth;
}): Router {
  const { pairings, registry, auth } = options;
  const router = Router();

  router.get('/sizing/stations', (req, res) => {
    requireRole(req, auth, 'staff', 'manager');
    const answer: MeasuringStationList = {
      v: PROTOCOL_VERSION,
      stations: pairings.list(),
      mirrors: registry
        .list()
        .filter((device) => device.role === 'mirror' && device.status === 'active')
        .map(({ id, name }) => ({ id, name })),
    };
    res.set('cache-control', 'no-store').json(answer);
  });

  // Where this station may publish now (null topic: not paired, or its mirror is gone).
  router.get('/sizing/stations/me', (req, res) => {
    const device = deviceFrom(req, registry, { activeOnly: true, stations: true });
    if (device.role !== 'measure')
      throw new HttpError(403, 'forbidden', 'only a measuring station has a pairing');
    res.set('cache-control', 'no-store').json(pairings.describe(device));
  });

  router.put('/sizing/stations/:stationId', (req, res) => {
    const user = requireRole(req, auth, 'staff', 'manager');
    const { mirrorId } = parseOr400(parseUnknown(StationPairingRequest, req.body));
    const result = pairings.pair(req.params.stationId, mirrorId, user.id);
    if (!result.ok)
      throw new HttpError(result.refusal.status, result.refusal.code, result.refusal.message);
    res.json(result.station);
  });
  return router;
}
