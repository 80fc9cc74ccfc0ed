// The shopper's phone opens /look/{token}: the page, the photo, "delete now".
// Web pages, not API: outside /api/v1 and the route table (the mirror's upload
// is there, look-handlers.ts). Unknown or malformed tokens get 404 and expired
// or deleted ones 410, with nothing else.
import { Router, type Request, type Response } from 'express';
import {
  formatsFor,
  LookToken,
  parseUnknown,
  priceNow,
  type Product,
  type Promotion,
} from '@vitrine/shared/core';
import type { Db } from '../db/database';
import { lookPage, messagePage, piecePrice, SHARE_SCRIPT, type PageLang } from './look-page';
import type { LookStore } from './look-store';

export const PAGE_HEADERS = {
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-robots-tag': 'noindex, nofollow',
  'x-content-type-options': 'nosniff',
  'content-security-policy':
    "default-src 'none'; img-src 'self'; script-src 'self'; style-src 'unsafe-inline'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
};

export function lookPageRoutes(options: { store: LookStore; db: Db; currency: string }): Router {
  const { store, db } = options;
  const productBody = db
    .prepare(`SELECT body FROM sync_docs WHERE collection = 'products' AND deleted = 0 AND id = ?`)
    .pluck();
  const promotionBodies = db
    .prepare(`SELECT body FROM sync_docs WHERE collection = 'promotions' AND deleted = 0`)
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
    // Each piece at the price the screens show now (a sale or promotion counts).
    const promotions = (promotionBodies.all() as string[]).map(
      (body) => JSON.parse(body) as Promotion,
    );
    const now = new Date();
    const pieces = found.look.productIds.flatMap((id) => {
      const body = productBody.get(id) as string | undefined;
      if (!body) return [];
      const product = JSON.parse(body) as Product;
      const shown = priceNow(product, undefined, promotions, now);
      return [
        {
          name: product.name[lang],
          brand: product.brand,
          price: piecePrice(lang, price(shown.nowCents), shown.from),
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
