// Call handlers, the touchpoint's side (routes: shared/src/core/http/routes/
// calls.ts): ICE servers, the live call feed, asking for a call, relaying
// signals, hanging up, rating.
import type { callRoutes } from '@vitrine/shared/core';
import type { Handlers } from '../http/register-routes';
import type { CallService } from './call-service';
import { openSse } from './sse-stream';
import { iceServersFor, type IceSettings } from './turn-credentials';

export function callHandlers(calls: CallService, ice: IceSettings): Handlers<typeof callRoutes> {
  return {
    // Each caller gets its own short-lived TURN credential, named after it in the TURN logs.
    iceServers: ({ caller, res }) => {
      const who = 'device' in caller ? `device-${caller.device.id}` : `expert-${caller.staff.id}`;
      res.set('cache-control', 'no-store');
      return { iceServers: iceServersFor(ice, who) };
    },
    deviceStream: ({ caller, req, res }) => {
      let detach = () => {};
      const stream = openSse(req, res, () => detach());
      detach = calls.attachDevice(caller.id, (event) => stream.send('message', event));
    },
    request: ({ caller, body }) => calls.request(caller.id, caller.name, body),
    signal: ({ caller, params, body }) => calls.signal({ deviceId: caller.id }, params.id, body),
    end: ({ caller, params, body }) => calls.end({ deviceId: caller.id }, params.id, body.reason),
    rate: ({ caller, params, body }) => calls.rate(caller.id, params.id, body.value),
  };
}
