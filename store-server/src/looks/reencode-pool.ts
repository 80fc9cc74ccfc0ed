// One worker thread that re-encodes look photos, so a 0.3 s decode/encode
// never stalls the server's MQTT acks, sync and HTTP. Started on first use.
import { Worker } from 'node:worker_threads';
import { z } from 'zod';

const Answer = z.union([
  z.object({ id: z.number(), ok: z.literal(true), jpeg: z.instanceof(Uint8Array) }),
  z.object({ id: z.number(), ok: z.literal(false), error: z.string() }),
]);

type Pending = { resolve: (jpeg: Buffer) => void; reject: (error: Error) => void };

export class ReencodePool {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  /** `file`: the worker reads the upload from disk itself. */
  run(job: {
    bytes?: Buffer;
    file?: string;
    type: string;
    width: number;
    height: number;
    quality: number;
  }): Promise<Buffer> {
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    return new Promise<Buffer>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      const bytes = job.bytes ? new Uint8Array(job.bytes) : undefined;
      worker.postMessage({ id, ...job, bytes });
    });
  }

  private start(): Worker {
    const worker = new Worker(new URL('./reencode-worker.mjs', import.meta.url));
    worker.unref();
    worker.on('message', (raw: unknown) => {
      const answer = Answer.safeParse(raw);
      if (!answer.success) return;
      const job = this.pending.get(answer.data.id);
      this.pending.delete(answer.data.id);
      if (answer.data.ok) job?.resolve(Buffer.from(answer.data.jpeg));
      else job?.reject(new Error(answer.data.error));
    });
    const fail = (error: Error) => {
      for (const job of this.pending.values()) job.reject(error);
      this.pending.clear();
      this.worker = undefined;
    };
    worker.on('error', fail);
    worker.on('exit', () => fail(new Error('the re-encoding worker stopped')));
    this.worker = worker;
    return worker;
  }

  async stop(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }
}
