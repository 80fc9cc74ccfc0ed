// Share-a-look over HTTP: the mirror uploads (device credential, mirror role),
// the phone opens /look/{token}: the page, the photo, "delete now". Unknown or
// malformed tokens get 404 and expired or deleted ones 410, with nothing else.
import { rmSync } from 'node:fs';
import { Router, type Request, type Response } from 'express';
import type { z } from 'zod';
import {
  formatsFor,
  LookToken,
  LookUploadQuery,
  MAX_LOOK_UPLOAD_BYTES,
  parseUnknown,
  PROTOCOL_VERSION,
  type Product,
  type SharedLookCreated,
} from '@vitrine/shared/core';
import type { Db } from '../db/database';
import type { DeviceRegistry } from '../devices/registry';
import { deviceFrom } from '../http/auth';
import { HttpError, parseOr400 } from '../http/http-error';
import { receiveToDisk, type ReceivedUpload } from '../http/upload-to-disk';
import { reencodeLook } from './look-image';
import { lookPage, messagePage, SHARE_SCRIPT, type PageLang } from './look-page';
import type { LookStore } from './look-store';
import type { ReencodePool } from './reencode-pool';

const PAGE_HEADERS = {
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-robots-tag': 'noindex, nofollow',
  'x-content-type-options': 'nosniff',
  'content-security-policy':
    "default-src 'none'; img-src 'self'; script-src 'self'; style-src 'unsafe-inline'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
};

export function lookApiRoutes(options: {
  store: LookStore;
  registry: DeviceRegistry;
  db: Db;
  pool: ReencodePool;
  publicUrl?: string;
}): Router {
  const { store, registry, db, pool } = options;
  const productIdsKnown = db
    .prepare(`SELECT id FROM sync_docs WHERE collection = 'products' AND deleted = 0 AND id = ?`)
    .pluck();
  const router = Router();
  router.post('/looks/share', async (req, res) => {
    // Who is asking comes before reading a large body.
    const device = deviceFrom(req, registry, { activeOnly: true });
    if (device.role !== 'mirror')
      throw new HttpError(403, 'forbidden', 'only a mirror shares looks');
    store.checkRate(device.id); // before reading and decoding anything
    const query = parseOr400(parseUnknown(LookUploadQuery, req.query));
    // The photo goes to disk as it arrives; the worker reads it from there.
    const upload = await receiveToDisk(req, res, {
      dir: store.dir,
      limit: MAX_LOOK_UPLOAD_BYTES,
      what: 'a look photo',
    });
    try {
      const created = await share(req, query, upload, device.id);
      res.status(201).set('cache-control', 'no-store').json(created);
    } finally {
      rmSync(upload.file, { force: true });
    }
  });

  const share = async (
    req: Request,
    query: z.infer<typeof LookUploadQuery>,
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
  return router;
}

export function lookPageRoutes(options: { store: LookStore; db: Db; currency: string }): Router {
  const { store, db } = options;
  const productBody = db
    .prepare(`SELECT body FROM sync_docs WHERE collection = 'products' AND deleted = 0 AND id = ?`)
    .pluck();
  const router = Router();

  const langOf = (req: Request, fallback: PageLang): PageLang => {
    const asked = req.query.lang;
    return asked === 'fr' || asked === 'en' ? asked : fallback;
  };
  /** The look if the token is well formed and live; otherwise answers 404/410 itself. */
  const live = (req: Request, res: Response) => {
    const token = parseUnknown(LookToken, req.params.token);
    const found = token.ok ? store.open(token.value) : ({ state: 'unknown' } as const);
    if (found.state === 'live') return { token: token.ok ? token.value : '', look: found.look };
    const lang = langOf(req, 'fr');
    res
      .status(found.state === 'gone' ? 410 : 404)
      .set(PAGE_HEADERS)
      .type('html');
    res.send(messagePage(lang, found.state));
    return undefined;
  };

  router.get('/look/assets/share.js', (_req, res) => {
    res.set({ 'cache-control': 'public, max-age=600', 'x-content-type-options': 'nosniff' });
    res.type('text/javascript').send(SHARE_SCRIPT);
  });

  router.get('/look/:token', (req, res) => {
    const found = live(req, res);
    if (!found) return;
    const lang = langOf(req, found.look.lang);
    const { price } = formatsFor(lang, options.currency);
    const pieces = found.look.productIds.flatMap((id) => {
      const body = productBody.get(id) as string | undefined;
      if (!body) return [];
      const product = JSON.parse(body) as Product;
      return [
        {
          name: product.name[lang],
          brand: product.brand,
          price: price(product.priceCents),
        },
      ];
    });
    const base = `/look/${found.token}`;
    res
      .set(PAGE_HEADERS)
      .type('html')
      .send(
        lookPage({
          lang,
          pageUrl: `${req.protocol}://${req.get('host') ?? 'localhost'}${base}`,
          photoUrl: `${base}/photo.jpg`,
          deleteUrl: `${base}/delete?lang=${lang}`,
          expiresAt: found.look.expiresAt,
          pieces,
        }),
      );
  });

  router.get('/look/:token/photo.jpg', (req, res) => {
    const found = live(req, res);
    if (!found) return;
    res.set({ ...PAGE_HEADERS, 'content-type': 'image/jpeg' });
    res.sendFile(found.look.file, { dotfiles: 'deny', headers: { 'cache-control': 'no-store' } });
  });

  router.post('/look/:token/delete', (req, res) => {
    const token = parseUnknown(LookToken, req.params.token);
    const lang = langOf(req, 'fr');
    const removed = token.ok && store.remove(token.value);
    if (!removed) {
      const state = token.ok ? store.open(token.value).state : 'unknown';
      res
        .status(state === 'unknown' ? 404 : 410)
        .set(PAGE_HEADERS)
        .type('html');
      res.send(messagePage(lang, state === 'unknown' ? 'unknown' : 'gone'));
      return;
    }
    res.set(PAGE_HEADERS).type('html').send(messagePage(lang, 'deleted'));
  });
  return router;
}
