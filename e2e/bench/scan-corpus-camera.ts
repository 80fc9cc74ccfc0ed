// Label in view → product page in Chromium's fake camera, for a demo product's
// EAN-13, GS1-128, Digital Link QR and GS1 Data Matrix labels: drawn and mildly
// degraded ("webcam", severity 1) by the corpus generator, played as greyscale
// y4m video — three seconds of blank frames, then the label's three frames cycled.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Random } from '@vitrine/store-server/demo/random';
import type { DecoderKind } from '@vitrine/shared/scan';
import { writeLumaY4m } from '../fixtures/label-video';
import { drawPresentation, shapeOf } from '../scan-corpus/degradations';
import { DEFAULT_SEED } from '../scan-corpus/generate';
import { productLabelContents, type LabelContent } from '../scan-corpus/label-content';
import { renderLabel } from '../scan-corpus/render';
import { lumaOf } from '../scan-corpus/tools';
import { launchWithCameraVideo } from '../support/chromium';
import { startTestServer } from '../support/test-server';
import { openCamera, timeLabelToProduct } from './kiosk-camera';
import { checkpointOf, scannables, waitUntil } from './kiosk.bench';

export type LabelToPage = { group: string; samples: number[]; error?: string };

const BLANK_FRAMES = 30;
const LABEL_FRAMES = 15;

async function labelVideo(dir: string, rng: Random, content: LabelContent) {
  const presentation = drawPresentation(rng.fork('pose'), shapeOf(content.group), 'webcam', 1);
  const rendered = await renderLabel(rng.fork('frames'), content, presentation, dir, content.group);
  const lumas = await Promise.all(rendered.files.map((file) => lumaOf(join(dir, file))));
  const video = join(dir, `${content.group}.y4m`);
  writeLumaY4m(
    video,
    BLANK_FRAMES,
    Array.from({ length: LABEL_FRAMES }, (_, i) => lumas[i % lumas.length]!),
  );
  return video;
}

export async function timeLabelsToPage(
  runs: number,
  kind: DecoderKind = 'zxing-wasm',
  scale = 2_000,
): Promise<LabelToPage[]> {
  const server = await startTestServer({ demoScale: scale });
  const dir = mkdtempSync(join(tmpdir(), 'vitrine-bench-corpus-video-'));
  const results: LabelToPage[] = [];
  try {
    const [product] = scannables(server, 1);
    const scanRev = server.db
      .prepare(`SELECT MAX(rev) FROM sync_docs WHERE collection IN ('products', 'stock')`)
      .pluck()
      .get() as number;
    const rng = new Random(DEFAULT_SEED, 'label-to-page');
    for (const content of productLabelContents(rng.fork('content'), product!.gtin)) {
      const video = await labelVideo(dir, rng.fork(content.group), content);
      const browser = await launchWithCameraVideo(video);
      const result: LabelToPage = { group: content.group, samples: [] };
      try {
        await browser.grantPermissions(['camera'], { origin: server.url });
        // tsx keeps function names with an `__name` helper that the page does not have.
        await browser.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
        const page = await browser.newPage();
        await page.goto(`${server.url}/kiosk/?decoder=${kind}`);
        await page.getByTestId('kiosk').waitFor({ timeout: 30_000 });
        await waitUntil(
          page,
          'products synced',
          async () => (await checkpointOf(page)) >= scanRev,
          120_000,
        );
        for (let i = 0; i < runs; i++) {
          await openCamera(page);
          result.samples.push((await timeLabelToProduct(page, product!.name)).labelToPaintedMs);
        }
      } catch (error) {
        // A label the camera never opens is a result (NOT met), not a reason to lose the others.
        result.error = `after ${result.samples.length} samples: ${String(error)}`;
      } finally {
        await browser.close();
      }
      results.push(result);
    }
  } finally {
    await server.close();
  }
  return results;
}
