// The desktop shell shared by kiosk, signage and mirror: one hardened,
// full-screen window on the app's own protocol, kept awake and watched.
import { join } from 'node:path';
import { app as electronApp, dialog, Menu, powerSaveBlocker, safeStorage, session } from 'electron';
import { appOrigin, appStartUrl, productNames, type ShellApp } from './app-identity';
import { registerAppScheme, serveAppFiles } from './app-protocol';
import type { DeviceConfig } from './config';
import { guardContents } from './contents-guards';
import { CredentialVault, encryptionProblem } from './credential-vault';
import { buildCsp } from './csp';
import { createFaultReporter, type ReportFault } from './fault-reporting';
import { registerIpcHandlers } from './ipc-main';
import { guardSession } from './session-guards';
import { shellIpcHandlers } from './shell-ipc-handlers';
import { loadDeviceConfig } from './load-config';
import { createMainWindow } from './main-window';
import { createShellLog, type ShellLog } from './shell-logger';
import { StaffExit } from './staff-exit';
import { stateFiles } from './state-files';
import { StoreTrust } from './store-trust';
import { pinStoreServer } from './store-trust-session';
import { startAutoUpdates } from './auto-update';
import { updateFeed } from './update-feed';
import { attachWatchdog } from './watchdog';
import { WatchdogMachine } from './watchdog-policy';
import { windowMode } from './window-mode';

/** Exit code for a bad config, so a service manager can tell it from a crash. */
export const EXIT_CONFIG_ERROR = 78;

export function startShell(app: ShellApp): void {
  registerAppScheme();
  if (!electronApp.requestSingleInstanceLock()) {
    electronApp.quit();
    return;
  }
  void electronApp.whenReady().then(() => run(app));
}

function run(app: ShellApp): void {
  const userData = electronApp.getPath('userData');
  const log = createShellLog(userData);
  const config = loadDeviceConfig(app, userData);
  if (!config.ok) {
    log('error', 'config-invalid', { error: config.error });
    dialog.showErrorBox(`${productNames[app]} — configuration`, config.error);
    electronApp.exit(EXIT_CONFIG_ERROR);
    return;
  }
  Menu.setApplicationMenu(null);
  const files = stateFiles(userData);
  const vault = new CredentialVault(safeStorage, files.credential, process.platform);
  const credential = () => {
    const loaded = vault.load();
    return loaded.ok ? loaded.value : null;
  };
  const report = createFaultReporter({
    app,
    appVersion: electronApp.getVersion(),
    storeServerUrl: config.value.storeServerUrl,
    credential,
    files,
    log,
  });
  // The store's TLS is decided by its pinned CA before the window makes any request.
  const trust = new StoreTrust({
    storeServerUrl: config.value.storeServerUrl,
    expected: config.value.storeCaFingerprint,
    file: files.storePins,
    log: (event, fields) => log('info', event, fields),
  });
  void pinStoreServer(session.defaultSession, trust, log).then(() =>
    openWindow(app, config.value, { log, report, vault, files }),
  );
  startAutoUpdates(updateFeed(config.value.updates, config.value.storeServerUrl, app), log);
}

type Services = {
  log: ShellLog;
  report: ReportFault;
  vault: CredentialVault;
  files: ReturnType<typeof stateFiles>;
};

function openWindow(app: ShellApp, config: DeviceConfig, services: Services): void {
  const { log, report, vault, files } = services;
  const mode = windowMode(electronApp.isPackaged, process.env);
  const csp = buildCsp(config.storeServerUrl, { webFrames: app === 'signage' });
  const allowList = [appOrigin(app), ...config.extraNavigationOrigins];

  guardSession(session.defaultSession, app, csp);
  serveAppFiles(session.defaultSession, app, join(electronApp.getAppPath(), 'dist'), csp);
  electronApp.on('web-contents-created', (_event, contents) => {
    guardContents(contents, {
      allowList,
      production: !mode.devTools,
      log: (event, fields) => log('warn', event, fields),
    });
  });

  const staffExit = new StaffExit(config.exitPinHash);
  // The window exists only below; a capture asked before it is refused.
  let capture = (): Promise<Uint8Array> => Promise.reject(new Error('no window yet'));
  registerIpcHandlers(
    app,
    shellIpcHandlers({
      app,
      config,
      log,
      report,
      vault,
      staffExit,
      capturePage: () => capture(),
    }),
  );

  powerSaveBlocker.start('prevent-display-sleep');
  const window = createMainWindow(
    join(electronApp.getAppPath(), 'dist', 'shell', 'preload.cjs'),
    mode,
    productNames[app],
  );
  capture = async () => new Uint8Array((await window.webContents.capturePage()).toPNG());
  window.once('ready-to-show', () => window.show());
  electronApp.on('second-instance', () => window.focus());
  electronApp.on('window-all-closed', () => electronApp.quit());
  electronApp.on('child-process-gone', (_event, details) => {
    report({
      kind: 'process-gone',
      detail: `${details.type}: ${details.reason} (${details.exitCode})`,
      action: 'none',
    });
  });

  const machine = new WatchdogMachine({ ...config.watchdog }, files.loadRelaunches());
  attachWatchdog(window, machine, {
    startUrl: appStartUrl(app),
    onFault: (fault, action) => report({ ...fault, action: action.type }),
    relaunch: () => {
      files.saveRelaunches(machine.relaunchHistory());
      electronApp.relaunch();
      electronApp.exit(0);
    },
  });
  void window.loadURL(appStartUrl(app));
  log('info', 'started', { app, version: electronApp.getVersion(), kiosk: mode.kiosk });
  const problem = encryptionProblem(safeStorage, process.platform);
  if (problem) log('error', 'credential-store-unavailable', { reason: problem });
}
