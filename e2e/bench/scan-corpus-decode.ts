// Decodes every corpus frame in a decoder worker inside the kiosk page: the
// frame fetched from the corpus directory, made an ImageBitmap and posted to
// the worker as the camera loop posts video frames — once with the fast pass
// and once with the thorough one, so any camera schedule can be replayed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { CorpusFrame } from '../scan-corpus/manifest';
import { startDecoderInPage, stopDecoderInPage, type WorkerReply } from './kiosk-camera';

export type FrameDecodes = { fast: WorkerReply; thorough: WorkerReply };

const CORPUS_PATH = '/__scan-corpus/';
const BATCH = 40;

/** Serves the corpus's files to the page under /__scan-corpus/ (same origin as the kiosk). */
export async function serveCorpus(page: Page, dir: string): Promise<void> {
  await page.route(`**${CORPUS_PATH}*`, (route) => {
    const file = new URL(route.request().url()).pathname.slice(CORPUS_PATH.length);
    if (!/^[\w-]+\.(png|jpg)$/.test(file)) return route.fulfill({ status: 404 });
    return route.fulfill({
      status: 200,
      contentType: file.endsWith('.png') ? 'image/png' : 'image/jpeg',
      body: readFileSync(join(dir, file)),
    });
  });
}

async function decodeBatch(page: Page, files: string[]): Promise<FrameDecodes[]> {
  return page.evaluate(
    async ({ files, base }) => {
      type Scope = { decodeFrame: (f: ImageBitmap, tryHarder: boolean) => Promise<WorkerReply> };
      const { decodeFrame } = globalThis as unknown as Scope;
      const out: FrameDecodes[] = [];
      for (const file of files) {
        const response = await fetch(`${base}${file}`);
        if (!response.ok) throw new Error(`corpus frame ${file}: HTTP ${response.status}`);
        const bitmap = await createImageBitmap(await response.blob());
        // Each pass gets its own copy: the worker takes (and closes) what it is sent.
        const fast = await decodeFrame(await createImageBitmap(bitmap), false);
        const thorough = await decodeFrame(await createImageBitmap(bitmap), true);
        bitmap.close();
        out.push({ fast, thorough });
      }
      return out;
    },
    { files, base: CORPUS_PATH },
  );
}

/** Both passes of every frame, in manifest order, in the decoder worker at `workerUrl`. */
export async function decodeCorpusInWorker(
  page: Page,
  workerUrl: string,
  frames: readonly CorpusFrame[],
  onProgress?: (done: number) => void,
): Promise<FrameDecodes[]> {
  await startDecoderInPage(page, workerUrl);
  // Warm: the first decode instantiates the decoder (WebAssembly compile, JIT).
  await decodeBatch(
    page,
    frames.slice(0, 1).map((f) => f.file),
  );
  const decodes: FrameDecodes[] = [];
  for (let at = 0; at < frames.length; at += BATCH) {
    decodes.push(
      ...(await decodeBatch(
        page,
        frames.slice(at, at + BATCH).map((f) => f.file),
      )),
    );
    onProgress?.(decodes.length);
  }
  await stopDecoderInPage(page);
  return decodes;
}
