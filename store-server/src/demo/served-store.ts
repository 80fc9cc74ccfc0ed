// A demo started for a store its generated chain does not list (the chain loadtest's `load-07`):
// that store joins the locations, its shelves a copy of the demo store's, so it starts with data
// of its own instead of being refused. The demo's own stores come out as before: nothing here
// draws from the generator's random sequence.
import type { Location, ProductStock } from '@vitrine/shared/core';
import { DEMO_STORE_ID } from './locations';

export function withServedStore(
  parts: { locations: Location[]; stock: ProductStock[] },
  storeId: string,
): { locations: Location[]; stock: ProductStock[] } {
  if (parts.locations.some((location) => location.id === storeId)) return parts;
  const model = parts.locations.find((location) => location.id === DEMO_STORE_ID);
  const location: Location = {
    id: storeId,
    name: `Vitrine ${storeId}`,
    city: model?.city ?? 'Paris',
    kind: 'store',
  };
  const stock = parts.stock.map((record) => {
    const level = record.levels.find((entry) => entry.locationId === DEMO_STORE_ID);
    if (!level) return record;
    const copy = { ...level, locationId: storeId, quantities: { ...level.quantities } };
    return { ...record, levels: [...record.levels, copy] };
  });
  return { locations: [...parts.locations, location], stock };
}
