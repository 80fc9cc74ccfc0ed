// The demo store: a generated catalogue on first start, and one pre-enrolled
// device per app so /kiosk/, /signage/ and /mirror/ work at once on this machine.
import { randomBytes } from 'node:crypto';
import type { AppName } from '@vitrine/shared/core';
import type { CatalogueStore } from '../catalogue/catalogue-store';
import { getMeta, setMeta, type Db } from '../db/database';
import type { DemoDevices } from '../devices/device-handlers';
import type { DeviceRegistry } from '../devices/registry';
import { generateDemoStore } from '../demo';
import type { Logger } from '../log';
import type { StaffStore, StaffUser } from '../staff/staff-store';

const DEMO_APPS: AppName[] = ['kiosk', 'signage', 'mirror'];
/** The demo store's sign-in password for every demo user (never use outside the demo). */
export const DEMO_PASSWORD = 'vitrine-demo';
export const DEMO_USERS: StaffUser[] = [
  // Plain names: the consoles show each person's roles beside the name, in the console's language.
  { id: 'staff', name: 'Camille Martin', roles: ['staff'] },
  { id: 'manager', name: 'Karim Benali', roles: ['staff', 'manager'] },
  { id: 'editor', name: 'Léa Fontaine', roles: ['editor'] },
  { id: 'publisher', name: 'Hugo Marchand', roles: ['editor', 'publisher'] },
];

/**
 * The generator's "now": 08:00 UTC on the day the demo is first started, so its
 * promotions, perks and reviews are current whenever someone tries it, and two
 * demos generated the same day are identical.
 */
function demoEpoch(today: Date): Date {
  const day = today.toISOString().slice(0, 10);
  return new Date(`${day}T08:00:00Z`);
}

export function seedDemoStore(options: {
  db: Db;
  catalogue: CatalogueStore;
  registry: DeviceRegistry;
  staff: StaffStore;
  scale: number;
  log: Logger;
  /** Wall clock by default; tests pass a day. */
  today?: Date;
}): DemoDevices {
  const { db, catalogue, registry, log } = options;
  if (getMeta(db, 'demo_seeded') === undefined) {
    const started = performance.now();
    const now = demoEpoch(options.today ?? new Date());
    const store = generateDemoStore({ scale: options.scale, now });
    const putPrivate = db.prepare(
      'INSERT OR REPLACE INTO private_docs (collection, id, body) VALUES (?, ?, ?)',
    );
    // One transaction, the "seeded" mark last inside it: a kill at any point
    // leaves either no demo (the next start seeds it whole) or all of it.
    db.transaction(() => {
      catalogue.import(store);
      for (const member of store.members)
        putPrivate.run('members', member.id, JSON.stringify(member));
      for (const perk of store.perks) putPrivate.run('perks', perk.id, JSON.stringify(perk));
      for (const expert of store.experts)
        putPrivate.run('experts', expert.id, JSON.stringify(expert));
      for (const user of DEMO_USERS) options.staff.upsertUser(user, DEMO_PASSWORD);
      for (const expert of store.experts) {
        options.staff.upsertUser(
          { id: expert.id, name: expert.name, roles: ['expert'] },
          DEMO_PASSWORD,
        );
      }
      setMeta(db, 'demo_seeded', String(options.scale));
      setMeta(db, 'demo_generated_on', now.toISOString().slice(0, 10));
    })();
    log.info(
      {
        products: store.products.length,
        generatedOn: now.toISOString().slice(0, 10),
        ms: Math.round(performance.now() - started),
      },
      'demo store seeded',
    );
  } else {
    restoreMissingDemoUsers(db, options.staff, log);
  }
  const saved = getMeta(db, 'demo_devices');
  const secrets = saved
    ? (JSON.parse(saved) as Record<string, string>)
    : Object.fromEntries(DEMO_APPS.map((app) => [app, randomBytes(32).toString('base64url')]));
  // Nothing is written when nothing changed, so a restart on a full disk still gets its devices.
  if (!saved) setMeta(db, 'demo_devices', JSON.stringify(secrets));
  const devices: DemoDevices = new Map();
  for (const app of DEMO_APPS) {
    const secret = secrets[app];
    if (!secret) continue;
    const deviceId = `demo-${app}`;
    if (registry.verify(deviceId, secret)?.status !== 'active')
      registry.upsertActive(deviceId, app, `Demo ${app}`, secret);
    devices.set(app, { deviceId, secret });
  }
  return devices;
}

/**
 * A demo seeded by an older version that was killed before it wrote its users
 * (they came after the "seeded" mark then) gets them back. A user that exists,
 * even disabled, is left as it is.
 */
function restoreMissingDemoUsers(db: Db, staff: StaffStore, log: Logger): void {
  const experts = db
    .prepare(
      "SELECT id, json_extract(body, '$.name') AS name FROM private_docs WHERE collection = 'experts'",
    )
    .all() as { id: string; name: string }[];
  const wanted: StaffUser[] = [
    ...DEMO_USERS,
    ...experts.map((expert): StaffUser => ({ ...expert, roles: ['expert'] })),
  ];
  const exists = db.prepare('SELECT 1 FROM staff_users WHERE id = ?').pluck();
  const missing = wanted.filter((user) => exists.get(user.id) === undefined);
  if (missing.length === 0) return;
  db.transaction(() => missing.forEach((user) => staff.upsertUser(user, DEMO_PASSWORD)))();
  log.warn({ users: missing.map((user) => user.id) }, 'demo users restored');
}

/** One demo loyalty card per tier, best first, for the start banner and the README. */
export function demoLoyaltyCards(db: Db): { tier: string; cardCode: string }[] {
  const rows = db
    .prepare(
      `SELECT json_extract(body, '$.tier') AS tier, MIN(json_extract(body, '$.cardCode')) AS cardCode
       FROM private_docs WHERE collection = 'members' GROUP BY tier`,
    )
    .all() as { tier: string; cardCode: string }[];
  const order = ['gold', 'silver', 'bronze'];
  return rows.sort((a, b) => order.indexOf(a.tier) - order.indexOf(b.tier));
}
