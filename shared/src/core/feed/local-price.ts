// A store's own price for an item, from its line of the local inventory feed.
// The product document a store's screens sync carries that store's prices
// (so `priceNow` and every screen need nothing more); the chain's price and
// the other stores' prices stay on the store server (`local_prices`), for the
// staff stock check and for the next import.
import type { Product, Sale } from '../catalogue';
import type { InventoryLine } from './feed-lines';
import { variantIdOf } from './variant-key';

/** An item's regular price and its sale, as a store sells it. */
export type ItemPrice = { priceCents: number; sale?: Sale };

/** A store's own price where it is not the chain's: absent parts are the chain's. */
export type LocalPrice = { priceCents?: number; sale?: Sale };

const sameSale = (a: Sale | undefined, b: Sale | undefined) =>
  a === b ||
  (!!a &&
    !!b &&
    a.priceCents === b.priceCents &&
    a.startsAt === b.startsAt &&
    a.endsAt === b.endsAt);

export const samePrice = (a: ItemPrice, b: ItemPrice) =>
  a.priceCents === b.priceCents && sameSale(a.sale, b.sale);

/** What a product document says an item costs (its own price and sale, else the product's). */
export function itemPriceOf(product: Product, variantId: string): ItemPrice {
  const variant = product.variants.find((each) => each.id === variantId);
  const priceCents = variant?.priceCents ?? product.priceCents;
  const sale = variant && variant.sale !== undefined ? variant.sale : product.sale;
  return { priceCents, ...(sale && { sale }) };
}

/** An inventory line's price and sale where they are not the chain's, or undefined. */
export function localPriceOf(line: InventoryLine, chain: ItemPrice): LocalPrice | undefined {
  const local: LocalPrice = {};
  if (line.price && line.price.minor !== chain.priceCents) local.priceCents = line.price.minor;
  if (line.sale) {
    const sale: Sale = {
      priceCents: line.sale.minor,
      ...(line.sale.startsAt !== undefined && { startsAt: line.sale.startsAt }),
      ...(line.sale.endsAt !== undefined && { endsAt: line.sale.endsAt }),
    };
    if (!sameSale(sale, chain.sale)) local.sale = sale;
  }
  return local.priceCents === undefined && local.sale === undefined ? undefined : local;
}

/** The price a store sells at: its own parts over the chain's; a sale not below the price is none. */
export function withLocal(chain: ItemPrice, local: LocalPrice | undefined): ItemPrice {
  const priceCents = local?.priceCents ?? chain.priceCents;
  const sale = local?.sale ?? chain.sale;
  return { priceCents, ...(sale && sale.priceCents < priceCents && { sale }) };
}

/**
 * The product with these items' prices (others keep theirs), written the way
 * the builder writes prices: the product has the lowest and the first sale,
 * a variant carries its own only where it differs (a null sale: not on sale).
 */
export function repriceProduct(product: Product, prices: ReadonlyMap<string, ItemPrice>): Product {
  const each = product.variants.map(
    (variant) => prices.get(variant.id) ?? itemPriceOf(product, variant.id),
  );
  const lowest = Math.min(...each.map((price) => price.priceCents));
  const productSale = each.find((price) => price.sale)?.sale;
  const variants = product.variants.map((variant, i) => {
    const rest = { ...variant };
    delete rest.priceCents;
    delete rest.sale;
    const price = each[i]!;
    return {
      ...rest,
      ...(price.priceCents !== lowest && { priceCents: price.priceCents }),
      ...(productSale && !sameSale(price.sale, productSale) && { sale: price.sale ?? null }),
    };
  });
  const rest = { ...product };
  delete rest.sale;
  return { ...rest, priceCents: lowest, variants, ...(productSale && { sale: productSale }) };
}

/** One store's own price for one item, with the chain's price it differs from. */
export type LocalPriceRow = {
  locationId: string;
  variantId: string;
  local: LocalPrice;
  /** The chain's price when the row was written. */
  chain: ItemPrice;
};

/**
 * A product's local prices after an import: a store and item its inventory
 * names take the line's price (none when it is the chain's); a store a full
 * inventory replaces loses the others; the rest keep theirs, against the
 * chain's price now (`chainOf`; undefined: the product no longer has the item).
 */
export function mergeLocalPrices(
  previous: readonly LocalPriceRow[],
  lines: readonly InventoryLine[],
  replacing: ReadonlySet<string>,
  chainOf: (variantId: string) => ItemPrice | undefined,
): LocalPriceRow[] {
  const rows = new Map<string, LocalPriceRow>();
  const key = (locationId: string, variantId: string) => `${locationId}\t${variantId}`;
  for (const row of previous) {
    const chain = chainOf(row.variantId);
    if (!chain || replacing.has(row.locationId)) continue;
    // Still a local price against the chain's now? (A part equal to it is the chain's.)
    const local: LocalPrice = {};
    if (row.local.priceCents !== undefined && row.local.priceCents !== chain.priceCents)
      local.priceCents = row.local.priceCents;
    if (row.local.sale && !sameSale(row.local.sale, chain.sale)) local.sale = row.local.sale;
    if (local.priceCents !== undefined || local.sale)
      rows.set(key(row.locationId, row.variantId), { ...row, local, chain });
  }
  for (const line of lines) {
    const variantId = variantIdOf(line.id);
    const chain = variantId === undefined ? undefined : chainOf(variantId);
    // A line without a price leaves the store's price as it was (the chain's, after a full one).
    if (variantId === undefined || !chain || (!line.price && !line.sale)) continue;
    const local = localPriceOf(line, chain);
    if (local)
      rows.set(key(line.storeCode, variantId), {
        locationId: line.storeCode,
        variantId,
        local,
        chain,
      });
    else rows.delete(key(line.storeCode, variantId));
  }
  return [...rows.values()];
}
