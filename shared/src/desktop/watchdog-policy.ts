// What the watchdog does when the renderer crashes, hangs or fails to load:
// reload; if reloads keep failing inside a window, relaunch the app; if
// relaunches keep failing too, wait a cool-down instead of looping hot.
// Pure: the glue feeds events with the time and carries out the actions.

export type WatchdogPolicy = {
  hangGraceMs: number;
  maxReloads: number;
  reloadWindowMs: number;
  maxRelaunches: number;
  relaunchWindowMs: number;
  coolDownMs: number;
};

export type WatchdogEvent =
  | { type: 'crashed'; reason: string; exitCode: number }
  | { type: 'unresponsive' }
  | { type: 'responsive' }
  | { type: 'hang-timeout' }
  | { type: 'load-failed'; errorCode: number; description: string }
  | { type: 'cool-down-over' };

export type WatchdogAction =
  | { type: 'none' }
  | { type: 'start-hang-timer'; afterMs: number }
  | { type: 'cancel-hang-timer' }
  | { type: 'reload'; afterMs: number; killFirst: boolean }
  | { type: 'relaunch' }
  | { type: 'cool-down'; afterMs: number };

export type WatchdogFault = { kind: string; detail: string };
export type WatchdogStep = { action: WatchdogAction; fault?: WatchdogFault };

/** Chromium's ERR_ABORTED: a navigation replaced by another, not a failure. */
const ERR_ABORTED = -3;
const MAX_RELOAD_DELAY_MS = 10_000;

export class WatchdogMachine {
  private reloads: number[] = [];
  private relaunches: number[];
  private hangTimerRunning = false;

  /** `relaunchHistory`: times of earlier relaunches, kept on disk across them. */
  constructor(
    private readonly policy: WatchdogPolicy,
    relaunchHistory: readonly number[] = [],
  ) {
    this.relaunches = [...relaunchHistory];
  }

  /** Relaunch times to persist before the app relaunches. */
  relaunchHistory(): number[] {
    return [...this.relaunches];
  }

  handle(event: WatchdogEvent, now: number): WatchdogStep {
    switch (event.type) {
      case 'crashed':
        if (event.reason === 'clean-exit') return { action: { type: 'none' } };
        return this.recover(now, false, {
          kind: 'renderer-crashed',
          detail: `reason=${event.reason} exitCode=${event.exitCode}`,
        });
      case 'unresponsive':
        if (this.hangTimerRunning) return { action: { type: 'none' } };
        this.hangTimerRunning = true;
        return {
          action: { type: 'start-hang-timer', afterMs: this.policy.hangGraceMs },
          fault: { kind: 'renderer-unresponsive', detail: `waiting ${this.policy.hangGraceMs} ms` },
        };
      case 'responsive':
        if (!this.hangTimerRunning) return { action: { type: 'none' } };
        this.hangTimerRunning = false;
        return { action: { type: 'cancel-hang-timer' } };
      case 'hang-timeout':
        if (!this.hangTimerRunning) return { action: { type: 'none' } };
        this.hangTimerRunning = false;
        return this.recover(now, true, {
          kind: 'renderer-hung',
          detail: `unresponsive for ${this.policy.hangGraceMs} ms`,
        });
      case 'load-failed':
        if (event.errorCode === ERR_ABORTED) return { action: { type: 'none' } };
        return this.recover(now, false, {
          kind: 'load-failed',
          detail: `${event.errorCode} ${event.description}`.trim(),
        });
      case 'cool-down-over':
        this.reloads = [];
        return { action: { type: 'reload', afterMs: 0, killFirst: false } };
    }
  }

  private recover(now: number, killFirst: boolean, fault: WatchdogFault): WatchdogStep {
    this.reloads = this.reloads.filter((at) => now - at < this.policy.reloadWindowMs);
    if (this.reloads.length < this.policy.maxReloads) {
      const afterMs =
        this.reloads.length === 0
          ? 0
          : Math.min(1_000 * 2 ** (this.reloads.length - 1), MAX_RELOAD_DELAY_MS);
      this.reloads.push(now);
      return { action: { type: 'reload', afterMs, killFirst }, fault };
    }
    this.relaunches = this.relaunches.filter((at) => now - at < this.policy.relaunchWindowMs);
    if (this.relaunches.length < this.policy.maxRelaunches) {
      this.relaunches.push(now);
      const detail = `${fault.detail}; ${this.policy.maxReloads} reloads in ${this.policy.reloadWindowMs} ms did not help`;
      return { action: { type: 'relaunch' }, fault: { kind: fault.kind, detail } };
    }
    this.reloads = [];
    const detail = `${fault.detail}; ${this.policy.maxRelaunches} relaunches did not help, cooling down`;
    return {
      action: { type: 'cool-down', afterMs: this.policy.coolDownMs },
      fault: { kind: fault.kind, detail },
    };
  }
}
