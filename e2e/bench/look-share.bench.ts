// Sharing a look: from the mirror's upload to the link it turns into a QR code
// (the shopper is waiting), for a photo as a real mirror composes it: a
// 1280×960 camera frame plus the product-card column (1640×960 JPEG). sharp
// re-encodes off the event loop; the server's event-loop delay while
// uploading shows it does not stall MQTT acks and sync.
import jpeg from 'jpeg-js';
import { apiClient, apiRoutes } from '@vitrine/shared/core';
import { percentile, round, type BenchResult } from './stats';
import { startTestServer } from '../support/test-server';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { reencodeLook } from '../../store-server/src/looks/look-image';
import { ReencodePool } from '../../store-server/src/looks/reencode-pool';

const WIDTH = 1640;
const HEIGHT = 960;
const RUNS = 20;

/** A photo-like image: smooth gradients plus sensor noise (JPEG size like a real frame). */
function mirrorPhoto(): Buffer {
  const data = Buffer.alloc(WIDTH * HEIGHT * 4);
  let seed = 20261123;
  const noise = () => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return (seed >>> 24) % 24;
  };
  for (let y = 0; y < HEIGHT; y++) {
    for (let x = 0; x < WIDTH; x++) {
      const i = (y * WIDTH + x) * 4;
      data[i] = (x * 255) / WIDTH + noise();
      data[i + 1] = (y * 255) / HEIGHT + noise();
      data[i + 2] = 128 + noise();
      data[i + 3] = 255;
    }
  }
  return Buffer.from(jpeg.encode({ data, width: WIDTH, height: HEIGHT }, 85).data);
}

export async function benchLookShare(): Promise<BenchResult[]> {
  const server = await startTestServer({ demoScale: 200 });
  try {
    const mirror = server.demoDevices?.get('mirror');
    if (!mirror) throw new Error('no demo mirror');
    const api = apiClient(apiRoutes, {
      baseUrl: server.url,
      authorization: () => `Bearer ${mirror.deviceId}.${mirror.secret}`,
    });
    const photo = mirrorPhoto();
    const upload: number[] = [];
    const reencode: number[] = [];
    const page: number[] = [];
    const pool = new ReencodePool();
    const loop = monitorEventLoopDelay({ resolution: 5 });
    loop.enable();
    for (let run = 0; run < RUNS; run++) {
      let started = performance.now();
      // A refusal throws (ApiCallError): only shares that made a link are timed.
      const { url } = await api.looks.share({
        query: { products: '' },
        body: new Blob([new Uint8Array(photo)]),
        contentType: 'image/jpeg',
      });
      upload.push(performance.now() - started);
      started = performance.now();
      await (await fetch(url)).text();
      page.push(performance.now() - started);
    }
    loop.disable();
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now();
      await reencodeLook(pool, photo, 'image/jpeg');
      reencode.push(performance.now() - started);
    }
    await pool.stop();
    const p95 = percentile(upload, 95);
    const pageP95 = percentile(page, 95);
    return [
      {
        name: `look share: upload → link (${WIDTH}×${HEIGHT} JPEG, ${round(photo.length / 1024, 0)} KiB)`,
        metric: 'p95',
        value: round(p95),
        unit: 'ms',
        target: '≤ 800 ms (QR shown within a second of "send")',
        pass: p95 <= 800,
        detail: {
          median: round(percentile(upload, 50)),
          reencodeMedian: round(percentile(reencode, 50)),
          reencodeP95: round(percentile(reencode, 95)),
          eventLoopDelayMaxMs: round(loop.max / 1e6),
        },
      },
      {
        name: 'look share: phone page',
        metric: 'p95',
        value: round(pageP95),
        unit: 'ms',
        target: '≤ 50 ms',
        pass: pageP95 <= 50,
        detail: { median: round(percentile(page, 50)) },
      },
    ];
  } finally {
    await server.close();
  }
}
