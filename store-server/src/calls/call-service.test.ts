import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeviceCallEvent, ExpertEvent } from '@vitrine/shared/core';
import { openDatabase, type Db } from '../db/database';
import { ExpertDirectory } from '../experts/expert-directory';
import { CallService } from './call-service';

let db: Db;
let service: CallService;
afterEach(() => {
  service.stop();
  db.close();
});

function setUp(ringTimeoutMs = 30_000) {
  db = openDatabase(mkdtempSync(join(tmpdir(), 'vitrine-calls-')));
  const directory = new ExpertDirectory(db);
  service = new CallService(db, directory, ringTimeoutMs);
  const online = (expertId: string, session = 1) => {
    const events: ExpertEvent[] = [];
    service.attachExpert(expertId, (event) => events.push(event));
    directory.applyPresence(expertId, birth(session));
    return events;
  };
  const device = (deviceId: string) => {
    const events: DeviceCallEvent[] = [];
    service.attachDevice(deviceId, (event) => events.push(event));
    return events;
  };
  return { directory, online, device };
}

const ask = { skill: 'tech' as const, viewed: [], lang: 'fr' as const };
const birth = (session: number, available = true) => ({
  v: 1 as const,
  type: 'online' as const,
  session,
  skills: ['tech' as const],
  available,
  at: new Date().toISOString(),
});
const will = (session: number) => ({ v: 1 as const, type: 'offline' as const, session });

describe('CallService', () => {
  it('queues a second shopper behind the first with a wait estimate', () => {
    const { online, device } = setUp();
    const expert = online('expert-a');
    device('kiosk-1');
    const second = device('kiosk-2');
    service.request('kiosk-1', 'Kiosk 1', ask);
    expect(expert.filter((e) => e.type === 'ring')).toHaveLength(1);
    const { callId } = service.request('kiosk-2', 'Kiosk 2', ask);
    expect(second.filter((e) => e.type === 'queued').at(-1)).toEqual({
      v: 1,
      type: 'queued',
      callId,
      position: 2,
      waitSeconds: 180,
    });
  });

  it('rings another expert when the first lets it ring out, and sets the first away', async () => {
    const { online, device, directory } = setUp(50);
    const first = online('expert-a');
    device('kiosk-1');
    const { callId } = service.request('kiosk-1', 'Kiosk 1', ask);
    expect(first.find((e) => e.type === 'ring')).toBeTruthy();
    const second = online('expert-b'); // free, but the call already rings expert-a
    expect(second.find((e) => e.type === 'ring')).toBeUndefined();
    // Look as soon as the first ring times out (the second would time out 50 ms later).
    while (first.at(-1)?.type !== 'ended') await new Promise((resolve) => setTimeout(resolve, 5));
    expect(first.at(-1)).toMatchObject({ type: 'ended', callId, reason: 'unanswered' });
    expect(directory.presence('expert-a')).toBe('away');
    expect(second.find((e) => e.type === 'ring')).toMatchObject({ call: { callId } });
    expect(directory.presence('expert-b')).toBe('busy');
  });

  it('ends a call when the shopper leaves and records the metadata', () => {
    const { online } = setUp();
    online('expert-a');
    const stopDevice = service.attachDevice('kiosk-1', () => undefined);
    const { callId } = service.request('kiosk-1', 'Kiosk 1', ask);
    service.accept('expert-a', callId);
    stopDevice();
    const row = db
      .prepare('SELECT expert_id, end_reason, answered_at FROM calls WHERE id = ?')
      .get(callId) as Record<string, string>;
    expect(row.expert_id).toBe('expert-a');
    expect(row.end_reason).toBe('shopper-left');
    expect(row.answered_at).toBeTruthy();
  });

  it('ignores a stale will from an older console, and obeys the current one', () => {
    const { directory } = setUp();
    expect(directory.applyPresence('expert-a', birth(3))).toBe(true);
    expect(directory.applyPresence('expert-a', birth(4))).toBe(true); // a new console (lid opened)
    expect(directory.applyPresence('expert-a', will(3))).toBe(false); // the old one's will, late
    expect(directory.presence('expert-a')).toBe('available');
    expect(directory.availability().tech).toEqual({ available: 1, online: 1 });
    expect(directory.applyPresence('expert-a', birth(4, false))).toBe(true);
    expect(directory.presence('expert-a')).toBe('away');
    expect(directory.applyPresence('expert-a', will(4))).toBe(true);
    expect(directory.presence('expert-a')).toBe('offline');
    expect(directory.applyPresence('expert-a', will(4))).toBe(false); // a second copy: no change
    expect(directory.availability().tech).toEqual({ available: 0, online: 0 });
  });

  it("rings another expert when the ringing expert's console dies (its will)", () => {
    const { online, device, directory } = setUp();
    const first = online('expert-a');
    device('kiosk-1');
    const { callId } = service.request('kiosk-1', 'Kiosk 1', ask);
    expect(first.find((e) => e.type === 'ring')).toBeTruthy();
    const second = online('expert-b');
    directory.applyPresence('expert-a', will(1));
    expect(second.find((e) => e.type === 'ring')).toMatchObject({ call: { callId } });
    expect(directory.presence('expert-b')).toBe('busy');
  });

  it('rings again when the expert reopens the feed while a call rings', () => {
    const { online, device } = setUp();
    online('expert-a');
    device('kiosk-1');
    const { callId } = service.request('kiosk-1', 'Kiosk 1', ask);
    const reopened: ExpertEvent[] = [];
    service.attachExpert('expert-a', (event) => reopened.push(event));
    expect(reopened).toHaveLength(1);
    expect(reopened[0]).toMatchObject({ type: 'ring', call: { callId } });
  });

  it('rings another expert at once when one declines, never the decliner again', () => {
    const { online, device, directory } = setUp();
    const first = online('expert-a');
    const second = online('expert-b');
    device('kiosk-1');
    const { callId } = service.request('kiosk-1', 'Kiosk 1', ask);
    const rang = first.some((e) => e.type === 'ring') ? 'expert-a' : 'expert-b';
    const other = rang === 'expert-a' ? 'expert-b' : 'expert-a';
    service.decline(rang, callId);
    expect((rang === 'expert-a' ? first : second).at(-1)).toMatchObject({
      type: 'ended',
      callId,
      reason: 'declined',
    });
    // The decliner stays available for the next call; the other expert rings.
    expect(directory.presence(rang)).toBe('available');
    expect((other === 'expert-a' ? first : second).at(-1)).toMatchObject({
      type: 'ring',
      call: { callId },
    });
    expect(() => service.decline(rang, callId)).toThrow(/not ringing for you/);
  });

  it('tells the shopper at once when every expert who could take the call declined', () => {
    const { online, device } = setUp();
    online('expert-a');
    const shopper = device('kiosk-1');
    const { callId } = service.request('kiosk-1', 'Kiosk 1', ask);
    service.decline('expert-a', callId);
    expect(shopper.at(-1)).toMatchObject({ type: 'ended', callId, reason: 'no-expert' });
    const row = db.prepare('SELECT end_reason FROM calls WHERE id = ?').get(callId);
    expect(row).toEqual({ end_reason: 'no-expert' });
  });

  it('closes the calls a previous run left open, so none stays open forever', () => {
    const { online, device } = setUp();
    online('expert-a');
    device('kiosk-1');
    const { callId } = service.request('kiosk-1', 'Kiosk 1', ask);
    service.accept('expert-a', callId);
    // The store server restarts: a new service over the same database.
    service.stop();
    service = new CallService(db, new ExpertDirectory(db));
    const row = db.prepare('SELECT ended_at, end_reason FROM calls WHERE id = ?').get(callId) as {
      ended_at: string | null;
      end_reason: string | null;
    };
    expect(row.end_reason).toBe('server-restarted');
    expect(row.ended_at).toBeTruthy();
  });
});
