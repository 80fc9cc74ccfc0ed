// The demo's first seeding is all or nothing: a start that dies half-way
// (here: a user that cannot be written) leaves no half demo, and the next
// start seeds the whole of it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CatalogueStore } from '../catalogue/catalogue-store';
import { getMeta, openDatabase } from '../db/database';
import { DeviceRegistry } from '../devices/registry';
import { createLogger } from '../log';
import { StaffStore } from '../staff/staff-store';
import { DocStore } from '../sync/doc-store';
import { DEMO_USERS, seedDemoStore } from './demo-seed';

function store() {
  const db = openDatabase(mkdtempSync(join(tmpdir(), 'vitrine-seed-')));
  const docs = new DocStore(db);
  return {
    db,
    docs,
    catalogue: new CatalogueStore(db, docs),
    registry: new DeviceRegistry(db),
    staff: new StaffStore(db),
    scale: 20,
    log: createLogger('silent', 'test'),
    today: new Date('2026-12-05T10:00:00Z'),
  };
}

describe('demo seeding', () => {
  it('writes nothing when it fails part-way, and everything on the next start', () => {
    const options = store();
    const upsertUser = options.staff.upsertUser.bind(options.staff);
    // The last demo user cannot be written, as if the process died there.
    options.staff.upsertUser = (user, password) => {
      if (user.id === DEMO_USERS.at(-1)?.id) throw new Error('killed');
      return upsertUser(user, password);
    };
    expect(() => seedDemoStore(options)).toThrow('killed');
    const count = (sql: string) => options.db.prepare(sql).pluck().get() as number;
    expect(getMeta(options.db, 'demo_seeded')).toBeUndefined();
    expect(count('SELECT COUNT(*) FROM sync_docs')).toBe(0);
    expect(count('SELECT COUNT(*) FROM staff_users')).toBe(0);
    expect(count('SELECT COUNT(*) FROM private_docs')).toBe(0);

    options.staff.upsertUser = upsertUser;
    seedDemoStore(options);
    expect(getMeta(options.db, 'demo_seeded')).toBe('20');
    for (const user of DEMO_USERS) expect(options.staff.getUser(user.id)).toEqual(user);
    expect(count("SELECT COUNT(*) FROM sync_docs WHERE collection = 'products'")).toBe(20);
    expect(count("SELECT COUNT(*) FROM private_docs WHERE collection = 'members'")).toBeGreaterThan(
      0,
    );
  });

  it('gives back the users an older, interrupted seeding left out', () => {
    const options = store();
    seedDemoStore(options);
    options.db
      .prepare("DELETE FROM staff_users WHERE id IN ('manager', 'expert-julie-mercier')")
      .run();
    seedDemoStore(options);
    expect(options.staff.getUser('manager')).toEqual(
      DEMO_USERS.find((user) => user.id === 'manager'),
    );
    expect(options.staff.signIn('expert-julie-mercier', 'vitrine-demo')?.user.roles).toEqual([
      'expert',
    ]);
  });
});
