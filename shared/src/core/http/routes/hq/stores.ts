// Head office's stores, as its console and scripts manage them: create a store with its
// region, time zone, currency and neighbours, list and read them, change who neighbours
// whom, hand out one-time enrolment codes, revoke a store and list its link keys.
import { z } from 'zod';
import { StoreId, MAX_NEIGHBOURS, NkeyUserPublicKey } from '../../../link/messages';
import { CurrencyCode } from '../../../money/format-money';
import { route } from '../../route';
import { hqAdmin, hqReader } from './roles';

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const TimeZone = z
  .string()
  .min(1)
  .max(64)
  .refine(isTimeZone, 'an IANA time zone, e.g. Europe/Paris');

export const HqRegion = z.object({ id: StoreId, name: z.string().min(1).max(120) });
export type HqRegion = z.infer<typeof HqRegion>;

/** Neighbours in rank order: the first is the nearest. */
export const Neighbours = z
  .array(StoreId)
  .max(MAX_NEIGHBOURS, `at most ${MAX_NEIGHBOURS} neighbours`)
  .refine((ids) => new Set(ids).size === ids.length, 'a neighbour is listed twice');

export const CreateStoreBody = z.object({
  id: StoreId,
  name: z.string().min(1).max(120),
  /** Created, or renamed, with the store. */
  region: HqRegion.optional(),
  timeZone: TimeZone,
  currency: CurrencyCode,
  neighbours: Neighbours.default([]),
});

/** A store's name, time zone or currency, changed (a chain store applies the last two at its next start). */
export const UpdateStoreBody = z
  .object({
    name: z.string().min(1).max(120),
    timeZone: TimeZone,
    currency: CurrencyCode,
  })
  .partial()
  .refine((body) => Object.keys(body).length > 0, 'name, timeZone or currency');

const StoreStatus = z.enum(['active', 'revoked']);

export const HqStore = z.object({
  id: StoreId,
  name: z.string(),
  region: HqRegion.nullable(),
  timeZone: z.string(),
  currency: z.string(),
  status: StoreStatus,
  neighbours: z.array(StoreId),
  /** Keys the NATS cluster accepts for it now: 0 before enrolment, 2 while it rotates. */
  liveKeys: z.number().int().min(0).max(2),
  createdAt: z.iso.datetime(),
  lastSeenAt: z.iso.datetime().nullable(),
});
export type HqStore = z.infer<typeof HqStore>;

const StoreParams = z.object({ id: StoreId });
const PAGE = 200;

export const EnrolCodeBody = z.object({
  /** How long the code may be used; one hour unless told, at most a week. */
  ttlMinutes: z
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60)
    .default(60),
});
export const EnrolCodeReply = z.object({
  storeId: StoreId,
  /** Shown once: head office keeps only its hash. */
  code: z.string(),
  expiresAt: z.iso.datetime(),
});

export const StoreKey = z.object({
  publicKey: NkeyUserPublicKey,
  createdAt: z.iso.datetime(),
  retiredAt: z.iso.datetime().nullable(),
});

export const hqStoreRoutes = {
  create: route({
    method: 'POST',
    path: '/stores',
    summary: 'Create a store with its region, time zone, currency and neighbours (≤ 10)',
    auth: hqAdmin,
    body: CreateStoreBody,
    response: HqStore,
    status: 201,
  }),
  list: route({
    method: 'GET',
    path: '/stores',
    summary: `Stores by id, ${PAGE} a page, filtered by region and status: pass "next" as "after"`,
    auth: hqReader,
    query: z.object({
      after: StoreId.optional(),
      region: StoreId.optional(),
      status: StoreStatus.optional(),
    }),
    response: z.object({ stores: z.array(HqStore), next: StoreId.nullable() }),
  }),
  get: route({
    method: 'GET',
    path: '/stores/:id',
    summary: 'One store',
    auth: hqReader,
    params: StoreParams,
    response: HqStore,
  }),
  update: route({
    method: 'PUT',
    path: '/stores/:id',
    summary:
      "Change a store's name, time zone or currency (the store takes the last two at its next start)",
    auth: hqAdmin,
    params: StoreParams,
    body: UpdateStoreBody,
    response: HqStore,
  }),
  setNeighbours: route({
    method: 'PUT',
    path: '/stores/:id/neighbours',
    summary: "Replace a store's neighbours (rank order, ≤ 10): its link permissions follow",
    auth: hqAdmin,
    params: StoreParams,
    body: z.object({ neighbours: Neighbours }),
    response: HqStore,
  }),
  createEnrolCode: route({
    method: 'POST',
    path: '/stores/:id/enrol-codes',
    summary: 'A one-time enrolment code for the store (kept hashed, expires)',
    auth: hqAdmin,
    params: StoreParams,
    body: EnrolCodeBody,
    response: EnrolCodeReply,
    status: 201,
  }),
  revoke: route({
    method: 'POST',
    path: '/stores/:id/revoke',
    summary: 'Revoke a store: its keys stop opening the link at once; a new code re-enrols it',
    auth: hqAdmin,
    params: StoreParams,
    response: HqStore,
  }),
  keys: route({
    method: 'GET',
    path: '/stores/:id/keys',
    summary: "The store's link keys, live and retired, newest first",
    auth: hqReader,
    params: StoreParams,
    response: z.object({ keys: z.array(StoreKey) }),
  }),
} as const;

export const HQ_STORES_PAGE = PAGE;
