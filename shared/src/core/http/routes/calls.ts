// Calls, the touchpoint's side: ICE servers (with a TURN credential per
// caller), the live call feed, asking for an expert, relaying signals, hanging
// up and rating the call.
import { z } from 'zod';
import {
  CallEndReason,
  CallRating,
  CallRequest,
  CallSignal,
  IceServersAnswer,
} from '../../calls/call-messages';
import { device, deviceOrStaff, route } from '../route';
import { idParam } from './ids';
import { SIGNAL_LIMIT } from './experts';

const call = idParam('call');
const touchpoint = device();

export const callRoutes = {
  iceServers: route({
    method: 'GET',
    path: '/calls/ice-servers',
    summary:
      'STUN/TURN servers for a call, with a short-lived TURN credential named after the caller',
    auth: deviceOrStaff('expert'),
    response: IceServersAnswer,
  }),
  deviceStream: route({
    method: 'GET',
    path: '/calls/device/stream',
    summary:
      "The device's live call feed (Server-Sent Events): queue position, answer, signals, end",
    auth: touchpoint,
    response: { raw: 'text/event-stream' },
  }),
  request: route({
    method: 'POST',
    path: '/calls',
    summary: 'Asks for an expert with a skill (or one expert by id); refused when none can answer',
    auth: touchpoint,
    body: CallRequest,
    response: z.object({ callId: z.string() }),
    status: 201,
  }),
  signal: route({
    method: 'POST',
    path: '/calls/:id/signal',
    summary: "Relays an SDP or ICE message to the call's expert",
    auth: touchpoint,
    params: call,
    body: CallSignal,
    limit: SIGNAL_LIMIT,
    response: 'empty',
  }),
  end: route({
    method: 'POST',
    path: '/calls/:id/end',
    summary: 'The shopper hangs up, or cancels before an expert answered',
    auth: touchpoint,
    params: call,
    body: z.object({ reason: CallEndReason.extract(['shopper-ended', 'shopper-cancelled']) }),
    response: 'empty',
  }),
  rate: route({
    method: 'POST',
    path: '/calls/:id/rating',
    summary: 'The shopper rates an ended call, once',
    auth: touchpoint,
    params: call,
    body: CallRating,
    response: 'empty',
  }),
} as const;
