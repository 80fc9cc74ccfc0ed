// Head office's settings for the screens and the neighbours this store follows. The chain's
// settings and the store's own are kept apart and merged (the store's win), so the settings
// document does not depend on which stream spoke last; a currency neither names stays as the
// store's first start set it. Called inside the intake's transaction.
import type { SettingsMessage, StoreSettings } from '@vitrine/shared/core';
import type { Db } from '../db/database';
import type { DocStore, DocWrite } from '../sync/doc-store';

type Settings = SettingsMessage['settings'];

/** The store's settings document after `source` said `settings`, or nothing if unchanged. */
export function settingsWrite(
  parts: { db: Db; docs: DocStore; storeId: string },
  source: 'chain' | 'store',
  settings: Settings,
): DocWrite[] {
  parts.db
    .prepare(
      `INSERT INTO hq_settings (source, body) VALUES (?, ?)
       ON CONFLICT (source) DO UPDATE SET body = excluded.body`,
    )
    .run(source, JSON.stringify(settings));
  const said = new Map(
    (
      parts.db.prepare('SELECT source, body FROM hq_settings').all() as {
        source: string;
        body: string;
      }[]
    ).map((row) => [row.source, JSON.parse(row.body) as Settings]),
  );
  const current = parts.docs.get<StoreSettings>('settings', parts.storeId);
  const merged: StoreSettings = {
    // The currency is a fact of the store, not a preference: settings that name none keep it.
    ...(current?.currency !== undefined && { currency: current.currency }),
    ...said.get('chain'),
    ...said.get('store'),
    id: parts.storeId,
  };
  if (JSON.stringify(current) === JSON.stringify(merged)) return [];
  return [{ c: 'settings', id: parts.storeId, body: merged }];
}

/** Replaces the list of neighbours (the link's schema already bounds it to MAX_NEIGHBOURS). */
export function replaceNeighbours(db: Db, neighbours: readonly string[]): void {
  db.prepare('DELETE FROM hq_neighbours').run();
  const insert = db.prepare('INSERT INTO hq_neighbours (position, store_id) VALUES (?, ?)');
  [...new Set(neighbours)].forEach((storeId, position) => insert.run(position, storeId));
}

/** The neighbours this store follows, in head office's order. */
export function neighboursOf(db: Db): string[] {
  return db
    .prepare('SELECT store_id FROM hq_neighbours ORDER BY position')
    .pluck()
    .all() as string[];
}
