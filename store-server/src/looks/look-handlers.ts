// Look handlers (routes: shared/src/core/http/routes/looks.ts): a mirror
// uploads the composed photo; it is re-encoded off the event loop and answered
// with the phone page's link. The pages themselves are in look-page-routes.ts.
import { rmSync } from 'node:fs';
import type { Request } from 'express';
import {
  MAX_LOOK_UPLOAD_BYTES,
  PROTOCOL_VERSION,
  type lookRoutes,
  type QueryOf,
  type SharedLookCreated,
} from '@vitrine/shared/core';
import type { Db } from '../db/database';
import { HttpError } from '@vitrine/shared/node';
import type { Handlers } from '../http/register-routes';
import { receiveToDisk, type ReceivedUpload } from '../http/upload-to-disk';
import { reencodeLook } from './look-image';
import type { LookStore } from './look-store';
import type { ReencodePool } from './reencode-pool';

type ShareQuery = QueryOf<typeof lookRoutes.share>;

export function lookHandlers(options: {
  store: LookStore;
  db: Db;
  pool: ReencodePool;
  publicUrl?: string;
}): Handlers<typeof lookRoutes> {
  const { store, db, pool } = options;
  const productIdsKnown = db
    .prepare(`SELECT id FROM sync_docs WHERE collection = 'products' AND deleted = 0 AND id = ?`)
    .pluck();

  const share = async (
    req: Request,
    query: ShareQuery,
    upload: ReceivedUpload,
    deviceId: string,
  ): Promise<SharedLookCreated> => {
    if (upload.size === 0)
      throw new HttpError(415, 'not_an_image', 'send the photo itself as image/jpeg or image/png');
    const image = await reencodeLook(
      pool,
      upload,
      req.header('content-type')?.split(';')[0]?.trim(),
    );
    const productIds = query.products.filter((id) => productIdsKnown.get(id) !== undefined);
    const { token, expiresAt } = store.create({ ...image, productIds, lang: query.lang, deviceId });
    return {
      v: PROTOCOL_VERSION,
      url: `${options.publicUrl ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`}/look/${token}`,
      expiresAt,
      width: image.width,
      height: image.height,
    };
  };

  return {
    share: async ({ caller, query, req, res }) => {
      if (caller.role !== 'mirror')
        throw new HttpError(403, 'forbidden', 'only a mirror shares looks');
      store.checkRate(caller.id); // before reading and decoding anything
      // The photo goes to disk as it arrives; the worker reads it from there.
      const upload = await receiveToDisk(req, res, {
        dir: store.dir,
        limit: MAX_LOOK_UPLOAD_BYTES,
        what: 'a look photo',
      });
      try {
        const created = await share(req, query, upload, caller.id);
        res.set('cache-control', 'no-store');
        return created;
      } finally {
        rmSync(upload.file, { force: true });
      }
    },
  };
}
