// The server must serve a store its data knows: a typo in --store, or the demo
// started under another id, would otherwise show "0 in stock" on every product.
import type { Location } from '@vitrine/shared/core';
import type { DocStore } from '../sync/doc-store';

/** Start-up refused: the message names the store and the stores the data has. */
export class UnknownStoreError extends Error {
  override readonly name = 'UnknownStoreError';
}

/**
 * Throws when the catalogue lists stores and `storeId` is not one of them. An
 * empty catalogue (a new store before its first import) is allowed.
 */
export function assertStoreHasData(docs: DocStore, storeId: string): void {
  const stores = docs
    .all<Location>('locations')
    .filter((location) => location.kind === 'store')
    .map((location) => location.id)
    .sort();
  if (stores.length === 0 || stores.includes(storeId)) return;
  throw new UnknownStoreError(
    `store "${storeId}" has no data in this database. Stores with data: ${stores.join(', ')}.\n` +
      `Start with --store <one of them>, or use another --data directory for a new store.`,
  );
}
