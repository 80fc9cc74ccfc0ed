// This store's own stock as head office's inventory feed says it: each line sets the store's
// level of one item in the product's stock document (other stores' levels stay), as a staff
// correction does (CatalogueStore.setStock), for many products in one batch. Called inside the
// intake's transaction.
import type { ProductStock, StockLine } from '@vitrine/shared/core';
import type { DocStore, DocWrite } from '../sync/doc-store';

export function stockWrites(
  parts: { docs: DocStore; storeId: string },
  lines: readonly StockLine[],
): DocWrite[] {
  const byProduct = new Map<string, StockLine[]>();
  for (const line of lines)
    byProduct.set(line.productId, [...(byProduct.get(line.productId) ?? []), line]);
  const writes: DocWrite[] = [];
  for (const [productId, ofProduct] of byProduct) {
    const current = parts.docs.get<ProductStock>('stock', productId) ?? {
      id: productId,
      levels: [],
    };
    const own = current.levels.find((level) => level.locationId === parts.storeId);
    const quantities = { ...own?.quantities };
    let aisle = own?.aisle;
    for (const line of ofProduct) {
      quantities[line.variantId] = line.units;
      if (line.aisle !== undefined) aisle = line.aisle;
    }
    const levels = [
      ...current.levels.filter((level) => level.locationId !== parts.storeId),
      { locationId: parts.storeId, quantities, ...(aisle ? { aisle } : {}) },
    ].sort((a, b) => a.locationId.localeCompare(b.locationId));
    const next: ProductStock = { id: productId, levels };
    if (JSON.stringify(next) !== JSON.stringify(current))
      writes.push({ c: 'stock', id: productId, body: next });
  }
  return writes;
}
