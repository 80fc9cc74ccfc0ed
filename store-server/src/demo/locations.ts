// The demo chain: five stores in French cities and the online shop, whose
// stock sits in a warehouse.
import type { Location } from '@vitrine/shared/core';

/** The store `--demo` serves unless told otherwise: its stock, aisles and screens are generated. */
export const DEMO_STORE_ID = 'paris-rivoli';

export const LOCATIONS: readonly Location[] = [
  { id: 'paris-rivoli', name: 'Vitrine Paris Rivoli', city: 'Paris', kind: 'store' },
  { id: 'lyon-bellecour', name: 'Vitrine Lyon Bellecour', city: 'Lyon', kind: 'store' },
  { id: 'marseille-prado', name: 'Vitrine Marseille Prado', city: 'Marseille', kind: 'store' },
  {
    id: 'bordeaux-sainte-catherine',
    name: 'Vitrine Bordeaux Sainte-Catherine',
    city: 'Bordeaux',
    kind: 'store',
  },
  { id: 'lille-euralille', name: 'Vitrine Lille Euralille', city: 'Lille', kind: 'store' },
  { id: 'online', name: 'Vitrine en ligne', city: 'Orléans', kind: 'online' },
];

/** Fresh copies, so a caller that edits them never changes the next store. */
export function generateLocations(): Location[] {
  return LOCATIONS.map((location) => ({ ...location }));
}
