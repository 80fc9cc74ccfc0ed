// A product's stock record from the inventory lines naming its items. Pure.
// An incremental feed changes only the stores and items it names; a full one
// is the whole truth about every store the file names (an item it leaves out
// there is no longer counted) and leaves other stores as they were.
import type { ProductStock } from '../catalogue';
import type { InventoryLine } from './feed-lines';
import { variantIdOf } from './variant-key';

/** Units of a line: its quantity, 0 when out of stock, unknown otherwise. */
function unitsOf(line: InventoryLine): number | undefined {
  if (line.quantity !== undefined) return line.quantity;
  return line.availability === 'out_of_stock' ? 0 : undefined;
}

export function stockDocOf(
  productId: string,
  /** The product's variant ids now: quantities of items it no longer has are dropped. */
  variantIds: ReadonlySet<string>,
  lines: readonly InventoryLine[],
  base: ProductStock | undefined,
  /** Stores whose levels the lines replace (a full feed's stores); others are updated line by line. */
  replacing: ReadonlySet<string>,
): ProductStock {
  const levels = new Map(
    (base?.levels ?? []).map((level) => [
      level.locationId,
      { ...level, quantities: { ...level.quantities } },
    ]),
  );
  for (const store of replacing) levels.delete(store);
  for (const line of lines) {
    const variantId = variantIdOf(line.id);
    if (variantId === undefined || !variantIds.has(variantId)) continue;
    const level = levels.get(line.storeCode) ?? { locationId: line.storeCode, quantities: {} };
    const units = unitsOf(line);
    if (units !== undefined) level.quantities[variantId] = units;
    if (line.aisle !== undefined) level.aisle = line.aisle;
    levels.set(line.storeCode, level);
  }
  // Fixed key order (the product's), so an unchanged record serialises the same.
  const order = [...variantIds];
  return {
    id: productId,
    levels: [...levels.values()]
      .sort((a, b) => (a.locationId < b.locationId ? -1 : a.locationId > b.locationId ? 1 : 0))
      .map((level) => {
        const quantities: Record<string, number> = {};
        for (const id of order) {
          const units = level.quantities[id];
          if (units !== undefined) quantities[id] = units;
        }
        return level.aisle === undefined
          ? { locationId: level.locationId, quantities }
          : { locationId: level.locationId, quantities, aisle: level.aisle };
      }),
  };
}
