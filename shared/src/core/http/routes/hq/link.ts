// Head office's view of the link with its stores: the messages stores refused (a bad signature,
// a schema they do not know), as they reported them with `req.refused`, newest first.
import { z } from 'zod';
import { StoreId } from '../../../link/messages';
import { route } from '../../route';
import { hqReader } from './roles';

const PAGE = 100;

export const HqLinkRefusal = z.object({
  id: z.number().int().positive(),
  storeId: StoreId,
  subject: z.string(),
  rev: z.number().int().nonnegative().nullable(),
  reason: z.string(),
  at: z.iso.datetime(),
});
export type HqLinkRefusal = z.infer<typeof HqLinkRefusal>;

export const hqLinkRoutes = {
  refusals: route({
    method: 'GET',
    path: '/link-refusals',
    summary: `Messages stores refused, newest first, ${PAGE} a page: pass "next" as "before" for the next`,
    auth: hqReader,
    query: z.object({
      before: z.coerce.number().int().positive().optional(),
      store: StoreId.optional(),
    }),
    response: z.object({ refusals: z.array(HqLinkRefusal), next: z.number().int().nullable() }),
  }),
} as const;

export const HQ_LINK_REFUSALS_PAGE = PAGE;
