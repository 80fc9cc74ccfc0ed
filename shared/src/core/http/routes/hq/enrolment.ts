// Enrolment: a store proves it was given a one-time code, hands head office its own public
// nkey (its seed never leaves the store) and learns how to reach the link.
import { z } from 'zod';
import { TrustAnchor } from '../../../campaign/signed-campaign';
import { StoreId, NkeyUserPublicKey } from '../../../link/messages';
import { anyone, route } from '../../route';
import { CurrencyCode } from '../../../money';
import { HqRegion, TimeZone } from './stores';

export const EnrolBody = z.object({
  code: z.string().min(8).max(128),
  storeId: StoreId,
  publicKey: NkeyUserPublicKey,
});
export type EnrolBody = z.infer<typeof EnrolBody>;

export const EnrolReply = z.object({
  storeId: StoreId,
  natsUrls: z.array(z.string()).min(1),
  trustAnchor: TrustAnchor,
  region: HqRegion.nullable(),
  neighbours: z.array(StoreId),
  /** The store's time zone and currency as head office keeps them: the store runs with them. */
  timeZone: TimeZone.optional(),
  currency: CurrencyCode.optional(),
});
export type EnrolReply = z.infer<typeof EnrolReply>;

export const hqEnrolmentRoutes = {
  enrol: route({
    method: 'POST',
    path: '/enrol',
    summary:
      'Enrol a store with a one-time code: its public nkey opens the link; 403 or 410 for a used or expired code',
    auth: anyone,
    body: EnrolBody,
    response: EnrolReply,
  }),
} as const;
