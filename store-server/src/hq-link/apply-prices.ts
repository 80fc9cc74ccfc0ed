// This store's own prices from head office: each line replaces the store's row for one item
// (neither part: back to the chain's price), and the product's document shows the new price.
// Called inside the intake's transaction.
import {
  itemPriceOf,
  repriceProduct,
  withLocal,
  type ItemPrice,
  type LocalPrice,
  type LocalPriceRow,
  type PriceLine,
  type Product,
} from '@vitrine/shared/core';
import type { DocStore, DocWrite } from '../sync/doc-store';
import type { PriceParts } from './apply-catalogue';

const localOf = (line: PriceLine): LocalPrice | undefined =>
  line.priceCents === undefined && line.sale === undefined
    ? undefined
    : {
        ...(line.priceCents !== undefined && { priceCents: line.priceCents }),
        ...(line.sale !== undefined && { sale: line.sale }),
      };

/** The product documents the lines change (products not here yet: only their rows change). */
export function priceWrites(
  parts: PriceParts & { docs: DocStore },
  lines: readonly PriceLine[],
): DocWrite[] {
  const byProduct = new Map<string, PriceLine[]>();
  for (const line of lines)
    byProduct.set(line.productId, [...(byProduct.get(line.productId) ?? []), line]);
  const writes: DocWrite[] = [];
  for (const [productId, ofProduct] of byProduct) {
    const product = parts.docs.get<Product>('products', productId);
    const rows = new Map<string, LocalPriceRow>(
      parts.localPrices.of(productId).map((row) => [`${row.locationId}\t${row.variantId}`, row]),
    );
    const prices = new Map<string, ItemPrice>();
    for (const line of ofProduct) {
      const key = `${parts.storeId}\t${line.variantId}`;
      const known = product?.variants.some((variant) => variant.id === line.variantId) ?? false;
      // The document shows the chain's price where the store has no row of its own.
      const chain =
        rows.get(key)?.chain ?? (known ? itemPriceOf(product!, line.variantId) : undefined);
      const local = localOf(line);
      if (!local) rows.delete(key);
      else
        rows.set(key, {
          locationId: parts.storeId,
          variantId: line.variantId,
          local,
          // Until the chain's product arrives (the other stream), its catalogue delta sets this.
          chain: chain ?? { priceCents: local.priceCents ?? local.sale?.priceCents ?? 0 },
        });
      if (known && chain) prices.set(line.variantId, withLocal(chain, local));
    }
    parts.localPrices.replace(productId, [...rows.values()]);
    if (!product || prices.size === 0) continue;
    const repriced = repriceProduct(product, prices);
    if (JSON.stringify(repriced) !== JSON.stringify(product))
      writes.push({ c: 'products', id: productId, body: repriced });
  }
  return writes;
}
