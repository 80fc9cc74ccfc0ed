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
  const online = (expertId: string) => {
    const events: ExpertEvent[] = [];
    service.attachExpert(expertId, (event) => events.push(event));
    directory.update(expertId, ['tech'], true);
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
});
