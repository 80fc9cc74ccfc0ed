// The phone's page of a shortlist (/list/{token}): the products the shopper looked at on a
// kiosk or a mirror, with the price the screens show now and their stock here, in French or
// English, without sign-in or script. Unknown or malformed tokens get 404, expired ones 410.
import { Router, type Request } from 'express';
import {
  formatsFor,
  parseUnknown,
  priceNow,
  ShortlistToken,
  totalUnits,
  type Product,
  type ProductStock,
  type Promotion,
} from '@vitrine/shared/core';
import type { Db } from '../db/database';
import { escape, piecePrice, shell, type PageLang } from '../looks/look-page';
import { PAGE_HEADERS } from '../looks/look-page-routes';
import type { ShortlistStore } from './shortlist-store';

const TEXT = {
  fr: {
    title: 'Votre sélection',
    lead: 'Les produits que vous regardiez en magasin.',
    inStock: (n: number) =>
      n > 0 ? `${n} en stock dans ce magasin` : 'Plus en stock dans ce magasin',
    expires: (at: string) => `Ce lien expire le ${at}.`,
    gone: 'Ce lien a expiré.',
    unknown: 'Ce lien n’existe pas.',
    other: 'English',
  },
  en: {
    title: 'Your selection',
    lead: 'The products you were looking at in the store.',
    inStock: (n: number) => (n > 0 ? `${n} in stock in this store` : 'None left in this store'),
    expires: (at: string) => `This link expires on ${at}.`,
    gone: 'This link has expired.',
    unknown: 'This link does not exist.',
    other: 'Français',
  },
} as const;

export function shortlistPages(options: {
  store: ShortlistStore;
  db: Db;
  storeId: string;
  currency: string;
}): Router {
  const { store, db } = options;
  const body = db
    .prepare(`SELECT body FROM sync_docs WHERE collection = ? AND deleted = 0 AND id = ?`)
    .pluck();
  const promotionBodies = db
    .prepare(`SELECT body FROM sync_docs WHERE collection = 'promotions' AND deleted = 0`)
    .pluck();
  const langOf = (req: Request, fallback: PageLang): PageLang =>
    req.query.lang === 'fr' || req.query.lang === 'en' ? req.query.lang : fallback;
  const router = Router();

  router.get('/list/:token', (req, res) => {
    const token = parseUnknown(ShortlistToken, req.params.token);
    const found = token.ok ? store.open(token.value) : ({ state: 'unknown' } as const);
    res.set(PAGE_HEADERS).type('html');
    if (found.state !== 'live') {
      const lang = langOf(req, 'fr');
      const t = TEXT[lang];
      const text = found.state === 'gone' ? t.gone : t.unknown;
      res
        .status(found.state === 'gone' ? 410 : 404)
        .send(
          shell(
            lang,
            t.title,
            `<main data-testid="list-${found.state}"><h1>${t.title}</h1><p>${text}</p></main>`,
          ),
        );
      return;
    }
    const lang = langOf(req, found.list.lang);
    const t = TEXT[lang];
    const { price } = formatsFor(lang, options.currency);
    const promotions = (promotionBodies.all() as string[]).map(
      (text) => JSON.parse(text) as Promotion,
    );
    const now = new Date();
    const items = found.list.productIds.flatMap((id) => {
      const text = body.get('products', id) as string | undefined;
      if (!text) return [];
      const product = JSON.parse(text) as Product;
      const stockText = body.get('stock', id) as string | undefined;
      const here = stockText
        ? (JSON.parse(stockText) as ProductStock).levels.find(
            (level) => level.locationId === options.storeId,
          )
        : undefined;
      const shown = priceNow(product, undefined, promotions, now);
      return [
        `<li data-product-id="${escape(product.id)}"><strong>${escape(product.name[lang])}</strong>` +
          (product.brand ? ` · ${escape(product.brand)}` : '') +
          `<br>${escape(piecePrice(lang, price(shown.nowCents), shown.from))}` +
          ` · ${escape(t.inStock(here ? totalUnits(here.quantities) : 0))}</li>`,
      ];
    });
    const expires = new Date(found.list.expiresAt).toLocaleString(
      lang === 'fr' ? 'fr-FR' : 'en-GB',
    );
    const other = lang === 'fr' ? 'en' : 'fr';
    res.send(
      shell(
        lang,
        t.title,
        `<nav><a class="btn" href="?lang=${other}" lang="${other}">${t.other}</a></nav>` +
          `<main data-testid="shortlist"><h1>${t.title}</h1><p>${t.lead}</p><ul>${items.join('')}</ul>` +
          `<p><small>${escape(t.expires(expires))}</small></p></main>`,
      ),
    );
  });
  return router;
}
