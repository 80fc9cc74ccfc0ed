// Finding 4: the disk fills up while screens send events. On a real tmpfs the
// attack mounts, devices (the real outbox over MQTT) record events, the disk is
// filled to the last byte, the server is SIGKILLed and restarted on the still
// full disk, then space returns. Every event the server acknowledged must be in
// the database, and every event recorded must arrive once space is back.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { DeviceHandle } from '@vitrine/shared/client';
import type { Attack, AttackOutcome } from '../attack';
import { startNodeDevice } from '../../support/node-device';
import { enrolAndApprove, freePort, spawnServer } from '../../support/server-process';
import { mountSmallDisk } from '../../support/small-disk';
import { waitFor } from '../../support/test-server';

const QUIET = ['--log-level', 'fatal', '--storage-floor-mb', '1'];

async function record(device: DeviceHandle, count: number, ids: string[]): Promise<void> {
  for (let i = 0; i < count; i++) {
    const event = await device.outbox.record({
      kind: 'proof-of-play',
      payload: { campaignId: 'disk-full', itemId: `item-${i % 5}`, playId: `p-${i}`, phase: 'end' },
    });
    ids.push(event.id);
  }
}

async function healthStatus(url: string): Promise<number> {
  return (await fetch(`${url}/api/v1/health`)).status;
}

function storedIds(dbPath: string): Set<string> {
  const reader = new Database(dbPath, { readonly: true });
  try {
    return new Set(reader.prepare('SELECT id FROM events').pluck().all() as string[]);
  } finally {
    reader.close();
  }
}

export async function diskFullAndKill(options: { smoke: boolean }): Promise<AttackOutcome> {
  const disk = mountSmallDisk(64);
  if ('refused' in disk) {
    console.warn(`disk-full attack skipped: ${disk.refused}`);
    return { result: `skipped: ${disk.refused}`, pass: true, dataLost: 0 };
  }
  const perDevice = options.smoke ? 150 : 1_000;
  const httpPort = await freePort();
  const mqttPort = await freePort();
  const spawn = (ready?: Parameters<typeof spawnServer>[0]['ready']) =>
    spawnServer({ dataDir: disk.dir, httpPort, mqttPort, scale: 50, extraArgs: QUIET, ready });
  const servers: Awaited<ReturnType<typeof spawn>>[] = [];
  const devices: DeviceHandle[] = [];
  try {
    const first = await spawn();
    servers.push(first);
    for (let i = 0; i < 3; i++)
      devices.push(await startNodeDevice(first.url, await enrolAndApprove(first.url, 'signage')));
    await Promise.all(
      devices.map((device) => waitFor(() => device.link?.state === 'online', 'device online')),
    );
    const recorded: string[] = [];
    const dbPath = join(disk.dir, 'store.sqlite');
    const recording = Promise.all(devices.map((device) => record(device, perDevice, recorded)));
    // Fill the disk while events flow: once some, not all, are committed.
    await waitFor(() => storedIds(dbPath).size > perDevice / 2, 'ingestion under way', 60_000);
    disk.fill();
    await waitFor(async () => (await healthStatus(first.url)) === 503, 'health 503', 15_000);
    await recording;
    await first.kill('SIGKILL');

    // Recorded first, pending second: what is no longer pending was acknowledged.
    const recordedAtKill = [...recorded];
    const pending = new Set(
      (await Promise.all(devices.map((device) => device.db.outbox.toArray())))
        .flat()
        .map((entry) => entry.id),
    );
    const acknowledged = recordedAtKill.filter((id) => !pending.has(id));
    const afterKill = storedIds(dbPath);
    const lostAtKill = acknowledged.filter((id) => !afterKill.has(id)).length;

    // Restart on the still full disk: it must come up, read-only, and say so.
    const second = await spawn(
      ({ status, body }) =>
        status === 503 &&
        (body as { storage?: { fault?: string } } | null)?.storage?.fault === 'full',
    );
    servers.push(second);
    disk.free();
    await waitFor(async () => (await healthStatus(second.url)) === 200, 'health 200', 30_000);
    await Promise.all(
      devices.map((device) =>
        waitFor(async () => (await device.outbox.pending()) === 0, 'outbox drained', 90_000),
      ),
    );
    const final = storedIds(dbPath);
    const lost = acknowledged.filter((id) => !final.has(id)).length + lostAtKill;
    const neverArrived = recorded.filter((id) => !final.has(id)).length;
    return {
      result:
        `${recorded.length} events, ${acknowledged.length} acknowledged before the disk filled` +
        ` and the kill; restart on the full disk answered 503; after space returned` +
        ` ${recorded.length - neverArrived}/${recorded.length} stored`,
      pass: lost === 0 && neverArrived === 0 && acknowledged.length > 0,
      dataLost: lost,
    };
  } finally {
    await Promise.all(devices.map((device) => device.stop()));
    for (const server of servers) await server.kill('SIGTERM');
    disk.unmount();
  }
}

export const attacks: Attack[] = [
  {
    finding: '4 disk full',
    name: 'disk fills while screens send events, then SIGKILL and restart on the full disk',
    run: ({ smoke }) => diskFullAndKill({ smoke }),
  },
];
