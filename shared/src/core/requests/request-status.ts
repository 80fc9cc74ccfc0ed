// Requests a touchpoint sends to staff (help, another size, a reservation, a
// delivery) and their lifecycle. A request is born from a device event of kind
// 'request' (exactly once through the outbox); staff move it along, and every
// change reaches the requesting device with a version it can de-duplicate on.
import { z } from 'zod';
import { PROTOCOL_VERSION } from '../protocol';
import { TranscriptLine } from '../events';
import { StaffContact } from '../shopper-contact';

export const RequestStatus = z.enum([
  'new',
  'acknowledged',
  'on-the-way',
  'not-available',
  'closed',
]);
export type RequestStatus = z.infer<typeof RequestStatus>;

const NEXT: Record<RequestStatus, readonly RequestStatus[]> = {
  new: ['acknowledged', 'closed'],
  acknowledged: ['on-the-way', 'not-available', 'closed'],
  'on-the-way': ['closed'],
  'not-available': ['closed'],
  closed: [],
};

export function canMoveRequest(from: RequestStatus, to: RequestStatus): boolean {
  return NEXT[from].includes(to);
}

export const RequestType = z.enum(['help', 'size', 'reservation', 'delivery']);

/** What the requesting device sees of its request. */
export const DeviceRequestStatus = z.object({
  /** The id of the device event that created it. */
  id: z.string(),
  type: RequestType,
  productId: z.string().nullable(),
  /** The variant asked for; null on requests from before variants had ids (variantGtin names it). */
  variantId: z.string().nullable(),
  variantGtin: z.string().nullable(),
  status: RequestStatus,
  /** Grows by one at each change: show a status once, ignore older ones. */
  version: z.number().int().positive(),
  updatedAt: z.string(),
});
export type DeviceRequestStatus = z.infer<typeof DeviceRequestStatus>;

/** What staff see in their queue. */
export const StaffRequest = DeviceRequestStatus.extend({
  deviceId: z.string(),
  deviceName: z.string().nullable(),
  deviceRole: z.string().nullable(),
  locationId: z.string().nullable(),
  place: z.string().nullable(),
  note: z.string().nullable(),
  /** The shopper's contact on a reservation or an order from a kiosk. */
  contact: StaffContact.nullable(),
  productName: z.string().nullable(),
  /** The requested variant's size and colour, read from the product (null when it has none). */
  variantSize: z.string().nullable(),
  variantColour: z.string().nullable(),
  createdAt: z.string(),
  updatedBy: z.string().nullable(),
  /** A help call from the assistant: the conversation, masked on the device. */
  transcript: z.array(TranscriptLine).optional(),
  /** The products the shopper looked at (their name: null when gone from the catalogue). */
  viewed: z.array(z.object({ id: z.string(), name: z.string().nullable() })).optional(),
});
export type StaffRequest = z.infer<typeof StaffRequest>;

/** Server-Sent Event data on the staff queue's feed (`snapshot`, then `changes`). */
export const StaffRequestFeed = z.object({ requests: z.array(StaffRequest) });

export const RequestStatusUpdate = z.object({
  status: RequestStatus,
  /** The version the staff member saw: a change made meanwhile gets 409. */
  expectedVersion: z.number().int().positive().optional(),
});
export type RequestStatusUpdate = z.infer<typeof RequestStatusUpdate>;

/** A device's requests as they stand: the answer of its list and the first event of its feed. */
export const DeviceRequestSnapshot = z.object({
  v: z.literal(PROTOCOL_VERSION),
  type: z.literal('snapshot'),
  requests: z.array(DeviceRequestStatus),
});
export type DeviceRequestSnapshot = z.infer<typeof DeviceRequestSnapshot>;

/** Server-Sent Event data on a device's request stream. */
export const DeviceRequestMessage = z.discriminatedUnion('type', [
  DeviceRequestSnapshot,
  z.object({
    v: z.literal(PROTOCOL_VERSION),
    type: z.literal('status'),
    request: DeviceRequestStatus,
  }),
]);
export type DeviceRequestMessage = z.infer<typeof DeviceRequestMessage>;

/** Keeps the newest version of each request; true if `next` is news. */
export function applyRequestStatus(
  known: Map<string, DeviceRequestStatus>,
  next: DeviceRequestStatus,
): boolean {
  const current = known.get(next.id);
  if (current && current.version >= next.version) return false;
  known.set(next.id, next);
  return true;
}
