// "Complete the look": the other pieces of the looks this garment belongs to
// (then its complementary products), only those in stock in this store.
import type { DeviceDb, StoredProduct } from '@vitrine/shared/client';
import type { Look } from '@vitrine/shared/core';
import { unitsAt } from '@vitrine/shared/ui';

export type Suggestion = { product: StoredProduct; units: number; look: Look | undefined };

const MAX_SUGGESTIONS = 6;

export async function suggestionsFor(
  db: DeviceDb,
  product: StoredProduct,
  storeId: string,
): Promise<Suggestion[]> {
  const looks = (await db.looks.toArray()).filter((look) => look.productIds.includes(product.id));
  const lookOf = new Map<string, Look>();
  for (const look of looks)
    for (const id of look.productIds) if (!lookOf.has(id)) lookOf.set(id, look);
  const ids = [...new Set([...lookOf.keys(), ...product.complementary])].filter(
    (id) => id !== product.id,
  );
  const [products, stock] = await Promise.all([db.products.bulkGet(ids), db.stock.bulkGet(ids)]);
  const suggestions: Suggestion[] = [];
  ids.forEach((id, i) => {
    const other = products[i];
    const units = unitsAt(stock[i], storeId)?.total ?? 0;
    if (other && units > 0) suggestions.push({ product: other, units, look: lookOf.get(id) });
  });
  return suggestions.slice(0, MAX_SUGGESTIONS);
}
