// Wires the window's crash, hang and load-failure events to the watchdog
// policy and carries out what it decides.
import type { BrowserWindow } from 'electron';
import type {
  WatchdogAction,
  WatchdogEvent,
  WatchdogFault,
  WatchdogMachine,
} from './watchdog-policy';

export type WatchdogHooks = {
  startUrl: string;
  onFault: (fault: WatchdogFault, action: WatchdogAction) => void;
  relaunch: () => void;
};

export function attachWatchdog(
  window: BrowserWindow,
  machine: WatchdogMachine,
  hooks: WatchdogHooks,
): void {
  const contents = window.webContents;
  let hangTimer: NodeJS.Timeout | undefined;

  const run = (action: WatchdogAction) => {
    switch (action.type) {
      case 'none':
        return;
      case 'start-hang-timer':
        clearTimeout(hangTimer);
        hangTimer = setTimeout(() => feed({ type: 'hang-timeout' }), action.afterMs);
        return;
      case 'cancel-hang-timer':
        clearTimeout(hangTimer);
        return;
      case 'reload':
        setTimeout(() => {
          if (window.isDestroyed()) return;
          if (action.killFirst) contents.forcefullyCrashRenderer();
          void contents.loadURL(hooks.startUrl);
        }, action.afterMs);
        return;
      case 'relaunch':
        hooks.relaunch();
        return;
      case 'cool-down':
        setTimeout(() => feed({ type: 'cool-down-over' }), action.afterMs);
        return;
    }
  };

  function feed(event: WatchdogEvent): void {
    const step = machine.handle(event, Date.now());
    if (step.fault) hooks.onFault(step.fault, step.action);
    run(step.action);
  }

  contents.on('render-process-gone', (_event, details) => {
    feed({ type: 'crashed', reason: details.reason, exitCode: details.exitCode });
  });
  contents.on('unresponsive', () => feed({ type: 'unresponsive' }));
  contents.on('responsive', () => feed({ type: 'responsive' }));
  contents.on('did-fail-load', (_event, errorCode, description, _url, isMainFrame) => {
    if (isMainFrame) feed({ type: 'load-failed', errorCode, description });
  });
}
