// The demo store: a generated catalogue on first start, and one pre-enrolled
// device per app so /kiosk/, /signage/ and /mirror/ work at once on this machine.
// The catalogue comes in through the front door: the generator writes the
// chain's feeds into <data>/demo-feeds/ and the importer reads them, as it
// would any retailer's (docs/decisions/15-demo.md).
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { catalogueImageUrl, DEFAULT_IMPORT_POLICY, type AppName } from '@vitrine/shared/core';
import type { CatalogueStore } from '../catalogue/catalogue-store';
import { getMeta, setMeta, type Db } from '../db/database';
import type { DemoDevices } from '../devices/device-handlers';
import type { DeviceRegistry } from '../devices/registry';
import { generateDemoStore } from '../demo';
import { withDemoImages } from '../demo/image-links';
import { writeDemoFeeds } from '../demo/write-feeds';
import { ImageStore } from '../images/image-store';
import { importCatalogue, type ImportProgress } from '../import/import-catalogue';
import type { Logger } from '@vitrine/shared/node';
import type { StaffStore, StaffUser } from '../staff/staff-store';
import type { DocStore } from '../sync/doc-store';

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

type SeedParts = {
  db: Db;
  docs: DocStore;
  catalogue: CatalogueStore;
  registry: DeviceRegistry;
  staff: StaffStore;
  /** The store's data folder: the feeds go to demo-feeds/, the import's staging to imports/. */
  dataDir: string;
  scale: number;
  /** The store served: a demo for a store its chain does not list adds it (demo/served-store.ts). */
  storeId?: string;
  log: Logger;
  /** Wall clock by default; tests pass a day. */
  today?: Date;
};

/** Where the demo's feeds are written, for anyone who wants to read or re-import them. */
export const demoFeedsDir = (dataDir: string) => join(dataDir, 'demo-feeds');

/**
 * Seeds the demo once: its feeds through the importer (one atomic import),
 * then what no feed carries (reviews, promotions, FAQ, looks, members, perks,
 * experts, users) in one transaction with the "seeded" mark last. A start
 * killed between the two seeds again: the same feeds import as no change.
 */
async function seedDemo(parts: SeedParts): Promise<void> {
  const { db, catalogue, log, dataDir } = parts;
  const started = performance.now();
  const now = demoEpoch(parts.today ?? new Date());
  log.info(
    { products: parts.scale, feeds: demoFeedsDir(dataDir) },
    'first start: seeding the demo store through the importer',
  );
  const store = generateDemoStore({ scale: parts.scale, now, storeId: parts.storeId });
  const files = await writeDemoFeeds(store, demoFeedsDir(dataDir));
  const workDir = join(dataDir, 'imports', 'demo-seed');
  // A start killed during the import left its staging file: never read it again.
  rmSync(workDir, { recursive: true, force: true });
  const images = new ImageStore(db, dataDir, false);
  const outcome = await importCatalogue(
    {
      db,
      docs: parts.docs,
      catalogue,
      // The demo's pictures are drawn by the server (media-routes.ts), never fetched.
      ...withDemoImages({
        images,
        imageUrl: (key, width) => catalogueImageUrl('', key, width),
      }),
    },
    {
      files,
      mode: 'full',
      language: 'fr',
      policy: DEFAULT_IMPORT_POLICY,
      currency: 'EUR',
      timeZone: 'Europe/Paris',
      workDir,
    },
    phaseLogger(log),
  ).finally(() => rmSync(workDir, { recursive: true, force: true }));
  if (outcome.state !== 'applied' || outcome.totalEntries > 0)
    throw new Error(
      `the demo's own feeds did not import cleanly: ${outcome.reason ?? ''} ${JSON.stringify(outcome.firstEntries.slice(0, 3))}`,
    );
  const putPrivate = db.prepare(
    'INSERT OR REPLACE INTO private_docs (collection, id, body) VALUES (?, ?, ?)',
  );
  db.transaction(() => {
    catalogue.import({
      reviews: store.reviews,
      promotions: store.promotions,
      faq: store.faq,
      looks: store.looks,
    });
    for (const member of store.members)
      putPrivate.run('members', member.id, JSON.stringify(member));
    for (const perk of store.perks) putPrivate.run('perks', perk.id, JSON.stringify(perk));
    for (const expert of store.experts)
      putPrivate.run('experts', expert.id, JSON.stringify(expert));
    for (const user of DEMO_USERS) parts.staff.upsertUser(user, DEMO_PASSWORD);
    for (const expert of store.experts) {
      parts.staff.upsertUser(
        { id: expert.id, name: expert.name, roles: ['expert'] },
        DEMO_PASSWORD,
      );
    }
    setMeta(db, 'demo_seeded', String(parts.scale));
    setMeta(db, 'demo_generated_on', now.toISOString().slice(0, 10));
  })();
  log.info(
    {
      products: store.products.length,
      feeds: demoFeedsDir(dataDir),
      generatedOn: now.toISOString().slice(0, 10),
      ms: Math.round(performance.now() - started),
    },
    'demo store seeded through the importer',
  );
}

/** The import's progress in the start's log, a line per phase (reading each file, building, applying). */
function phaseLogger(log: Logger): (progress: ImportProgress) => void {
  let last = '';
  return (progress) => {
    const phase = progress.phase === 'reading' ? `reading ${progress.kind}` : progress.phase;
    if (phase === last) return;
    last = phase;
    log.info({ phase }, 'demo import');
  };
}

export async function seedDemoStore(parts: SeedParts): Promise<DemoDevices> {
  const { db, registry, log } = parts;
  if (getMeta(db, 'demo_seeded') === undefined) await seedDemo(parts);
  else restoreMissingDemoUsers(db, parts.staff, log);
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
