// The staff desk's tools besides the request queue: a stock check across
// stores by code or name (words in any order), and approving a new screen's pairing code. Staff
// sessions (role staff), unlike the admin-token device routes.
import { Router } from 'express';
import { z } from 'zod';
import { parseUnknown, type Location } from '@vitrine/shared/core';
import type { CatalogueStore } from '../catalogue/catalogue-store';
import type { Db } from '../db/database';
import type { DeviceRegistry } from '../devices/registry';
import { HttpError, parseOr400 } from '../http/http-error';
import { productSearch } from '../staff/product-search';
import { requireRole, type StaffAuth } from '../staff/staff-auth';

const StockQuery = z.object({ q: z.string().trim().min(2).max(80) });
const Approval = z.object({ pairingCode: z.string().regex(/^\d{6}$/, 'a 6-digit pairing code') });

export function staffDeskRoutes(options: {
  auth: StaffAuth;
  db: Db;
  catalogue: CatalogueStore;
  registry: DeviceRegistry;
  storeId: string;
}): Router {
  const { auth, db, catalogue, registry, storeId } = options;
  const router = Router();
  const search = productSearch(db, catalogue);
  const locations = db
    .prepare(`SELECT body FROM sync_docs WHERE collection = 'locations' AND deleted = 0`)
    .pluck();

  router.get('/staff/stock', (req, res) => {
    requireRole(req, auth, 'staff');
    const { q } = parseOr400(parseUnknown(StockQuery, req.query));
    const products = search(q, 20);
    const places = (locations.all() as string[]).map((body) => JSON.parse(body) as Location);
    res.json({
      storeId,
      locations: places,
      results: products.map((product) => ({
        product: {
          id: product.id,
          gtin: product.gtin,
          name: product.name,
          brand: product.brand,
          category: product.category,
          priceCents: product.priceCents,
          variants: product.variants,
        },
        levels: catalogue.stockOf(product.id)?.levels ?? [],
      })),
    });
  });

  router.get('/staff/devices/pending', (req, res) => {
    requireRole(req, auth, 'staff');
    res.json({
      devices: registry
        .list()
        .filter((device) => device.status === 'pending')
        .map(({ id, role, name, pairingCode }) => ({ id, role, name, pairingCode })),
    });
  });

  router.post('/staff/devices/approve', (req, res) => {
    const user = requireRole(req, auth, 'staff');
    const { pairingCode } = parseOr400(parseUnknown(Approval, req.body));
    const device = registry.approveByCode(pairingCode);
    if (!device)
      throw new HttpError(404, 'unknown_code', `no device is waiting with code ${pairingCode}`);
    res.json({
      id: device.id,
      role: device.role,
      name: device.name,
      status: device.status,
      approvedBy: user.id,
    });
  });
  return router;
}
