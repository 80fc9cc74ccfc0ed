import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BrokerLink } from '../broker/broker-link';
import { openDatabase } from '../db/database';
import { WriteGate } from './write-gate';

/** A link whose messages the test delivers by hand (the real one needs a broker). */
function handDeliveredLink() {
  const handlers: ((topic: string, payload: Buffer) => void)[] = [];
  const link: BrokerLink = {
    publish: () => undefined,
    subscribe: () => Promise.resolve(),
    onMessage: (handler) => void handlers.push(handler),
    connected: () => true,
    close: () => Promise.resolve(),
  };
  const deliver = (topic: string) => handlers.forEach((handler) => handler(topic, Buffer.from('')));
  return { link, deliver };
}

describe('the write gate', () => {
  it('runs writes at once when open, and in order after the commit when held', () => {
    const gate = new WriteGate();
    const ran: string[] = [];
    gate.run(() => ran.push('open'));
    gate.hold();
    gate.run(() => ran.push('first'));
    gate.run(() => ran.push('second'));
    expect(ran).toEqual(['open']);
    gate.release();
    expect(ran).toEqual(['open', 'first', 'second']);
  });

  it('runs every held write even when one throws, and says which failed', () => {
    const failed: string[] = [];
    const gate = new WriteGate(undefined, (error) => failed.push((error as Error).message));
    const ran: string[] = [];
    gate.hold();
    gate.run(() => ran.push('before'));
    gate.run(() => {
      throw new Error('disk full');
    });
    gate.run(() => ran.push('after'));
    gate.release();
    expect(ran).toEqual(['before', 'after']);
    expect(failed).toEqual(['disk full']);
  });

  it('holds every MQTT message handled through the gated link, not only device events', () => {
    const gate = new WriteGate();
    const { link, deliver } = handDeliveredLink();
    const seen: string[] = [];
    gate.gatedLink(link).onMessage((topic) => seen.push(topic));
    deliver('vitrine/s1/experts/e1/presence');
    gate.hold();
    deliver('vitrine/s1/stations/m1/measure');
    expect(seen).toEqual(['vitrine/s1/experts/e1/presence']);
    gate.release();
    expect(seen).toEqual(['vitrine/s1/experts/e1/presence', 'vitrine/s1/stations/m1/measure']);
  });

  it('makes a write that slips past fail at once while held, and restores the wait after', () => {
    const db = openDatabase(mkdtempSync(join(tmpdir(), 'vitrine-gate-')));
    const before = db.pragma('busy_timeout', { simple: true });
    const gate = new WriteGate(db);
    gate.hold();
    expect(db.pragma('busy_timeout', { simple: true })).toBe(0);
    gate.release();
    expect(db.pragma('busy_timeout', { simple: true })).toBe(before);
    db.close();
  });
});
