// The runner's side of the device workers: forks them (own children: they die with the runner,
// even at its hard deadline), deals the devices out, and gathers what each device saw.
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { exited, spawnOwnChild } from '../../head-office/src/local/own-child';
import {
  FromWorker,
  type DeviceLedger,
  type DeviceSpec,
  type Seen,
  type StockWatch,
  type ToWorker,
} from './worker-protocol';
import type { TrustAnchor } from '@vitrine/shared/core';

const WORKER = fileURLToPath(new URL('./device-worker.ts', import.meta.url));

export type WorkerPool = {
  pids: () => number[];
  /** Every item seen so far, by every device. */
  seen: Seen[];
  /** Starts every device; resolves once all worker say their devices are up (or failed). */
  start: (options: {
    anchor: TrustAnchor;
    timeZone: string;
    watch: StockWatch;
    concurrency: number;
  }) => Promise<{ failed: { deviceId: string; error: string }[] }>;
  events: (perSecond: number) => void;
  drain: (timeoutMs: number) => Promise<DeviceLedger[]>;
  stop: () => Promise<void>;
};

/** Devices dealt round robin: a store's devices spread over every worker. */
export function startWorkerPool(devices: readonly DeviceSpec[], perWorker: number): WorkerPool {
  const count = Math.max(1, Math.ceil(devices.length / perWorker));
  const shares: DeviceSpec[][] = Array.from({ length: count }, () => []);
  devices.forEach((device, index) => shares[index % count]!.push(device));
  const seen: Seen[] = [];
  const waiting = new Map<string, ((message: FromWorker) => void)[]>();
  const children: ChildProcess[] = shares.map((_, index) => {
    const child = spawnOwnChild(process.execPath, ['--import', 'tsx', WORKER], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      env: { ...process.env, VITRINE_LOAD_WORKER: String(index) },
    });
    child.on('message', (raw: unknown) => {
      const parsed = FromWorker.safeParse(raw);
      if (!parsed.success) return;
      const message = parsed.data;
      if (message.type === 'seen') for (const item of message.items) seen.push(item);
      else if (message.type === 'error')
        process.stderr.write(`  device worker ${index}: ${message.message}\n`);
      else waiting.get(`${index}:${message.type}`)?.shift()?.(message);
    });
    return child;
  });
  const answer = <T extends FromWorker['type']>(index: number, type: T, ask: ToWorker) =>
    new Promise<Extract<FromWorker, { type: T }>>((resolve, reject) => {
      const child = children[index]!;
      const key = `${index}:${type}`;
      const onExit = () => reject(new Error(`device worker ${index} exited`));
      child.once('exit', onExit);
      waiting.set(key, [
        ...(waiting.get(key) ?? []),
        (message) => {
          child.off('exit', onExit);
          resolve(message as Extract<FromWorker, { type: T }>);
        },
      ]);
      child.send(ask);
    });
  return {
    pids: () => children.flatMap((child) => (child.pid === undefined ? [] : [child.pid])),
    seen,
    start: async (options) => {
      const ready = await Promise.all(
        shares.map((share, index) =>
          answer(index, 'ready', { type: 'start', devices: share, ...options }),
        ),
      );
      return { failed: ready.flatMap((message) => message.failed) };
    },
    events: (perSecond) => {
      for (const child of children) child.send({ type: 'events', perSecond } satisfies ToWorker);
    },
    drain: async (timeoutMs) => {
      const ledgers = await Promise.all(
        children.map((_, index) => answer(index, 'ledger', { type: 'drain', timeoutMs })),
      );
      return ledgers.flatMap((message) => message.devices);
    },
    stop: async () => {
      for (const child of children)
        if (child.connected) child.send({ type: 'stop' } satisfies ToWorker);
      const timer = setTimeout(() => children.forEach((child) => child.kill('SIGKILL')), 10_000);
      await Promise.all(children.map((child) => exited(child)));
      clearTimeout(timer);
    },
  };
}
