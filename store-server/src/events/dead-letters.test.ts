// Dead letters are bounded per device and count a resent refusal instead of
// adding a row; migration 700 re-keys the events a store already holds.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrations } from '../db/migrations';
import { openDatabase } from '../db/database';
import { DEAD_LETTERS_PER_DEVICE, DeadLetters } from './dead-letters';

const dataDir = () => mkdtempSync(join(tmpdir(), 'vitrine-dead-letters-'));

describe('dead letters', () => {
  it('keeps the newest per device and counts a resent refusal once', () => {
    const db = openDatabase(dataDir());
    const letters = new DeadLetters(db);
    const at = (i: number) => new Date(Date.UTC(2026, 11, 5, 10, 0, i)).toISOString();
    db.transaction(() => {
      for (let i = 0; i < DEAD_LETTERS_PER_DEVICE + 50; i++)
        letters.record('kiosk-1', [{ eventId: `e${i}`, reason: `bad ${i}`, raw: { i } }], at(i));
      letters.record('kiosk-2', [{ eventId: 'x', reason: 'first', raw: 'x' }], at(1));
      letters.record('kiosk-2', [{ eventId: 'x', reason: 'again', raw: 'x' }], at(2));
    })();
    const kept = letters.forDevice('kiosk-1', 1_000);
    expect(kept).toHaveLength(DEAD_LETTERS_PER_DEVICE);
    expect(kept[0]).toMatchObject({
      eventId: `e${DEAD_LETTERS_PER_DEVICE + 49}`,
      raw: '{"i":249}',
    });
    expect(letters.forDevice('kiosk-2')).toEqual([
      expect.objectContaining({ eventId: 'x', reason: 'again', times: 2 }),
    ]);
    expect(letters.summary().map((line) => [line.deviceId, line.count])).toEqual([
      ['kiosk-1', DEAD_LETTERS_PER_DEVICE],
      ['kiosk-2', 2],
    ]);
    db.close();
  });

  it('moves the events of a store opened before migration 700, requests still made from them', () => {
    const dir = dataDir();
    const before = migrations.findIndex((migration) => migration.id === '700-events-per-device');
    // A store as it was: every migration up to 700 applied by hand.
    const old = new Database(join(dir, 'store.sqlite'));
    old.exec('CREATE TABLE schema_migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
    for (const migration of migrations.slice(0, before)) {
      old.exec(migration.sql);
      old.prepare('INSERT INTO schema_migrations VALUES (?, ?)').run(migration.id, 'then');
    }
    old
      .prepare(
        `INSERT INTO events (id, device_id, seq, kind, at, received_at, payload)
         VALUES ('e1', 'kiosk-1', 1, 'interaction', 't', 't', '{}')`,
      )
      .run();
    old.close();

    const db = openDatabase(dir);
    expect(db.prepare('SELECT device_id, id FROM events').all()).toEqual([
      { device_id: 'kiosk-1', id: 'e1' },
    ]);
    const insert = db.prepare(
      `INSERT INTO events (id, device_id, seq, kind, at, received_at, payload)
       VALUES (?, ?, ?, ?, 't', 't', ?) ON CONFLICT (device_id, id) DO NOTHING`,
    );
    expect(insert.run('e1', 'kiosk-2', 1, 'interaction', '{}').changes).toBe(1);
    expect(insert.run('e1', 'kiosk-2', 1, 'interaction', '{}').changes).toBe(0);
    const request = JSON.stringify({
      type: 'reservation',
      contact: { name: 'Camille Martin', phone: '0612345678', consent: true },
    });
    insert.run('r1', 'kiosk-1', 2, 'request', request);
    expect(db.prepare("SELECT contact_name FROM requests WHERE id = 'r1'").pluck().get()).toBe(
      'Camille Martin',
    );
    const kept = db.prepare("SELECT payload FROM events WHERE id = 'r1'").pluck().get() as string;
    expect(JSON.parse(kept)).not.toHaveProperty('contact');
    db.close();
  });
});
