// One forked worker of the loadtest: a few hundred simulated devices (sim-device.ts) in a process
// of their own, so the simulator never shares a store server's event loop. Told what to do by the
// runner over IPC (worker-protocol.ts); what its devices see goes back in small batches.
import { FromWorker, ToWorker, type Seen } from './worker-protocol';
import { SimDevice } from './sim-device';

const send = (message: FromWorker) => process.send?.(FromWorker.parse(message));

let devices: SimDevice[] = [];
let seen: Seen[] = [];
let flushQueued = false;

/** Seen items leave in one message per turn of the event loop; their times are the devices'. */
function report(item: Seen): void {
  seen.push(item);
  if (flushQueued) return;
  flushQueued = true;
  setImmediate(() => {
    flushQueued = false;
    const items = seen;
    seen = [];
    send({ type: 'seen', items });
  });
}

async function startAll(message: Extract<ToWorker, { type: 'start' }>): Promise<void> {
  devices = message.devices.map(
    (spec) =>
      new SimDevice({
        spec,
        anchor: message.anchor,
        timeZone: message.timeZone,
        watch: message.watch,
        report,
      }),
  );
  const failed: { deviceId: string; error: string }[] = [];
  let next = 0;
  // A few at a time: a store's broker admits only so many connections not yet accepted per address.
  const lane = async () => {
    while (next < devices.length) {
      const device = devices[next++]!;
      await device.start().catch((error: unknown) => {
        failed.push({ deviceId: device.id, error: (error as Error).message });
      });
    }
  };
  await Promise.all(Array.from({ length: message.concurrency }, lane));
  send({ type: 'ready', devices: devices.length, failed });
}

async function drain(timeoutMs: number): Promise<void> {
  for (const device of devices) device.recordEvents(0);
  const deadline = Date.now() + timeoutMs;
  while (devices.some((device) => device.pending() > 0) && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 200));
  send({ type: 'ledger', devices: devices.map((device) => device.ledger()) });
}

process.on('message', (raw: unknown) => {
  const parsed = ToWorker.safeParse(raw);
  if (!parsed.success) {
    send({ type: 'error', message: `bad message from the runner: ${parsed.error.message}` });
    return;
  }
  const message = parsed.data;
  const done = (work: Promise<void>) =>
    work.catch((error: unknown) => send({ type: 'error', message: (error as Error).message }));
  switch (message.type) {
    case 'start':
      void done(startAll(message));
      break;
    case 'events':
      for (const device of devices) device.recordEvents(message.perSecond);
      break;
    case 'drain':
      void done(drain(message.timeoutMs));
      break;
    case 'stop':
      void Promise.all(devices.map((device) => device.stop())).finally(() => process.exit(0));
      break;
  }
});
// The runner gone (killed at its deadline): nothing left to simulate for.
process.on('disconnect', () => process.exit(0));
