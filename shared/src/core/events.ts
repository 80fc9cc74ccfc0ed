// Device events: what a touchpoint records and the store server must receive
// exactly once. Append-only, so nothing ever conflicts.
import { z } from 'zod';
import { VariantId } from './catalogue';
import { ShopperContact } from './shopper-contact';
import { DayFigures } from './insights';

export const Uuid = z
  .string()
  .regex(
    /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    'a lowercase UUIDv7 (RFC 9562)',
  );

const Id = z.string().min(1).max(64);
const Text = z.string().max(500);

export const InteractionPayload = z.object({
  action: z.enum(['scan', 'view', 'search', 'open', 'attract', 'reset']),
  productId: Id.optional(),
  query: Text.optional(),
  screen: z.string().max(64).optional(),
});

export const FeedbackPayload = z.object({
  target: z.enum(['product', 'help', 'call', 'look']),
  productId: Id.optional(),
  value: z.enum(['like', 'dislike', 'green', 'orange', 'red']),
});

export const ProofOfPlayPayload = z.object({
  campaignId: Id,
  itemId: Id,
  playId: Id,
  phase: z.enum(['start', 'end']),
  durationMs: z.number().int().nonnegative().optional(),
  /** The end of a play cut short (a reload, a crash): not a full play; durationMs is how long it ran. */
  interrupted: z.boolean().optional(),
});

/** One line of a shopper's conversation with the assistant, personal data already masked. */
export const TranscriptLine = z.object({
  from: z.enum(['shopper', 'assistant']),
  text: z.string().max(600),
});
export type TranscriptLine = z.infer<typeof TranscriptLine>;

export const RequestPayload = z
  .object({
    type: z.enum(['help', 'size', 'reservation', 'delivery']),
    productId: Id.optional(),
    /** The size or colour asked for (a variant of productId). */
    variantId: VariantId.optional(),
    /** The same, as devices named it before variants had ids (kept in their outboxes). */
    variantGtin: z
      .string()
      .regex(/^\d{14}$/)
      .optional(),
    locationId: Id.optional(),
    place: z.string().max(100).optional(),
    note: Text.optional(),
    /** Reservations and orders: how staff reach the shopper. */
    contact: ShopperContact.optional(),
    /** A help call from the assistant: the conversation so far, so nobody asks it again. */
    transcript: z.array(TranscriptLine).max(30).optional(),
    /** The products the shopper looked at in this session, latest first. */
    viewed: z.array(Id).max(20).optional(),
  })
  .refine((request) => !request.contact || ['reservation', 'delivery'].includes(request.type), {
    message: 'a contact only comes with a reservation or an order',
    path: ['contact'],
  });

/**
 * A question the assistant could not answer well, for head office to answer (personal data
 * masked on the device). `key` groups it with others put the same way: its words' stems,
 * sorted ("bitcoin payer").
 */
export const QuestionPayload = z.object({
  question: z.string().min(1).max(200),
  lang: z.enum(['fr', 'en']),
  key: z.string().min(1).max(200),
  /** The closest answer it offered as "did you mean", if any. */
  closestId: Id.optional(),
  productId: Id.optional(),
});

const base = {
  id: Uuid,
  /** Per-device sequence number, from 1, never reused. */
  seq: z.number().int().positive(),
  /** UTC with a Z, fractional seconds optional (docs/protocol.md, Events). */
  at: z.iso.datetime({
    message: 'an ISO 8601 time in UTC ending in Z, e.g. 2026-12-05T10:00:00.000Z',
  }),
};

export const DeviceEvent = z.discriminatedUnion('kind', [
  z.object({ ...base, kind: z.literal('interaction'), payload: InteractionPayload }),
  z.object({ ...base, kind: z.literal('feedback'), payload: FeedbackPayload }),
  z.object({ ...base, kind: z.literal('proof-of-play'), payload: ProofOfPlayPayload }),
  z.object({ ...base, kind: z.literal('request'), payload: RequestPayload }),
  z.object({ ...base, kind: z.literal('question'), payload: QuestionPayload }),
]);
export type DeviceEvent = z.infer<typeof DeviceEvent>;
export type DeviceEventKind = DeviceEvent['kind'];

/**
 * A store's figures for one of its days (visitors, sales, plays…, hour by hour in its zone),
 * as it computed them from its counters, till and screens; sent again whenever they change
 * (a late push, a device back online), the latest standing. Written by the store server.
 */
export const FiguresPayload = z.object({ figures: DayFigures });

/** Events the store server writes itself, under the id of the device they are about. */
export const ServerEvent = z.discriminatedUnion('kind', [
  z.object({ ...base, kind: z.literal('figures'), payload: FiguresPayload }),
]);
export type ServerEvent = z.infer<typeof ServerEvent>;

/** Every event a store sends head office: its devices' and its own. */
export const ChainEvent = z.discriminatedUnion('kind', [
  ...DeviceEvent.options,
  ...ServerEvent.options,
]);
export type ChainEvent = z.infer<typeof ChainEvent>;
/** What an app passes when it records an event; the outbox adds id, seq and time. */
export type NewDeviceEvent = {
  [K in DeviceEventKind]: Extract<DeviceEvent, { kind: K }> extends infer E
    ? E extends { payload: infer P }
      ? { kind: K; payload: P }
      : never
    : never;
}[DeviceEventKind];
