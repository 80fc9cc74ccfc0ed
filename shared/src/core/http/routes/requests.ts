// Requests a touchpoint sends to staff (help, another size, a reservation):
// staff see the queue, live, and move each request along; the device that
// asked follows its own requests' status live.
import { z } from 'zod';
import {
  DeviceRequestSnapshot,
  RequestStatusUpdate,
  StaffRequest,
} from '../../requests/request-status';
import { device, route, staff } from '../route';
import { idParam } from './ids';

const staffDesk = staff('staff');

export const requestRoutes = {
  queue: route({
    method: 'GET',
    path: '/requests',
    summary: 'The staff queue: open requests and those closed in the last two hours',
    auth: staffDesk,
    response: z.object({ requests: z.array(StaffRequest) }),
  }),
  /** Events: `snapshot` then `changes`, each of StaffRequestFeed. */
  stream: route({
    method: 'GET',
    path: '/requests/stream',
    summary: 'The staff queue live (Server-Sent Events): a snapshot, then each change',
    auth: staffDesk,
    response: { raw: 'text/event-stream' },
  }),
  move: route({
    method: 'POST',
    path: '/requests/:id/status',
    summary: 'Moves a request along; 409 for a move out of order or from a stale version',
    auth: staffDesk,
    params: idParam('request'),
    body: RequestStatusUpdate,
    response: StaffRequest,
  }),
  mine: route({
    method: 'GET',
    path: '/requests/mine',
    summary: "The calling device's own requests with their status",
    auth: device(),
    response: DeviceRequestSnapshot,
  }),
  /** Events: `message`, each a DeviceRequestMessage (a snapshot, then statuses). */
  mineStream: route({
    method: 'GET',
    path: '/requests/mine/stream',
    summary:
      "The calling device's requests live (Server-Sent Events): a snapshot, then each status",
    auth: device(),
    response: { raw: 'text/event-stream' },
  }),
} as const;
