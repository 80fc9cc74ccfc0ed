// Remote expert calls: who can help with what, and the signalling messages the
// store server relays between a touchpoint and an expert console. Media never
// goes through the server (WebRTC, peer to peer or through TURN); only these do.
import { z } from 'zod';
import { PROTOCOL_VERSION } from '../protocol';
import { TranscriptLine } from '../events';
import { ExpertSkill } from './expert-skill';

const v = z.literal(PROTOCOL_VERSION);
const Id = z.string().min(1).max(64);

export const IceServer = z.object({
  urls: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
  username: z.string().optional(),
  credential: z.string().optional(),
});
export type IceServer = z.infer<typeof IceServer>;
export const IceServers = z.array(IceServer).max(10);
/** GET /calls/ice-servers */
export const IceServersAnswer = z.object({ iceServers: IceServers });

/** One SDP or ICE message, relayed as is to the other party of a call. */
export const CallSignal = z.discriminatedUnion('type', [
  z.object({ type: z.literal('offer'), sdp: z.string().min(1).max(100_000) }),
  z.object({ type: z.literal('answer'), sdp: z.string().min(1).max(100_000) }),
  z.object({
    type: z.literal('ice'),
    candidate: z.object({
      candidate: z.string().max(2_000),
      sdpMid: z.string().max(64).nullable().optional(),
      sdpMLineIndex: z.number().int().nonnegative().nullable().optional(),
    }),
  }),
  /** expert → shopper: show this product's card. */
  z.object({ type: z.literal('card'), productId: Id }),
]);
export type CallSignal = z.infer<typeof CallSignal>;

export const CallRequest = z.object({
  skill: ExpertSkill,
  productId: Id.optional(),
  /** Products the shopper looked at in this session, newest last. */
  viewed: z.array(Id).max(50).default([]),
  lang: z.enum(['fr', 'en']),
  /** Ask for this expert only; refused if busy or offline. */
  expertId: Id.optional(),
  /** From the assistant: the conversation so far (masked on the device), for the expert. */
  transcript: z.array(TranscriptLine).max(30).optional(),
});
export type CallRequest = z.infer<typeof CallRequest>;

export const CallRating = z.object({ value: z.enum(['green', 'orange', 'red']) });

export const SkillAvailability = z.record(
  ExpertSkill,
  z.object({ available: z.number().int(), online: z.number().int() }),
);
export type SkillAvailability = z.infer<typeof SkillAvailability>;

export const CallEndReason = z.enum([
  'shopper-ended',
  'expert-ended',
  'shopper-cancelled',
  'shopper-left',
  'expert-left',
  'no-expert',
  /** rang for too long: back in the queue for another expert (sent to the expert only) */
  'unanswered',
  /** the expert declined: back in the queue for another expert (sent to the expert only) */
  'declined',
]);
export type CallEndReason = z.infer<typeof CallEndReason>;

/** Server → touchpoint, on GET /calls/device/stream (availability comes over MQTT). */
export const DeviceCallEvent = z.discriminatedUnion('type', [
  z.object({
    v,
    type: z.literal('queued'),
    callId: Id,
    position: z.number().int().positive(),
    waitSeconds: z.number().int().nonnegative(),
  }),
  z.object({ v, type: z.literal('accepted'), callId: Id, expertName: z.string() }),
  z.object({ v, type: z.literal('signal'), callId: Id, signal: CallSignal }),
  z.object({ v, type: z.literal('ended'), callId: Id, reason: CallEndReason }),
]);
export type DeviceCallEvent = z.infer<typeof DeviceCallEvent>;

/** What an expert sees of a call before and during it. */
export const CallSummary = z.object({
  callId: Id,
  skill: ExpertSkill,
  lang: z.enum(['fr', 'en']),
  deviceName: z.string(),
  product: z
    .object({ id: Id, name: z.string(), brand: z.string(), priceCents: z.number() })
    .nullable(),
  viewed: z.array(z.object({ id: Id, name: z.string() })),
  /** A call from the assistant: what the shopper asked it and was answered. */
  transcript: z.array(TranscriptLine).optional(),
  requestedAt: z.string(),
});
export type CallSummary = z.infer<typeof CallSummary>;

export const ExpertPresence = z.enum(['offline', 'away', 'available', 'busy']);
export type ExpertPresence = z.infer<typeof ExpertPresence>;

export const ExpertProfile = z.object({
  id: Id,
  name: z.string(),
  skills: z.array(ExpertSkill).min(1),
  available: z.boolean(),
  presence: ExpertPresence,
});
export type ExpertProfile = z.infer<typeof ExpertProfile>;

/** Server → expert console, on GET /experts/me/stream. */
export const ExpertEvent = z.discriminatedUnion('type', [
  z.object({ v, type: z.literal('profile'), profile: ExpertProfile }),
  z.object({ v, type: z.literal('ring'), call: CallSummary }),
  z.object({ v, type: z.literal('signal'), callId: Id, signal: CallSignal }),
  z.object({ v, type: z.literal('ended'), callId: Id, reason: CallEndReason }),
]);
export type ExpertEvent = z.infer<typeof ExpertEvent>;
