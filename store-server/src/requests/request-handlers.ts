// Request handlers (routes: shared/src/core/http/routes/requests.ts): the staff
// queue, its live feed and status changes; a device's own requests and theirs.
import {
  PROTOCOL_VERSION,
  type DeviceRequestMessage,
  type DeviceRequestSnapshot,
  type requestRoutes,
} from '@vitrine/shared/core';
import { openSse } from '../calls/sse-stream';
import type { Handlers } from '../http/register-routes';
import { toDeviceView, type RequestStore } from './request-store';

export function requestHandlers(store: RequestStore): Handlers<typeof requestRoutes> {
  const snapshotFor = (deviceId: string): DeviceRequestSnapshot => ({
    v: PROTOCOL_VERSION,
    type: 'snapshot',
    requests: store.forDevice(deviceId),
  });
  return {
    queue: () => ({ requests: store.queue() }),
    stream: ({ req, res }) => {
      let stop = () => {};
      const stream = openSse(req, res, () => stop());
      stream.send('snapshot', { requests: store.queue() });
      stop = store.onChange((changed) => stream.send('changes', { requests: changed }));
    },
    move: ({ params, body, caller }) =>
      store.move(params.id, body.status, caller.id, body.expectedVersion),
    mine: ({ caller }) => snapshotFor(caller.id),
    mineStream: ({ caller, req, res }) => {
      let stop = () => {};
      const stream = openSse(req, res, () => stop());
      stream.send('message', snapshotFor(caller.id));
      stop = store.onChange((changed) => {
        for (const request of changed) {
          if (request.deviceId !== caller.id) continue;
          const message: DeviceRequestMessage = {
            v: PROTOCOL_VERSION,
            type: 'status',
            request: toDeviceView(request),
          };
          stream.send('message', message);
        }
      });
    },
  };
}
