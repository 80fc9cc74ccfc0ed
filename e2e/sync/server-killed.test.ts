// SIGKILL the store server in the middle of ingestion: no acknowledged event
// is lost, nothing is stored twice, and the database stays consistent.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DeviceHandle } from '@vitrine/shared/client';
import { startNodeDevice } from '../support/node-device';
import { enrolAndApprove, freePort, spawnServer } from '../support/server-process';
import { freshDataDir, waitFor } from '../support/test-server';

const DEVICES = 4;
const EVENTS_PER_DEVICE = 1_500;

async function recordMany(device: DeviceHandle, count: number, ids: Set<string>): Promise<void> {
  for (let i = 0; i < count; i++) {
    const event = await device.outbox.record({
      kind: 'proof-of-play',
      payload: {
        campaignId: 'c1',
        itemId: `item-${i % 7}`,
        playId: `play-${i}`,
        phase: i % 2 ? 'end' : 'start',
      },
    });
    ids.add(event.id);
  }
}

describe('store server killed mid-ingestion', () => {
  it('loses no acknowledged event and stores each exactly once', { timeout: 180_000 }, async () => {
    const dataDir = freshDataDir('vitrine-kill');
    const httpPort = await freePort();
    const mqttPort = await freePort();
    const first = await spawnServer({ dataDir, httpPort, mqttPort });
    const credentials = await Promise.all(
      Array.from({ length: DEVICES }, () => enrolAndApprove(first.url, 'signage')),
    );
    const devices = await Promise.all(
      credentials.map((credential) => startNodeDevice(first.url, credential)),
    );
    await Promise.all(
      devices.map((device) => waitFor(() => device.link?.state === 'online', 'online')),
    );

    const recorded = new Set<string>();
    const recording = Promise.all(
      devices.map((device) => recordMany(device, EVENTS_PER_DEVICE, recorded)),
    );
    const dbPath = join(dataDir, 'store.sqlite');
    // Kill once the server has committed some, but not all, of the events.
    await waitFor(
      () => {
        const reader = new Database(dbPath, { readonly: true });
        try {
          return (reader.prepare('SELECT COUNT(*) FROM events').pluck().get() as number) > 500;
        } finally {
          reader.close();
        }
      },
      'ingestion under way',
      60_000,
    );
    await first.kill('SIGKILL');
    // Recorded first, pending second: every id in this list is either still
    // pending or was acknowledged (recording goes on meanwhile).
    const recordedAtKill = [...recorded];
    const pendingIds = new Set(
      (await Promise.all(devices.map((device) => device.db.outbox.toArray())))
        .flat()
        .map((entry) => entry.id),
    );
    const acknowledgedBeforeKill = recordedAtKill.filter((id) => !pendingIds.has(id));
    expect(acknowledgedBeforeKill.length).toBeGreaterThan(0);

    // Nothing acknowledged may be missing from the database the crash left behind.
    const afterCrash = new Database(dbPath, { readonly: true });
    expect(afterCrash.pragma('integrity_check', { simple: true })).toBe('ok');
    const has = afterCrash.prepare('SELECT 1 FROM events WHERE id = ?').pluck();
    expect(acknowledgedBeforeKill.filter((id) => !has.get(id))).toEqual([]);
    afterCrash.close();

    await recording; // devices keep recording offline meanwhile
    const second = await spawnServer({ dataDir, httpPort, mqttPort });
    await Promise.all(
      devices.map((device) =>
        waitFor(async () => (await device.outbox.pending()) === 0, 'outbox drained', 90_000),
      ),
    );
    const final = new Database(dbPath, { readonly: true });
    const total = final.prepare('SELECT COUNT(*) FROM events').pluck().get() as number;
    const distinct = final.prepare('SELECT COUNT(DISTINCT id) FROM events').pluck().get() as number;
    const fromDevices = final
      .prepare(
        `SELECT COUNT(*) FROM events WHERE device_id IN (${credentials.map(() => '?').join(',')})`,
      )
      .pluck()
      .get(...credentials.map((credential) => credential.deviceId)) as number;
    expect(final.pragma('integrity_check', { simple: true })).toBe('ok');
    final.close();
    expect(fromDevices).toBe(DEVICES * EVENTS_PER_DEVICE);
    expect(distinct).toBe(total);
    await Promise.all(devices.map((device) => device.stop()));
    await second.kill('SIGTERM');
  });
});
