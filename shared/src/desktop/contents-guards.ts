// Locks every web contents the app creates: navigation and window.open only
// inside the allow-list, no <webview>, no escape or dev-tools shortcuts, and
// the staff exit chord turned into a request for the PIN pad.
import type { WebContents } from 'electron';
import { isBlockedShortcut } from './blocked-keys';
import { STAFF_EXIT_REQUESTED } from './ipc-channels';
import { decideNavigation, decideWindowOpen } from './navigation-policy';
import { isStaffExitChord } from './staff-gesture';

export type ContentsGuardOptions = {
  allowList: readonly string[];
  production: boolean;
  log: (event: string, fields: Record<string, unknown>) => void;
};

export function guardContents(contents: WebContents, options: ContentsGuardOptions): void {
  const refuseOutside = (event: { preventDefault(): void; url: string }, what: string) => {
    const decision = decideNavigation(event.url, options.allowList);
    if (decision.allow) return;
    event.preventDefault();
    options.log('navigation-denied', { what, reason: decision.reason });
  };
  contents.on('will-navigate', (event) => refuseOutside(event, 'navigate'));
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) refuseOutside(event, 'frame-navigate');
  });
  contents.on('will-redirect', (event) => refuseOutside(event, 'redirect'));

  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideWindowOpen(url, options.allowList);
    if (decision.navigateInPlace) void contents.loadURL(decision.navigateInPlace);
    else options.log('window-open-denied', { reason: decision.reason });
    return { action: 'deny' };
  });

  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    options.log('webview-denied', {});
  });

  contents.on('before-input-event', (event, input) => {
    if (isStaffExitChord(input)) {
      event.preventDefault();
      contents.send(STAFF_EXIT_REQUESTED);
      return;
    }
    if (isBlockedShortcut(input, options.production)) event.preventDefault();
  });
}
