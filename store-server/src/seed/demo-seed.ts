// The demo store: a generated catalogue on first start, and one pre-enrolled
// device per app so /kiosk/, /signage/ and /mirror/ work at once on this machine.
import { randomBytes } from 'node:crypto';
import type { AppName } from '@vitrine/shared/core';
import type { CatalogueStore } from '../catalogue/catalogue-store';
import { getMeta, setMeta, type Db } from '../db/database';
import type { DemoDevices } from '../devices/device-routes';
import type { DeviceRegistry } from '../devices/registry';
import { generateDemoStore } from '../demo';
import type { Logger } from '../log';

const DEMO_APPS: AppName[] = ['kiosk', 'signage', 'mirror'];
/** Fixed "now" for the generator, so every demo store is identical. */
export const DEMO_EPOCH = new Date('2026-11-01T08:00:00Z');

export function seedDemoStore(options: {
  db: Db;
  catalogue: CatalogueStore;
  registry: DeviceRegistry;
  scale: number;
  log: Logger;
}): DemoDevices {
  const { db, catalogue, registry, log } = options;
  if (getMeta(db, 'demo_seeded') === undefined) {
    const started = performance.now();
    const store = generateDemoStore({ scale: options.scale, now: DEMO_EPOCH });
    catalogue.import(store);
    const putPrivate = db.prepare(
      'INSERT OR REPLACE INTO private_docs (collection, id, body) VALUES (?, ?, ?)',
    );
    db.transaction(() => {
      for (const member of store.members)
        putPrivate.run('members', member.id, JSON.stringify(member));
      for (const perk of store.perks) putPrivate.run('perks', perk.id, JSON.stringify(perk));
      for (const expert of store.experts)
        putPrivate.run('experts', expert.id, JSON.stringify(expert));
      setMeta(db, 'demo_seeded', String(options.scale));
    })();
    log.info(
      { products: store.products.length, ms: Math.round(performance.now() - started) },
      'demo store seeded',
    );
  }
  const saved = getMeta(db, 'demo_devices');
  const secrets = saved
    ? (JSON.parse(saved) as Record<string, string>)
    : Object.fromEntries(DEMO_APPS.map((app) => [app, randomBytes(32).toString('base64url')]));
  setMeta(db, 'demo_devices', JSON.stringify(secrets));
  const devices: DemoDevices = new Map();
  for (const app of DEMO_APPS) {
    const secret = secrets[app];
    if (!secret) continue;
    const deviceId = `demo-${app}`;
    registry.upsertActive(deviceId, app, `Demo ${app}`, secret);
    devices.set(app, { deviceId, secret });
  }
  return devices;
}
