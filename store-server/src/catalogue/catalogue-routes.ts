import { Router } from 'express';
import { z } from 'zod';
import { Gtin14, parseUnknown } from '@vitrine/shared/core';
import type { DeviceRegistry } from '../devices/registry';
import { requireAdmin, requireDeviceOrAdmin } from '../http/auth';
import { HttpError, parseOr400 } from '../http/http-error';
import type { CatalogueStore } from './catalogue-store';

const StockChange = z.object({
  locationId: z.string().min(1).max(64),
  gtin: Gtin14,
  quantity: z.number().int().min(0).max(1_000_000),
  aisle: z.string().max(40).optional(),
});

export function catalogueRoutes(
  catalogue: CatalogueStore,
  registry: DeviceRegistry,
  adminToken: string,
): Router {
  const router = Router();

  router.get('/products/by-code/:code', (req, res) => {
    requireDeviceOrAdmin(req, registry, adminToken);
    const product = catalogue.productByCode(req.params.code);
    if (!product)
      throw new HttpError(404, 'unknown_code', `no product has the code ${req.params.code}`);
    res.json({ product, stock: catalogue.stockOf(product.id) ?? null });
  });

  // Staff or the store's stock system sets a quantity; every screen gets it live.
  router.put('/products/:id/stock', (req, res) => {
    requireAdmin(req, adminToken);
    const change = parseOr400(parseUnknown(StockChange, req.body));
    if (!catalogue.hasLocation(change.locationId)) {
      throw new HttpError(404, 'unknown_location', `no location ${change.locationId}`);
    }
    const product = catalogue.productByCode(change.gtin);
    if (!product || product.id !== req.params.id) {
      throw new HttpError(
        404,
        'unknown_product',
        `no product ${req.params.id} with GTIN ${change.gtin}`,
      );
    }
    res.json(
      catalogue.setStock(product.id, change.locationId, change.gtin, change.quantity, change.aisle),
    );
  });

  return router;
}
