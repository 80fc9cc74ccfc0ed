// Background updates with electron-updater from the configured channel; a
// downloaded update installs in the night maintenance hour, not in front of a shopper.
import electronUpdater from 'electron-updater';
import type { ShellLog } from './shell-logger';
import { msUntilMaintenance, type UpdateFeed } from './update-feed';

const CHECK_EVERY_MS = 6 * 3_600_000;

export function startAutoUpdates(feed: UpdateFeed | undefined, log: ShellLog): void {
  if (!feed) {
    log('info', 'updates-off', {});
    return;
  }
  const { autoUpdater } = electronUpdater;
  autoUpdater.setFeedURL(feed);
  autoUpdater.autoDownload = true;
  autoUpdater.autoInstallOnAppQuit = true;
  autoUpdater.on('error', (error) => log('warn', 'update-error', { error: error.message }));
  autoUpdater.on('update-downloaded', (info) => {
    const afterMs = msUntilMaintenance(new Date());
    log('info', 'update-downloaded', { version: info.version, installInMs: afterMs });
    setTimeout(() => autoUpdater.quitAndInstall(true, true), afterMs).unref();
  });
  const check = () => {
    autoUpdater.checkForUpdates().catch((error: unknown) => {
      log('warn', 'update-check-failed', { error: String(error) });
    });
  };
  check();
  setInterval(check, CHECK_EVERY_MS).unref();
}
