import { Router } from 'express';
import { z } from 'zod';
import { PROTOCOL_VERSION, SYNC_PAGE_LIMIT_MAX, parseUnknown } from '@vitrine/shared/core';
import type { DeviceRegistry } from '../devices/registry';
import { deviceFrom } from '../http/auth';
import { parseOr400 } from '../http/http-error';
import type { DocStore } from './doc-store';

const PullQuery = z.object({
  since: z.coerce.number().int().nonnegative().default(0),
  limit: z.coerce.number().int().min(1).max(SYNC_PAGE_LIMIT_MAX).default(2_000),
});

/** GET /sync?since=&limit=: one page of the change feed, oldest first. */
export function syncRoutes(docs: DocStore, registry: DeviceRegistry): Router {
  const router = Router();
  router.get('/sync', (req, res) => {
    deviceFrom(req, registry, { activeOnly: true });
    const query = parseOr400(parseUnknown(PullQuery, req.query));
    const page = docs.pageJson(query.since, query.limit, PROTOCOL_VERSION);
    res.type('application/json').send(page.json);
  });
  return router;
}
