// Camera benches inside the kiosk page: the real zxing worker (the built asset
// the kiosk loads) decoding 640×480 frames of a real label, and the time from
// the label appearing in the fake camera's video to the product page painted.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { REPO_ROOT } from '../support/test-server';

export type DecodeSample = { decodeMs: number; roundTripMs: number; read: string | undefined };

/** Decodes `count` copies of a greyscale frame in the kiosk's own decoder worker. */
export async function decodeInWorker(
  page: Page,
  luma: Uint8Array,
  count: number,
  tryHarder: boolean,
): Promise<DecodeSample[]> {
  const worker = readdirSync(join(REPO_ROOT, 'kiosk/dist/assets')).find(
    (name) => name.startsWith('zxing-wasm-worker-') && name.endsWith('.js'),
  );
  if (!worker)
    throw new Error('bench: no zxing-wasm worker in kiosk/dist/assets (build the kiosk)');
  return page.evaluate(
    async ({ url, pixels, count, tryHarder }) => {
      const width = 640;
      const height = 480;
      const rgba = new Uint8ClampedArray(width * height * 4);
      for (let i = 0; i < width * height; i++) {
        const value = pixels[i] ?? 0;
        rgba.set([value, value, value, 255], i * 4);
      }
      const decoder = new Worker(url, { type: 'module' });
      const samples: { decodeMs: number; roundTripMs: number; read: string | undefined }[] = [];
      for (let id = 1; id <= count; id++) {
        const frame = await createImageBitmap(new ImageData(rgba, width, height));
        const sent = performance.now();
        const reply = await new Promise<{ decodeMs: number; read?: { text: string } }>(
          (resolve) => {
            decoder.onmessage = (event: MessageEvent<{ decodeMs: number }>) => resolve(event.data);
            decoder.postMessage({ id, frame, tryHarder }, [frame]);
          },
        );
        samples.push({
          decodeMs: reply.decodeMs,
          roundTripMs: performance.now() - sent,
          read: reply.read?.text,
        });
      }
      decoder.terminate();
      return samples;
    },
    { url: `/kiosk/assets/${worker}`, pixels: [...luma], count, tryHarder },
  );
}

/**
 * With the camera open on a looping video (blank frames, then the label), waits
 * for a blank frame, goes home, then times the first label frame shown in the
 * camera's <video> to the product page painted.
 */
export async function timeLabelToProduct(
  page: Page,
  productName: string,
): Promise<{ labelToPaintedMs: number; clock: string }> {
  const run = page.evaluate(async (name) => {
    const video = document.querySelector<HTMLVideoElement>('video.camera-video');
    if (!video) throw new Error('no camera video on the page');
    const canvas = new OffscreenCanvas(64, 48);
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) throw new Error('no 2d context');
    // The label's bars are dark; blank frames are a flat light grey.
    const showsLabel = () => {
      context.drawImage(video, 0, 0, 64, 48);
      const data = context.getImageData(0, 0, 64, 48).data;
      let darkest = 255;
      for (let i = 0; i < data.length; i += 4) darkest = Math.min(darkest, data[i] ?? 255);
      return darkest < 150;
    };
    const nextFrame = () =>
      new Promise<{ now: number; meta: VideoFrameCallbackMetadata }>((resolve) =>
        video.requestVideoFrameCallback((now, meta) => resolve({ now, meta })),
      );
    while (showsLabel()) await nextFrame();
    const home = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Accueil');
    home?.click();
    let labelAt: number | undefined;
    let clock = 'presentationTime';
    while (labelAt === undefined) {
      const { meta } = await nextFrame();
      if (!showsLabel()) continue;
      // The capture time is when the camera took the frame: the strictest start.
      const captured = meta.captureTime;
      labelAt = captured !== undefined && captured > 0 ? captured : meta.presentationTime;
      clock = captured !== undefined && captured > 0 ? 'captureTime' : 'presentationTime';
    }
    const painted = await new Promise<number>((resolve) => {
      const check = () => {
        const shown =
          document.querySelector('[data-testid="product"] h2')?.textContent === name &&
          !!document.querySelector('[data-testid="stock-here"]');
        if (!shown) return false;
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve(performance.now());
          channel.port2.postMessage(0);
        });
        return true;
      };
      if (check()) return;
      const observer = new MutationObserver(() => {
        if (check()) observer.disconnect();
      });
      observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    return { labelToPaintedMs: painted - labelAt, clock };
  }, productName);
  return Promise.race([
    run,
    new Promise<never>((_, reject) =>
      setTimeout(
        () => reject(new Error('bench: camera scan did not open the product in 15 s')),
        15_000,
      ),
    ),
  ]);
}
