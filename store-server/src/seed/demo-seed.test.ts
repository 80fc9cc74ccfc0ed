// The demo's first seeding: its catalogue through the importer from the feeds
// it writes, the rest in one transaction with the "seeded" mark last. A start
// that dies half-way (here: a user that cannot be written) is not seeded, and
// the next start seeds the rest, its catalogue import changing nothing.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CatalogueStore } from '../catalogue/catalogue-store';
import { getMeta, openDatabase } from '../db/database';
import { DeviceRegistry } from '../devices/registry';
import { createLogger } from '@vitrine/shared/node';
import { StaffStore } from '../staff/staff-store';
import { DocStore } from '../sync/doc-store';
import { DEMO_USERS, demoFeedsDir, seedDemoStore } from './demo-seed';

function store() {
  const dataDir = mkdtempSync(join(tmpdir(), 'vitrine-seed-'));
  const db = openDatabase(dataDir);
  const docs = new DocStore(db);
  return {
    db,
    docs,
    dataDir,
    catalogue: new CatalogueStore(db, docs),
    registry: new DeviceRegistry(db),
    staff: new StaffStore(db),
    scale: 20,
    log: createLogger('silent', { store: 'test' }),
    today: new Date('2026-12-05T10:00:00Z'),
  };
}

describe('demo seeding', () => {
  it('is not seeded when it fails part-way, and the next start seeds the rest', async () => {
    const options = store();
    const upsertUser = options.staff.upsertUser.bind(options.staff);
    // The last demo user cannot be written, as if the process died there.
    options.staff.upsertUser = (user, password) => {
      if (user.id === DEMO_USERS.at(-1)?.id) throw new Error('killed');
      return upsertUser(user, password);
    };
    await expect(seedDemoStore(options)).rejects.toThrow('killed');
    const count = (sql: string) => options.db.prepare(sql).pluck().get() as number;
    expect(getMeta(options.db, 'demo_seeded')).toBeUndefined();
    // The import is in, atomic on its own; what came after it is not.
    expect(count("SELECT COUNT(*) FROM sync_docs WHERE collection = 'products'")).toBe(20);
    expect(count("SELECT COUNT(*) FROM sync_docs WHERE collection = 'reviews'")).toBe(0);
    expect(count('SELECT COUNT(*) FROM staff_users')).toBe(0);
    expect(count('SELECT COUNT(*) FROM private_docs')).toBe(0);
    const head = options.docs.head();

    options.staff.upsertUser = upsertUser;
    await seedDemoStore(options);
    expect(getMeta(options.db, 'demo_seeded')).toBe('20');
    for (const user of DEMO_USERS) expect(options.staff.getUser(user.id)).toEqual(user);
    // The same feeds again: no product or stock written twice.
    expect(
      count(
        `SELECT COUNT(*) FROM sync_docs WHERE rev > ${head} AND collection IN ('products', 'stock')`,
      ),
    ).toBe(0);
    expect(count("SELECT COUNT(*) FROM sync_docs WHERE collection = 'reviews'")).toBeGreaterThan(0);
    expect(count("SELECT COUNT(*) FROM private_docs WHERE collection = 'members'")).toBeGreaterThan(
      0,
    );
    // The feeds stay in the data folder, for a manager to read or import elsewhere.
    const products = join(demoFeedsDir(options.dataDir), 'products.tsv');
    expect(existsSync(products)).toBe(true);
    expect(readFileSync(products, 'utf8').split('\n')[0]).toMatch(/^id\titem_group_id\ttitle\t/);
    expect(existsSync(join(options.dataDir, 'imports', 'demo-seed'))).toBe(false);
  });

  it('gives back the users an older, interrupted seeding left out', async () => {
    const options = store();
    await seedDemoStore(options);
    options.db
      .prepare("DELETE FROM staff_users WHERE id IN ('manager', 'expert-julie-mercier')")
      .run();
    await seedDemoStore(options);
    expect(options.staff.getUser('manager')).toEqual(
      DEMO_USERS.find((user) => user.id === 'manager'),
    );
    expect(options.staff.signIn('expert-julie-mercier', 'vitrine-demo')?.user.roles).toEqual([
      'expert',
    ]);
  });
});
