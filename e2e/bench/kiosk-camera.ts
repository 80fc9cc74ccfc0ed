// Camera benches inside the kiosk page: the real zxing worker (the built asset
// the kiosk loads) decoding 640×480 frames of a real label, and the time from
// the label appearing in the fake camera's video to the product page painted.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { DecoderKind } from '@vitrine/shared/scan';
import { REPO_ROOT } from '../support/test-server';

export type DecodeSample = { decodeMs: number; roundTripMs: number; read: string | undefined };
/** A decoder worker's reply (shared/src/scan/decoder.ts), as the page hands it back. */
export type WorkerReply = {
  decodeMs: number;
  /** Of decodeMs, drawing the frame and reading its pixels back. */
  pixelsMs?: number;
  roundTripMs: number;
  read?: { text: string; format: string; quality?: Record<string, number> };
};
type PageScope = {
  decodeFrame?: (frame: ImageBitmap, tryHarder: boolean) => Promise<WorkerReply>;
  decoderWorker?: Worker;
};

/** The built decoder worker the kiosk loads (`zxing-wasm`, `zxing-js`…), as a URL on its page. */
export function decoderWorkerUrl(kind: DecoderKind): string {
  const worker = readdirSync(join(REPO_ROOT, 'kiosk/dist/assets')).find(
    (name) => name.startsWith(`${kind}-worker-`) && name.endsWith('.js'),
  );
  if (!worker) throw new Error(`bench: no ${kind} worker in kiosk/dist/assets (build the kiosk)`);
  return `/kiosk/assets/${worker}`;
}

/**
 * Starts a decoder worker in the page (replacing any earlier one) and gives the
 * page `globalThis.decodeFrame(bitmap, tryHarder)`: one request at a time, the
 * bitmap transferred, as the kiosk's camera loop posts them.
 */
export async function startDecoderInPage(page: Page, workerUrl: string): Promise<void> {
  await page.evaluate((url) => {
    const scope = globalThis as PageScope;
    scope.decoderWorker?.terminate();
    const worker = new Worker(url, { type: 'module' });
    let nextId = 1;
    type Reply = Omit<WorkerReply, 'roundTripMs'> & { id: number };
    const waiting = new Map<number, (reply: Reply) => void>();
    worker.onmessage = (event: MessageEvent<Reply>) => {
      waiting.get(event.data.id)?.(event.data);
      waiting.delete(event.data.id);
    };
    scope.decoderWorker = worker;
    scope.decodeFrame = async (frame, tryHarder) => {
      const id = nextId++;
      const sent = performance.now();
      const reply = await new Promise<Reply>((resolve) => {
        waiting.set(id, resolve);
        worker.postMessage({ id, frame, tryHarder }, [frame]);
      });
      return { ...reply, roundTripMs: performance.now() - sent };
    };
  }, workerUrl);
}

export async function stopDecoderInPage(page: Page): Promise<void> {
  await page.evaluate(() => (globalThis as PageScope).decoderWorker?.terminate());
}

/** Decodes `count` copies of a greyscale frame in the kiosk's own decoder worker. */
export async function decodeInWorker(
  page: Page,
  luma: Uint8Array,
  count: number,
  tryHarder: boolean,
  kind: DecoderKind = 'zxing-wasm',
): Promise<DecodeSample[]> {
  await startDecoderInPage(page, decoderWorkerUrl(kind));
  const samples = await page.evaluate(
    async ({ pixels, count, tryHarder }) => {
      const decodeFrame = (globalThis as PageScope).decodeFrame!;
      const width = 640;
      const height = 480;
      const rgba = new Uint8ClampedArray(width * height * 4);
      for (let i = 0; i < width * height; i++) {
        const value = pixels[i] ?? 0;
        rgba.set([value, value, value, 255], i * 4);
      }
      const out: DecodeSample[] = [];
      for (let i = 0; i < count; i++) {
        const reply = await decodeFrame(
          await createImageBitmap(new ImageData(rgba, width, height)),
          tryHarder,
        );
        out.push({
          decodeMs: reply.decodeMs,
          roundTripMs: reply.roundTripMs,
          read: reply.read?.text,
        });
      }
      return out;
    },
    { pixels: [...luma], count, tryHarder },
  );
  await stopDecoderInPage(page);
  return samples;
}

/** Opens the kiosk's camera panel unless it is open (it closes once it has read a code). */
export async function openCamera(page: Page): Promise<void> {
  if ((await page.locator('video.camera-video').count()) > 0) return;
  await page.getByTestId('camera-button').click();
  await page.locator('video.camera-video').waitFor({ timeout: 10_000 });
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
