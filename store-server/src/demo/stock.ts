// One stock record per product holding every location's levels, the shape
// the kiosk reads (docs/architecture.md: IndexedDB pays per record). Each
// store lays its departments out differently, so aisles differ per store.
import type { Product, ProductStock } from '@vitrine/shared/core';
import { LOCATIONS } from './locations';
import type { Random } from './random';
import type { Category } from './subcategory';
import { ALL_SUBCATEGORIES, subcategoryOfProductId } from './subcategories';

type StockLevel = ProductStock['levels'][number];

const BAYS = ['A', 'B', 'C', 'D', 'E', 'F'];

/** Typical units on a shelf per variant, by category: a garment size vs. a cheese. */
const MAX_UNITS: Record<Category, number> = { fashion: 6, food: 36, electronics: 12 };

/** Per store: subcategory slug → aisle number, from a shuffled floor plan. */
function floorPlans(rng: Random): Map<string, Map<string, number>> {
  const plans = new Map<string, Map<string, number>>();
  for (const location of LOCATIONS) {
    if (location.kind !== 'store') continue;
    const order = rng.shuffle(ALL_SUBCATEGORIES.map((sub) => sub.slug));
    plans.set(location.id, new Map(order.map((slug, i) => [slug, i + 1])));
  }
  return plans;
}

/**
 * An empty record for variant-id keys. Every product has its own, so filling a
 * plain `{}` makes V8 create a hidden class per key (half a million at 100k
 * products, most of the generation time). An object born without a prototype
 * starts in dictionary mode instead; the prototype is then put back so callers
 * get an ordinary object.
 */
function emptyRecord(): Record<string, number> {
  const record = Object.create(null) as Record<string, number>;
  Object.setPrototypeOf(record, Object.prototype);
  return record;
}

export function generateStock(rng: Random, products: readonly Product[]): ProductStock[] {
  const plans = floorPlans(rng.fork('floor-plans'));
  const stock: ProductStock[] = [];
  for (const product of products) {
    // New arrivals not yet received anywhere: no stock record at all.
    if (rng.chance(0.03)) continue;
    const ids = product.variants.map((v) => v.id);
    const sub = subcategoryOfProductId(product.id);
    const max = MAX_UNITS[sub?.category ?? 'food'];
    const onlineOnly = rng.chance(0.04);
    const levels: StockLevel[] = LOCATIONS.map((location) => {
      const online = location.kind === 'online';
      const soldOut = (!online && onlineOnly) || rng.chance(0.08);
      const quantities = emptyRecord();
      for (const id of ids) {
        quantities[id] = soldOut || rng.chance(0.2) ? 0 : rng.int(1, online ? max * 4 : max);
      }
      if (online) return { locationId: location.id, quantities };
      const aisle = plans.get(location.id)?.get(sub?.slug ?? '') ?? 1;
      return {
        locationId: location.id,
        quantities,
        // No word in the data: the screen says "Rayon" or "Aisle" in its own language.
        aisle: `${aisle} · ${rng.pick(BAYS)}`,
      };
    });
    stock.push({ id: product.id, levels });
  }
  return stock;
}
