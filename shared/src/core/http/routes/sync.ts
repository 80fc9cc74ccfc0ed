// The change feed devices pull to catch up (live changes come over MQTT).
import { z } from 'zod';
import { SYNC_PAGE_LIMIT_MAX } from '../../device-api';
import { SyncPage } from '../../protocol';
import { device, route } from '../route';

export const PullQuery = z.object({
  since: z.coerce.number().int().nonnegative().default(0),
  limit: z.coerce.number().int().min(1).max(SYNC_PAGE_LIMIT_MAX).default(2_000),
});

export const syncRoutes = {
  pull: route({
    method: 'GET',
    path: '/sync',
    summary:
      'One page of the change feed after `since`, oldest first; pull again while until < head',
    auth: device(),
    query: PullQuery,
    response: SyncPage,
  }),
} as const;
