// Touchpoint side of expert calls: a live feed (availability, queue position,
// signalling), asking for a call, relaying signals, hanging up, rating.
import { Router } from 'express';
import { z } from 'zod';
import { CallRating, CallRequest, CallSignal, parseUnknown } from '@vitrine/shared/core';
import type { DeviceRegistry } from '../devices/registry';
import { deviceFrom } from '../http/auth';
import { parseOr400 } from '../http/http-error';
import { requireRole, type StaffAuth } from '../staff/staff-auth';
import type { CallService } from './call-service';
import { openSse } from './sse-stream';
import { iceServersFor, type IceSettings } from './turn-credentials';

export function callRoutes(options: {
  calls: CallService;
  registry: DeviceRegistry;
  auth: StaffAuth;
  ice: IceSettings;
}): Router {
  const { calls, registry, auth } = options;
  const router = Router();
  const device = (req: Parameters<typeof deviceFrom>[0]) =>
    deviceFrom(req, registry, { activeOnly: true });

  // Each caller gets its own short-lived TURN credential, named after it in the TURN logs.
  router.get('/calls/ice-servers', (req, res) => {
    let who: string;
    try {
      who = `device-${device(req).id}`;
    } catch {
      who = `expert-${requireRole(req, auth, 'expert').id}`;
    }
    res.set('cache-control', 'no-store').json({ iceServers: iceServersFor(options.ice, who) });
  });

  router.get('/calls/device/stream', (req, res) => {
    const me = device(req);
    let detach = () => {};
    const stream = openSse(req, res, () => detach());
    detach = calls.attachDevice(me.id, (event) => stream.send('message', event));
  });

  router.post('/calls', (req, res) => {
    const me = device(req);
    const body = parseOr400(parseUnknown(CallRequest, req.body));
    res.status(201).json(calls.request(me.id, me.name, body));
  });

  router.post('/calls/:id/signal', (req, res) => {
    const me = device(req);
    calls.signal(
      { deviceId: me.id },
      req.params.id,
      parseOr400(parseUnknown(CallSignal, req.body)),
    );
    res.status(204).end();
  });

  router.post('/calls/:id/end', (req, res) => {
    const me = device(req);
    const { reason } = parseOr400(
      parseUnknown(z.object({ reason: z.enum(['shopper-ended', 'shopper-cancelled']) }), req.body),
    );
    calls.end({ deviceId: me.id }, req.params.id, reason);
    res.status(204).end();
  });

  router.post('/calls/:id/rating', (req, res) => {
    const me = device(req);
    calls.rate(me.id, req.params.id, parseOr400(parseUnknown(CallRating, req.body)).value);
    res.status(204).end();
  });
  return router;
}
