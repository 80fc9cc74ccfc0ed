// PUT /products/:id/price — a price change without a new campaign: the product
// document is rewritten, every screen syncs it and re-renders the new price.
import { Router } from 'express';
import { z } from 'zod';
import { Product, parseUnknown } from '@vitrine/shared/core';
import { HttpError, parseOr400 } from '../http/http-error';
import { requireRole, type StaffAuth } from '../staff/staff-auth';
import type { DocStore } from '../sync/doc-store';
import type { CatalogueStore } from './catalogue-store';

const ProductParam = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'a product id') });
/** In cents, like every price: 0 to 1,000,000.00. */
const PriceChange = z.object({ priceCents: z.number().int().min(0).max(100_000_000) });

export function priceRoutes(catalogue: CatalogueStore, docs: DocStore, auth: StaffAuth): Router {
  const router = Router();
  router.put('/products/:id/price', (req, res) => {
    requireRole(req, auth, 'manager', 'publisher');
    const { id } = parseOr400(parseUnknown(ProductParam, req.params));
    const { priceCents } = parseOr400(parseUnknown(PriceChange, req.body));
    const stored = parseUnknown(Product, docs.get('products', id));
    if (!stored.ok) throw new HttpError(404, 'unknown_product', `no product ${id}`);
    const product = { ...stored.value, priceCents };
    catalogue.upsertProduct(product);
    res.json({ id, priceCents: product.priceCents });
  });
  return router;
}
