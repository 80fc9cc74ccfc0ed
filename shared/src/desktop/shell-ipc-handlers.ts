// What main answers on each IPC channel of the contract.
import { app as electronApp } from 'electron';
import type { ShellApp } from './app-identity';
import type { DeviceConfig } from './config';
import type { CredentialVault } from './credential-vault';
import type { ReportFault } from './fault-reporting';
import type { IpcHandlers } from './ipc-dispatch';
import type { ShellLog } from './shell-logger';
import type { StaffExit } from './staff-exit';

export type ShellIpcDeps = {
  app: ShellApp;
  config: DeviceConfig;
  log: ShellLog;
  report: ReportFault;
  vault: CredentialVault;
  staffExit: StaffExit;
  /** PNG of the main window as painted (webContents.capturePage). */
  capturePage: () => Promise<Uint8Array>;
};

export function shellIpcHandlers({
  app,
  config,
  log,
  report,
  vault,
  staffExit,
  capturePage,
}: ShellIpcDeps): IpcHandlers {
  return {
    appInfo: () => ({
      ok: true,
      value: {
        app,
        version: electronApp.getVersion(),
        packaged: electronApp.isPackaged,
        storeServerUrl: config.storeServerUrl,
        ...(config.headOfficeKey ? { headOfficeKey: config.headOfficeKey } : {}),
      },
    }),
    getDeviceCredential: () => vault.load(),
    setDeviceCredential: (credential) => vault.store(credential),
    reportFault: (fault) => {
      const detail = fault.detail ? `${fault.message}\n${fault.detail}` : fault.message;
      report({ kind: fault.kind, detail, action: 'none' });
      return { ok: true, value: null };
    },
    exitWithPin: (pin) => {
      const result = staffExit.attempt(pin, Date.now());
      log(result.ok ? 'info' : 'warn', 'staff-exit', { ok: result.ok });
      // Answer the renderer first, then quit with code 0 so a service manager does not restart.
      if (result.ok) setTimeout(() => electronApp.quit(), 200);
      return result;
    },
    // Only a signage screen shows nothing private: kiosks and mirrors never hand out pictures.
    capturePage: async () =>
      app === 'signage'
        ? { ok: true, value: await capturePage() }
        : { ok: false, error: `capturePage: not offered to the ${app} app` },
  };
}
