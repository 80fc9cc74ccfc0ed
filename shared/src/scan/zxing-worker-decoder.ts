// The BarcodeDecoder the screens use: zxing-js in a dedicated Web Worker.
import { DecodeReply, type BarcodeDecoder, type DecodeOutcome } from './decoder';

export class ZxingWorkerDecoder implements BarcodeDecoder {
  private readonly worker = new Worker(new URL('./zxing-worker.ts', import.meta.url), {
    type: 'module',
  });
  private nextId = 1;
  private readonly waiting = new Map<number, (outcome: DecodeOutcome) => void>();

  constructor() {
    this.worker.addEventListener('message', (event: MessageEvent<unknown>) => {
      const reply = DecodeReply.safeParse(event.data);
      if (!reply.success) return;
      const resolve = this.waiting.get(reply.data.id);
      this.waiting.delete(reply.data.id);
      resolve?.({ read: reply.data.read, decodeMs: reply.data.decodeMs });
    });
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
    for (const resolve of this.waiting.values()) resolve({ read: undefined, decodeMs: 0 });
    this.waiting.clear();
  }
}
