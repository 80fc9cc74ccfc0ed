// "Continue on your phone": the route a screen calls (shared/src/core/http/routes/shortlists.ts),
// the phone's page, and the sweep that forgets old links.
import { PROTOCOL_VERSION, type shortlistRoutes } from '@vitrine/shared/core';
import { HttpError, type Logger } from '@vitrine/shared/node';
import type { Db } from '../db/database';
import type { Handlers } from '../http/register-routes';
import { shortlistPages } from './shortlist-pages';
import { ShortlistStore } from './shortlist-store';

export function startShortlists(options: {
  db: Db;
  storeId: string;
  currency: string;
  ttlHours: number;
  /** Where phones reach the pages (the guest network's address); default: the screen's host. */
  publicUrl?: string | undefined;
  log: Logger;
}) {
  const store = new ShortlistStore(options.db, options.ttlHours * 3_600_000);
  const known = options.db
    .prepare(`SELECT id FROM sync_docs WHERE collection = 'products' AND deleted = 0 AND id = ?`)
    .pluck();
  const timer = setInterval(() => {
    try {
      store.sweep();
    } catch (error) {
      options.log.error({ err: (error as Error).message }, 'shortlists: sweep failed');
    }
  }, 3_600_000);
  timer.unref();
  const handlers: Handlers<typeof shortlistRoutes> = {
    create: ({ body, caller, req, res }) => {
      const productIds = [...new Set(body.productIds)].filter((id) => known.get(id) !== undefined);
      if (productIds.length === 0)
        throw new HttpError(404, 'product_not_found', 'none of these products is in the catalogue');
      const { token, expiresAt } = store.create({
        productIds,
        lang: body.lang,
        deviceId: caller.id,
      });
      res.status(201);
      const origin = options.publicUrl ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`;
      return { v: PROTOCOL_VERSION, url: `${origin}/list/${token}`, expiresAt };
    },
  };
  return {
    handlers,
    pages: shortlistPages({
      store,
      db: options.db,
      storeId: options.storeId,
      currency: options.currency,
    }),
    stop: () => clearInterval(timer),
  };
}
