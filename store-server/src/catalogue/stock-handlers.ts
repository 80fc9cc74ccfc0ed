// Product and stock handlers (routes: shared/src/core/http/routes/stock.ts):
// a device's code look-up, the stock system's and staff's stock and price
// changes, the staff desk's stock check and pairing-code approval.
import {
  Product,
  itemPriceOf,
  parseUnknown,
  priceNow,
  withLocal,
  type ItemPrice,
  type Location,
  type NeighbourStatus,
  type stockRoutes,
  type StorePrice,
} from '@vitrine/shared/core';
import type { Db } from '../db/database';
import { approvePairingCode } from '../devices/device-handlers';
import type { DeviceRegistry } from '../devices/registry';
import { HttpError } from '@vitrine/shared/node';
import type { Handlers } from '../http/register-routes';
import { productSearch } from '../staff/product-search';
import { stockCorrections } from '../staff/stock-corrections';
import type { DocStore } from '../sync/doc-store';
import type { CatalogueStore } from './catalogue-store';
import { LocalPrices } from './local-prices';
import { priceCorrections } from './price-corrections';

const nowCentsOf = (price: ItemPrice, now: Date) =>
  priceNow({ id: '', ...price, variants: [] }, undefined, [], now).nowCents;

/** Other stores' prices of a product where they are not this store's (its document's). */
function storePricesOf(
  product: Product,
  localPrices: LocalPrices,
  stores: readonly Location[],
  storeId: string,
): StorePrice[] {
  const rows = localPrices.of(product.id);
  if (rows.length === 0) return [];
  const now = new Date();
  const prices: StorePrice[] = [];
  for (const variant of product.variants) {
    const own = itemPriceOf(product, variant.id);
    const ofItem = rows.filter((row) => row.variantId === variant.id);
    // The chain's price: kept on the rows (this store's document shows its own).
    const chain = ofItem[0]?.chain ?? own;
    for (const store of stores) {
      if (store.id === storeId) continue;
      const row = ofItem.find((each) => each.locationId === store.id);
      const there = withLocal(chain, row?.local);
      const nowCents = nowCentsOf(there, now);
      if (there.priceCents !== own.priceCents || nowCents !== nowCentsOf(own, now))
        prices.push({
          locationId: store.id,
          variantId: variant.id,
          priceCents: there.priceCents,
          nowCents,
        });
    }
  }
  return prices;
}

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
  const prices = priceCorrections(db, catalogue);
  const localPrices = new LocalPrices(db);
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
    // A price change without a new campaign, audited: every screen syncs the product and re-renders it.
    setPrice: ({ params, body, caller }) => {
      const stored = parseUnknown(Product, docs.get('products', params.id));
      if (!stored.ok) throw new HttpError(404, 'unknown_product', `no product ${params.id}`);
      const { correction } = prices.correct(stored.value, body, caller);
      return { id: params.id, priceCents: body.priceCents, correction };
    },
    priceCorrections: ({ query }) => ({ corrections: prices.recent(query.productId) }),
    check: ({ query }) => {
      const all = (locations.all() as string[]).map((body) => JSON.parse(body) as Location);
      const stores = all.filter((location) => location.kind === 'store');
      const neighbours = docs.all<NeighbourStatus>('neighbours');
      return {
        storeId,
        locations: all,
        ...(neighbours.length > 0 && { neighbours }),
        results: search(query.q, 20).map((product) => ({
          product: {
            id: product.id,
            gtin: product.gtin,
            name: product.name,
            brand: product.brand,
            department: product.department,
            priceCents: product.priceCents,
            ...(product.sale && { sale: product.sale }),
            variants: product.variants,
          },
          levels: catalogue.stockOf(product.id)?.levels ?? [],
          storePrices: storePricesOf(product, localPrices, stores, storeId),
        })),
      };
    },
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
