// Product and stock handlers (routes: shared/src/core/http/routes/stock.ts):
// a device's code look-up, the stock system's and staff's stock and price
// changes, the staff desk's stock check and pairing-code approval.
import { Product, parseUnknown, type Location, type stockRoutes } from '@vitrine/shared/core';
import type { Db } from '../db/database';
import { approvePairingCode } from '../devices/device-handlers';
import type { DeviceRegistry } from '../devices/registry';
import { HttpError } from '../http/http-error';
import type { Handlers } from '../http/register-routes';
import { productSearch } from '../staff/product-search';
import { stockCorrections } from '../staff/stock-corrections';
import type { DocStore } from '../sync/doc-store';
import type { CatalogueStore } from './catalogue-store';

export function stockHandlers(options: {
  db: Db;
  docs: DocStore;
  catalogue: CatalogueStore;
  registry: DeviceRegistry;
  storeId: string;
}): Handlers<typeof stockRoutes> {
  const { db, docs, catalogue, registry, storeId } = options;
  const search = productSearch(db, catalogue);
  const corrections = stockCorrections(db, catalogue, storeId);
  const locations = db
    .prepare(`SELECT body FROM sync_docs WHERE collection = 'locations' AND deleted = 0`)
    .pluck();

  return {
    byCode: ({ params }) => {
      const product = catalogue.productByCode(params.code);
      if (!product)
        throw new HttpError(404, 'unknown_code', `no product has the code ${params.code}`);
      return { product, stock: catalogue.stockOf(product.id) ?? null };
    },
    // Staff or the store's stock system sets a quantity; every screen gets it live.
    setStock: ({ params, body }) => {
      if (!catalogue.hasLocation(body.locationId))
        throw new HttpError(404, 'unknown_location', `no location ${body.locationId}`);
      const named = body.variantId ?? body.gtin ?? '';
      const variant = catalogue.variantOf(params.id, body);
      if (!variant)
        throw new HttpError(404, 'unknown_product', `no product ${params.id} with item ${named}`);
      return catalogue.setStock(params.id, body.locationId, variant.id, body.quantity, body.aisle);
    },
    // A price change without a new campaign: every screen syncs the product and re-renders it.
    setPrice: ({ params, body }) => {
      const stored = parseUnknown(Product, docs.get('products', params.id));
      if (!stored.ok) throw new HttpError(404, 'unknown_product', `no product ${params.id}`);
      catalogue.upsertProduct({ ...stored.value, priceCents: body.priceCents });
      return { id: params.id, priceCents: body.priceCents };
    },
    check: ({ query }) => ({
      storeId,
      locations: (locations.all() as string[]).map((body) => JSON.parse(body) as Location),
      results: search(query.q, 20).map((product) => ({
        product: {
          id: product.id,
          gtin: product.gtin,
          name: product.name,
          brand: product.brand,
          department: product.department,
          priceCents: product.priceCents,
          variants: product.variants,
        },
        levels: catalogue.stockOf(product.id)?.levels ?? [],
      })),
    }),
    correct: ({ body, caller }) => corrections.correct(body, caller),
    corrections: ({ query }) => ({ corrections: corrections.recent(query.productId) }),
    pendingDevices: () => ({
      devices: registry
        .list()
        .filter((device) => device.status === 'pending')
        .map(({ id, role, name, pairingCode }) => ({ id, role, name, pairingCode })),
    }),
    approveDevice: ({ body, caller }) => {
      const { id, role, name, status } = approvePairingCode(registry, body.pairingCode);
      return { id, role, name, status, approvedBy: caller.id };
    },
  };
}
