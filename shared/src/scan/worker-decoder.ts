// The BarcodeDecoder the screens use: the chosen decoder in a dedicated Web
// Worker, falling back to zxing-js for good if WebAssembly cannot run here.
import { z } from 'zod';
import { DecodeReply, type BarcodeDecoder, type DecodeOutcome, type DecoderKind } from './decoder';

const AnyReply = z.object({ id: z.number().int() });

// Each worker is named in full so Vite bundles it (and the wasm it imports).
function startWorker(kind: DecoderKind): Worker {
  return kind === 'zxing-wasm'
    ? new Worker(new URL('./zxing-wasm-worker.ts', import.meta.url), { type: 'module' })
    : new Worker(new URL('./zxing-js-worker.ts', import.meta.url), { type: 'module' });
}

/** The decoder that can run here: zxing-js where this engine has no WebAssembly at all. */
export function usableDecoder(preferred: DecoderKind): DecoderKind {
  return preferred === 'zxing-wasm' && typeof WebAssembly !== 'object' ? 'zxing-js' : preferred;
}

export class WorkerDecoder implements BarcodeDecoder {
  private worker: Worker;
  private current: DecoderKind;
  private nextId = 1;
  private readonly waiting = new Map<number, (outcome: DecodeOutcome) => void>();

  constructor(
    preferred: DecoderKind,
    private readonly onFallback?: (reason: string) => void,
  ) {
    this.current = usableDecoder(preferred);
    this.worker = this.listen(startWorker(this.current));
  }

  get kind(): DecoderKind {
    return this.current;
  }

  decode(frame: ImageBitmap, options: { tryHarder: boolean }): Promise<DecodeOutcome> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.worker.postMessage({ id, frame, tryHarder: options.tryHarder }, [frame]);
    });
  }

  dispose(): void {
    this.worker.terminate();
    this.abandonWaiting();
  }

  private settle(id: number, outcome: DecodeOutcome): void {
    const resolve = this.waiting.get(id);
    this.waiting.delete(id);
    resolve?.(outcome);
  }

  private abandonWaiting(): void {
    for (const resolve of this.waiting.values()) resolve({ read: undefined, decodeMs: 0 });
    this.waiting.clear();
  }

  private listen(worker: Worker): Worker {
    worker.addEventListener('message', (event: MessageEvent<unknown>) => {
      const reply = DecodeReply.safeParse(event.data);
      if (!reply.success) {
        // Never leave the camera loop waiting on a frame whose answer did not parse.
        const id = AnyReply.safeParse(event.data);
        if (id.success) this.settle(id.data.id, { read: undefined, decodeMs: 0 });
        return;
      }
      if (reply.data.unavailable && this.current === 'zxing-wasm') this.fallBack(reply.data.error);
      this.settle(reply.data.id, { read: reply.data.read, decodeMs: reply.data.decodeMs });
    });
    return worker;
  }

  private fallBack(reason = 'WebAssembly unavailable'): void {
    this.worker.terminate();
    // Frames sent to the old worker will never be answered: the camera loop goes on.
    this.abandonWaiting();
    this.current = 'zxing-js';
    this.worker = this.listen(startWorker('zxing-js'));
    this.onFallback?.(reason);
  }
}
