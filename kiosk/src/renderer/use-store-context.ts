// Keeps the store's promotions and locations in memory, refreshed whenever
// the local copy of either changes (a sync), for product pages to reuse.
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'react';
import type { DeviceDb } from '@vitrine/shared/client';
import { loadStoreContext, type StoreContext } from '@vitrine/shared/ui';

/** Undefined until first read (or if it cannot be read): pages then read it themselves. */
export function useStoreContext(db: DeviceDb): StoreContext | undefined {
  const [context, setContext] = useState<StoreContext | undefined>(undefined);
  useEffect(() => {
    setContext(undefined);
    const subscription = liveQuery(() => loadStoreContext(db)).subscribe({
      next: setContext,
      error: () => setContext(undefined),
    });
    return () => subscription.unsubscribe();
  }, [db]);
  return context;
}
