// What the stores still owe head office: the rows of each store's hq_outbox (its events not yet
// acknowledged by JetStream), read from its SQLite file as it runs. An acked event absent from
// PostgreSQL but still owed is late, not lost.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { ChainStoreEndpoints } from '../../head-office/src/chain/endpoints';

export const eventKey = (storeId: string, deviceId: string, eventId: string) =>
  `${storeId}\u0000${deviceId}\u0000${eventId}`;

export function owedByStores(stores: readonly ChainStoreEndpoints[]): Set<string> {
  const owed = new Set<string>();
  for (const store of stores) {
    const db = new Database(join(store.dataDir, 'store.sqlite'), { readonly: true });
    try {
      db.pragma('busy_timeout = 5000');
      const rows = db.prepare('SELECT device_id, event_id FROM hq_outbox').all() as {
        device_id: string;
        event_id: string;
      }[];
      for (const row of rows) owed.add(eventKey(store.id, row.device_id, row.event_id));
    } finally {
      db.close();
    }
  }
  return owed;
}
