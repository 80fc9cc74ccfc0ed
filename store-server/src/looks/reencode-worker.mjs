// Decodes and re-encodes one look photo off the store server's event loop.
// Plain JavaScript, so the same file runs under node, tsx and vitest.
import { Buffer } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';

parentPort?.on('message', (job) => {
  try {
    const bytes = job.file ? readFileSync(job.file) : Buffer.from(job.bytes);
    const pixels =
      job.type === 'image/png'
        ? PNG.sync.read(bytes)
        : jpeg.decode(bytes, { useTArray: true, maxResolutionInMP: 5, maxMemoryUsageInMB: 64 });
    if (pixels.width !== job.width || pixels.height !== job.height)
      throw new Error('the image header and its pixels disagree');
    const { data } = jpeg.encode(
      { data: pixels.data, width: job.width, height: job.height },
      job.quality,
    );
    const out = new Uint8Array(data);
    parentPort?.postMessage({ id: job.id, ok: true, jpeg: out }, [out.buffer]);
  } catch (error) {
    parentPort?.postMessage({ id: job.id, ok: false, error: String(error?.message ?? error) });
  }
});
