import { describe, expect, it } from 'vitest';
import { WatchdogMachine, type WatchdogPolicy } from './watchdog-policy';

const policy: WatchdogPolicy = {
  hangGraceMs: 10_000,
  maxReloads: 3,
  reloadWindowMs: 60_000,
  maxRelaunches: 2,
  relaunchWindowMs: 600_000,
  coolDownMs: 300_000,
};
const crash = { type: 'crashed', reason: 'crashed', exitCode: 139 } as const;

describe('WatchdogMachine', () => {
  it('reloads a crashed renderer at once, then with growing delays', () => {
    const machine = new WatchdogMachine(policy);
    expect(machine.handle(crash, 0)).toEqual({
      action: { type: 'reload', afterMs: 0, killFirst: false },
      fault: { kind: 'renderer-crashed', detail: 'reason=crashed exitCode=139' },
    });
    expect(machine.handle(crash, 1_000).action).toEqual({
      type: 'reload',
      afterMs: 1_000,
      killFirst: false,
    });
    expect(machine.handle(crash, 2_000).action).toEqual({
      type: 'reload',
      afterMs: 2_000,
      killFirst: false,
    });
  });

  it('relaunches when reloads keep failing inside the window', () => {
    const machine = new WatchdogMachine(policy);
    machine.handle(crash, 0);
    machine.handle(crash, 1_000);
    machine.handle(crash, 2_000);
    const step = machine.handle(crash, 3_000);
    expect(step.action).toEqual({ type: 'relaunch' });
    expect(step.fault?.detail).toMatch(/3 reloads in 60000 ms did not help/);
    expect(machine.relaunchHistory()).toEqual([3_000]);
  });

  it('forgets reloads older than the window', () => {
    const machine = new WatchdogMachine(policy);
    machine.handle(crash, 0);
    machine.handle(crash, 1_000);
    machine.handle(crash, 2_000);
    expect(machine.handle(crash, 62_500).action).toMatchObject({ type: 'reload' });
  });

  it('cools down instead of relaunching in a loop, using the history kept across relaunches', () => {
    const machine = new WatchdogMachine(policy, [100_000, 200_000]);
    machine.handle(crash, 300_000);
    machine.handle(crash, 300_001);
    machine.handle(crash, 300_002);
    const step = machine.handle(crash, 300_003);
    expect(step.action).toEqual({ type: 'cool-down', afterMs: 300_000 });
    expect(step.fault?.detail).toMatch(/2 relaunches did not help/);
    expect(machine.handle({ type: 'cool-down-over' }, 600_003).action).toEqual({
      type: 'reload',
      afterMs: 0,
      killFirst: false,
    });
  });

  it('gives a hung renderer a grace period before killing and reloading it', () => {
    const machine = new WatchdogMachine(policy);
    expect(machine.handle({ type: 'unresponsive' }, 0)).toEqual({
      action: { type: 'start-hang-timer', afterMs: 10_000 },
      fault: { kind: 'renderer-unresponsive', detail: 'waiting 10000 ms' },
    });
    expect(machine.handle({ type: 'unresponsive' }, 1_000).action).toEqual({ type: 'none' });
    expect(machine.handle({ type: 'hang-timeout' }, 10_000)).toEqual({
      action: { type: 'reload', afterMs: 0, killFirst: true },
      fault: { kind: 'renderer-hung', detail: 'unresponsive for 10000 ms' },
    });
  });

  it('does nothing when the renderer recovers within the grace period', () => {
    const machine = new WatchdogMachine(policy);
    machine.handle({ type: 'unresponsive' }, 0);
    expect(machine.handle({ type: 'responsive' }, 5_000).action).toEqual({
      type: 'cancel-hang-timer',
    });
    expect(machine.handle({ type: 'hang-timeout' }, 10_000).action).toEqual({ type: 'none' });
    expect(machine.handle({ type: 'responsive' }, 11_000).action).toEqual({ type: 'none' });
  });

  it('reloads after a failed load but ignores aborted navigations and clean exits', () => {
    const machine = new WatchdogMachine(policy);
    const failed = {
      type: 'load-failed',
      errorCode: -6,
      description: 'ERR_FILE_NOT_FOUND',
    } as const;
    expect(machine.handle(failed, 0)).toMatchObject({
      action: { type: 'reload' },
      fault: { kind: 'load-failed', detail: '-6 ERR_FILE_NOT_FOUND' },
    });
    expect(machine.handle({ ...failed, errorCode: -3 }, 1).action).toEqual({ type: 'none' });
    expect(
      machine.handle({ type: 'crashed', reason: 'clean-exit', exitCode: 0 }, 2).action,
    ).toEqual({
      type: 'none',
    });
  });
});
