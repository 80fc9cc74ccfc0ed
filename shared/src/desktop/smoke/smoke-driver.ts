// Starts the real shell (bundled, with electron-stub.ts standing in for
// Electron), drives it like a renderer and a crash would, and prints what
// happened as JSON for shell-smoke.test.ts.
import { startShell } from '../main';
import { calls, hooks, ipcHandlers } from './electron-stub';

const fromApp = { senderFrame: { url: 'vitrine-app://kiosk/product/1' } };
const fromElsewhere = { senderFrame: { url: 'https://evil.example/' } };

function invoke(channel: string, event: unknown, ...args: unknown[]): Promise<unknown> {
  const handler = ipcHandlers.get(channel);
  if (!handler) return Promise.resolve(`no handler for ${channel}`);
  return Promise.resolve(handler(event, ...args));
}

function permission(
  permissionName: string,
  requestingUrl: string,
  mediaTypes?: string[],
): Promise<boolean> {
  return new Promise((resolve) => {
    hooks.permissionRequest?.({}, permissionName, resolve, {
      requestingUrl,
      ...(mediaTypes ? { mediaTypes } : {}),
    });
  });
}

async function drive(): Promise<Record<string, unknown>> {
  startShell('kiosk');
  await new Promise((resolve) => setTimeout(resolve, 50));
  const contents = hooks.window?.webContents;
  const page = await hooks.protocolHandler?.({ url: 'vitrine-app://kiosk/' });
  let navigationPrevented = false;
  contents?.emit('will-navigate', {
    url: 'https://evil.example/',
    preventDefault: () => (navigationPrevented = true),
  });
  let headers: Record<string, string[]> = {};
  hooks.headersReceived?.(
    { responseHeaders: { 'content-security-policy': ['default-src *'] } },
    (r) => (headers = r.responseHeaders),
  );
  const credential = { deviceId: 'kiosk-07', secret: 's'.repeat(32) };
  const result = {
    webPreferences: hooks.window?.options.webPreferences,
    kiosk: hooks.window?.options.kiosk,
    channels: [...ipcHandlers.keys()].sort(),
    appInfo: await invoke('vitrine:app-info', fromApp),
    appInfoFromElsewhere: await invoke('vitrine:app-info', fromElsewhere),
    badArgs: await invoke('vitrine:credential:set', fromApp, { deviceId: 42 }),
    setCredential: await invoke('vitrine:credential:set', fromApp, credential),
    getCredential: await invoke('vitrine:credential:get', fromApp),
    wrongPin: await invoke('vitrine:staff:exit-with-pin', fromApp, '000000'),
    captureFromKiosk: await invoke('vitrine:screen:capture', fromApp),
    page: {
      status: page?.status,
      type: page?.headers.get('content-type'),
      csp: page?.headers.get('content-security-policy'),
    },
    shellBundleServed: (
      await hooks.protocolHandler?.({ url: 'vitrine-app://kiosk/shell/main.cjs' })
    )?.status,
    windowOpen: contents?.openHandler?.({ url: 'https://evil.example/' }),
    navigationPrevented,
    networkCsp: Object.entries(headers).filter(
      ([name]) => name.toLowerCase() === 'content-security-policy',
    ),
    camera: await permission('media', 'vitrine-app://kiosk/', ['video']),
    geolocation: await permission('geolocation', 'vitrine-app://kiosk/'),
    cameraForStoreServer: await permission('media', 'http://127.0.0.1:9/', ['video']),
  };
  contents?.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 11 });
  await new Promise((resolve) => setTimeout(resolve, 50));
  const rightPin = await invoke('vitrine:staff:exit-with-pin', fromApp, process.env.SMOKE_PIN);
  await new Promise((resolve) => setTimeout(resolve, 300));
  return { ...result, rightPin, calls };
}

void drive().then((result) => {
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0);
});
