// Experts: the expert console's profile, its broker login for presence (skills
// and availability travel over MQTT), the live call feed, taking or declining a
// call, signalling, hanging up, and the product search for cards to push.
import { z } from 'zod';
import { CallSignal, CallSummary, ExpertProfile } from '../../calls/call-messages';
import { ExpertPresenceGrant } from '../../calls/expert-presence';
import { route, staff } from '../route';
import { idParam } from './ids';

/** An SDP offer or answer with its candidates: tens of KiB. */
export const SIGNAL_LIMIT = 64 * 1024;
/** A product an expert may push as a card. */
export const ExpertProductHit = z.object({ id: z.string(), name: z.string(), brand: z.string() });
export type ExpertProductHit = z.infer<typeof ExpertProductHit>;
const expert = staff('expert');
const call = idParam('call');

export const expertRoutes = {
  me: route({
    method: 'GET',
    path: '/experts/me',
    summary: "The signed-in expert's profile: skills, availability, the store's presence view",
    auth: expert,
    response: ExpertProfile,
  }),
  presenceSession: route({
    method: 'POST',
    path: '/experts/me/presence-session',
    summary: "A new presence session for this console: the broker's address, MQTT login, topic",
    auth: expert,
    response: ExpertPresenceGrant,
  }),
  stream: route({
    method: 'GET',
    path: '/experts/me/stream',
    summary: "The expert's live feed (Server-Sent Events): profile, rings, signals, hang-ups",
    auth: expert,
    response: { raw: 'text/event-stream' },
  }),
  accept: route({
    method: 'POST',
    path: '/experts/calls/:id/accept',
    summary: 'Takes a ringing call: the shopper is told who answered',
    auth: expert,
    params: call,
    response: CallSummary,
  }),
  decline: route({
    method: 'POST',
    path: '/experts/calls/:id/decline',
    summary: 'Lets a ringing call go to another expert',
    auth: expert,
    params: call,
    response: 'empty',
  }),
  signal: route({
    method: 'POST',
    path: '/experts/calls/:id/signal',
    summary: "Relays an SDP or ICE message, or a product card, to the call's shopper",
    auth: expert,
    params: call,
    body: CallSignal,
    limit: SIGNAL_LIMIT,
    response: 'empty',
  }),
  end: route({
    method: 'POST',
    path: '/experts/calls/:id/end',
    summary: 'The expert hangs up',
    auth: expert,
    params: call,
    response: 'empty',
  }),
  products: route({
    method: 'GET',
    path: '/experts/products',
    summary: 'Products by name, brand or code, for the cards an expert pushes (10 at most)',
    auth: expert,
    query: z.object({ q: z.string().trim().min(2).max(80) }),
    response: z.object({ products: z.array(ExpertProductHit) }),
  }),
} as const;
