// A stand-in for the parts of Electron's main-process API the shell uses,
// recording what the shell asks of it. Bundled in place of `electron` by
// shell-smoke.test.ts, since the real binary cannot run on this machine.
import { EventEmitter } from 'node:events';

export const calls: string[] = [];
export const ipcHandlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
export const hooks: {
  protocolHandler?: (request: { url: string }) => Promise<Response>;
  permissionRequest?: (
    contents: unknown,
    permission: string,
    callback: (granted: boolean) => void,
    details: { requestingUrl: string; mediaTypes?: string[] },
  ) => void;
  headersReceived?: (
    details: { responseHeaders?: Record<string, string[]> },
    callback: (response: { responseHeaders: Record<string, string[]> }) => void,
  ) => void;
  window?: BrowserWindow;
} = {};

class WebContents extends EventEmitter {
  openHandler?: (details: { url: string }) => { action: string };
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.openHandler = handler;
  }
  loadURL(url: string): Promise<void> {
    calls.push(`contents.loadURL ${url}`);
    return Promise.resolve();
  }
  send(channel: string): void {
    calls.push(`send ${channel}`);
  }
  forcefullyCrashRenderer(): void {
    calls.push('forcefullyCrashRenderer');
  }
}

class App extends EventEmitter {
  isPackaged = true;
  requestSingleInstanceLock = () => true;
  whenReady = () => Promise.resolve();
  getPath = () => process.env.SMOKE_USER_DATA ?? '';
  getAppPath = () => process.env.SMOKE_APP_PATH ?? '';
  getVersion = () => '0.1.0';
  quit = () => calls.push('app.quit');
  exit = (code: number) => calls.push(`app.exit ${code}`);
  relaunch = () => calls.push('app.relaunch');
}
export const app = new App();

export class BrowserWindow extends EventEmitter {
  readonly webContents = new WebContents();
  constructor(readonly options: { kiosk?: boolean; webPreferences?: Record<string, unknown> }) {
    super();
    hooks.window = this;
    app.emit('web-contents-created', {}, this.webContents);
  }
  loadURL(url: string): Promise<void> {
    calls.push(`window.loadURL ${url}`);
    return Promise.resolve();
  }
  show(): void {}
  focus(): void {}
  isDestroyed(): boolean {
    return false;
  }
}

export const session = {
  defaultSession: {
    setPermissionRequestHandler: (handler: typeof hooks.permissionRequest) => {
      hooks.permissionRequest = handler;
    },
    setPermissionCheckHandler: () => calls.push('setPermissionCheckHandler'),
    setDevicePermissionHandler: () => calls.push('setDevicePermissionHandler'),
    // The store pin (store-trust-session.ts): every TLS connection is decided by it.
    setCertificateVerifyProc: () => calls.push('setCertificateVerifyProc'),
    webRequest: {
      onHeadersReceived: (handler: typeof hooks.headersReceived) => {
        hooks.headersReceived = handler;
      },
    },
    on: (event: string) => calls.push(`session.on ${event}`),
    protocol: {
      handle: (scheme: string, handler: typeof hooks.protocolHandler) => {
        calls.push(`protocol.handle ${scheme}`);
        hooks.protocolHandler = handler;
      },
    },
  },
};

export const protocol = {
  registerSchemesAsPrivileged: (schemes: { scheme: string }[]) =>
    calls.push(`registerSchemesAsPrivileged ${schemes.map((s) => s.scheme).join()}`),
};
export const ipcMain = {
  handle: (channel: string, handler: (event: unknown, ...args: unknown[]) => unknown) => {
    ipcHandlers.set(channel, handler);
  },
};
export const dialog = {
  showErrorBox: (_title: string, message: string) => calls.push(`errorBox ${message}`),
};
export const Menu = {
  setApplicationMenu: (menu: null) => calls.push(`setApplicationMenu ${String(menu)}`),
};
export const powerSaveBlocker = { start: (type: string) => calls.push(`powerSaveBlocker ${type}`) };
// Reversible but not plaintext, like an OS keystore would be.
export const safeStorage = {
  isEncryptionAvailable: () => true,
  encryptString: (plain: string) => Buffer.from(Buffer.from(plain).map((byte) => byte ^ 0x5a)),
  decryptString: (data: Buffer) => Buffer.from(data.map((byte) => byte ^ 0x5a)).toString('utf8'),
  getSelectedStorageBackend: () => 'gnome_libsecret',
};
export const net = { fetch: (url: string, init: RequestInit) => fetch(url, init) };
