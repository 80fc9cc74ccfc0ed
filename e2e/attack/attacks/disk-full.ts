// Finding 4: the disk fills up while screens send events. On a real tmpfs the
// attack mounts, devices (the real outbox over MQTT) record events, the disk is
// filled to the last byte, the server is SIGKILLed and restarted on the still
// full disk, then space returns. Every event the server acknowledged must be in
// the database, and every event recorded must arrive once space is back.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { apiRoutes } from '@vitrine/shared/core';
import type { DeviceHandle } from '@vitrine/shared/client';
import type { Attack, AttackOutcome } from '../attack';
import { startNodeDevice } from '../../support/node-device';
import {
  enrolAndApprove,
  freePort,
  spawnServer,
  TEST_ADMIN_TOKEN,
} from '../../support/server-process';
import { fetchRoute } from '../../support/route-fetch';
import { mountSmallDisk } from '../../support/small-disk';
import { waitFor } from '../../support/test-server';

const QUIET = ['--log-level', 'fatal', '--storage-floor-mb', '1'];
/** The store spawnServer serves. */
const STORE = 'paris-rivoli';

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
  return (await fetchRoute(url, apiRoutes.health.health)).status;
}

function readDb<T>(dbPath: string, read: (db: Database.Database) => T): T {
  const reader = new Database(dbPath, { readonly: true });
  try {
    return read(reader);
  } finally {
    reader.close();
  }
}

const storedIds = (dbPath: string, table: 'events' | 'stock_corrections') =>
  readDb(dbPath, (db) => new Set(db.prepare(`SELECT id FROM ${table}`).pluck().all() as string[]));

/**
 * Staff correcting stock over HTTP until `stop()`: the ids of the corrections
 * the server answered 201 for. Refusals (507) and a dead server are expected.
 */
function correctStockUntilStopped(
  url: () => string,
  item: { productId: string; variantId: string },
) {
  const saved: string[] = [];
  let running = true;
  const done = (async () => {
    for (let quantity = 0; running; quantity++) {
      try {
        const answer = await fetchRoute(url(), apiRoutes.stock.correct, {
          token: TEST_ADMIN_TOKEN,
          body: { ...item, locationId: STORE, quantity: quantity % 50, reason: 'count' },
        });
        const body = (await answer.json()) as { correction?: { id: string } };
        if (answer.status === 201 && body.correction) saved.push(body.correction.id);
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 50)); // the server is down
      }
    }
  })();
  return {
    saved,
    stop: async () => {
      running = false;
      await done;
    },
  };
}

export async function diskFullAndKill(options: { smoke: boolean }): Promise<AttackOutcome> {
  const disk = mountSmallDisk(64);
  if ('refused' in disk) {
    console.warn(`disk-full attack skipped: ${disk.refused}`);
    return { result: `skipped: ${disk.refused}`, pass: true, dataLost: 0 };
  }
  const perDevice = options.smoke ? 100 : 1_000;
  const httpPort = await freePort();
  const mqttPort = await freePort();
  const spawn = (ready?: Parameters<typeof spawnServer>[0]['ready']) =>
    spawnServer({ dataDir: disk.dir, httpPort, mqttPort, scale: 50, extraArgs: QUIET, ready });
  const servers: Awaited<ReturnType<typeof spawn>>[] = [];
  const devices: DeviceHandle[] = [];
  let corrections: ReturnType<typeof correctStockUntilStopped> | undefined;
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
    const item = readDb(dbPath, (db) =>
      db
        .prepare(
          `SELECT id AS productId, json_extract(body, '$.variants[0].id') AS variantId
           FROM sync_docs WHERE collection = 'products' LIMIT 1`,
        )
        .get(),
    ) as { productId: string; variantId: string };
    corrections = correctStockUntilStopped(() => servers.at(-1)?.url ?? first.url, item);
    const recording = Promise.all(devices.map((device) => record(device, perDevice, recorded)));
    // Fill the disk while events and corrections flow: once some, not all, are committed.
    await waitFor(
      () => storedIds(dbPath, 'events').size > perDevice / 2,
      'ingestion under way',
      60_000,
    );
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
    const afterKill = storedIds(dbPath, 'events');
    const lostAtKill = acknowledged.filter((id) => !afterKill.has(id)).length;
    const savedAtKill = [...corrections.saved];

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
    await corrections.stop();
    const final = storedIds(dbPath, 'events');
    const finalCorrections = storedIds(dbPath, 'stock_corrections');
    const lostEvents = acknowledged.filter((id) => !final.has(id)).length + lostAtKill;
    const lostCorrections = corrections.saved.filter((id) => !finalCorrections.has(id)).length;
    const neverArrived = recorded.filter((id) => !final.has(id)).length;
    return {
      result:
        `${recorded.length} events, ${acknowledged.length} acknowledged before the disk filled` +
        ` and the kill; ${corrections.saved.length} stock corrections answered 201` +
        ` (${savedAtKill.length} before the kill); restart on the full disk answered 503;` +
        ` after space returned ${recorded.length - neverArrived}/${recorded.length} events stored`,
      pass:
        lostEvents + lostCorrections === 0 &&
        neverArrived === 0 &&
        acknowledged.length > 0 &&
        savedAtKill.length > 0 &&
        corrections.saved.length > savedAtKill.length,
      dataLost: lostEvents + lostCorrections,
    };
  } finally {
    await corrections?.stop();
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
