// A stock change on the server → applied in the local copy of 200 connected
// device clients (real replicator + Dexie over fake-indexeddb, MQTT over WebSocket).
import type { DeviceHandle } from '@vitrine/shared/client';
import { provisionDevice, startNodeDevice } from '../support/node-device';
import { startTestServer, waitFor } from '../support/test-server';
import { percentile, round, type BenchResult } from './stats';

export async function benchLiveFanout(devices = 200, changes = 20): Promise<BenchResult[]> {
  const server = await startTestServer({ demoScale: 50 });
  const handles: DeviceHandle[] = [];
  try {
    for (let i = 0; i < devices; i += 20) {
      handles.push(
        ...(await Promise.all(
          Array.from({ length: Math.min(20, devices - i) }, () =>
            startNodeDevice(server.url, provisionDevice(server)),
          ),
        )),
      );
    }
    await waitFor(
      () => handles.every((handle) => handle.replicator.current.checkpoint === server.docs.head()),
      'all synced',
      120_000,
    );
    const stock = server.db
      .prepare(`SELECT id, body FROM sync_docs WHERE collection = 'stock' LIMIT 1`)
      .get() as {
      id: string;
      body: string;
    };
    const variantId = Object.keys(
      (JSON.parse(stock.body) as { levels: { quantities: object }[] }).levels[0]?.quantities ?? {},
    )[0]!;
    const latencies: number[] = [];
    for (let n = 0; n < changes; n++) {
      const target = server.docs.head() + 1;
      const applied = handles.map(
        (handle) =>
          new Promise<number>((resolve) => {
            const off = handle.replicator.subscribe((state) => {
              if (state.checkpoint >= target) {
                off();
                resolve(performance.now());
              }
            });
          }),
      );
      const start = performance.now();
      server.catalogue.setStock(stock.id, server.config.storeId, variantId, n);
      for (const at of await Promise.all(applied)) latencies.push(at - start);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const p99 = percentile(latencies, 99);
    return [
      {
        name: `stock change → applied on ${devices} devices`,
        metric: 'p99',
        value: round(p99),
        unit: 'ms',
        target: '≤ 250 ms',
        pass: p99 <= 250,
        detail: {
          p50: round(percentile(latencies, 50)),
          max: round(Math.max(...latencies)),
          samples: latencies.length,
        },
      },
    ];
  } finally {
    await Promise.all(handles.map((handle) => handle.stop().catch(() => undefined)));
    await server.close();
  }
}
