import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database';
import { LookStore, MAX_SHARES_PER_10_MIN } from './look-store';

function storeAt(clock: { now: number }) {
  const dir = mkdtempSync(join(tmpdir(), 'vitrine-looks-'));
  const db = openDatabase(dir);
  return { db, store: new LookStore(db, dir, 3_600_000, () => clock.now) };
}
const photo = {
  jpeg: Buffer.from('jpeg bytes'),
  width: 640,
  height: 480,
  productIds: ['p-1'],
  lang: 'fr' as const,
  deviceId: 'mirror-1',
};

describe('LookStore', () => {
  it('gives a 256-bit random token and keeps only its hash', () => {
    const { db, store } = storeAt({ now: Date.parse('2026-11-23T10:00:00Z') });
    const { token, expiresAt } = store.create(photo);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(expiresAt).toBe('2026-11-23T11:00:00.000Z');
    const stored = JSON.stringify(db.prepare('SELECT * FROM shared_looks').all());
    expect(stored).not.toContain(token);
    expect(store.open(token).state).toBe('live');
    expect(store.open(token.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'))).state).toBe('unknown');
  });

  it('deletes an expired photo on access and answers gone', () => {
    const clock = { now: Date.parse('2026-11-23T10:00:00Z') };
    const { store } = storeAt(clock);
    const { token } = store.create(photo);
    const live = store.open(token);
    if (live.state !== 'live') throw new Error('expected a live look');
    clock.now += 3_600_000;
    expect(store.open(token).state).toBe('gone');
    expect(existsSync(live.look.file)).toBe(false);
  });

  it('sweeps expired photos without anyone opening them', () => {
    const clock = { now: Date.parse('2026-11-23T10:00:00Z') };
    const { store } = storeAt(clock);
    store.create(photo);
    const kept = store.create(photo);
    clock.now += 30 * 60_000;
    store.create(photo); // expires later than the others
    clock.now += 31 * 60_000;
    expect(store.sweep()).toBe(2);
    expect(readdirSync(store.dir)).toHaveLength(1);
    expect(store.open(kept.token).state).toBe('gone');
  });

  it('deletes now on request, once', () => {
    const { store } = storeAt({ now: Date.now() });
    const { token } = store.create(photo);
    expect(store.remove(token)).toBe(true);
    expect(store.remove(token)).toBe(false);
    expect(store.open(token).state).toBe('gone');
    expect(readdirSync(store.dir)).toHaveLength(0);
  });

  it('refuses a mirror sharing too many looks in ten minutes (429), then lets it again', () => {
    const clock = { now: Date.parse('2026-11-23T10:00:00Z') };
    const { store } = storeAt(clock);
    for (let i = 0; i < MAX_SHARES_PER_10_MIN; i++) store.create(photo);
    expect(() => store.create(photo)).toThrow(expect.objectContaining({ status: 429 }) as Error);
    expect(() => store.create({ ...photo, deviceId: 'mirror-2' })).not.toThrow();
    clock.now += 10 * 60_000 + 1;
    expect(() => store.create(photo)).not.toThrow();
  });
});
