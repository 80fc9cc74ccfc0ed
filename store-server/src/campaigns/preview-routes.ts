// Live product cards for the head-office preview: the price, running promotion
// and stock of this store, computed with the same pricing as the players.
import { Router } from 'express';
import { z } from 'zod';
import {
  activePromotion,
  parseUnknown,
  promotedPriceCents,
  type PreviewCard,
  type Product,
  type ProductStock,
  type Promotion,
} from '@vitrine/shared/core';
import { parseOr400 } from '../http/http-error';
import { requireRole, type StaffAuth } from '../staff/staff-auth';
import type { DocStore } from '../sync/doc-store';

const Query = z.object({
  ids: z
    .string()
    .transform((text) => [...new Set(text.split(',').filter(Boolean))])
    .pipe(
      z
        .array(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'product ids'))
        .min(1)
        .max(50),
    ),
});

export function previewCard(
  product: Product,
  stock: ProductStock | undefined,
  promotions: readonly Promotion[],
  storeId: string,
  now: Date,
): PreviewCard {
  const promotion = activePromotion(promotions, product.id, now);
  const level = stock?.levels.find((entry) => entry.locationId === storeId);
  return {
    id: product.id,
    name: product.name,
    priceCents: product.priceCents,
    promotedPriceCents: promotedPriceCents(product, promotion) ?? null,
    promotion: promotion?.label ?? null,
    stockHere: level ? Object.values(level.quantities).reduce((sum, n) => sum + n, 0) : null,
  };
}

export function previewRoutes(options: {
  auth: StaffAuth;
  docs: DocStore;
  storeId: string;
}): Router {
  const router = Router();
  router.get('/campaigns/preview/products', (req, res) => {
    requireRole(req, options.auth, 'editor', 'publisher');
    const { ids } = parseOr400(parseUnknown(Query, req.query));
    const promotions = options.docs.all<Promotion>('promotions');
    const now = new Date();
    const cards = ids.flatMap((id) => {
      const product = options.docs.get<Product>('products', id);
      if (!product) return [];
      const stock = options.docs.get<ProductStock>('stock', id);
      return [previewCard(product, stock, promotions, options.storeId, now)];
    });
    res.json({ cards });
  });
  return router;
}
