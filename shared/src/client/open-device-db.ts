// Opens the device's local copy safely. The copy can always be pulled again,
// so a database that cannot be opened (corrupt files, left by a newer app
// version) is deleted and rebuilt from a full pull instead of leaving the
// screen dark. Persistent storage is requested so the browser does not evict it.
import Dexie from 'dexie';
import { DeviceDb } from './device-db';

export type OpenedDb =
  { db: DeviceDb; rebuilt: false } | { db: DeviceDb; rebuilt: true; reason: string };

export async function openDeviceDb(name: string): Promise<OpenedDb> {
  if (typeof navigator !== 'undefined' && navigator.storage?.persist) {
    void navigator.storage.persist().catch(() => false);
  }
  const db = new DeviceDb(name);
  try {
    await db.open();
    return { db, rebuilt: false };
  } catch (error) {
    db.close();
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    await Dexie.delete(name);
    const fresh = new DeviceDb(name);
    await fresh.open();
    return { db: fresh, rebuilt: true, reason };
  }
}
