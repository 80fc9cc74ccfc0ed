import { describe, expect, it } from 'vitest';
import { makeFaultReport, type FaultReport } from './fault-report';
import { FaultQueue } from './fault-queue';
import type { SendOutcome } from './fault-transport';

let counter = 0;
function report(kind = 'renderer-crashed'): FaultReport {
  counter += 1;
  const id = `0190a6f0-0000-7000-8000-${String(counter).padStart(12, '0')}`;
  return makeFaultReport(
    { kind, detail: 'reason=crashed', action: 'reload' },
    { app: 'kiosk', appVersion: '0.1.0', id, at: new Date('2025-01-01T00:00:00Z') },
  );
}

function harness(outcomes: SendOutcome[], restored: FaultReport[] = [], maxQueued?: number) {
  const sent: string[] = [];
  const saved: number[] = [];
  const timers: { run: () => void; afterMs: number }[] = [];
  const queue = new FaultQueue(
    {
      send: (r) => {
        sent.push(r.id);
        return Promise.resolve(outcomes.shift() ?? 'sent');
      },
      save: (q) => saved.push(q.length),
      schedule: (run, afterMs) => timers.push({ run, afterMs }),
      // The top of each jittered wait, so the test reads the ceilings.
      random: () => 0.999_999,
      ...(maxQueued ? { maxQueued } : {}),
    },
    restored,
  );
  return { queue, sent, saved, timers };
}

describe('FaultQueue', () => {
  it('sends in order and empties the persisted queue', async () => {
    const { queue, sent, saved } = harness([]);
    const a = report();
    const b = report();
    queue.enqueue(a);
    queue.enqueue(b);
    await queue.flush();
    expect(sent).toEqual([a.id, b.id]);
    expect(queue.pending()).toEqual([]);
    expect(saved).toEqual([1, 2, 1, 0]);
  });

  it('keeps reports and retries with growing delays while the server is away', async () => {
    const { queue, sent, timers } = harness(['retry', 'retry', 'sent']);
    const a = report();
    queue.enqueue(a);
    await queue.flush();
    expect(queue.pending()).toEqual([a]);
    expect(timers.map((t) => t.afterMs)).toEqual([2_000]);

    timers[0]?.run();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(timers.map((t) => t.afterMs)).toEqual([2_000, 4_000]);

    timers[1]?.run();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(queue.pending()).toEqual([]);
    expect(sent).toEqual([a.id, a.id, a.id]);
  });

  it('schedules one retry at a time however often flush is called', async () => {
    const { queue, timers } = harness(['retry', 'retry', 'retry']);
    queue.enqueue(report());
    await queue.flush();
    await queue.flush();
    expect(timers).toHaveLength(1);
  });

  it('treats a throwing sender as a retry', async () => {
    const failing = new FaultQueue({
      send: () => Promise.reject(new Error('socket hang up')),
      save: () => undefined,
      schedule: () => undefined,
    });
    failing.enqueue(report());
    await expect(failing.flush()).resolves.toBeUndefined();
    expect(failing.pending()).toHaveLength(1);
  });

  it('drops a report the server will never accept and goes on', async () => {
    const { queue, sent } = harness(['drop', 'sent']);
    const a = report();
    const b = report();
    queue.enqueue(a);
    queue.enqueue(b);
    await queue.flush();
    expect(sent).toEqual([a.id, b.id]);
    expect(queue.pending()).toEqual([]);
  });

  it('is bounded, dropping the oldest, and resumes from what was persisted', () => {
    const old = [report(), report(), report()];
    const { queue } = harness([], old, 2);
    expect(queue.pending()).toEqual(old.slice(1));
    const fresh = report();
    queue.enqueue(fresh);
    expect(queue.pending()).toEqual([old[2], fresh]);
  });
});
