// The store's settings for its screens (brand theme, staff access), live from
// the local copy: a theme changed on the store server shows after the next sync.
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'react';
import type { DeviceDb } from '../../client';
import type { StoreSettings } from '../../core';

export function useStoreSettings(db: DeviceDb, storeId: string): StoreSettings | undefined {
  const [settings, setSettings] = useState<StoreSettings | undefined>(undefined);
  useEffect(() => {
    const subscription = liveQuery(() => db.settings.get(storeId)).subscribe({
      next: setSettings,
      error: () => setSettings(undefined),
    });
    return () => subscription.unsubscribe();
  }, [db, storeId]);
  return settings;
}
